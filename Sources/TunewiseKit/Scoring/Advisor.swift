/// Why a situation could not be turned into advice.
public enum AdviceError: Error, Equatable, Sendable {
    /// These core questions are unanswered.
    case missingAnswers([String])
    /// The rubric's exclusions remove every strategy for these answers.
    case everyStrategyExcluded
}

/// Scores answers against a rubric and explains the result.
///
/// The recommendation is what to do now: the best-scoring strategy that no gate (exclusion)
/// rules out. Gates are the team's own limits and the rubric's hard rules; points never
/// outvote them. The rest of the advice explains that choice: which gates decided it, a
/// staged plan, reasons for and against, why each alternative is not the advice, and what
/// would change it.
///
/// ```swift
/// let advisor = Advisor(rubric: rubric)
/// let situation = try rubric.resolve(Answers(["need": "behavior", "data-volume": "thousands", ...]))
/// let advice = try advisor.advise(situation)
/// print(advice.strategy)  // "fine-tuning"
/// ```
public struct Advisor: Sendable {
    /// The rubric the advice comes from.
    public let rubric: Rubric
    /// Each question's weight in force, in rubric order (the rubric's, or an override).
    public let weights: [Double]
    let table: ScoringTable

    /// The largest factor (and smallest, as its inverse) by which a reweighting counts as
    /// plausible; the advice reports a weight that flips it only within this range.
    public static let plausibleWeightFactor = 3.0

    /// The smallest part of a lead, in points, that a reason, counterpoint or "why not" shows:
    /// an answer that barely separates the strategies says more about others than about them.
    public static let reasonThreshold = 0.4

    /// An advisor for `rubric`, with `weights` in force (by default the rubric's own).
    /// - Precondition: `weights` were checked against `rubric`.
    public init(rubric: Rubric, weights: Weights? = nil) {
        self.rubric = rubric
        let weights = weights ?? Weights(of: rubric)
        precondition(weights.values.count == rubric.questions.count, "the weights of another rubric")
        self.weights = weights.values
        table = ScoringTable(rubric: rubric, weights: self.weights)
    }

