/// What the cost of a plan says about its advice, decided by meaning: how each stage was
/// costed when not in the default way, the cheapest strategy when the advice rules it out,
/// and whether the money agrees with the advice. The review changes no advice itself (a
/// command may advise again without a step the prices undo, ``Rubric/rulingOutForCost(_:reason:)``);
/// a report words these as it likes.
public struct CostReview: Equatable, Sendable {
    /// A fact about how the plan was costed, or about what the advice rules out.
    public enum Note: Equatable, Sendable {
        /// `strategy` is carried out without retrieval: no context, no retrieval upkeep.
        case withoutRetrieval(strategy: String)
        /// `strategy` retrieves its facts, yet no retrieved-context tokens were given
        /// (``CostField/contextTokens``): it is costed with the retrieval upkeep and no context.
        case retrievesWithoutContext(strategy: String)
        /// `strategy` keeps the whole collection in every prompt, `tokens` a request; with a
        /// cached price for its model, `cachedShare` of it is read from the cache.
        case collectionInContext(strategy: String, tokens: Double, cachedShare: Double?)
        /// `strategy` is a distilled model, at its own prices or, when none were given, at the
        /// tuned model's.
        case distilled(strategy: String, ownPrices: Bool)
        /// `strategy` keeps the whole collection in every prompt, yet with the retrieved context
        /// given (``CostField/contextTokens``) and the retrieval upkeep it would cost less:
        /// `retrievalTotal` against `inContextTotal` over the horizon.
        case retrievalCheaper(strategy: String, retrievalTotal: Double, inContextTotal: Double)
        /// `strategy` (the hybrid) keeps all its retrieved context, though a tuned model's own
        /// (``CostField/tunedContextTokens``) was given otherwise: its retrieval supplies the facts.
        case retrievedContextKept(strategy: String)
        /// `strategy` trains by reinforcement against a grader: its runs are priced per training
        /// token as a supervised run is, though they sample and grade many answers a prompt.
        case reinforcement(strategy: String)
        /// The strategy that would cost least over the horizon, less than any the advice allows,
        /// is one the advice rules out, by these gates, and the plan does not reach; said only
        /// where it gets its facts as the advice's first step does.
        case cheapestRuledOut(strategy: String, total: Double, gates: [String])
    }

    /// Where the money and the advice meet.
    public enum Check: Equatable, Sendable {
        /// The recommended trained strategy does not pay back against prompting at this volume:
        /// the advice rests on quality, not cost.
        case doesNotPayBack(strategy: String)
        /// The recommended strategy distils the prompted model, which already meets the bar,
        /// to cut cost, yet it does not pay back at this volume: prompting stays cheaper until
        /// `fromRequestsPerDay` (`nil` when no volume makes it pay back).
        case distillingDoesNotPayBack(strategy: String, fromRequestsPerDay: Double?)
        /// Prompting is advised, yet `strategy`, which the answers allow or the plan reaches,
        /// would pay back in `month`; `laterStage` is the plan's stage that moves to it, if any.
        case wouldPayBack(strategy: String, month: Int, laterStage: PlanStage?)
    }

    /// The notes, each stage's in plan order (with, for the collection in every prompt, the
    /// retrieval that would cost less), then the cheapest strategy ruled out.
    public var notes: [Note]
    /// The one check that qualifies the advice, if any.
    public var check: Check?

