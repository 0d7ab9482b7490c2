extension HelpText {
    /// The opening of `tunewise help init`.
    static let initDiscussion = """
        tunewise init: write a starter answers file: a typical case with every core question \
        answered, each question's option ids listed in it (the refinements as optional), and \
        answers.schema.json beside it so an editor completes and checks it (one already there \
        is kept). Edit it, then pass it to --answers. With --policy, a starter policy instead.
        """

    /// The rest of `tunewise help init`.
    static func initHelp(_ context: HelpContext) -> String {
        let file = "FILE is where to write it; '-' or no FILE prints it on standard output."
        let exitCodes = """
            Exit codes: 0 written; 64 usage; 65 a rubric file that is not valid; 66 a file that \
            cannot be opened; 73 FILE exists (without --force) or cannot be written.
            """
        return context.usage + "\n" + file + "\n\n" + context.options + "\n" + exitCodes + "\n\n" + context.examples
    }
}
