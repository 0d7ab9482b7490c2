import TunewiseKit

/// `tunewise diff A.json [B.json] [--rubric FILE] [--rubric-b FILE] [--format FORMAT] [--exit-code]`.
struct DiffRequest: Equatable {
    /// The first answers file (`-` for standard input).
    var pathA: String
    /// The second answers file; the first again when only one is given (with `--rubric-b`).
    var pathB: String
    /// The rubric for both sides; `nil` for the built-in one.
    var rubricPath: String?
    /// `--rubric-b`: the rubric for the second side, to compare two rubrics.
    var rubricBPath: String?
    var format: ReportFormat = .text
    /// `--exit-code`: exit 1 when the advice differs, as `git diff --exit-code` does.
    var exitCode = false

    static func parse(_ words: [String], _ scanned: ScannedArguments) throws(CommandError) -> DiffRequest {
        if let flag = scanned.flags.first(where: { !Invocation.diffFlags.contains($0.name) }) {
            throw Invocation.unknownFlag(flag, allowed: Invocation.diffFlags)
        }
        if let flag = scanned.flags.first(where: \.isMissingValue) {
            throw .missingValue(flag: flag.spelling, allowed: flag.name == "format" ? ReportFormat.allCases.map(\.rawValue) : nil)
        }
        let rubricB = try scanned.single("rubric-b")
        let expected = "two answers files, A.json B.json (or one with --rubric-b FILE)"
        guard let first = words.first, words.count == 2 || rubricB != nil else {
            throw .missingArgument(command: "diff", expected: expected)
        }
        if let extra = words.dropFirst(2).first {
            throw .unknownWord(extra, kind: "argument to 'diff'", allowed: [expected], suggestion: nil)
        }
        var request = DiffRequest(pathA: first, pathB: words.last ?? first)
        request.rubricPath = try scanned.single("rubric")
        request.rubricBPath = rubricB
        request.exitCode = scanned.has("exit-code")
        request.format = try Invocation.parseFormat(scanned, default: .text)
        return request
    }
}
