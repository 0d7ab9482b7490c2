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

    /// One line where the cost result qualifies the advice, which it never changes: a trained
    /// recommendation that does not pay back at the team's volume, or a trained strategy that
    /// the answers allow, or the plan reaches, and that would pay back within the horizon.
    var costCheck: String? {
        guard let cost else { return nil }
        let volume = requests(cost.requestsPerDay)
        if let breakEven = cost.breakEven.first(where: { $0.strategy == advice.strategy }), breakEven.paybackMonth == nil {
            return "Cost check: at \(volume) requests a day \(strategyLabel(advice.strategy)) does not pay back against prompting, "
                + "so the advice rests on quality, not cost."
        }
        guard advice.strategy == Contract.strategyIDs[0] else { return nil }
        let allowed = Set(advice.ranking.filter { !$0.excluded }.map(\.strategy) + advice.plan.map(\.strategy))
        let paying = cost.breakEven.filter { $0.paybackMonth != nil && allowed.contains($0.strategy) }
            .min { $0.paybackMonth! < $1.paybackMonth! }
        guard let paying, let month = paying.paybackMonth else { return nil }
        let laterStage = advice.plan.dropFirst().first { $0.strategy == paying.strategy }
        let grounds = laterStage.map { "the plan moves to it \($0.when)" } ?? "the advice rests on your answers, not on cost"
        return
            "Cost check: at \(volume) requests a day, \(strategyLabel(paying.strategy)) would pay back against prompting in month \(month); \(grounds)."
    }

    /// Lines on how the plan was costed and what the advice rules out, decided by the
    /// variant and strategy ids: each stage carried out other than by default (without
    /// retrieval, with the collection in context, by distillation), then the cheapest
    /// strategy when the advice rules it out.
    var costNotes: [String] {
        guard let cost else { return [] }
        var notes: [String] = []
        for stageCost in stageCosts {
            guard let shape = stageCost.cost?.shape else { continue }
            let label = strategyLabel(stageCost.stage.strategy)
            switch shape.retrieval {
            case .rag: break
            case .none: notes.append("\(label) is costed without retrieval, as advised: no context tokens, no retrieval upkeep.")
            case .inContext:
                let collection = requests(cost.inputs[.collectionTokens] ?? 0)
                let cached =
                    stageCost.stage.strategy == Contract.strategyIDs[0] && cost.inputs[.cachedInputPricePerMillion] != nil
                    ? ", \(JSONWriter.format(((cost.inputs[.cacheHitShare] ?? 0) * 100).rounded()))% read from the cache" : ""
                notes.append(
                    "\(label) is costed with the whole collection in every prompt, as advised: \(collection) tokens a request\(cached).")
            }
            if shape.distilled {
                let own = cost.inputs[.distilledInputPricePerMillion] != nil || cost.inputs[.distilledOutputPricePerMillion] != nil
                notes.append(
                    own
                        ? "\(label) is costed as a distilled model, at its own prices."
                        : "\(label) is costed as a distilled model at the tuned model's prices; "
                            + "\(CostField.distilledInputPricePerMillion.flag) and \(CostField.distilledOutputPricePerMillion.flag) give its own.")
            }
        }
        let excluded = advice.excludedStrategies
        if let cheapest = cost.strategies.min(by: { $0.total < $1.total }), excluded.contains(cheapest.strategy) {
            let gates = advice.ranking.first { $0.strategy == cheapest.strategy }?.exclusions.map(\.id) ?? []
            notes.append(
                "\(strategyLabel(cheapest.strategy)) would cost least over \(months(cost.horizonMonths)) (\(money(cheapest.total))), "
                    + "but the advice rules it out (\(gates.joined(separator: ", "))): it is not an option now.")
        }
        return notes
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
        var sentence =
            "\(money(strategyCost.oneOff)) one-off, \(money(strategyCost.monthly)) a month, \(money(strategyCost.total)) over \(months(cost.horizonMonths))"
        if let breakEven = stageCost.breakEven {
            sentence += "; " + CostReport(comparison: cost, toolVersion: toolVersion).breakEvenSentence(breakEven)
        } else {
            sentence += "."
        }
        return sentence
    }
}
