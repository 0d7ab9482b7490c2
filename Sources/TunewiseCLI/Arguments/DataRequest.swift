import TunewiseData

/// `tunewise data FILE [--eval FILE] [--format FORMAT] [--strict] [--token-limit N]`.
struct DataRequest: Equatable {
    /// The training file; `-` for standard input.
    var path: String
    /// The evaluation file checked for leakage from training.
    var evalPath: String?
    var format: ReportFormat = .text
    /// Exit 65 when any line is invalid or no example is valid.
    var strict = false
    /// The token count examples are held to.
    var tokenLimit = DataAnalyzer.Options().tokenLimit
}

extension DataRequest {
    static let evalFile = FlagSpec(
        "eval", .file, help: "an evaluation file: its examples found in training (exactly, by prompt, or nearly) are leakage")
    static let strictFlag = FlagSpec("strict", .toggle, help: "exit 65 when a file (training or --eval) has an invalid line or no valid example")
    /// The largest `--token-limit`.
    static let tokenLimitRange = 1...100_000_000
    static let tokenLimitFlag = FlagSpec(
        "token-limit", .value(), expected: "a whole number from 1 to \(tokenLimitRange.upperBound)", argument: "N",
        help:
            "count examples over N tokens (default \(DataAnalyzer.Options().tokenLimit), the longest training example OpenAI's hosted tuning took when last checked; set your service's or model's)"
    )

    /// The flags of `data`, in help order.
    static let flags: [FlagSpec] = [evalFile, .format(ReportFormat.self), strictFlag, tokenLimitFlag, .noColorAccepted]

    /// The request that checked `arguments` give: one training file, or `-`.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        let words = arguments.positionals
        guard let path = words.first else {
            throw .missingArgument(command: arguments.command, expected: "a training file (.jsonl), or '-' for standard input")
        }
        if let extra = words.dropFirst().first {
            throw .unknownWord(
                extra, kind: "argument to '\(arguments.command)'", allowed: ["one training file; an evaluation file goes after --eval"],
                suggestion: nil)
        }
        self.init(path: path)
        evalPath = arguments.value(Self.evalFile)
        if evalPath == "-", path == "-" { throw .conflictingFlags("data -", "--eval -") }
        format = arguments.choice(.format(ReportFormat.self), default: .text)
        strict = arguments.has(Self.strictFlag)
        tokenLimit = try Self.tokenLimit(arguments) ?? tokenLimit
    }

    /// `--token-limit`'s value, checked, whichever command took it; `nil` when not given.
    static func tokenLimit(_ arguments: ParsedArguments) throws(CommandError) -> Int? {
        guard let limit = arguments.value(tokenLimitFlag) else { return nil }
        guard let value = Int(limit), tokenLimitRange.contains(value) else {
            throw .invalidValue(flag: tokenLimitFlag.spelling, value: limit, allowed: tokenLimitFlag.allowedValues ?? [], suggestion: nil)
        }
        return value
    }
}
