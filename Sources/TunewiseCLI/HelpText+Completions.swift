extension HelpText {
    /// The opening of `tunewise help completions`.
    static let completionsDiscussion = """
        tunewise completions: print a shell completion script. It completes commands, flags, \
        each question flag and its option ids, strategy ids for --expect and --why-not, and \
        formats, from the rubric in use.
        """

    /// The rest of `tunewise help completions`.
    static func completions(_ context: HelpContext) -> String {
        context.usage + "\n" + context.options + """

            Install:
              bash  source <(tunewise completions bash)     (in ~/.bashrc)
              zsh   tunewise completions zsh > "${fpath[1]}/_tunewise"
              fish  tunewise completions fish > ~/.config/fish/completions/tunewise.fish
              bash also loads a script saved as \
            ~/.local/share/bash-completion/completions/tunewise.

            Exit codes: 0 script written; 64 usage (no shell or an unknown one); 65 a rubric file \
            that is not valid; 66 a file that cannot be opened.

            """
    }
}
