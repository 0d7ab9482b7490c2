import TunewiseKit

/// `tunewise rubric show [FILE]`: the effective rubric (the built-in one or FILE, with the
/// policy applied) as a rubric file, so a policy author sees what the advice is made from.
struct ShowCommand: TunewiseCommand, Equatable {
    /// The rubric file (`nil` for the built-in one), with the policy to apply to it.
    let selection: RubricSelection

    /// The one format `show` writes: a rubric file.
    enum Format: String, CaseIterable { case json }

    static let spec = CommandSpec(
        name: "show", summary: "print the rubric in force, with any policy applied, as a rubric file", usage: [], discussion: "",
        positionals: [.file], flags: [.format(Format.self, note: "; rubric show only")] + FlagSpec.policyFlags + [.noColorAccepted],
        action: .running(ShowCommand.self))

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(selection, console: &console)
        try console.writeOutput(JSONWriter.write(rubric.document) + "\n")
        if rubric.policy != nil { console.writeError("tunewise: rubric \(rubric.nameWithPolicy) applied\n") }
        return .success
    }
}

extension ShowCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        selection = try RubricSelection(positionalIn: arguments)
    }
}
