extension HelpText {
    /// `tunewise help diff`.
    static let diff = """
        tunewise diff: how the advice changes between two answers files, or between two \
        rubrics for the same answers, for reviewing a change in CI. Shows the answers that \
        differ and, for the strategy, the confidence, the deciding gates and the plan, what \
        each side advises.

        Usage:
          tunewise diff A.json B.json [options]
          tunewise diff answers.json --rubric old.json --rubric-b new.json [options]

        Options:
          --rubric FILE             the rubric for both sides (the built-in one by default)
          --rubric-b FILE           the rubric for the second side; then one answers file \
        is enough
          --format FORMAT           \(formats(ReportFormat.self))
          --exit-code               exit 1 when the advice differs, as 'git diff --exit-code'

        Answers files are read as --answers reads them ('-' for standard input) and must \
        answer every core question.

        Exit codes: 0 compared (the advice may differ); 1 with --exit-code, the advice \
        differs; 64 usage (missing answers); 65 a rubric or answers file that is not valid; \
        66 a file that cannot be opened.

        Examples:
          tunewise diff before.json after.json
          tunewise diff answers.json --rubric-b rubrics/default.json \\
            --format markdown
          tunewise diff before.json after.json --format json \\
            --exit-code

        """
}
