import TunewiseKit

/// `tunewise sweep`: the advice over every combination of answers, for rubric authors and
/// for anyone who wants to see where the advice changes before trusting it.
struct SweepCommand {
    let request: SweepRequest

    func run(console: inout some Console) throws(CommandError) {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        let weights = try Tunewise.weightOverrides(request.weights.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, in: rubric)
        let scope = SweepScope(
            included: request.included, includesAll: request.includesAll, fixed: Answers(request.fixed),
            map: request.map.map { ($0.row, $0.column) })
        // A core question is varied anyway; one also fixed is refused below, as fixed and varied.
        let coreIDs = Set(rubric.questions.filter(\.isCore).map(\.id))
        if let core = request.included.first(where: { coreIDs.contains($0) && request.fixed[$0] == nil }) {
            throw .coreQuestionIncluded(core)
        }
        let sweep: Sweep
        do {
            sweep = try Sweep(rubric: rubric, weightOverrides: weights, scope: scope)
        } catch {
            throw commandError(error, rubric)
        }
        // Beyond the core questions a sweep takes seconds: show how far it has got.
        let isLengthy = request.includesAll || !request.included.isEmpty
        let result = try console.withProgress("sweep", isLengthy: isLengthy) { progress in sweep.run(progress: progress) }
        let report = SweepReport(result: result, rubric: rubric, weightOverrides: weights, toolVersion: Tunewise.version)
        let style = TextStyle.forStream(isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
        let text = request.format.renderer(style: style).render(report)
        try console.writeOutput(text)
    }

    /// The usage error for a scope the sweep refused, naming the flag that caused it.
    private func commandError(_ error: SweepError, _ rubric: Rubric) -> CommandError {
        switch error {
        case .unknownQuestion(let question, let suggestion):
            let flag = request.fixed[question] != nil ? "--fix" : (request.included.contains(question) ? "--include" : "--map")
            return .unknownWord(question, kind: "question in \(flag)", allowed: rubric.questions.map(\.id), suggestion: suggestion)
        case .unknownOption(let question, let option, let allowed, let suggestion):
            return .invalidValue(flag: "--fix \(question)", value: option, allowed: allowed, suggestion: suggestion)
        case .fixedAndVaried(let question):
            let varying = request.included.contains(question) ? "--include \(question)" : "--map \(mapValue)"
            return .fixedAndVaried(question: question, fix: "--fix \(question)=\(request.fixed[question]!)", varying: varying)
        case .sameMapQuestion:
            return .invalidPair(
                flag: "--map", value: mapValue, reason: "the same question twice",
                expected: "two different question ids, ROW-QUESTION-ID,COLUMN-QUESTION-ID")
        case .tooManyRules(let limit):
            return .rubricTooLargeToSweep(path: request.rubricPath ?? BuiltInRubric.name, ruleLimit: limit)
        case .tooLarge:
            return .sweepTooLarge
        }
    }

    /// The `--map` value as given.
    private var mapValue: String {
        request.map.map { "\($0.row),\($0.column)" } ?? ""
    }
}
