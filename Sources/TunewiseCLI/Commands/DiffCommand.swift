import TunewiseKit

/// `tunewise diff`: how the advice changes between two answers files, or between two
/// rubrics for the same answers.
struct DiffCommand {
    let request: DiffRequest

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubricA = try Tunewise.loadRubric(request.rubricPath)
        let rubricB = try request.rubricBPath.map { path throws(CommandError) in try Tunewise.loadRubric(path) } ?? rubricA
        // Standard input can be read once: `-` on both sides reads it for both.
        var standardInput: [UInt8]?
        func bytes(_ path: String) throws(CommandError) -> [UInt8] {
            guard path == "-" else { return try InputFile.read(path) }
            if let standardInput { return standardInput }
            let read = try console.readAllInput()
            standardInput = read
            return read
        }
        let answersA = try Self.decode(bytes(request.pathA), path: request.pathA, rubricA)
        let answersB = try Self.decode(bytes(request.pathB), path: request.pathB, rubricB)
        let order = rubricA.questions.map(\.id) + rubricB.questions.map(\.id).filter { rubricA.question($0) == nil }
        let diff = AdviceDiff(before: try Self.advise(answersA, rubricA), after: try Self.advise(answersB, rubricB), questionOrder: order)
        let report = DiffReport(
            diff: diff,
            a: DiffReport.Side(answers: request.pathA, rubricID: rubricA.id, rubricVersion: rubricA.version),
            b: DiffReport.Side(answers: request.pathB, rubricID: rubricB.id, rubricVersion: rubricB.version),
            toolVersion: Tunewise.version)
        let text = request.format.diffRenderer(width: TextStyle.width(in: console.environment)).render(report)
        try console.writeOutput(text)
        return request.exitCode && diff.adviceDiffers ? .expectationFailed : .success
    }

    /// The answers in `bytes`, checked against `rubric` as `--answers` checks them.
    private static func decode(_ bytes: [UInt8], path: String, _ rubric: Rubric) throws(CommandError) -> Answers {
        let name = path == "-" ? "standard input" : path
        do {
            return try AnswersDocument.decode(bytes, against: rubric)
        } catch {
            switch error {
            case .syntax(let error): throw .invalidAnswersFile(path: name, problems: ["not valid JSON: \(error.description)"])
            case .invalid(let problems): throw .invalidAnswersFile(path: name, problems: problems)
            }
        }
    }

    private static func advise(_ answers: Answers, _ rubric: Rubric) throws(CommandError) -> Advice {
        do {
            return try Advisor(rubric: rubric).advise(answers)
        } catch {
            switch error {
            case .everyStrategyExcluded: throw .everyStrategyExcluded
            case .missingAnswers(let questions): throw .missingAnswers(questions)
            case .invalidAnswers(let problems):
                // The files are checked against their rubrics as they are read, so this cannot happen.
                preconditionFailure("answers were not checked: \(problems)")
            }
        }
    }
}