    /// The advice for `situation`, whose answers ``Rubric/resolve(_:onto:)`` checked.
    /// - Precondition: `situation` holds answers to this advisor's rubric.
    /// - Throws: ``AdviceError`` when core answers are missing or the gates leave no strategy.
    public func advise(_ situation: Situation) throws(AdviceError) -> Advice {
        precondition(situation.questions == rubric.questions, "the situation answers another rubric")
        let missing = situation.missingCoreQuestions
        guard missing.isEmpty else { throw .missingAnswers(missing.map(\.id)) }

        let answers = situation.answers
        let options = situation.options
        let scores = table.scores(options)
        let excluded = table.excluded(options)
        guard let winner = ScoringTable.winner(scores: scores, excluded: excluded) else {
            throw .everyStrategyExcluded
        }
        let ranking = rank(scores: scores, excluded: excluded, situation: options, winner: winner)
        let runnerUp = ranking.dropFirst().first { !$0.excluded }.map { rubric.knownStrategyIndex($0.strategy) }
        let margin = runnerUp.map { scores[winner] - scores[$0] } ?? 0
        let open = (0..<table.strategyCount).filter { $0 != winner && !excluded.contains($0) }
        let field = open.isEmpty ? (0..<table.strategyCount).filter { $0 != winner } : open
        let contributions = self.contributions(options, of: winner, against: field)
        let against = Array(contributions.filter { $0.points <= -Self.reasonThreshold }.reversed())
        let strategy = rubric.strategies[winner]
        let variants = variants(for: strategy.id, options: options)
        let sensitivity = sensitivity(options, winner: winner)
        let openQuestions = orderedUnique(sensitivity.filter { $0.kind == .unanswered }.map(\.question))
        let decidedBy = decidingGates(options, scores: scores, excluded: excluded, winner: winner)
        let now = PlanStage(strategy: strategy.id, when: PlanStage.now, after: [], variants: variants)
        let plan = plan(situation, now: now, decidedBy: decidedBy)
        // The strategies that scored above the recommendation but are ruled out now. Only one
        // that limits alone rule out makes the first step less sure: one the situation rules
        // out for now (prompting still improving) is disclosed among the risks where its lead
        // is a medium one or more, not counted.
        let outscored = ranking.filter { $0.excluded && scores[rubric.knownStrategyIndex($0.strategy)] > scores[winner] }
        let overruled = overruledRisks(outscored, scores: scores, winner: winner, plan: plan)
        let evidenceFavoursRuledOut = outscored.contains { entry in entry.exclusions.allSatisfy { isLimit($0.id) } }
        let assumptions = runnerUp == nil ? [] : self.assumptions(sensitivity)
        let untriedBaseline =
            StrategyID(rawValue: strategy.id) != .promptEngineering && answers[Contract.promptingStatusQuestion] == Contract.notTriedStatus
        return Advice(
            answers: answers,
            strategy: strategy.id,
            confidence: confidence(
                margin: margin, hasRunnerUp: runnerUp != nil, openQuestions: openQuestions,
                evidenceFavoursRuledOut: evidenceFavoursRuledOut, untriedBaseline: untriedBaseline, restsOnAnAssumption: !assumptions.isEmpty),
            confidenceBasis: runnerUp != nil ? .margin : limitedAlone(ranking).isEmpty ? .situation : .limits,
            risks: overruled
                + (open.isEmpty
                    ? againstRisks(against, options, winner: winner, field: closeBehind(limitedAlone(ranking), scores: scores, winner: winner))
                    : [])
                + notes(strategy.risks, options).map { Risk(kind: .declared, text: $0.text, source: $0.source) },
            decidedBy: decidedBy,
            openQuestions: openQuestions,
            assumptions: assumptions,
            restsOnAnUntriedBaseline: untriedBaseline,
            runnerUp: runnerUp.map { rubric.strategies[$0].id },
            margin: rounded(margin),
            reasons: contributions.filter { $0.points >= Self.reasonThreshold },
            counterpoints: open.isEmpty ? [] : against.map { favouring($0, options, over: winner, among: open) },
            variants: variants,
            caveats: stageCaveats(strategy, variants, options) + closeCallCaveat(runnerUp: runnerUp, margin: margin),
            nextSteps: nextSteps(strategy, variants, options, training: !policyForbidsTraining(ranking)),
            plan: plan,
            ranking: ranking,
            sensitivity: sensitivity,
            weightSensitivity: weightSensitivity(options, winner: winner))
    }

    /// The risk of one of `outscored` (the strategies that scored above the recommendation but
    /// are ruled out now): the evidence favours it, so the first step carries the risk of
    /// falling short, or, where the situation rules it out only for now (prompting still
    /// improving), the plan's later stage is where the evidence points, said only from a
    /// medium lead (the rubric's ``ConfidenceThresholds/medium``): a limit is a risk at any lead,
    /// as it also caps the confidence, but a fraction of a point does not make a later stage
    /// "where the evidence points". Of several, the best-scoring one the plan moves to later,
    /// else the best-scoring one.
    private func overruledRisks(_ outscored: [RankedStrategy], scores: [Double], winner: Int, plan: [PlanStage]) -> [Risk] {
        let winnerLabel = rubric.strategies[winner].label
        let isReachedLater = { (entry: RankedStrategy) in plan.dropFirst().contains { $0.strategy == entry.strategy } }
        // A strategy ruled out on principle (knowledge belongs in retrieval) is no risk to the
        // first step, even where a limit rules it out too: only one that limits alone rule out
        // (``isLimit(_:)``), which lifting them would make an option, or one the plan moves to
        // where the evidence leans to it by a medium lead or more (a fraction of a point is
        // no lean: review 49).
        let overruled = outscored.filter { entry in
            entry.exclusions.allSatisfy { isLimit($0.id) }
                || (isReachedLater(entry) && entry.score - scores[winner] >= rubric.confidence.medium)
        }
        let reached = overruled.filter(isReachedLater)
        return (reached.isEmpty ? overruled : reached).max { $0.score < $1.score }.map { entry in
            let label = rubric.strategies[rubric.knownStrategyIndex(entry.strategy)].label
            let gates = entry.exclusions.map(\.id)
            let later = plan.dropFirst().first { $0.strategy == entry.strategy }.map { "; the plan moves to it \($0.when)" } ?? ""
            let text =
                "The evidence favours \(label) over \(winnerLabel) by \(pointsPhrase(rounded(entry.score - scores[winner]))), but \(joinedClauses(gates)) rule\(gates.count == 1 ? "s" : "") it out now\(later)."
            return Risk(kind: .overruled, text: text, source: nil, strategy: entry.strategy, gates: gates)
        }.map { [$0] } ?? []
    }

