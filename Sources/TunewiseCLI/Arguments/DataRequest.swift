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

    /// The flags of `data`, in help order.
    static let flags = ["eval", "format", "strict", "token-limit"]

    /// The largest `--token-limit`.
    static let tokenLimitRange = 1...100_000_000

    static func parse(_ words: [String], _ scanned: ScannedArguments) throws(CommandError) -> DataRequest {
        if let flag = scanned.flags.first(where: { !flags.contains($0.name) }) { throw Invocation.unknownFlag(flag, allowed: flags) }
        if let flag = scanned.flags.first(where: \.isMissingValue) {
            throw .missingValue(flag: flag.spelling, allowed: flag.name == "format" ? ReportFormat.allCases.map(\.rawValue) : nil)
        }
        guard let path = words.first else {
            throw .missingArgument(command: "data", expected: "a training file (.jsonl), or '-' for standard input")
        }
        if let extra = words.dropFirst().first {
            throw .unknownWord(
                extra, kind: "argument to 'data'", allowed: ["one training file; an evaluation file goes after --eval"], suggestion: nil)
        }
        var request = DataRequest(path: path)
        request.evalPath = try scanned.single("eval")
        if request.evalPath == "-", path == "-" { throw .conflictingFlags("data -", "--eval -") }
        request.format = try Invocation.parseFormat(scanned, default: .text)
        request.strict = scanned.has("strict")
        if let limit = try scanned.single("token-limit") {
            guard let value = Int(limit), tokenLimitRange.contains(value) else {
                throw .invalidValue(
                    flag: "--token-limit", value: limit, allowed: ["a whole number from 1 to \(tokenLimitRange.upperBound)"], suggestion: nil)
            }
            request.tokenLimit = value
        }
        return request
    }
}