    /// The review of `cost`, the costs of `advice`'s strategies as its plan carries them out.
    public init(advice: Advice, cost: CostComparison) {
        notes = []
        for stage in advice.plan {
            guard let shape = cost.strategy(stage.strategy)?.shape else { continue }
            switch shape.retrieval {
            case .rag:
                if (cost.inputs[.contextTokens] ?? 0) == 0 { notes.append(.retrievesWithoutContext(strategy: stage.strategy)) }
            case .none: notes.append(.withoutRetrieval(strategy: stage.strategy))
            case .inContext:
                let cached =
                    CostModel.cacheablePrefix(stage.strategy, shape: shape, cost.inputs).cachedPrice != nil
                    && !cost.strategiesTooShortToCache.contains { $0.strategy == stage.strategy }
                notes.append(
                    .collectionInContext(
                        strategy: stage.strategy, tokens: cost.inputs[.collectionTokens] ?? 0,
                        cachedShare: cached ? cost.inputs[.cacheHitShare] ?? 0 : nil))
            }
            if shape.retrieval == .inContext, (cost.inputs[.contextTokens] ?? 0) > 0, let inContext = cost.strategy(stage.strategy) {
                let retrieving = CostModel.cost(
                    stage.strategy, shape: CostShape(retrieval: .rag, distilled: shape.distilled), cost.inputs, horizon: cost.horizonMonths,
                    cadence: cost.retrainEveryMonths ?? 0)
                if retrieving.total < inContext.total {
                    notes.append(.retrievalCheaper(strategy: stage.strategy, retrievalTotal: retrieving.total, inContextTotal: inContext.total))
                }
            }
            if StrategyID(rawValue: stage.strategy) == .hybrid, shape.retrieval == .rag, let tuned = cost.inputs[.tunedContextTokens],
                tuned != cost.inputs[.contextTokens] ?? 0
            {
                notes.append(.retrievedContextKept(strategy: stage.strategy))
            }
            if stage.variants.contains(where: { $0.variant == CostShape.trainingVariant && $0.choice == CostShape.reinforcementChoice }) {
                notes.append(.reinforcement(strategy: stage.strategy))
            }
            if shape.distilled {
                let own = cost.inputs[.distilledInputPricePerMillion] != nil || cost.inputs[.distilledOutputPricePerMillion] != nil
                notes.append(.distilled(strategy: stage.strategy, ownPrices: own))
            }
        }
        // Compared only where it gets its facts as the advice does: one costed without the
        // collection the advice puts in every prompt is cheaper for lacking it, not an option.
        // Not said of a strategy the plan moves to later (the check covers it), nor of one that
        // merely ties with a strategy the advice allows.
        let retrieval = advice.plan.first.flatMap { cost.strategy($0.strategy)?.shape.retrieval }
        let allowedLeast = cost.strategies.filter { !advice.excludedStrategies.contains($0.strategy) }.map(\.total).min() ?? .infinity
        if let cheapest = cost.strategies.min(by: { $0.total < $1.total }), advice.excludedStrategies.contains(cheapest.strategy),
            cheapest.shape.retrieval == retrieval, cheapest.total < allowedLeast, !advice.plan.contains(where: { $0.strategy == cheapest.strategy })
        {
            let gates = advice.ranking.first { $0.strategy == cheapest.strategy }?.exclusions.map(\.id) ?? []
            notes.append(.cheapestRuledOut(strategy: cheapest.strategy, total: cheapest.total, gates: gates))
        }
        check = Self.check(advice, cost)
    }

    private static func check(_ advice: Advice, _ cost: CostComparison) -> Check? {
        if let breakEven = cost.breakEven.first(where: { $0.strategy == advice.strategy }), breakEven.paybackMonth == nil {
            // Distilling buys cost or speed, not quality: the advice cannot rest on quality.
            guard cost.strategy(advice.strategy)?.shape.distilled == true else { return .doesNotPayBack(strategy: advice.strategy) }
            return .distillingDoesNotPayBack(strategy: advice.strategy, fromRequestsPerDay: breakEven.requestsPerDay)
        }
        guard StrategyID(rawValue: advice.strategy) == .promptEngineering else { return nil }
        let allowed = Set(advice.ranking.filter { !$0.excluded }.map(\.strategy) + advice.plan.map(\.strategy))
        let paying = cost.breakEven.filter { $0.paybackMonth != nil && allowed.contains($0.strategy) }
            .min { $0.paybackMonth! < $1.paybackMonth! }
        guard let paying, let month = paying.paybackMonth else { return nil }
        return .wouldPayBack(strategy: paying.strategy, month: month, laterStage: advice.plan.dropFirst().first { $0.strategy == paying.strategy })
    }
}

