import TunewiseData
import TunewiseKit

/// `tunewise advise`: gathers answers from flags, a file and the questionnaire, then reports.
struct AdviseCommand: TunewiseCommand, Equatable {
    let request: AdviseRequest

    static let spec = CommandSpec(
        name: "advise", summary: "recommend a strategy", usage: ["[advise] [--QUESTION-ID OPTION-ID ...] [options]"],
        discussion: HelpText.adviseDiscussion, flags: AdviseRequest.flags,
        examples: [
            "tunewise",
            """
            tunewise --need behavior --data-volume thousands \\
              --transience static --governance confidential \\
              --budget substantial --time-to-market months \\
              --consistency critical --no-input
            """,
            """
            tunewise --need knowledge --data-volume none \\
              --transience periodic --governance open \\
              --budget moderate --time-to-market weeks \\
              --consistency important --no-input \\
              --why-not fine-tuning
            """,
            """
            tunewise --answers answers.json --format markdown \\
              >> "$GITHUB_STEP_SUMMARY"
            """,
            """
            tunewise --answers answers.json --format json \\
              --expect prompt-engineering
            """,
        ],
        action: .running(AdviseCommand.self), help: HelpText.advise)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(request.rubric, console: &console)
        // The command line is checked before any file is read; its answers win over the file's,
        // and both win over the policy's.
        let fromFlags = try resolveFlagAnswers(rubric)
        let weights = try Tunewise.weights(request.weights, for: rubric)
        let fromFile = try request.answersPath.map { path throws(CommandError) in try readAnswers(path, rubric, &console) }
        var situation = fromFile.map { fromFlags.laid(over: $0) } ?? fromFlags
        var measured = try request.dataPath.map { path throws(CommandError) in
            let options = request.tokenLimit.map { DataAnalyzer.Options(tokenLimit: $0) } ?? .init()
            let file = try DataCommand.measure(path, flag: FlagSpec.dataFile.spelling, options: options, training: nil, console: &console)
            return MeasuredAnswers(file: file.name, measurement: file.measurement, rubric: rubric)
        }
        if var read = measured {
            if let notice = read.notice { console.writeError("tunewise: note: \(notice)\n") }
            situation = try Self.lay(&read, under: situation, rubric, &console)
            measured = read
        }
        // A policy's answers are defaults under everything given or measured.
        let beforePolicy = situation
        situation = Tunewise.withPolicyDefaults(situation, rubric)

