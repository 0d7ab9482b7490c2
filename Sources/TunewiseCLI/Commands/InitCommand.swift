import TunewiseKit

/// `tunewise init [FILE]`: writes a starter answers file that `--answers` accepts as it is.
struct InitCommand {
    let request: InitRequest

    func run(console: inout some Console) throws(CommandError) {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        let text = Self.starterAnswers(rubric)
        guard let path = request.path else {
            try console.writeOutput(text)
            return
        }
        if !request.force, console.fileExists(path) { throw .fileExists(path: path) }
        try console.writeFile(text, to: path)
        console.writeError(
            "tunewise: wrote starter answers to \(Tunewise.visible(path)); edit them, then run 'tunewise --answers \(shellQuoted(path))'\n")
    }

    /// Every core question with its default option, or its first where it has none, as an
    /// answers file (the format of `--save-answers`).
    static func starterAnswers(_ rubric: Rubric) -> String {
        AnswersDocument.encode(Situation(starterFor: rubric))
    }
}
