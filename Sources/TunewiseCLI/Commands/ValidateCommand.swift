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
            let result: Result<Rubric, RubricLoadError>
            do {
                result = .success(try Tunewise.loadRubric(path, console: &console))
            } catch let .invalidRubric(_, error) {
                anyInvalid = true
                result = .failure(error)
            } catch let error where error.exitCode == .noInput {
                anyUnreadable = true
                Tunewise.report(error, helpTopic: "rubric", console: &console)
                continue
            }
            try console.writeOutput(RubricValidationRenderer().render(RubricValidation(path: path, result: result)))
        }
        return anyInvalid ? .dataError : (anyUnreadable ? .noInput : .success)
    }
}
