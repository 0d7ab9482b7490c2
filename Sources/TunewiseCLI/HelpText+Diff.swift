extension HelpText {
    /// The opening of `tunewise help diff`.
    static let diffDiscussion = """
        tunewise diff: how the advice changes between two answers files, or between two \
        rubrics for the same answers, for reviewing a change in CI. Shows the answers that \
        differ and, for the strategy, the confidence, the deciding gates and the plan (each \
        stage with how it is carried out), what each side advises, and the next steps and \
        caveats one side has and the other has not (or words otherwise).
        """

    /// The rest of `tunewise help diff`.
    static func diff(_ context: HelpContext) -> String {
        context.usage + "\n" + context.options + """

            Answers files are read as --answers reads them ('-' for standard input) and must \
            answer every core question.

            Exit codes: 0 compared (the advice may differ); 1 with --exit-code, the advice \
            differs; 64 usage (missing answers); 65 a rubric or answers file that is not valid; \
            66 a file that cannot be opened.


            """ + context.examples
    }
}
