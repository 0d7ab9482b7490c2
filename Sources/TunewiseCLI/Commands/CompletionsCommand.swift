import TunewiseKit

/// `tunewise completions SHELL`: prints a completion script for the rubric in use.
struct CompletionsCommand: TunewiseCommand, Equatable {
    let request: CompletionsRequest

    static let spec = CommandSpec(
        name: "completions", summary: "print a shell completion script",
        usage: ["completions \(CompletionShell.allCases.map(\.rawValue).joined(separator: "|")) [--rubric FILE]"],
        discussion: HelpText.completionsDiscussion,
        positionals: [
            PositionalSpec.choice(CompletionShell.allCases.map { .init(value: $0.rawValue, description: "\($0.rawValue) script") })
        ],
        flags: [.rubric("complete the questions of a rubric other than the built-in one")],
        action: .running(CompletionsCommand.self), help: HelpText.completions)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        try console.writeOutput(request.shell.script(CompletionSpec(rubric: rubric)))
        return .success
    }
}

extension CompletionsCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try CompletionsRequest(arguments)
    }
}
