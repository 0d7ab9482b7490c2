/// The cost model: what each strategy costs month by month from the team's own numbers,
/// and at what volume training pays back against prompt engineering.
///
/// A month is ``daysPerMonth`` days; `V` is requests a day, `H` the horizon in months,
/// prices are per million tokens, amounts in the currency of the prices given; `b` is the
/// batch discount, taken off the token prices of requests (not the training price).
///
/// Per request, with `P` prompt tokens, `I` tokens of the request's own input, `O` output
/// tokens and, by the strategy's ``CostShape/Retrieval``, `C` retrieved-context tokens
/// (`rag`) or `L` collection tokens (`in-context`; none for `none`):
///
///     u(prompt-engineering) = (K × (s × cached + (1 − s) × in) + (I + C) × in + O × out) × (1 − b) / 1e6
///
/// where the cacheable tokens `K = P (+ L in context)` are read from the prompt cache with
/// the hit share `s` (0 without a cached price, or when `K` is shorter than
/// ``minimumCachedPrefixTokens(_:)``); the request's input and retrieved context differ per
/// request and are never cached. A tuned model, with `Pt` prompt tokens and its own prices
/// (a distilled model's where given), reads the same input `I` and keeps `Ct` context
/// tokens: ``CostField/tunedContextTokens``, by default all of `C`, as training does not
/// replace retrieved facts; the hybrid keeps its retrieval, `C` (or `L`). Its cacheable
/// tokens `Kt = Pt (+ L in context)` are read from the cache alike at its own cached price
/// (``CostField/tunedCachedInputPricePerMillion``; none for a distilled model at its own prices):
///
///     u(tuned) = (Kt × (s × tunedCached + (1 − s) × tunedIn) + (I + Ct) × tunedIn + O × tunedOut) × (1 − b) / 1e6
///
/// Running cost a month: `M(V) = V × 30 × u + F(V)`, with fixed `F` = retrieval upkeep for a
/// strategy that retrieves (`rag`, unless a tuned model is said to need no retrieved context) plus, for a trained one, hosting `k(V) × h`: `k(V) = ⌈V / cap⌉`
/// units (at least one) of ``CostField/hostingCapacityPerDay`` requests a day, or one unit
/// when no capacity is given. One-off `O₁`: prompt build hours × hourly rate for every
/// strategy, as each is built on a prompted system (a trained one starts from a prompted
/// baseline to beat, and keeps its prompts and retrieval), so they cancel out of the
/// break-even; plus, for a trained strategy, data preparation hours × hourly rate and one
/// training run, where a run costs training tokens × epochs × training price / 1e6 (fine-tuning,
/// hybrid) or the given prompt-tuning run cost (prompt-tuning, which runs only on a
/// self-hosted model, so it needs hosting given). Each retrain costs `r` = one run +
/// retrain hours × hourly rate.
///
/// With a retrain every `q` months (0: none), retrains fall at the start of months
/// `q+1, 2q+1, …`, so by month `m` there have been `n(m) = ⌊(m − 1) / q⌋` (0 when `q = 0`),
/// and the cumulative cost at the end of month `m` is
///
///     C(m) = O₁ + n(m) × r + m × M
///
/// See ``breakEven(_:against:volume:horizon:cadence:capacity:)`` for when a trained strategy
/// pays back.
public enum CostModel {
    /// Days in a month.
    public static let daysPerMonth = 30.0
    /// The shortest prefix, in tokens, read from a prompt cache where the inputs do not say:
    /// providers cache none shorter (OpenAI, Anthropic and Gemini from 1,024 tokens; some
    /// models only from 2,048 or 4,096, which ``CostField/cacheMinimumTokens`` sets).
    public static let defaultMinimumCachedPrefixTokens = 1_024.0

    /// The shortest prefix, in tokens, that `inputs` have read from a prompt cache.
    public static func minimumCachedPrefixTokens(_ inputs: CostInputs) -> Double {
        inputs[.cacheMinimumTokens] ?? defaultMinimumCachedPrefixTokens
    }

    /// How far past the horizon the payback month is looked for, to say "month 17".
    public static let lookAheadMonths = 240
    /// Fields prompt engineering, the baseline, always needs.
    public static let baselineFields: [CostField] = [
        .requestsPerDay, .promptTokens, .outputTokens, .inputPricePerMillion, .outputPricePerMillion,
    ]