    /// Of `strategies`, those that score above `winner` or trail it by less than a medium lead
    /// (the rubric's ``ConfidenceThresholds/medium``), best first: an answer that leans to one
    /// far behind is no risk to the first step, since the evidence as a whole agrees with it.
    private func closeBehind(_ strategies: [Int], scores: [Double], winner: Int) -> [Int] {
        strategies.filter { scores[winner] - scores[$0] < rubric.confidence.medium }.sorted { scores[$0] > scores[$1] }
    }

    /// The reasons against `winner` as risks, where gates rule out every other strategy; each
    /// names the first of `field` (best scoring first) that it favours over `winner`: the
    /// strategy the evidence as a whole leans to, rather than one it gives a few more points.
    private func againstRisks(_ against: [Reason], _ situation: [Int], winner: Int, field: [Int]) -> [Risk] {
        guard !field.isEmpty else { return [] }
        return against.map { against in
            let reason = favouring(against, situation, over: winner, among: field, firstFavoured: true)
            return Risk(kind: .against, text: reason.text, source: reason.source, reason: reason)
        }
    }

    /// `reason`, which counts against `winner`, naming the strategy among `open` that it
    /// favours most over `winner` (or, with `firstFavoured`, the first in `open` that it
    /// favours over `winner` at all), if it favours any.
    private func favouring(
        _ reason: Reason, _ situation: [Int], over winner: Int, among open: [Int], firstFavoured: Bool = false
    ) -> Reason {
        let points: [Double]
        switch reason.kind {
        case .answer:
            let question = rubric.knownQuestionIndex(reason.question ?? "")
            points = table.points[question][situation[question]].map { $0 * weights[question] }
        case .rule:
            points = zip(rubric.rules, table.rules).first { $0.0.id == reason.rule }?.1.points ?? []
        case .baseline, .gate:
            points = table.baseline
        }
        guard !points.isEmpty else { return reason }
        let candidate = firstFavoured ? open.first { points[$0] > points[winner] } : open.max { points[$0] < points[$1] }
        guard let best = candidate, points[best] > points[winner] else { return reason }
        var favoured = reason
        favoured.favours = rubric.strategies[best].id
        return favoured
    }

    /// What to watch when `strategy` is carried out with `variants`: its caveats, then theirs.
    func stageCaveats(_ strategy: Strategy, _ variants: [VariantDecision], _ options: [Int]) -> [AdviceNote] {
        notes(strategy.caveats, options) + variantNotes(variants, options: options) { $0.caveats }
    }

    /// High when gates leave one strategy, else by the lead over the runner-up; never high
    /// while unanswered questions could change the advice (a gate that holds only while one is
    /// unanswered, too), while the evidence favours a
    /// strategy limits alone rule out (the first step may then fall short), or while a trained
    /// first step rests on a prompted baseline nobody has measured; low, whatever the lead,
    /// when it rests on an assumption (``Advice/assumptions``). A strategy the situation itself
    /// rules out (knowledge belongs in retrieval, say) does not lower it.
    private func confidence(
        margin: Double, hasRunnerUp: Bool, openQuestions: [String], evidenceFavoursRuledOut: Bool, untriedBaseline: Bool,
        restsOnAnAssumption: Bool
    ) -> Confidence {
        if hasRunnerUp, restsOnAnAssumption { return .low }
        let byMargin: Confidence =
            !hasRunnerUp || margin >= rubric.confidence.high ? .high : margin >= rubric.confidence.medium ? .medium : .low
        let isQualified = evidenceFavoursRuledOut || untriedBaseline || !openQuestions.isEmpty
        return byMargin == .high && isQualified ? .medium : byMargin
    }

