import TunewiseKit

/// `tunewise diff`: how the advice changes between two answers files, or between two
/// rubrics for the same answers.
struct DiffCommand: TunewiseCommand, Equatable {
    let request: DiffRequest

    static let spec = CommandSpec(
        name: "diff",
        summary: "how the advice changes between two answers files, or between two rubrics for the same answers, for reviewing a change in CI",
        usage: ["diff A.json B.json [options]", "diff answers.json --rubric old.json --rubric-b new.json [options]"],
        discussion: HelpText.diffDiscussion, positionals: [.file],
        flags: DiffRequest.flags,
        examples: [
            "tunewise diff before.json after.json",
            "tunewise diff answers.json --rubric-b rubrics/default.json \\\n  --format markdown",
            "tunewise diff before.json after.json --format json \\\n  --exit-code",
        ],
        action: .running(DiffCommand.self), help: HelpText.diff)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubricA = try Tunewise.loadRubric(request.rubric, console: &console)
        let rubricB = try request.rubricBPath.map { path throws(CommandError) in try Tunewise.loadRubric(path, console: &console) } ?? rubricA
        // Standard input can be read once: `-` on both sides reads it for both.
        var standardInput: [UInt8]?
        func bytes(_ path: String) throws(CommandError) -> [UInt8] {
            guard path == "-" else { return try console.readFile(path) }
            if let standardInput { return standardInput }
            let read = try console.readAllInput()
            standardInput = read
            return read
        }
        // Nobody is asked: each file, over its policy's answers, must answer every core
        // question, and the advisor names any it leaves unanswered as that file's problems.
        func advice(_ path: String, _ rubric: Rubric) throws(CommandError) -> Advice {
            let answers = Tunewise.withPolicyDefaults(try Tunewise.decodeAnswers(bytes(path), path: path, rubric), rubric)
            return try Tunewise.advise(answers, with: Advisor(rubric: rubric), answersFile: path)
        }
        let before = try advice(request.pathA, rubricA)
        let after = try advice(request.pathB, rubricB)
        let order = rubricA.questions.map(\.id) + rubricB.questions.map(\.id).filter { rubricA.question($0) == nil }
        let diff = AdviceDiff(before: before, after: after, questionOrder: order)
        let report = DiffReport(
            diff: diff,
            a: DiffReport.Side(answers: request.pathA, rubricModel: rubricA, rubricFile: Self.file(request.rubric.rubricPath)),
            b: DiffReport.Side(
                answers: request.pathB, rubricModel: rubricB, rubricFile: Self.file(request.rubricBPath ?? request.rubric.rubricPath)),
            toolVersion: Tunewise.version)
        let text = request.format.diffRenderer(width: TextStyle.width(in: console.environment)).render(report)
        try console.writeOutput(text)
        return request.exitCode && diff.adviceDiffers ? .expectationFailed : .success
    }

    /// A rubric's file as a report names it: `nil` for the built-in one, however it was given.
    private static func file(_ path: String?) -> String? {
        path == BuiltInRubric.name ? nil : path
    }
}

extension DiffCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try DiffRequest(arguments)
    }
}