extension CostReview.Check {
    /// The recommended trained strategy that does not pay back against prompting at the
    /// prices reviewed, distilled or not; `nil` for any other check.
    public var trainedStepNotPayingBack: String? {
        switch self {
        case .doesNotPayBack(let strategy), .distillingDoesNotPayBack(let strategy, _): strategy
        case .wouldPayBack: nil
        }
    }
}

extension Advice {
    /// Qualifies the advice by what the team's prices say of it: a model distilled to cut cost
    /// that does not pay back (``CostReview/Check/distillingDoesNotPayBack(strategy:fromRequestsPerDay:)``)
    /// undoes the first step's only purpose, so the confidence is low and a ``Risk/Kind/cost``
    /// risk, in the words `wording` gives it (from the strategy and the volume from which it
    /// would pay back), comes first. The strategy never changes; any other review leaves the
    /// advice as it is.
    public mutating func qualify(by review: CostReview, wording: (_ strategy: String, _ fromRequestsPerDay: Double?) -> String) {
        guard case .distillingDoesNotPayBack(let strategy, let threshold) = review.check else { return }
        risks.insert(Risk(kind: .cost, text: wording(strategy, threshold), source: nil), at: 0)
        confidence = .low
    }

    /// Qualifies the advice by prices that settle what holds its next stage back: where the
    /// plan's later stage waits on a gate of `gatesPricesSettle` (``Rubric/gatesPricesSettle``)
    /// and the team's prices show it paying back within the horizon
    /// (``CostReview/Check/wouldPayBack(strategy:month:laterStage:)``), a ``Risk/Kind/cost`` risk in
    /// the words `wording` gives it (from the strategy and the month) comes first, and
    /// the confidence is low: the team's own prices undo what keeps the first step first.
    /// - Returns: whether it did.
    @discardableResult
    public mutating func qualify(
        byPayback review: CostReview, gatesPricesSettle: Set<String>, wording: (_ strategy: String, _ month: Int) -> String
    ) -> Bool {
        guard case .wouldPayBack(let strategy, let month, let stage?) = review.check, stage.after.contains(where: gatesPricesSettle.contains)
        else { return false }
        risks.insert(Risk(kind: .cost, text: wording(strategy, month), source: nil), at: 0)
        confidence = .low
        return true
    }

    /// Qualifies a first step that distils the prompted model to cut cost when no prices were
    /// given: whether it pays back rests on the per-request prices of the two models, which
    /// the answers cannot settle, so `note` (the report's words) joins the risks and the
    /// confidence is medium at most.
    /// - Returns: whether it did.
    @discardableResult
    public mutating func qualify(byUnpricedDistillation note: String) -> Bool {
        let distils = variants.contains { $0.variant == CostShape.trainingVariant && $0.choice == CostShape.distillationChoice }
        guard distils else { return false }
        risks.append(Risk(kind: .cost, text: note, source: nil))
        if confidence == .high { confidence = .medium }
        return true
    }

    /// Qualifies a trained first step that could buy only cost or speed (the prompted model
    /// already meets the bar) when the prices given do not cover it, so whether it pays back
    /// is unknown while the other steps were priced: `note` (the report's words) comes first
    /// among the risks and the confidence is low.
    public mutating func qualify(byUncostedStep note: String) {
        risks.insert(Risk(kind: .cost, text: note, source: nil), at: 0)
        confidence = .low
    }

    /// Qualifies how the first step gets its facts by the team's prices: where it keeps the
    /// whole collection in every prompt and an index would cost less at their volume
    /// (``CostReview/Note/retrievalCheaper(strategy:retrievalTotal:inContextTotal:)``), that is
    /// a ``Risk/Kind/cost`` risk, in the words `wording` gives it (from the totals over the
    /// horizon with retrieval and with the collection in context). The strategy and its
    /// confidence stay: the choice between the two ways to the facts is the plan's, not the strategy's.
    public mutating func qualify(
        byCheaperRetrieval review: CostReview, wording: (_ retrievalTotal: Double, _ inContextTotal: Double) -> String
    ) {
        guard let first = plan.first else { return }
        for case .retrievalCheaper(first.strategy, let retrieval, let inContext) in review.notes {
            risks.append(Risk(kind: .cost, text: wording(retrieval, inContext), source: nil))
            return
        }
    }
}
