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

    /// A line when the cost inputs include retrieval (context tokens or upkeep) but the plan
    /// starts with prompting without retrieval, so the prompted cost is not the plan's.
    var costInputsNote: String? {
        guard let cost, let first = advice.plan.first, first.strategy == Contract.strategyIDs[0],
            first.variants.contains(where: { $0.variant == "retrieval" && $0.choice == "none" }),
            (cost.inputs[.contextTokens] ?? 0) > 0 || (cost.inputs[.retrievalPerMonth] ?? 0) > 0
        else { return nil }
        return "Your cost inputs include retrieval, which this plan does not use: add --context-tokens 0 --retrieval-per-month 0 "
            + "to cost the plan as advised."
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
