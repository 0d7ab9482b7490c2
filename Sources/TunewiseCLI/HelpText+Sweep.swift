extension HelpText {
    /// The opening of `tunewise help sweep`.
    static let sweepDiscussion = """
        tunewise sweep: the advice over every combination of answers. Reports how many \
        situations lead to each strategy, the questions that decide most often (how often \
        changing that one answer changes the advice), the share of each strategy for each \
        answer, and with --map the winning strategy for each pair of answers to two questions.

        By default the core questions are varied and the refinements stay unanswered; a \
        varied refinement takes each of its options and unanswered. A policy's answers are \
        held as --fix holds answers, except for a question the sweep is asked to vary.
        """

    /// The rest of `tunewise help sweep`.
    static func sweep(_ context: HelpContext) -> String {
        let strategies = context.rubric.strategies.map(\.id).joined(separator: ", ")
        return context.options + """

            CSV: a header row, then one row per varied question and answer: the columns \
            question, answer, situations and one count per strategy (\(strategies)). With \
            --map, one row per map cell instead: its row and column answers, situations, one \
            count per strategy and the winner. Counts are situations; an unanswered \
            refinement's answer is empty.

            Exit codes: 0 swept; 64 usage (unknown question or option, a question both fixed \
            and varied); 65 a rubric file that is not valid; 66 a file that cannot be opened.


            """ + context.examples
    }
}
