import TunewiseKit

/// `tunewise rubric validate FILE...`: every problem of every file, each with its JSON path.
/// A file with a `policy` member is checked as a policy on the rubric it extends.
struct ValidateCommand: TunewiseCommand, Equatable {
    let paths: [String]

    static let spec = CommandSpec(
        name: "validate", summary: "check rubric files and report every problem with its JSON path", usage: [], discussion: "",
        positionals: [.file], action: .running(ValidateCommand.self))

    /// Prints `FILE: valid` or one line per problem, and returns 0 when every file is valid,
    /// 65 when any is invalid, and otherwise 66 when any cannot be opened.
    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        var anyInvalid = false
        var anyUnreadable = false
        for path in paths {
            let result: Result<Rubric, RubricLoadError>
            // A policy's problems are its own; those of the rubric it extends are that file's.
            var shownPath = path
            do {
                result = .success(try Self.load(path, console: &console))
            } catch let .invalidRubric(rubricPath, error) {
                anyInvalid = true
                shownPath = rubricPath
                result = .failure(error)
            } catch let .invalidPolicy(_, error) {
                anyInvalid = true
                result = .failure(error)
            } catch let error where error.exitCode == .noInput {
                anyUnreadable = true
                Tunewise.reportError(error, helpTopic: "rubric", console: &console)
                continue
            }
            try console.writeOutput(RubricValidationRenderer().render(RubricValidation(path: shownPath, result: result)))
        }
        return anyInvalid ? .dataError : (anyUnreadable ? .noInput : .success)
    }

    /// The rubric at `path`, or, when the file is a policy, the rubric it extends with it applied.
    private static func load(_ path: String, console: inout some Console) throws(CommandError) -> Rubric {
        let isPolicy = path != BuiltInRubric.name && ((try? JSONParser.parse(console.readFile(path))).map(PolicyLoader.isPolicy) ?? false)
        return isPolicy
            ? try Tunewise.loadRubric(RubricSelection(policy: .file(path)), console: &console)
            : try Tunewise.loadRubric(path, console: &console)
    }
}

extension ValidateCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        guard !arguments.positionals.isEmpty else {
            throw .missingArgument(command: arguments.command, expected: "one or more rubric files (or 'default' for the built-in one)")
        }
        paths = arguments.positionals
    }
}
