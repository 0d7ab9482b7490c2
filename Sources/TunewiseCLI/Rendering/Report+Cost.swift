import TunewiseData
import TunewiseKit

extension Report {
    /// A stage of the plan with what it costs: `nil` cost when the inputs do not cover the
    /// strategy, and a break-even for a trained strategy.
    struct StageCost {
        var stage: PlanStage
        var cost: StrategyCost?
        var breakEven: BreakEven?
        /// The flags that would let the stage be costed, when it is not.
        var missing: [String]
    }

    /// The plan's stages with their costs, when cost inputs were given.
    var stageCosts: [StageCost] {
        guard let cost else { return [] }
        return advice.plan.map { stage in
            StageCost(
                stage: stage, cost: cost.strategy(stage.strategy),
                breakEven: cost.breakEven.first { $0.strategy == stage.strategy },
                missing: cost.notCosted.first { $0.strategy == stage.strategy }?.missing.map(\.flag) ?? [])
        }
    }

    /// Qualifies the advice by the team's prices (``Advice/qualify(by:wording:)``,
    /// ``Advice/qualify(byCheaperRetrieval:wording:)``, ``Advice/qualify(byContradictedAnswer:kind:)``),
    /// in the report's words: a model distilled to cut cost that does not pay back puts that
    /// first among the risks, as does a query-volume answer (or none) that the volume costed
    /// contradicts where that would change the advice; a first step with the whole collection
    /// in every prompt that an index would undercut adds that; the report says at its top what
    /// the money says.
    mutating func addCostRisk() {
        guard let cost else {
            advice.qualify(
                byUnpricedDistillation: "Not priced: a distilled model pays back only where its price per request (fewer prompt tokens "
                    + "at the tuned model's rates, plus any hosting) is below the prompted model's at your traffic, so give your prices "
                    + "(--cost FILE, or the cost flags) before building it.")
            return
        }
        let rubric = self.rubric
        let review = CostReview(advice: advice, cost: cost)
        let horizon = months(cost.horizonMonths)
        // The volume costed answers query-volume: where it differs from the answer (or the
        // question is unanswered) and would change the advice, that is a risk.
        let costedVolume = Contract.queryVolume(requestsPerDay: cost.requestsPerDay)
        if advice.answers[Contract.queryVolumeQuestion] != costedVolume,
            let change = advice.sensitivity.first(where: { $0.question == Contract.queryVolumeQuestion && $0.answer == costedVolume })
        {
            let answered =
                advice.answers[Contract.queryVolumeQuestion].map { "You answered query-volume \($0), but" } ?? "Query volume is unanswered, and"
            advice.qualify(
                byContradictedAnswer: "\(answered) your cost inputs serve \(requests(cost.requestsPerDay)) requests a day, which is query-volume "
                    + "\(costedVolume): with that answer the advice would be \(strategyLabel(change.strategy)).", kind: .cost)
            firstRiskClause = "the volume you costed would change it"
        }
        advice.qualify(byCheaperRetrieval: review) { retrieval, inContext in
            "At \(requests(cost.requestsPerDay)) requests a day an index is the cheaper way to the facts: with retrieval "
                + "(your \(CostField.contextTokens.flag) a request and \(CostField.retrievalPerMonth.flag)) the first step would cost "
                + "\(money(retrieval)) over \(horizon) against \(money(inContext)) with the whole collection in every prompt. "
                + "Weigh that against the recall an index may lose, on your own evaluation set."
        }
        advice.qualify(by: review) { strategy, threshold in
            let until = threshold.map { "until the volume passes \(requests($0.rounded(.up))) a day" } ?? "at any volume these prices allow"
            return "At your prices this step may not do what it is for: \(rubric.strategy(strategy)?.label ?? strategy) is advised to cut "
                + "cost or latency (prompting already meets the bar), yet at \(requests(cost.requestsPerDay)) requests a day it does not pay "
                + "back against prompting. Unless speed is what you need, keep the prompted model \(until), or lower the tuned model's "
                + "costs (its own prices: see the costs below)."
        }
        if advice.answers[Contract.promptingStatusQuestion] == Contract.meetsBarStatus,
            let uncosted = cost.notCosted.first(where: { $0.strategy == advice.strategy && advice.strategy != StrategyID.promptEngineering.rawValue })
        {
            let needs = joinedClauses(uncosted.missing.map(\.flag))
            advice.qualify(
                byUncostedStep: "The prompted model already meets the bar, so \(strategyLabel(advice.strategy)) could buy only cost or "
                    + "speed, yet your prices do not cover it (it needs \(needs)): price it before building it, as it may not pay back.")
            firstRiskClause = "your prices do not cover this step"
        }
        let paysBack = advice.qualify(byPayback: review, gatesPricesSettle: rubric.gatesPricesSettle) { strategy, month in
            let label = rubric.strategy(strategy)?.label ?? strategy
            return "At your prices \(label) (distilled) would pay back against prompting in month \(month) at "
                + "\(requests(cost.requestsPerDay)) requests a day: what the plan's next stage waits for on cost is met, so start it "
                + "now. Apply the cheap levers to the prompted model this week, pilot the distilled model against it on a held-out "
                + "set, and keep the prompted model as the fallback until the pilot matches it."
        }
        if paysBack, case .wouldPayBack(_, let month, _) = review.check {
            firstRiskClause = "your prices show the next stage paying back in month \(month)"
        }
    }

