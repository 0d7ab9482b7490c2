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
        let fileInputs = try request.costPath.map { path throws(CommandError) in try Self.readInputs(path, &console) } ?? CostInputs()
        var inputs = fileInputs.overlaid(with: request.flagInputs)
        if let path = request.dataPath {
            let measured = try DataCommand.measure(path, options: .init(), training: nil, console: &console)
            Self.takeTrainingTokens(measured.measurement.tokens.total, from: measured.name, into: &inputs, &console)
        }
        let comparison = try Self.compare(inputs)
        let report = CostReport(comparison: comparison, toolVersion: Tunewise.version)
        let environment = console.environment
        let style = TextStyle.forStream(isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: environment)
        let asciiOnly = request.noColor || environment["TERM"] == "dumb" || !(environment["NO_COLOR"] ?? "").isEmpty
        let text = request.format.costRenderer(style: style, asciiOnly: asciiOnly).render(report)
        if let warning = report.droppedContextWarning { console.writeError("tunewise: \(warning)\n") }
        try console.writeOutput(text)
        return .success
    }

    /// Runs the cost model with each strategy carried out as `shapes` says, mapping its
    /// errors to command errors; for `cost` and `advise --cost`.
    /// - Throws: ``CommandError/missingCostInputs(_:)`` naming the flags that supply what
    ///   is missing.
    static func compare(_ inputs: CostInputs, shapes: [String: CostShape] = [:]) throws(CommandError) -> CostComparison {
        do {
            return try CostModel.compare(inputs, shapes: shapes)
        } catch {
            switch error {
            case .missing(let fields): throw .missingCostInputs(fields.map(\.suppliedBy))
            case .invalid(let problems):
                // Flags and files check each number as they read it; what is left is a cached
                // price above the input price, which only the two together show.
                let problem = problems[0]
                throw .invalidCostNumber(
                    flag: problem.field.flag, value: JSONWriter.format(problem.value), reason: "\(problem.kind.rawValue); \(problem.allowedText)")
            }
        }
    }

    /// Sets the training tokens to those measured in a data file, unless flags or the cost
    /// file gave them; says so in one line when the two differ by more than the estimate's error.
    static func takeTrainingTokens(_ measured: Int, from file: String, into inputs: inout CostInputs, _ console: inout some Console) {
        guard let given = inputs[.trainingTokens] else {
            inputs.values[.trainingTokens] = Double(measured)
            return
        }
        guard abs(given - Double(measured)) > Double(measured) / 10 else { return }
        let flag = CostField.trainingTokens.flag
        console.writeError(
            "tunewise: note: \(flag) \(JSONWriter.format(given)) is used, but \(Tunewise.visible(file)) measures about \(grouped(measured)) training tokens\n"
        )
    }

    /// The inputs in the file at `path` (`-`: standard input), with the same limits as `--answers`.
    static func readInputs(_ path: String, _ console: inout some Console) throws(CommandError) -> CostInputs {
        let bytes = path == "-" ? try console.readAllInput() : try console.readFile(path)
        let name = path == "-" ? "standard input" : path
        do {
            return try CostInputsDocument.decode(bytes)
        } catch {
            switch error {
            case .syntax(let error): throw .invalidCostFile(path: name, problems: ["not valid JSON: \(error.description)"])
            case .invalid(let problems): throw .invalidCostFile(path: name, problems: problems)
            }
        }
    }
}

extension CostCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try CostRequest(arguments)
    }
}
