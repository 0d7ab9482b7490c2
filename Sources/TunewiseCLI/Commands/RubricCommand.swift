/// `tunewise rubric validate|check|show`: the commands for rubric and policy authors, a
/// group whose help covers them all.
enum RubricCommand {
    static let spec = CommandSpec(
        name: "rubric", summary: "for rubric and policy authors: validate files, check a rubric's coverage, show the rubric in force",
        usage: [
            "rubric validate FILE...", "rubric check [FILE] [--policy FILE | --no-policy]",
            "rubric show [FILE] [--format json] [--policy FILE | --no-policy]",
        ],
        discussion: HelpText.rubricDiscussion,
        action: .group([ValidateCommand.spec, CheckCommand.spec, ShowCommand.spec]), help: { $0.usage + "\n" + $0.options })
}