    /// The reason of the gate that rules out trained models where the prompted one already
    /// meets the bar and the team's prices show them not paying back (``Rubric/rulingOutForCost(_:reason:)``),
    /// from each one's break-even at those prices (``breakEvenClause(_:strategy:label:)``).
    static func pricesGateReason(_ breakEvens: [String]) -> String {
        "The prompted model already meets the bar, so a trained model could buy only cost or speed, and at your prices it buys "
            + "no cost: \(breakEvens.joined(separator: " ")) Keep the prompted model, and train (distil) only if latency, not "
            + "cost, misses its target, or if cheaper tuned prices change the sum."
    }

    /// "PEFT / fine-tuning never pays back: …": `strategy`'s break-even at the prices of `cost`.
    static func breakEvenClause(_ cost: CostComparison, strategy: String, label: String) -> String {
        let report = CostReport(comparison: cost, toolVersion: "")
        return report.breakEven(strategy).map { "\(label) \(report.breakEvenSentence($0))" } ?? "\(label) does not pay back."
    }

    /// One line where the cost result qualifies the advice, which it never changes
    /// (``CostReview/check``); a distilled model that does not pay back is a risk instead
    /// (``addCostRisk()``).
    var costCheck: String? {
        guard let cost, let check = CostReview(advice: advice, cost: cost).check else { return nil }
        let volume = requests(cost.requestsPerDay)
        switch check {
        case .doesNotPayBack(let strategy):
            return "Cost check: at \(volume) requests a day \(strategyLabel(strategy)) does not pay back against prompting, "
                + "so the advice rests on quality, not cost."
        case .distillingDoesNotPayBack:
            return nil
        case .wouldPayBack(let strategy, let month, let laterStage):
            guard let laterStage else {
                return "Cost check: at \(volume) requests a day, \(strategyLabel(strategy)) would pay back against prompting in month "
                    + "\(month)\(unlessRetrained(cost)); the advice rests on your answers, not on cost."
            }
            return "Cost check: at \(volume) requests a day, \(strategyLabel(strategy)) would pay back against prompting in month \(month), "
                + "so where the plan's move to it waits on cost, that much is met\(unlessRetrained(cost)): it moves to it \(laterStage.when)."
        }
    }

