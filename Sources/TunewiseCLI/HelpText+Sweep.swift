extension HelpText {
    /// The opening of `tunewise help sweep`.
    static let sweepDiscussion = """
        tunewise sweep: the advice over every combination of answers. Reports how many \
        situations lead to each strategy, the questions that decide most often (how often \
        changing that one answer changes the advice), the share of each strategy for each \
        answer, and with --map the winning strategy for each pair of answers to two questions.

        By default the six core questions are varied and the refinements stay unanswered; a \
        varied refinement takes each of its options and unanswered.
        """

    /// The rest of `tunewise help sweep`.
    static func sweep(_ context: HelpContext) -> String {
        context.options + """

            CSV: a header row, then one row per varied question and answer:
              question,answer,situations,prompt-engineering,prompt-tuning,fine-tuning,hybrid
            With --map, one row per map cell instead, its two answers first:
              ROW-ID,COLUMN-ID,situations,prompt-engineering,...,hybrid,winner
            Counts are situations; an unanswered refinement's answer is empty.

            Exit codes: 0 swept; 64 usage (unknown question or option, a question both fixed \
            and varied); 65 a rubric file that is not valid; 66 a file that cannot be opened.


            """ + context.examples
    }
}
