import TunewiseKit

extension HelpText {
    /// The opening of `tunewise help advise`.
    static let adviseDiscussion = """
        tunewise advise: recommend a strategy. In a terminal it asks for whatever the flags \
        and files leave unanswered; otherwise every core question needs an answer.
        """

    /// The rest of `tunewise help advise`: the options, the strategies, the rubric's
    /// questions with their options, the exit codes and the examples.
    static func advise(_ context: HelpContext) -> String {
        var text = context.options + "\nStrategies: \(Contract.strategyIDs.joined(separator: ", "))\n\n"
        for (heading, isCore) in [("Core questions (required):", true), ("Refinements (optional; unanswered means unknown):", false)] {
            text += heading + "\n"
            let questions = context.rubric.questions.filter { $0.isCore == isCore }
            let width = (questions.map(\.id.count).max() ?? 0) + 2
            for question in questions {
                let flag = "--\(question.id)".padded(to: width + 2)
                text += "  \(flag)  \(question.options.map(\.id).joined(separator: " | "))\n"
            }
            text += "\n"
        }
        return text + questionnaire + "\n" + exitCodes + "\n" + context.examples
    }

    /// How to move around in the questionnaire, for `tunewise help advise`.
    static let questionnaire = """
        The questionnaire:
          Answer with a number, an option name or its start; ? shows help, back (or <) \
        returns to the question before, quit (or q) leaves with nothing written (exit 130). \
        A review of every answer comes before the report: a number changes that answer, \
        Enter (or ok) gives the advice. In a terminal the arrow keys, Home, End and \
        Backspace edit the line, and up and down recall earlier answers.

        """
}