    /// " (unless the behaviour itself changes at …: retrained at it, it would not pay back; see
    /// above)", the retrain note standing above the cost check, where retraining at the
    /// transience given would undo the payback; else empty.
    private func unlessRetrained(_ cost: CostComparison) -> String {
        guard let retrains = behaviourRetrains(cost), !retrains.paysBack else { return "" }
        return " (unless the behaviour itself changes at the transience you gave, \(retrains.transience.rawValue): retrained at it, "
            + "it would not pay back; see above)"
    }

    /// The ``CostReview``'s notes, one line each: each stage carried out other than by
    /// default (without retrieval, with the collection in context, by distillation), then
    /// the cheapest strategy when the advice rules it out; then prices that may count a
    /// self-hosted model twice (``CostReport/pricingNote(_:)``).
    var costNotes: [String] {
        guard let cost else { return [] }
        return [baselineNote(cost), CostReport.trainingTokensNote(cost.inputs), retrainNote(cost)].compactMap { $0 } + reviewNotes(cost)
            + [
                droppedContextNote(cost), CostReport.pricingNote(cost.inputs), CostReport.uncachedPrefixNote(cost),
                CostReport.tunedContextNote(cost),
            ].compactMap { $0 }
    }

    /// What prompting would cost, where the plan has no stage of it: the baseline its
    /// trained stages' payback is measured against, and how it gets its facts where that is
    /// not retrieval: without them (where retrieval figures were given), or the whole
    /// collection in every prompt.
    private func baselineNote(_ cost: CostComparison) -> String? {
        let baseline = StrategyID.promptEngineering.rawValue
        guard !advice.plan.contains(where: { $0.strategy == baseline }), let prompting = cost.strategy(baseline) else { return nil }
        let retrievalGiven = (cost.inputs[.contextTokens] ?? 0) > 0 || (cost.inputs[.retrievalPerMonth] ?? 0) > 0
        let withoutRetrieval =
            switch prompting.shape.retrieval {
            case .none: retrievalGiven ? " It too is costed without retrieval: no context tokens, no retrieval upkeep." : ""
            case .inContext: " It too is costed with the whole collection in every prompt, as the plan gets its facts."
            case .rag: ""
            }
        return "For comparison, \(strategyLabel(baseline)) (the baseline a payback is measured against): \(money(prompting.oneOff)) "
            + "one-off, \(money(prompting.monthly)) a month, \(money(prompting.total)) over \(months(cost.horizonMonths))." + withoutRetrieval
    }

    /// Context tokens given for a plan costed without retrieval may be each request's own
    /// document, which the model reads whatever the strategy: the line that says where those go.
    private func droppedContextNote(_ cost: CostComparison) -> String? {
        guard (cost.inputs[.contextTokens] ?? 0) > 0, cost.inputs[.inputTokens] == nil,
            cost.strategies.contains(where: { $0.shape.retrieval == .none })
        else { return nil }
        return "The \(CostField.contextTokens.flag) given are left out where nothing is retrieved: if they are each request's "
            + "own document rather than retrieved passages, give them as \(CostField.inputTokens.flag), which every strategy pays for."
    }

    /// How often trained models are priced as retrained: as given, or from the transience
    /// where a tuned model would hold the facts (``Advice/retrainTransience``); else not at
    /// all, which the report says with its reason and how to price retrains anyway.
    private func retrainNote(_ cost: CostComparison) -> String? {
        // Retraining concerns the plan only where it trains.
        guard advice.trainsAtSomeStage else { return nil }
        var note: String
        if pricesHostedBaseRetirement {
            guard
                let hosted = CostReport.retrainNote(
                    cost,
                    reason: ", as a hosted service retires its base models about yearly and their tunes with them (OpenAI's GPT-4o "
                        + "and GPT-4.1 tunes stop on 14 January 2027; \(CostField.retrainEveryMonths.flag) 0 prices none where your "
                        + "provider keeps the base longer)")
            else { return nil }
            note = hosted
        } else {
            guard advice.retrainTransience == nil, cost.retrainEveryMonths == 0, cost.strategies.count > 1 else {
                return CostReport.retrainNote(cost)
            }
            note =
                "Trained models are priced with no retraining: they learn a behaviour, which the facts' pace does not date; "
                + "\(CostField.retrainEveryMonths.flag) prices retrains if the behaviour itself will change, or for a base model "
                + "the provider will retire (12 for a yearly one)."
        }
        if let retrains = behaviourRetrains(cost) {
            let count = retrains.count == 1 ? "1 retrain" : "\(retrains.count) retrains"
            let verdict =
                retrains.paysBack
                ? "it would still pay back within them" : "it would not pay back within them"
            note +=
                " At the transience you gave, \(retrains.transience.rawValue), that would be \(count) of "
                + "\(money(retrains.trained.retrainCost)) within the \(months(cost.horizonMonths)) (\(money(retrains.total)) in all, against "
                + "prompting's \(money(retrains.promptingTotal)): \(verdict)): \(CostField.retrainEveryMonths.flag) \(retrains.cadence)."
        }
        return note
    }

