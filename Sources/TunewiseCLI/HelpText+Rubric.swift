extension HelpText {
    /// `tunewise help rubric`: the three subcommands, in prose.
    static let rubricDiscussion = """
        tunewise rubric validate FILE...: check rubric files and report every problem with \
        its JSON path. 'default' names the built-in rubric. Exit 0 when all are valid, 65 when \
        any is invalid, 66 when a file cannot be opened.

        tunewise rubric check [FILE]: check how a valid rubric behaves over every situation \
        (every question, each refinement answered or not), for CI. It finds questions whose \
        answer never changes the advice, strategies that never win, and declared properties \
        that break. (What no rubric can break is guaranteed where it is decided: validate \
        refuses exclusions that leave an answer with no strategy, and the advice never \
        recommends an excluded strategy.) No FILE or \
        'default' checks the built-in rubric. Exit 0 with a one-line 'clean' summary; 65 with \
        one 'FILE: finding' line per finding on standard output and a summary on standard \
        error, or when the file is not a valid rubric; 66 when it cannot be opened.

        tunewise rubric show [FILE]: print the rubric in force (FILE, or the built-in one), \
        with any policy applied, as a rubric file: a starting point for a rubric of your own \
        (tunewise rubric show > my-rubric.json), or what a policy changed. Its one format is \
        JSON.
        """
}
