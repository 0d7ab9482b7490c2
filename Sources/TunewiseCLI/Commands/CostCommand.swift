import TunewiseKit

/// `tunewise cost`: what each strategy costs over time from the team's own numbers, and
/// when training pays back against prompt engineering.
struct CostCommand: TunewiseCommand, Equatable {
    let request: CostRequest

    static let spec = CommandSpec(
        name: "cost", summary: "what each strategy costs over time from your own numbers",
        usage: ["cost [--cost FILE] [--requests-per-day N] [--horizon-months N] [options]", "cost --template > cost.json"],
        discussion: HelpText.costDiscussion, flags: CostRequest.flags,
        examples: [
            "tunewise cost --template > cost.json",
            "tunewise cost --cost cost.json",
            "tunewise cost --cost cost.json --requests-per-day 50000 \\\n  --horizon-months 24",
            "tunewise cost --cost cost.json --format markdown \\\n  >> \"$GITHUB_STEP_SUMMARY\"",
        ],
        action: .running(CostCommand.self), help: HelpText.cost)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        if request.template {
            try console.writeOutput(CostInputsDocument.template)
            return .success
        }
        let fileInputs = try request.costPath.map { path throws(CommandError) in try Tunewise.readCostInputs(path, &console) } ?? CostInputs()
        var inputs = fileInputs.overlaid(with: request.flagInputs)
        if let path = request.dataPath {
            let measured = try DataCommand.measure(path, flag: FlagSpec.dataFile.spelling, options: .init(), training: nil, console: &console)
            Tunewise.takeTrainingTokens(
                DataReport.trainingTokens(measured.measurement), caveat: DataReport.trainingTokenCaveat(measured.measurement), from: measured.name,
                flag: request.flagInputs[.trainingTokens],
                into: &inputs, &console)
        }
        let comparison = try Tunewise.compareCosts(inputs)
        let report = CostReport(comparison: comparison, toolVersion: Tunewise.version)
        let environment = console.environment
        let style = TextStyle.forStream(isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: environment)
        let asciiOnly = TextStyle.isPlainRequested(noColorFlag: request.noColor, environment: environment)
        let text = request.format.costRenderer(style: style, asciiOnly: asciiOnly).render(report)
        if let warning = report.droppedContextWarning { console.writeError("tunewise: \(warning)\n") }
        try console.writeOutput(text)
        return .success
    }

}

extension CostCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try CostRequest(arguments)
    }
}
