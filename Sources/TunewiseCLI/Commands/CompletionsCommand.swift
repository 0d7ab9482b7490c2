import TunewiseKit

/// `tunewise completions SHELL`: prints a completion script for the rubric in use.
struct CompletionsCommand {
    let request: CompletionsRequest

    func run(console: inout some Console) throws(CommandError) {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        try console.writeOutput(request.shell.script(CompletionSpec(rubric: rubric)))
    }
}