    /// The fields `strategy`, carried out as `shape`, needs beyond the baseline's; a field
    /// with a default (context tokens, retrieval upkeep, hosting for a provider-hosted model,
    /// retrain hours) is needed only where it has none.
    public static func requiredFields(for strategy: String, shape: CostShape = CostShape()) -> [CostField] {
        let tunedServing: [CostField] = [.tunedPromptTokens, .tunedInputPricePerMillion, .tunedOutputPricePerMillion]
        let people: [CostField] = [.dataPrepHours, .hourlyRate, .retrainEveryMonths]
        let providerTraining: [CostField] = [.trainingTokens, .epochs, .trainingPricePerMillion]
        // The whole collection in context needs its size; the hybrid, a fine-tuned model that
        // keeps retrieval, needs the retrieved context's.
        let context: [CostField] = shape.retrieval == .inContext ? [.collectionTokens] : []
        switch StrategyID(rawValue: strategy) {
        case .promptTuning: return tunedServing + [.hostingPerMonth, .promptTuningRunCost] + people + context
        case .fineTuning: return tunedServing + providerTraining + people + context
        case .hybrid: return tunedServing + providerTraining + people + (shape.retrieval == .rag ? [.contextTokens] : context)
        case .promptEngineering, nil: return []
        }
    }

    /// The fields prompt engineering, carried out as `shape`, needs with these inputs: the
    /// ``baselineFields``, the collection in context, the hourly rate for build hours, the
    /// cached price for a cache hit share.
    static func missingBaseline(_ inputs: CostInputs, shape: CostShape) -> [CostField] {
        var needed = baselineFields
        if shape.retrieval == .inContext { needed.append(.collectionTokens) }
        if (inputs[.cacheHitShare] ?? 0) > 0 { needed.append(.cachedInputPricePerMillion) }
        if (inputs[.promptBuildHours] ?? 0) > 0 { needed.append(.hourlyRate) }
        return needed.filter { inputs[$0] == nil }
    }

    /// Compares every strategy that the inputs can cost over the horizon.
    /// - Parameters:
    ///   - inputs: the team's numbers.
    ///   - shapes: how each strategy is carried out, by strategy id (the advice's variants);
    ///     a strategy not named takes the default shape.
    ///   - requiringTrained: whether a trained strategy must be costed too (a comparison of
    ///     strategies needs one); advice costs its plan as far as the figures go.
    /// - Throws: ``CostModelError/invalid(_:)`` for values out of bounds;
    ///   ``CostModelError/missing(_:)`` when prompt engineering cannot be costed, or, when
    ///   `requiringTrained`, no trained strategy can (naming what fine-tuning needs).
    /// - Complexity: O(H) for each strategy.
    public static func compare(
        _ inputs: CostInputs, shapes: [String: CostShape] = [:], requiringTrained: Bool = true
    ) throws(CostModelError) -> CostComparison {
        let problems = inputs.problems
        guard problems.isEmpty else { throw .invalid(problems) }
        let missingBaseline = missingBaseline(inputs, shape: shapes[Contract.strategyIDs[0]] ?? CostShape())
        guard missingBaseline.isEmpty else { throw .missing(missingBaseline) }

        let horizon = inputs.horizonMonths
        let cadence = inputs.retrainEveryMonths
        let volume = inputs[.requestsPerDay]!
        var costed: [StrategyCost] = []
        var notCosted: [UncostedStrategy] = []
        for strategy in Contract.strategyIDs {
            let shape = shapes[strategy] ?? CostShape()
            let missing = requiredFields(for: strategy, shape: shape).filter { field in
                switch field {
                case .retrainEveryMonths: return cadence == nil
                // A self-hosted model's hosting is its price: per-token prices, left out, are none.
                case .tunedInputPricePerMillion, .tunedOutputPricePerMillion: return inputs[field] == nil && inputs[.hostingPerMonth] == nil
                default: return inputs[field] == nil
                }
            }
            if missing.isEmpty {
                costed.append(cost(strategy, shape: shape, inputs, horizon: horizon, cadence: cadence ?? 0))
            } else {
                notCosted.append(UncostedStrategy(strategy: strategy, missing: missing))
            }
        }
        guard costed.count > 1 || !requiringTrained else {
            throw .missing(notCosted.first { $0.strategy == StrategyID.fineTuning.rawValue }?.missing ?? [])
        }
        let baseline = costed[0]
        let paybacks = costed.dropFirst().map {
            breakEven($0, against: baseline, volume: volume, horizon: horizon, cadence: cadence ?? 0, capacity: inputs[.hostingCapacityPerDay])
        }
        return CostComparison(
            horizonMonths: horizon, requestsPerDay: volume, retrainEveryMonths: cadence,
            retrainCadenceFromTransience: inputs[.retrainEveryMonths] == nil ? inputs.transience : nil,
            strategies: costed, notCosted: notCosted, breakEven: paybacks, inputs: inputs)
    }

    /// Retrains by the end of month `month` (1-based) with a retrain every `cadence` months.
    public static func retrains(byMonth month: Int, every cadence: Int) -> Int {
        cadence > 0 && month > 0 ? (month - 1) / cadence : 0
    }

    /// Hosting units that serve `volume` requests a day, `capacity` each: at least one, and
    /// one whatever the volume when no capacity is given.
    public static func hostingUnits(volume: Double, capacity: Double?) -> Int {
        guard let capacity, capacity > 0, volume > capacity else { return 1 }
        return Int((volume / capacity).rounded(.up))
    }