    /// The unanswered questions most of whose answers would change the advice, in rubric
    /// order: it holds only for the few answers that keep it, which nobody has given.
    private func assumptions(_ sensitivity: [AnswerChange]) -> [String] {
        rubric.questions.filter { question in
            let changing = Set(sensitivity.filter { $0.kind == .unanswered && $0.question == question.id }.map(\.answer))
            return changing.count * 2 > question.options.count
        }.map(\.id)
    }

    private func rank(scores: [Double], excluded: StrategySet, situation: [Int], winner: Int) -> [RankedStrategy] {
        let order = scores.indices.sorted { a, b in
            if excluded.contains(a) != excluded.contains(b) { return !excluded.contains(a) }
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            return a < b
        }
        return order.map { index in
            let gates = self.gates(rulingOut: index, in: situation).map { exclusion in
                ExclusionReason(id: exclusion.id, reason: exclusion.citation.reason, source: exclusion.citation.source)
            }
            let whyNot: [Reason]
            if index == winner {
                whyNot = []
            } else if gates.isEmpty {
                let against = contributions(situation, of: winner, against: [index]).filter { $0.points > 0 }
                let clear = against.filter { $0.points >= Self.reasonThreshold }
                whyNot = clear.isEmpty ? (against.isEmpty ? [tieReason(winner: winner)] : against) : clear
            } else {
                whyNot = gates.map { Reason(kind: .gate, rule: $0.id, points: 0, text: $0.reason, source: $0.source) }
            }
            return RankedStrategy(
                strategy: rubric.strategies[index].id, score: rounded(scores[index]), excluded: !gates.isEmpty,
                exclusions: gates, whyNot: whyNot)
        }
    }

    /// Why an alternative that ties with `winner` on every answer is not the advice.
    private func tieReason(winner: Int) -> Reason {
        Reason(
            kind: .baseline, points: 0,
            text:
                "It scores the same as \(rubric.strategies[winner].label) here, and ties go to the strategy listed first in the rubric, the simpler one.",
            source: "the rubric's order of strategies")
    }

    /// Every answer's, rule's and baseline's part in the lead of `strategy` over the average of
    /// `others`, largest first: positive parts favour `strategy`, negative ones count against it.
    /// An answer and a rule on it whose parts cancel (a rule that takes back what the answer
    /// gives, as a behaviour's facts arriving with each request take back what their pace costs
    /// training) are left out together: together they say nothing.
    func contributions(_ situation: [Int], of strategy: Int, against others: [Int]) -> [Reason] {
        func lead(_ points: [Double]) -> Double {
            points[strategy] - others.map { points[$0] }.reduce(0, +) / Double(max(others.count, 1))
        }
        var reasons: [Reason] = []
        for (index, option) in situation.enumerated() where option != ScoringTable.unanswered {
            let question = rubric.questions[index]
            let points = weights[index] * lead(table.points[index][option])
            guard abs(points) >= 0.005, let citation = question.options[option].citation else { continue }
            reasons.append(
                Reason(
                    kind: .answer, question: question.id, answer: question.options[option].id, points: rounded(points),
                    text: citation.reason, source: citation.source))
        }
        for (rule, compiled) in zip(rubric.rules, table.rules) where ScoringTable.holds(compiled.clauses, in: situation) {
            let points = lead(compiled.points)
            guard abs(points) >= 0.005 else { continue }
            reasons.append(
                Reason(
                    kind: .rule, rule: rule.id,
                    ruleAnswers: rule.when.clauses.map { clause in
                        let index = rubric.knownQuestionIndex(clause.question)
                        return GivenAnswer(question: clause.question, answer: rubric.questions[index].options[situation[index]].id)
                    },
                    points: rounded(points), text: rule.citation.reason, source: rule.citation.source))
        }
        let baselinePoints = lead(table.baseline)
        let owner = baselinePoints > 0 ? strategy : others.max { table.baseline[$0] < table.baseline[$1] }
        if abs(baselinePoints) >= 0.005, let owner, let citation = rubric.strategies[owner].baselineCitation {
            reasons.append(Reason(kind: .baseline, points: rounded(baselinePoints), text: citation.reason, source: citation.source))
        }
        for rule in reasons where rule.kind == .rule {
            guard
                let answer = reasons.firstIndex(where: { reason in
                    reason.kind == .answer && rule.ruleAnswers.contains { $0.question == reason.question } && abs(reason.points + rule.points) < 0.011
                })
            else { continue }
            reasons.remove(at: answer)
            reasons.removeAll { $0.kind == .rule && $0.rule == rule.rule }
        }
        return reasons.sorted { $0.points > $1.points }
    }

