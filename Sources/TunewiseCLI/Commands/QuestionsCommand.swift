import TunewiseKit

/// `tunewise questions`: the rubric's questions, options and help, for people (wrapped to the
/// terminal's width) and for scripts.
struct QuestionsCommand: TunewiseCommand, Equatable {
    /// Which rubric, with which policy.
    let rubric: RubricSelection
    let format: QuestionsFormat

    static let spec = CommandSpec(
        name: "questions", summary: "list the rubric's questions, their options and help",
        usage: [
            "questions [--format \(QuestionsFormat.allCases.map(\.rawValue).joined(separator: "|"))] [--rubric FILE] [--policy FILE | --no-policy]"
        ],
        discussion: "tunewise questions: list the rubric's questions, their options and help.",
        flags: [.format(QuestionsFormat.self, note: ", for scripts that build forms"), .rubric("list a rubric other than the built-in one")]
            + FlagSpec.policyFlags + [.noColorAccepted],
        action: .running(QuestionsCommand.self), help: { $0.options })

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(self.rubric, console: &console)
        try console.writeOutput(format.renderer(width: TextStyle.width(in: console.environment)).render(rubric))
        return .success
    }
}

extension QuestionsCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        rubric = try RubricSelection(arguments)
        format = arguments.choice(.format(QuestionsFormat.self), default: .text)
    }
}