    /// For a behaviour alone, priced with no retraining as its facts arrive with each request
    /// (or only as its hosted base retires): what retraining at the transience given (the
    /// answer, else the cost inputs') would add instead, as that pace may be the behaviour's
    /// own (a label set that changes each quarter); `nil` where nothing is left out.
    private func behaviourRetrains(_ cost: CostComparison) -> BehaviourRetrains? {
        let priced = cost.retrainEveryMonths ?? 0
        guard advice.trainsAtSomeStage, advice.retrainTransience == nil || pricesHostedBaseRetirement,
            priced == 0 || pricesHostedBaseRetirement, advice.answers[Contract.needQuestion] == Contract.behaviourNeed,
            cost.inputs[.retrainEveryMonths] == Double(priced),
            let transience = advice.answers[Contract.transienceQuestion].flatMap(CostTransience.init(rawValue:)) ?? cost.inputs.transience,
            transience.retrainEveryMonths > 0, priced == 0 || transience.retrainEveryMonths < priced,
            let stage = advice.plan.first(where: { StrategyID(rawValue: $0.strategy) != .promptEngineering }),
            let trained = cost.strategy(stage.strategy), let prompting = cost.strategy(StrategyID.promptEngineering.rawValue)
        else { return nil }
        let cadence = transience.retrainEveryMonths
        let count = CostModel.retrains(byMonth: cost.horizonMonths, every: cadence)
        let total = trained.total + Double(count - trained.retrains) * trained.retrainCost
        return BehaviourRetrains(
            transience: transience, cadence: cadence, count: count, trained: trained, total: total, promptingTotal: prompting.total)
    }

