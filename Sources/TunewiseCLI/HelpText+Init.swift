extension HelpText {
    /// `tunewise help init`.
    static let initHelp = """
        tunewise init: write a starter answers file: every core question with its default
        answer, or its first option where it has none. Edit it, then pass it to --answers.

        Usage:
          tunewise init [FILE] [options]

        FILE is where to write it; '-' or no FILE prints it on standard output.

        Options:
          --force                   overwrite FILE when it exists
          --rubric FILE             the questions of a rubric other than the built-in one

        Exit codes: 0 written; 64 usage; 65 a rubric file that is not valid; 66 a file that
        cannot be opened; 73 FILE exists (without --force) or cannot be written.

        Examples:
          tunewise init answers.json
          tunewise --answers answers.json --no-input

        """
}
