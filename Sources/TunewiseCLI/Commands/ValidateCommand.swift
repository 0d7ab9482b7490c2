import TunewiseKit

/// `tunewise rubric validate FILE...`: every problem of every file, each with its JSON path.
struct ValidateCommand {
    let paths: [String]

    /// Prints `FILE: valid` or one line per problem, and returns 0 when every file is valid,
    /// 65 when any is invalid, and otherwise 66 when any cannot be opened.
    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        var anyInvalid = false
        var anyUnreadable = false
        for path in paths {
            do {
                let rubric = try Tunewise.loadRubric(path)
                try console.writeOutput(
                    "\(path): valid (\(rubric.id) \(rubric.version), \(rubric.questions.count) questions, \(rubric.rules.count) rules, \(rubric.exclusions.count) exclusions)\n"
                )
            } catch let .invalidRubric(_, .syntax(error)) {
                anyInvalid = true
                try console.writeOutput("\(path): not valid JSON: \(error.description)\n")
            } catch let .invalidRubric(_, .invalid(problems)) {
                anyInvalid = true
                try console.writeOutput(problems.map { "\(path): \($0)\n" }.joined())
            } catch let error where error.exitCode == .noInput {
                anyUnreadable = true
                Tunewise.report(error, console: &console)
            }
        }
        return anyInvalid ? .dataError : (anyUnreadable ? .noInput : .success)
    }
}
