/// What one strategy costs over the horizon.
public struct StrategyCost: Equatable, Sendable {
    /// The strategy id (`prompt-engineering`, `prompt-tuning`, `fine-tuning`, `hybrid`).
    public var strategy: String
    /// How it was costed: where its facts come from and whose prices its model has.
    public var shape: CostShape
    /// Paid once before the first month: building the prompted system and, for a trained
    /// strategy, data preparation and the first training run.
    public var oneOff: Double
    /// Paid every month: requests × tokens × prices, hosting and retrieval upkeep.
    public var monthly: Double
    /// Retrieval upkeep a month, paid when the strategy retrieves context.
    public var retrievalMonthly: Double
    /// Hosting a month of one unit; 0 for a model paid per token.
    public var hostingPerUnit: Double
    /// Hosting units needed at the stated volume: 1 unless a unit's capacity is given.
    public var hostingUnits: Int
    /// The inference cost of one request.
    public var perRequest: Double
    /// Each retrain: a training run and the hours to refresh the data; 0 for no training.
    public var retrainCost: Double
    /// Retrains within the horizon.
    public var retrains: Int
    /// Cumulative cost at the end of each month of the horizon; one entry per month.
    public var cumulative: [Double]

    /// The cost over the whole horizon.
    public var total: Double { cumulative.last ?? oneOff }

    /// The part of ``monthly`` that is not per request: hosting and retrieval upkeep.
    public var fixedMonthly: Double { retrievalMonthly + Double(hostingUnits) * hostingPerUnit }
}

/// A strategy that is not costed because numbers it needs were not given.
public struct UncostedStrategy: Equatable, Sendable {
    public var strategy: String
    /// The fields it needs that are missing, in field order.
    public var missing: [CostField]
}

/// Why a trained strategy never pays back against prompt engineering.
public enum NoPaybackReason: String, Equatable, Sendable, CaseIterable {
    /// The tuned model costs at least as much per request, so more volume never helps.
    case tunedCostsMorePerRequest = "tuned-costs-more-per-request"
    /// Each hosting unit costs more a month than the requests it can serve save, so more
    /// volume, which needs more units, never catches up.
    case hostingOutgrowsSavings = "hosting-outgrows-savings"
    /// No requests: nothing to save per request, and the one-off cost is never recovered.
    case noRequests = "no-requests"
    /// At this volume the per-request savings do not cover the tuned model's hosting.
    case runningCostNotLower = "running-cost-not-lower"
    /// The monthly savings are eaten by the retrains.
    case retrainingEatsSavings = "retraining-eats-savings"
    /// It saves every month, but recovers its one-off cost only after the horizon.
    case horizonTooShort = "horizon-too-short"
}

/// When a trained strategy pays back against prompt engineering.
public struct BreakEven: Equatable, Sendable {
    public var strategy: String
    /// The smallest number of requests a day at which it pays back within the horizon
    /// (not rounded); `nil` when no volume makes it, for ``volumeNever``. With hosting in
    /// units, a volume just past a unit's capacity may not pay back though this one does.
    public var requestsPerDay: Double?
    /// Why no volume makes it pay back; `nil` when ``requestsPerDay`` is given.
    public var volumeNever: NoPaybackReason?
    /// The first month (1-based) whose cumulative cost is at most prompt engineering's at
    /// the stated volume; `nil` when none within the horizon, for ``paybackNever``.
    public var paybackMonth: Int?
    /// Why it does not pay back within the horizon at the stated volume.
    public var paybackNever: NoPaybackReason?
    /// With ``NoPaybackReason/horizonTooShort``: the month it would pay back in, when that
    /// is within ``CostModel/lookAheadMonths``.
    public var paybackMonthBeyondHorizon: Int?
    /// Prompt engineering's cost per request less this strategy's: negative when the tuned
    /// model costs more per request.
    public var savingPerRequest: Double
}

/// The cost of every strategy that could be costed, and when each trained one pays back.
public struct CostComparison: Equatable, Sendable {
    public var horizonMonths: Int
    public var requestsPerDay: Double
    /// Months between retrains (0 for none), and whether it came from the transience.
    public var retrainEveryMonths: Int?
    public var retrainCadenceFromTransience: CostTransience?
    /// The costed strategies, in ``Contract/strategyIDs`` order; prompt engineering first.
    public var strategies: [StrategyCost]
    /// The strategies not costed, with what they need.
    public var notCosted: [UncostedStrategy]
    /// One entry for each costed trained strategy, in ``strategies`` order.
    public var breakEven: [BreakEven]
    /// The inputs the comparison was made from.
    public var inputs: CostInputs

    /// Whether a tuned model is costed with fewer context tokens than the base model's
    /// retrieved context (``CostField/tunedContextTokens`` below ``CostField/contextTokens``):
    /// as if training replaced retrieved facts, which it does not. Only a costed tuned model
    /// that retrieves and is not the hybrid (which keeps all its context) takes the lower figure.
    public var tunedModelDropsContext: Bool {
        guard let tuned = inputs[.tunedContextTokens], tuned < inputs[.contextTokens] ?? 0 else { return false }
        return strategies.contains { cost in
            let id = StrategyID(rawValue: cost.strategy)
            return id != .promptEngineering && id != .hybrid && cost.shape.retrieval == .rag
        }
    }

    /// The costed strategies given a cached price and a cache hit share whose cacheable prefix
    /// (the fixed prompt, and the collection where it is in context) is shorter than
    /// ``CostModel/minimumCachedPrefixTokens(_:)``, so that none of it is priced as cached.
    public var strategiesTooShortToCache: [StrategyCost] {
        guard (inputs[.cacheHitShare] ?? 0) > 0 else { return [] }
        return strategies.filter { cost in
            let prefix = CostModel.cacheablePrefix(cost.strategy, shape: cost.shape, inputs)
            return prefix.cachedPrice != nil && prefix.tokens < CostModel.minimumCachedPrefixTokens(inputs)
        }
    }

    /// The costed strategy with `id`.
    public func strategy(_ id: String) -> StrategyCost? { strategies.first { $0.strategy == id } }
}

/// Why the cost model could not run.
public enum CostModelError: Error, Equatable, Sendable {
    /// Values outside their bounds, or a cached price above the input price.
    case invalid([CostProblem])
    /// Numbers that prompt engineering needs, or, when it has them, the numbers that
    /// fine-tuning needs when no trained strategy can be costed.
    case missing([CostField])
}
