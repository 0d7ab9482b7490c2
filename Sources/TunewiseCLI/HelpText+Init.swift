extension HelpText {
    /// The opening of `tunewise help init`.
    static let initDiscussion = """
        tunewise init: write a starter answers file: every core question with its default
        answer, or its first option where it has none. Edit it, then pass it to --answers.
        """

    /// The rest of `tunewise help init`.
    static func initHelp(_ context: HelpContext) -> String {
        let file = "FILE is where to write it; '-' or no FILE prints it on standard output."
        let exitCodes = """
            Exit codes: 0 written; 64 usage; 65 a rubric file that is not valid; 66 a file that
            cannot be opened; 73 FILE exists (without --force) or cannot be written.
            """
        return context.usage + "\n" + file + "\n\n" + context.options + "\n" + exitCodes + "\n\n" + context.examples
    }
}