        // Missing answers are asked for when someone can give them; with nobody to ask, the
        // advisor refuses them (see Tunewise.advise).
        let readsStandardInput = [request.answersPath, request.costPath, request.dataPath].contains("-")
        let canAsk = request.interactive || (!request.noInput && !readsStandardInput && console.inputIsTerminal)
        let asks = request.interactive || (canAsk && !situation.missingCoreQuestions.isEmpty)
        if asks, let measured {
            let line = "Measured from \(Tunewise.visible(measured.file)): \(measured.summary)."
            console.writeError(line.wrapped(to: console.promptWidth, hangingIndent: 2) + "\n")
        }
        // The questions a policy answers are not asked: say which, and where the answers come from.
        let fromPolicy = rubric.policy?.answers.ordered(by: rubric).filter { beforePolicy[$0.question] == nil } ?? []
        if asks, let policy = rubric.policy, !fromPolicy.isEmpty {
            let given = fromPolicy.map { "\($0.question)=\($0.option)" }.joined(separator: ", ")
            let line = "Policy \(policy.id) \(policy.version) answers \(given) (not asked; a flag or an answers file wins)."
            console.writeError(line.wrapped(to: console.promptWidth, hangingIndent: 2) + "\n")
        }
        if asks {
            let promptStyle = TextStyle.forStream(
                isTerminal: console.inputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
            situation = try Questionnaire(rubric: rubric, style: promptStyle).run(completing: situation, console: &console)
        }

        let prices = try costInputs(measured: measured, &console)
        let first = try Tunewise.advise(situation, with: Advisor(rubric: rubric, weights: weights))
        let priced = try advisedAtPrices(
            PricedAdvice(
                rubric: rubric, advice: first, cost: try prices.map { inputs throws(CommandError) in try costComparison(inputs, advice: first) }),
            prices: prices, situation: situation, weights: weights)
        let (adviceRubric, advice, cost) = (priced.rubric, priced.advice, priced.cost)
        var report = Report(advice: advice, rubric: adviceRubric, toolVersion: Tunewise.version, explain: request.explain, cost: cost)
        report.addCostRisk()
        report.retrainCadenceFrom = prices.map { inputs in
            inputs[.retrainEveryMonths] != nil
                ? .input : Self.retrainsForHostedBase(advice, inputs) ? .hostedBase : advice.retrainTransience != nil ? .transience : .none
        }
        report.measured = measured
        report.addDataRisk()
        report.weightOverrides = request.weights
        report.answeredByPolicy = Set(fromPolicy.map(\.question))
        // An answer given over the policy's: what the policy's own answers would advise.
        if let policy = rubric.policy, let policyAnswers = try? rubric.resolve(policy.answers) {
            let overridden = policy.answers.ordered(by: rubric).compactMap { answer in
                beforePolicy[answer.question].flatMap { $0 == answer.option ? nil : (answer.question, given: $0, policy: answer.option) }
            }
            if !overridden.isEmpty {
                let underPolicy = try? Advisor(rubric: rubric, weights: weights).advise(policyAnswers.laid(over: situation))
                report.addPolicyRisk(overridden: overridden, underPolicy: underPolicy)
            }
        }
        let style = TextStyle.forStream(
            isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
        let text = request.format.renderer(style: style, whyNot: request.whyNot).render(report)
        if let path = request.saveAnswersPath {
            try console.writeFile(AnswersDocument.encode(situation), to: path)
        }
        try console.writeOutput(text)
        if let path = request.saveAnswersPath { console.writeError("tunewise: wrote answers to \(Tunewise.visible(path))\n") }
        if asks {
            let command = ShellCommandLayout(units: oneShotCommand(situation)).text(width: console.promptWidth)
            console.writeError("\nThe same advice as one command:\n\(command)\n")
            // The answer again at the bottom of the screen, after the long report; when the report
            // goes to a file or a pipe, the screen is standard error's.
            if console.outputIsTerminal {
                if request.format == .text { try console.writeOutput(RecapRenderer(style: style).render(report)) }
            } else {
                console.writeError(RecapRenderer(style: TextStyle(isEnabled: false, width: console.promptWidth)).render(report))
            }
        }
        if let expected = request.expect, expected != advice.strategy {
            Tunewise.reportError(.expectationFailed(expected: expected, actual: advice.strategy), console: &console)
            return .expectationFailed
        }
        return .success
    }

    /// The cost of each strategy from `--cost` and the cost flags, carried out as the advice's
    /// plan says, with the retrain cadence, unless given, taken from the transience answer
    /// where a tuned model would hold the facts (``Advice/retrainTransience``), else none; and
    /// the training tokens from `--data` unless given; `nil` when no cost input was given.
    /// The advice where the team's prices undo its first step: where the prompted model
    /// already meets the bar, a trained model can buy only cost or speed, so each recommended
    /// one that does not pay back at those prices is ruled out (``Rubric/rulingOutForCost(_:reason:)``)
    /// and the advice made again, until one pays back or prompting is left; where ruling one
    /// out would leave nothing (a policy that rules prompting out), the advice before it.
    private func advisedAtPrices(
        _ advised: PricedAdvice, prices: CostInputs?, situation: Situation, weights: Weights
    ) throws(CommandError) -> PricedAdvice {
        guard let prices, advised.advice.answers[Contract.promptingStatusQuestion] == Contract.meetsBarStatus else { return advised }
        var current = advised
        var ruledOut: [(strategy: String, breakEven: String)] = []
        while let cost = current.cost, let strategy = CostReview(advice: current.advice, cost: cost).check?.trainedStepNotPayingBack,
            !ruledOut.contains(where: { $0.strategy == strategy })
        {
            ruledOut.append((strategy, Report.breakEvenClause(cost, strategy: strategy, label: label(of: strategy, in: advised.rubric))))
            let revised = advised.rubric.rulingOutForCost(ruledOut.map(\.strategy), reason: Report.pricesGateReason(ruledOut.map(\.breakEven)))
            guard let advice = try? Advisor(rubric: revised, weights: weights).advise(situation) else { return current }
            current = PricedAdvice(rubric: revised, advice: advice, cost: try costComparison(prices, advice: advice))
        }
        return current
    }

    private func label(of strategy: String, in rubric: Rubric) -> String { rubric.strategy(strategy)?.label ?? strategy }

    /// Whether the plan tunes on a hosted service with no retrain cadence given and none from
    /// the facts' pace, so that it is priced with a retrain each ``hostedBaseLifetimeMonths``:
    /// a provider retires its base models about yearly, and their tunes with them.
    static func retrainsForHostedBase(_ advice: Advice, _ inputs: CostInputs) -> Bool {
        advice.trainsAtSomeStage && advice.answers[Contract.modelAccessQuestion] == Contract.hostedTuningAccess
            && inputs[.retrainEveryMonths] == nil && (advice.retrainTransience?.retrainEveryMonths ?? 0) == 0
    }

    /// How long a hosted base model, and the tunes on it, is taken to last.
    static let hostedBaseLifetimeMonths = 12

    /// The cost inputs of `--cost` and the cost flags, with the training tokens measured by
    /// `--data`; `nil` when no cost is asked for. Read once: the file may be standard input.
    private func costInputs(measured: MeasuredAnswers?, _ console: inout some Console) throws(CommandError) -> CostInputs? {
        guard request.wantsCost else { return nil }
        let fileInputs = try request.costPath.map { path throws(CommandError) in try Tunewise.readCostInputs(path, &console) } ?? CostInputs()
        var inputs = fileInputs.overlaid(with: request.costInputs)
        if let measured {
            Tunewise.takeTrainingTokens(
                measured.trainingTokens, caveat: measured.trainingTokenCaveat, from: measured.file, flag: request.costInputs[.trainingTokens],
                into: &inputs, &console)
        }
        return inputs
    }

    /// What `advice`'s plan costs at `inputs`.
    private func costComparison(_ inputs: CostInputs, advice: Advice) throws(CommandError) -> CostComparison {
        var inputs = inputs
        // A tuned model retrains with the facts only when it would hold them; a behaviour is
        // priced with no retraining unless a cadence is given, or on a hosted service, whose
        // base model retires about yearly.
        if Self.retrainsForHostedBase(advice, inputs) {
            inputs[.retrainEveryMonths] = Double(Self.hostedBaseLifetimeMonths)
        } else if let transience = advice.retrainTransience {
            inputs.transience = transience
        } else if inputs[.retrainEveryMonths] == nil {
            inputs[.retrainEveryMonths] = 0
        }
        // The plan is costed as far as the figures go: a stage they do not cover is shown as not
        // costed, with the flags it needs, as `cost` shows a strategy.
        return try Tunewise.compareCosts(inputs, shapes: advice.costShapes, requiringTrained: false)
    }

    /// `situation` with the measured answers where it has none; a given answer that differs
    /// from the measured one is kept, with a one-line note.
    static func lay(
        _ measured: inout MeasuredAnswers, under situation: Situation, _ rubric: Rubric, _ console: inout some Console
    ) throws(CommandError) -> Situation {
        for index in measured.answers.indices {
            let answer = measured.answers[index]
            guard let given = situation[answer.question], given != answer.option else { continue }
            measured.answers[index].givenInstead = given
            console.writeError(
                "tunewise: note: \(answer.question) \(given) is used, but \(Tunewise.visible(measured.file)) measures "
                    + "\(answer.option) (\(answer.basis))\n")
        }
        do {
            return situation.laid(over: try rubric.resolve(measured.rawAnswers))
        } catch {
            throw .invalidAnswer(error.problems[0])
        }
    }

    /// The `--QUESTION-ID OPTION-ID` flags, resolved; a flag that is neither the command's nor
    /// a question's is an unknown flag.
    private func resolveFlagAnswers(_ rubric: Rubric) throws(CommandError) -> Situation {
        let given = request.answerFlags.map { flag in
            RawAnswer(question: flag.name, value: flag.value.map(RawAnswer.Value.option) ?? .missing, source: .flag(flag.spelling))
        }
        do {
            return try rubric.resolve(given)
        } catch {
            let problem = error.problems[0]
            guard problem.kind != .unknownQuestion else {
                throw Self.spec.unknownFlag(FlagArgument(name: problem.question), questions: rubric.questions.map(\.id))
            }
            throw .invalidAnswer(problem)
        }
    }

    private func readAnswers(_ path: String, _ rubric: Rubric, _ console: inout some Console) throws(CommandError) -> Situation {
        let bytes = path == "-" ? try console.readAllInput() : try console.readFile(path)
        return try Tunewise.decodeAnswers(bytes, path: path, rubric)
    }

    /// The command line that gives the same advice without asking, as units that a line may
    /// not split (a flag with its value), each quoted for a POSIX shell.
    func oneShotCommand(_ situation: Situation) -> [String] {
        var units = ["tunewise"]
        if let path = request.rubric.rubricPath { units.append("--rubric " + shellQuoted(path)) }
        switch request.rubric.policy {
        case .file(let path): units.append("--policy " + shellQuoted(path))
        case .none: units.append("--no-policy")
        case .discovered: break
        }
        units += situation.orderedAnswers.map { "--\($0.question) " + shellQuoted($0.answer) }
        units += request.weights.map { "--weight " + shellQuoted("\($0.question)=\(JSONWriter.format($0.weight))") }
        if request.format != .text { units.append("--format \(request.format.rawValue)") }
        if request.explain { units.append(AdviseRequest.explain.spelling) }
        if let strategy = request.whyNot { units.append("\(AdviseRequest.whyNot.spelling) \(strategy)") }
        // What else shaped the report: costs and measured data (a file, not standard input, which is gone).
        if let path = request.costPath, path != "-" { units.append("\(AdviseRequest.cost.spelling) " + shellQuoted(path)) }
        units += CostField.allCases.compactMap { field in request.costInputs[field].map { "\(field.flag) \(JSONWriter.format($0))" } }
        if let path = request.dataPath, path != "-" { units.append("\(AdviseRequest.data.spelling) " + shellQuoted(path)) }
        units.append("--no-input")
        return units
    }
}

extension AdviseCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try AdviseRequest(arguments)
    }
}

/// `text` quoted for a POSIX shell when it holds anything but safe characters.
func shellQuoted(_ text: String) -> String {
    let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
    guard !safe || text.isEmpty else { return text }
    return singleQuoted(text)
}

/// Advice with the rubric it was made from and its cost, as the team's prices leave it
/// (``AdviseCommand/advisedAtPrices(_:prices:situation:weights:)``).
private struct PricedAdvice {
    var rubric: Rubric
    var advice: Advice
    var cost: CostComparison?
}