    /// What `strategy`'s model, carried out as `shape`, could read from a prompt cache on every
    /// request: its fixed prompt, and the collection where it is in context; with the cached
    /// price of its model, if one was given (a distilled model at its own prices has none).
    public static func cacheablePrefix(_ strategy: String, shape: CostShape, _ inputs: CostInputs) -> (tokens: Double, cachedPrice: Double?) {
        let collection = shape.retrieval == .inContext ? inputs[.collectionTokens] ?? 0 : 0
        guard StrategyID(rawValue: strategy) != .promptEngineering else {
            return ((inputs[.promptTokens] ?? 0) + collection, inputs[.cachedInputPricePerMillion])
        }
        let ownPrices = shape.distilled && inputs[.distilledInputPricePerMillion] != nil
        return ((inputs[.tunedPromptTokens] ?? 0) + collection, ownPrices ? nil : inputs[.tunedCachedInputPricePerMillion])
    }

    /// One strategy's costs; every field it needs is present.
    static func cost(_ strategy: String, shape: CostShape, _ inputs: CostInputs, horizon: Int, cadence: Int) -> StrategyCost {
        func value(_ field: CostField) -> Double { inputs[field] ?? 0 }
        let volume = value(.requestsPerDay)
        let perMillion = 1_000_000.0
        let batch = 1 - value(.batchDiscount)
        let perRequest: Double
        let context: Double
        var hosting = 0.0
        var oneOff = 0.0
        var retrainCost = 0.0
        let id = StrategyID(rawValue: strategy)
        /// The input cost of a request: its cacheable prefix read from the cache at `cachedPrice`
        /// (never above `price`: a self-hosted model's is none) by the hit share, where a cached
        /// price is given and the prefix is long enough to cache, and the rest at `price`.
        func inputCost(cacheable: Double, uncached: Double, price: Double, cachedPrice: Double?) -> Double {
            let hitShare = cachedPrice != nil && cacheable >= minimumCachedPrefixTokens(inputs) ? value(.cacheHitShare) : 0
            return cacheable * (hitShare * min(cachedPrice ?? 0, price) + (1 - hitShare) * price) + uncached * price
        }
        let prefix = cacheablePrefix(strategy, shape: shape, inputs)
        if id == .promptEngineering {
            context = shape.retrieval == .rag ? value(.contextTokens) : 0
            let input = inputCost(
                cacheable: prefix.tokens, uncached: value(.inputTokens) + context, price: value(.inputPricePerMillion),
                cachedPrice: prefix.cachedPrice)
            perRequest = (input + value(.outputTokens) * value(.outputPricePerMillion)) * batch / perMillion
        } else {
            let retrieved = id == .hybrid ? value(.contextTokens) : inputs[.tunedContextTokens] ?? value(.contextTokens)
            context = shape.retrieval == .rag ? retrieved : 0
            let inputPrice = (shape.distilled ? inputs[.distilledInputPricePerMillion] : nil) ?? value(.tunedInputPricePerMillion)
            let outputPrice = (shape.distilled ? inputs[.distilledOutputPricePerMillion] : nil) ?? value(.tunedOutputPricePerMillion)
            let input = inputCost(
                cacheable: prefix.tokens, uncached: value(.inputTokens) + context, price: inputPrice, cachedPrice: prefix.cachedPrice)
            perRequest = (input + value(.outputTokens) * outputPrice) * batch / perMillion
            hosting = value(.hostingPerMonth)
            let run =
                id == .promptTuning
                ? value(.promptTuningRunCost)
                : value(.trainingTokens) * value(.epochs) * value(.trainingPricePerMillion) / perMillion
            oneOff = run + value(.dataPrepHours) * value(.hourlyRate)
            retrainCost = run + value(.retrainHours) * value(.hourlyRate)
        }
        oneOff += value(.promptBuildHours) * value(.hourlyRate)
        let units = hosting > 0 ? hostingUnits(volume: volume, capacity: inputs[.hostingCapacityPerDay]) : 0
        // A strategy that retrieves pays the upkeep, whatever context tokens were given; a
        // tuned model said to need none of the retrieved context retrieves nothing.
        let retrieval = shape.retrieval == .rag && (context > 0 || value(.contextTokens) == 0) ? value(.retrievalPerMonth) : 0
        let monthly = volume * daysPerMonth * perRequest + retrieval + Double(units) * hosting
        let effectiveCadence = strategy == Contract.strategyIDs[0] ? 0 : cadence
        let cumulative = (1...horizon).map { month in
            oneOff + Double(retrains(byMonth: month, every: effectiveCadence)) * retrainCost + Double(month) * monthly
        }
        return StrategyCost(
            strategy: strategy, shape: shape, oneOff: oneOff, monthly: monthly, retrievalMonthly: retrieval, hostingPerUnit: hosting,
            hostingUnits: units, perRequest: perRequest, retrainCost: retrainCost,
            retrains: retrains(byMonth: horizon, every: effectiveCadence), cumulative: cumulative)
    }
}
