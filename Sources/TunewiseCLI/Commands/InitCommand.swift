import TunewiseKit

/// `tunewise init [FILE]`: writes a starter answers file that `--answers` accepts as it is.
struct InitCommand: TunewiseCommand, Equatable {
    let request: InitRequest

    static let spec = CommandSpec(
        name: "init", summary: "write a starter answers file", usage: ["init [FILE] [--force] [--rubric FILE]"],
        discussion: HelpText.initDiscussion, positionals: [.file], flags: InitRequest.flags,
        examples: ["tunewise init answers.json", "tunewise --answers answers.json --no-input"],
        action: .running(InitCommand.self), help: HelpText.initHelp)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        let text = Self.starterAnswers(rubric)
        guard let path = request.path else {
            try console.writeOutput(text)
            return .success
        }
        if !request.force, console.fileExists(path) { throw .fileExists(path: path) }
        try console.writeFile(text, to: path)
        console.writeError(
            "tunewise: wrote starter answers to \(Tunewise.visible(path)); edit them, then run 'tunewise --answers \(shellQuoted(path))'\n")
        return .success
    }

    /// Every core question with its default option, or its first where it has none, as an
    /// answers file (the format of `--save-answers`).
    static func starterAnswers(_ rubric: Rubric) -> String {
        AnswersDocument.encode(Situation(starterFor: rubric))
    }
}

extension InitCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try InitRequest(arguments)
    }
}