    private func reviewNotes(_ cost: CostComparison) -> [String] {
        CostReview(advice: advice, cost: cost).notes.compactMap { note -> String? in
            switch note {
            case .withoutRetrieval(let strategy):
                return "\(strategyLabel(strategy)) is costed without retrieval, as advised: no context tokens, no retrieval upkeep."
            case .retrievesWithoutContext(let strategy):
                return "\(strategyLabel(strategy)) retrieves its facts, but no \(CostField.contextTokens.flag) were given: it is costed "
                    + "with the retrieval upkeep and no retrieved tokens a request; give them to price what each request reads."
            case .collectionInContext(let strategy, let tokens, let cachedShare):
                let uncachedTuned =
                    StrategyID(rawValue: strategy) != .promptEngineering && (cost.inputs[.cacheHitShare] ?? 0) > 0
                    && cost.inputs[.tunedCachedInputPricePerMillion] == nil
                let cached =
                    cachedShare.map { ", \(JSONWriter.format(($0 * 100).rounded()))% read from the cache" }
                    ?? (uncachedTuned ? ", none read from the cache (\(CostField.tunedCachedInputPricePerMillion.flag) prices it)" : "")
                return
                    "\(strategyLabel(strategy)) is costed with the whole collection in every prompt, as advised: \(requests(tokens)) tokens a request\(cached)."
            case .retrievalCheaper(let strategy, let retrieval, let inContext):
                // Beside the figures, for the first step too, whose is also a risk (``addCostRisk()``).
                return "With retrieval in place of the whole collection (your \(CostField.contextTokens.flag) a request and "
                    + "\(CostField.retrievalPerMonth.flag)), \(strategyLabel(strategy)) would cost \(money(retrieval)) over "
                    + "\(months(cost.horizonMonths)) against \(money(inContext)): at this volume an index is the cheaper way to the facts."
            case .distilled(let strategy, let ownPrices):
                return ownPrices
                    ? "\(strategyLabel(strategy)) is costed as a distilled model, at its own prices."
                    : "\(strategyLabel(strategy)) is costed as a distilled model at the tuned model's prices; "
                        + "\(CostField.distilledInputPricePerMillion.flag) and \(CostField.distilledOutputPricePerMillion.flag) give its own."
            case .retrievedContextKept(let strategy):
                return "\(strategyLabel(strategy)) is costed with all \(CostField.contextTokens.flag) a request: it retrieves its facts, "
                    + "so \(CostField.tunedContextTokens.flag), the context a tuned model on its own still needs, does not apply to it."
            case .reinforcement(let strategy):
                return "\(strategyLabel(strategy)) trains by reinforcement, yet its runs are priced per training token as a supervised "
                    + "run is: a reinforcement run samples and grades many answers a prompt, and hosted services bill it by training "
                    + "time, so set \(CostField.trainingPricePerMillion.flag) to what a run really costs you."
            case .cheapestRuledOut(let strategy, let total, let gates):
                return "\(strategyLabel(strategy)) would cost least over \(months(cost.horizonMonths)) (\(money(total))), "
                    + "but the advice rules it out (\(gates.joined(separator: ", "))): it is not an option now."
            }
        }
    }

    /// "12 months at 20,000 requests a day".
    var costScope: String {
        guard let cost else { return "" }
        return "\(months(cost.horizonMonths)) at \(requests(cost.requestsPerDay)) requests a day"
    }

    /// A stage's cost in one sentence, or what it needs to be costed.
    func costSentence(_ stageCost: StageCost) -> String {
        guard let cost, let strategyCost = stageCost.cost else {
            let needs = stageCost.missing.isEmpty ? "" : " (needs \(stageCost.missing.joined(separator: ", ")))"
            return "not costed\(needs)."
        }
        // Each strategy is costed from scratch, prompt building included: a later stage says
        // how much of its one-off an earlier stage has paid already.
        let promptBuilding = (cost.inputs[.promptBuildHours] ?? 0) * (cost.inputs[.hourlyRate] ?? 0)
        let paidBefore =
            stageCost.stage.strategy != advice.plan.first?.strategy && promptBuilding > 0
            ? " (\(money(promptBuilding)) of it the prompt building an earlier stage pays)" : ""
        var sentence =
            "\(money(strategyCost.oneOff)) one-off\(paidBefore), \(money(strategyCost.monthly)) a month, "
            + "\(money(strategyCost.total)) over \(months(cost.horizonMonths))"
        if let breakEven = stageCost.breakEven {
            sentence += "; " + CostReport(comparison: cost, toolVersion: toolVersion).breakEvenSentence(breakEven)
        } else {
            sentence += "."
        }
        return sentence
    }
}

/// What retraining a behaviour at the transience given would add to a trained stage
/// priced without it (``Report/behaviourRetrains(_:)``).
struct BehaviourRetrains {
    var transience: CostTransience
    /// Months between retrains.
    var cadence: Int
    /// Retrains within the horizon.
    var count: Int
    /// The trained stage as priced, without them.
    var trained: StrategyCost
    /// The trained stage's cost over the horizon with them.
    var total: Double
    /// Prompting's cost over the horizon.
    var promptingTotal: Double

    /// Whether the trained stage still costs no more than prompting over the horizon.
    var paysBack: Bool { total <= promptingTotal }
}
