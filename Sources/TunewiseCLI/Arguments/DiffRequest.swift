import TunewiseKit

/// `tunewise diff A.json [B.json] [--rubric FILE] [--rubric-b FILE] [--format FORMAT] [--exit-code]`.
struct DiffRequest: Equatable {
    /// The first answers file (`-` for standard input).
    var pathA: String
    /// The second answers file; the first again when only one is given (with `--rubric-b`).
    var pathB: String
    /// Which rubric, with which policy, for side A (and B unless `--rubric-b` names another).
    var rubric = RubricSelection(policy: .discovered)
    /// `--rubric-b`: the rubric for the second side, to compare two rubrics.
    var rubricBPath: String?
    var format: ReportFormat = .text
    /// `--exit-code`: exit 1 when the advice differs, as `git diff --exit-code` does.
    var exitCode = false
}

extension DiffRequest {
    static let rubricB = FlagSpec(
        "rubric-b", .file,
        help:
            "the rubric for the second side, with no policy (so under a policy, add --no-policy to compare two rubrics alone); then one answers file is enough"
    )
    static let exitCodeFlag = FlagSpec("exit-code", .toggle, help: "exit 1 when the advice differs, as 'git diff --exit-code'")

    /// The flags of `diff`, in help order.
    static let flags: [FlagSpec] = [
        .rubric("the rubric for side A, and for B without --rubric-b (the built-in one by default)"), .policyFile, .noPolicy, rubricB,
        .format(ReportFormat.self), exitCodeFlag, .noColorAccepted,
    ]

    /// The request that checked `arguments` give: two answers files, or one with `--rubric-b`.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        let words = arguments.positionals
        let rubricB = arguments.value(Self.rubricB)
        let expected = "two answers files, A.json B.json (or one with --rubric-b FILE)"
        guard let first = words.first, words.count == 2 || rubricB != nil else {
            throw .missingArgument(command: arguments.command, expected: expected)
        }
        if let extra = words.dropFirst(2).first {
            throw .unknownWord(extra, kind: "argument to '\(arguments.command)'", allowed: [expected], suggestion: nil)
        }
        self.init(pathA: first, pathB: words.last ?? first)
        rubric = try RubricSelection(arguments)
        rubricBPath = rubricB
        exitCode = arguments.has(Self.exitCodeFlag)
        format = arguments.choice(.format(ReportFormat.self), default: .text)
    }
}
