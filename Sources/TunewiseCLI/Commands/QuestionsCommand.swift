import TunewiseKit

/// `tunewise questions`: the rubric's questions, options and help, for people (wrapped to the
/// terminal's width) and for scripts.
struct QuestionsCommand {
    let rubricPath: String?
    let format: QuestionsFormat

    func run(console: inout some Console) throws(CommandError) {
        let rubric = try Tunewise.loadRubric(rubricPath, console: &console)
        try console.writeOutput(format.renderer(width: TextStyle.width(in: console.environment)).render(rubric))
    }
}
