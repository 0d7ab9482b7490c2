/// `tunewise rubric validate|check`: the commands for rubric authors, a group whose help
/// covers both.
enum RubricCommand {
    static let spec = CommandSpec(
        name: "rubric", summary: "check rubric files and report every problem with its JSON path",
        usage: ["rubric validate FILE...", "rubric check [FILE]"], discussion: HelpText.rubricDiscussion,
        action: .group([ValidateCommand.spec, CheckCommand.spec]), help: { $0.options })
}