    func variants(for strategy: String, options: [Int]) -> [VariantDecision] {
        rubric.variants.filter { $0.strategies.contains(strategy) }.compactMap { variant in
            let choice = variant.choices.first { choice in
                (choice.whenAny.isEmpty || choice.whenAny.contains { holds($0, options) }) && !choice.unless.contains { holds($0, options) }
            }
            return choice.map {
                VariantDecision(
                    variant: variant.id, label: variant.label, choice: $0.id, choiceLabel: $0.label,
                    reason: $0.citation.reason, source: $0.citation.source)
            }
        }
    }

    /// The caveats or next steps of the chosen variants, so that they follow the choice shown.
    private func variantNotes(
        _ decisions: [VariantDecision], options: [Int], _ kind: (VariantChoice) -> [Note]
    ) -> [AdviceNote] {
        notes(variantChoiceNotes(decisions, kind), options)
    }

    /// The notes of `kind` of the variants' chosen options, in the rubric's order of variants.
    /// A function, not a key path: a key path is an object whose class the runtime builds at
    /// its first use (a percent of a one-shot run's instructions).
    private func variantChoiceNotes(_ decisions: [VariantDecision], _ kind: (VariantChoice) -> [Note]) -> [Note] {
        decisions.flatMap { decision in
            let variant = rubric.variants.first { $0.id == decision.variant }
            return variant?.choices.first { $0.id == decision.choice }.map(kind) ?? []
        }
    }

    /// The steps of `strategy` and its variants' choices that hold, stage by stage; without
    /// `training`, none of the training stage's.
    private func nextSteps(_ strategy: Strategy, _ variants: [VariantDecision], _ options: [Int], training: Bool = true) -> [AdviceNote] {
        let steps = strategy.nextSteps + variantChoiceNotes(variants) { $0.nextSteps }
        return Note.Stage.allCases.filter { training || $0 != .train }.flatMap { stage in notes(steps.filter { $0.stage == stage }, options) }
    }

    private func notes(_ notes: [Note], _ options: [Int]) -> [AdviceNote] {
        notes.filter { note in holds(note.when, options) && !note.unless.contains { holds($0, options) } }
            .map { AdviceNote(text: $0.text, source: $0.source) }
    }

    /// Whether `condition` holds in the situation `options`, evaluated as rules and exclusions are.
    private func holds(_ condition: Condition, _ options: [Int]) -> Bool {
        ScoringTable.holds(ScoringTable.compile(condition, in: rubric), in: options)
    }

    private func closeCallCaveat(runnerUp: Int?, margin: Double) -> [AdviceNote] {
        guard let runnerUp, margin < rubric.confidence.medium else { return [] }
        let name = rubric.strategies[runnerUp].label
        return [
            AdviceNote(
                text: "This is a close call with \(name): run both on a small pilot against the same held-out set before committing.",
                source: nil)
        ]
    }
}

/// `values` without repeats, in first-seen order.
public func orderedUnique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}

/// `value` rounded to two decimals, halves away from zero, as scores and points are reported.
public func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}
