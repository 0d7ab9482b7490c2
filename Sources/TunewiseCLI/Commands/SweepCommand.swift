import TunewiseKit

/// `tunewise sweep`: the advice over every combination of answers, for rubric authors and
/// for anyone who wants to see where the advice changes before trusting it.
struct SweepCommand: TunewiseCommand, Equatable {
    let request: SweepRequest

    static let spec = CommandSpec(
        name: "sweep", summary: "the advice over every combination of answers",
        usage: ["sweep [--include QUESTION-ID ... | --all] [--fix QUESTION-ID=OPTION-ID ...] [--map ROW-ID,COLUMN-ID] [options]"],
        discussion: HelpText.sweepDiscussion, flags: SweepRequest.flags,
        examples: [
            "tunewise sweep",
            "tunewise sweep --map data-volume,transience \\\n  --format markdown",
            "tunewise sweep --include model-access \\\n  --fix budget=minimal --format json",
            "tunewise sweep --all --format csv > sweep.csv",
        ],
        action: .running(SweepCommand.self), help: HelpText.sweep)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(request.rubric, console: &console)
        let weights = try Tunewise.weights(request.weights, for: rubric)
        var fixed: Situation
        do {
            fixed = try rubric.resolve(request.fixed)
        } catch {
            throw .invalidAnswer(error.problems[0])
        }
        // A policy's answers are the organisation's facts: held as --fix holds answers, under
        // them, except for a question the sweep is asked to vary.
        let varied = Set(request.included + (request.map.map { [$0.row, $0.column] } ?? []))
        // A core question the policy answers is varied by naming it, as if the policy left it
        // open: the sweep varies open core questions anyway, so it is not included twice.
        var released = Set<String>()
        if let policy = rubric.policy {
            released = Set(policy.answers.values.keys.filter { varied.contains($0) && fixed[$0] == nil })
            if let fromPolicy = try? rubric.resolve(Answers(policy.answers.values.filter { !varied.contains($0.key) })) {
                fixed = fixed.laid(over: fromPolicy)
            }
        }
        let included = request.included.filter { !(released.contains($0) && rubric.question($0)?.isCore == true) }
        let sweep: Sweep
        do {
            sweep = try Sweep(rubric: rubric, weights: weights, scope: scope(fixing: fixed, included: included))
        } catch {
            throw commandError(error, rubric, fixed: fixed)
        }
        // Beyond the core questions a sweep that must visit (weights not exact in binary) takes
        // seconds: show how far it has got.
        let isLengthy = request.includesAll || !request.included.isEmpty
        // CSV prints no deciding questions, so they are not computed for it.
        let deciding = request.format != .csv
        let result = try console.withProgress("sweep", isLengthy: isLengthy) { progress in
            sweep.run(decidingQuestions: deciding, progress: progress)
        }
        var report = SweepReport(result: result, rubric: rubric, weights: weights, toolVersion: Tunewise.version)
        if let against = request.against {
            let other = try Tunewise.loadRubric(against, console: &console)
            let otherSweep: Sweep
            do {
                let otherWeights = try Weights(of: other, overriding: weights.overrides)
                otherSweep = try Sweep(rubric: other, weights: otherWeights, scope: scope(fixing: other.resolve(fixed.answers), included: included))
            } catch {
                throw .sweepsDiffer(against: against)
            }
            let otherResult = try console.withProgress("sweep of \(against)", isLengthy: isLengthy) { progress in
                otherSweep.run(decidingQuestions: false, progress: progress)
            }
            guard otherResult.strategies == result.strategies, otherResult.situationCount == result.situationCount else {
                throw .sweepsDiffer(against: against)
            }
            report.against = (name: other.nameWithPolicy, comparison: SweepComparison(before: otherResult, after: result))
        }
        let style = TextStyle.forStream(isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
        let text = request.format.renderer(style: style).render(report)
        try console.writeOutput(text)
        return .success
    }

    /// The request's scope, with the `--fix` answers resolved against the rubric swept.
    private func scope(fixing fixed: Situation, included: [String]) -> SweepScope {
        SweepScope(included: included, includesAll: request.includesAll, fixed: fixed, map: request.map.map { ($0.row, $0.column) })
    }

    /// The usage error for a scope the sweep refused, naming the flag of the part at fault.
    private func commandError(_ error: SweepError, _ rubric: Rubric, fixed: Situation) -> CommandError {
        switch error {
        case .unknownQuestion(let question, let part, let suggestion):
            return .unknownWord(question, kind: "question in \(flag(part))", allowed: rubric.questions.map(\.id), suggestion: suggestion)
        case .coreQuestionIncluded(let question):
            return .coreQuestionIncluded(question)
        case .fixedAndVaried(let question, let part):
            return .fixedAndVaried(
                question: question, fix: "--fix \(question)=\(fixed[question] ?? "")", varying: "\(flag(part)) \(flagValue(part, question))")
        case .sameMapQuestion:
            return .invalidPair(
                flag: SweepRequest.map.spelling, value: flagValue(.map, ""), reason: "the same question twice",
                expected: "two different question ids")
        case .tooManyRules(let limit):
            return .rubricTooLargeToSweep(path: request.rubric.rubricPath ?? BuiltInRubric.name, ruleLimit: limit)
        case .tooLarge:
            return .sweepTooLarge
        }
    }

    /// The flag that gives a part of the scope.
    private func flag(_ part: SweepScope.Part) -> String {
        switch part {
        case .included: SweepRequest.include.spelling
        case .map: SweepRequest.map.spelling
        }
    }

    /// The value of `part`'s flag as given: the question for `--include`, the pair for `--map`.
    private func flagValue(_ part: SweepScope.Part, _ question: String) -> String {
        switch part {
        case .included: question
        case .map: request.map.map { "\($0.row),\($0.column)" } ?? ""
        }
    }
}

extension SweepCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try SweepRequest(arguments)
    }
}
