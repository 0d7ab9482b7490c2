/// What one strategy costs over the horizon.
public struct StrategyCost: Equatable, Sendable {
    /// The strategy id (`prompt-engineering`, `prompt-tuning`, `fine-tuning`, `hybrid`).
    public var strategy: String
    /// Paid once before the first month: data preparation and the first training run.
    public var oneOff: Double
    /// Paid every month: requests × tokens × prices, hosting and retrieval upkeep.
    public var monthly: Double
    /// The part of ``monthly`` that does not depend on volume: hosting and retrieval upkeep.
    public var fixedMonthly: Double
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
    /// (not rounded); `nil` when no volume makes it, for ``volumeNever``.
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

    /// The costed strategy with `id`.
    public func strategy(_ id: String) -> StrategyCost? { strategies.first { $0.strategy == id } }
}

/// Why the cost model could not run.
public enum CostModelError: Error, Equatable, Sendable {
    /// Values outside their bounds.
    case invalid([CostProblem])
    /// Numbers that prompt engineering needs, or, when it has them, the numbers that
    /// fine-tuning needs when no trained strategy can be costed.
    case missing([CostField])
}

/// The cost model: what each strategy costs month by month from the team's own numbers,
/// and at what volume training pays back against prompt engineering.
///
/// A month is ``daysPerMonth`` days; `V` is requests a day, `H` the horizon in months,
/// prices are per million tokens, amounts in the currency of the prices given.
///
/// Per request, with `P` prompt tokens, `C` retrieved-context tokens, `Pt` the tuned
/// model's prompt tokens and `O` output tokens:
///
///     u(prompt-engineering) = ((P + C) × in + O × out) / 1e6
///     u(fine-tuning)        = (Pt × tunedIn + O × tunedOut) / 1e6          (knowledge trained in)
///     u(hybrid)             = ((Pt + C) × tunedIn + O × tunedOut) / 1e6    (keeps retrieval)
///     u(prompt-tuning)      = ((Pt + C) × tunedIn + O × tunedOut) / 1e6    (a soft prompt steers
///                                                                            behaviour; facts still
///                                                                            come from retrieval)
///
/// Running cost a month: `M = V × 30 × u + F`, with fixed `F` = retrieval upkeep for the
/// strategies that retrieve (prompt engineering, hybrid, prompt-tuning) plus hosting for
/// the trained ones. One-off `O₁` = data preparation hours × hourly rate + one training
/// run, where a run costs training tokens × epochs × training price / 1e6 (fine-tuning,
/// hybrid) or the given prompt-tuning run cost (prompt-tuning, which runs only on a
/// self-hosted model, so it needs hosting given). Each retrain costs `r` = one run +
/// retrain hours × hourly rate.
///
/// With a retrain every `k` months (0: none), retrains fall at the start of months
/// `k+1, 2k+1, …`, so by month `m` there have been `n(m) = ⌊(m − 1) / k⌋` (0 when `k = 0`),
/// and the cumulative cost at the end of month `m` is
///
///     C(m) = O₁ + n(m) × r + m × M
///
/// Against prompt engineering (pe), a trained strategy (t) is no dearer by month `m` when
/// `C_t(m) ≤ C_pe(m)`, that is when `30 × m × V × d ≥ A(m)` with the per-request saving
/// `d = u_pe − u_t` and `A(m) = O₁ + n(m) × r + m × (F_t − F_pe)`. Solved for `V` month by
/// month, the break-even volume is
///
///     V* = min over m in 1…H of  0                   when A(m) ≤ 0
///                                A(m) / (30 × m × d) when A(m) > 0 and d > 0
///
/// and there is none ("never": the tuned model costs more per request) when `d ≤ 0` and
/// every `A(m) > 0`. The payback month is the first `m ≤ H` with `C_t(m) ≤ C_pe(m)` at the
/// stated volume. Nothing is divided by anything that can be zero: `m ≥ 1` and `d > 0`
/// where it divides.
public enum CostModel {
    /// Days in a month.
    public static let daysPerMonth = 30.0
    /// How far past the horizon the payback month is looked for, to say "month 17".
    public static let lookAheadMonths = 240
    /// Fields prompt engineering, the baseline, needs.
    public static let baselineFields: [CostField] = [
        .requestsPerDay, .promptTokens, .outputTokens, .inputPricePerMillion, .outputPricePerMillion,
    ]

    /// The fields each strategy needs beyond the baseline's; a field with a default
    /// (context tokens, retrieval upkeep, hosting for a provider-hosted model, retrain
    /// hours) is needed only where it has none.
    public static func requiredFields(for strategy: String) -> [CostField] {
        let tunedServing: [CostField] = [.tunedPromptTokens, .tunedInputPricePerMillion, .tunedOutputPricePerMillion]
        let people: [CostField] = [.dataPrepHours, .hourlyRate, .retrainEveryMonths]
        let providerTraining: [CostField] = [.trainingTokens, .epochs, .trainingPricePerMillion]
        switch strategy {
        case "prompt-tuning": return tunedServing + [.hostingPerMonth, .promptTuningRunCost] + people
        case "fine-tuning": return tunedServing + providerTraining + people
        // The hybrid is a fine-tuned model that keeps retrieval: it needs the context size.
        case "hybrid": return tunedServing + providerTraining + people + [.contextTokens]
        default: return []
        }
    }

    /// Compares every strategy that the inputs can cost over the horizon.
    /// - Throws: ``CostModelError/invalid(_:)`` for values out of bounds;
    ///   ``CostModelError/missing(_:)`` when prompt engineering cannot be costed, or no
    ///   trained strategy can (naming what fine-tuning needs).
    /// - Complexity: O(H) for each strategy.
    public static func compare(_ inputs: CostInputs) throws(CostModelError) -> CostComparison {
        let problems = inputs.problems
        guard problems.isEmpty else { throw .invalid(problems) }
        let missingBaseline = baselineFields.filter { inputs[$0] == nil }
        guard missingBaseline.isEmpty else { throw .missing(missingBaseline) }

        let horizon = inputs.horizonMonths
        let cadence = inputs.retrainEveryMonths
        let volume = inputs[.requestsPerDay]!
        var costed: [StrategyCost] = []
        var notCosted: [UncostedStrategy] = []
        for strategy in Contract.strategyIDs {
            let missing = requiredFields(for: strategy).filter { $0 == .retrainEveryMonths ? cadence == nil : inputs[$0] == nil }
            if missing.isEmpty {
                costed.append(cost(strategy, inputs, horizon: horizon, cadence: cadence ?? 0))
            } else {
                notCosted.append(UncostedStrategy(strategy: strategy, missing: missing))
            }
        }
        guard costed.count > 1 else {
            throw .missing(notCosted.first { $0.strategy == "fine-tuning" }?.missing ?? [])
        }
        let baseline = costed[0]
        let paybacks = costed.dropFirst().map { breakEven($0, against: baseline, volume: volume, horizon: horizon, cadence: cadence ?? 0) }
        return CostComparison(
            horizonMonths: horizon, requestsPerDay: volume, retrainEveryMonths: cadence,
            retrainCadenceFromTransience: inputs[.retrainEveryMonths] == nil ? inputs.transience : nil,
            strategies: costed, notCosted: notCosted, breakEven: paybacks, inputs: inputs)
    }

    /// Retrains by the end of month `month` (1-based) with a retrain every `cadence` months.
    public static func retrains(byMonth month: Int, every cadence: Int) -> Int {
        cadence > 0 && month > 0 ? (month - 1) / cadence : 0
    }

    /// One strategy's costs; every field it needs is present.
    static func cost(_ strategy: String, _ inputs: CostInputs, horizon: Int, cadence: Int) -> StrategyCost {
        func value(_ field: CostField) -> Double { inputs[field] ?? 0 }
        let volume = value(.requestsPerDay)
        let perMillion = 1_000_000.0
        let perRequest: Double
        var fixed = 0.0
        var oneOff = 0.0
        var retrainCost = 0.0
        if strategy == "prompt-engineering" {
            perRequest =
                ((value(.promptTokens) + value(.contextTokens)) * value(.inputPricePerMillion)
                    + value(.outputTokens) * value(.outputPricePerMillion)) / perMillion
            fixed = value(.retrievalPerMonth)
        } else {
            let keepsRetrieval = strategy != "fine-tuning"
            let inputTokens = value(.tunedPromptTokens) + (keepsRetrieval ? value(.contextTokens) : 0)
            perRequest = (inputTokens * value(.tunedInputPricePerMillion) + value(.outputTokens) * value(.tunedOutputPricePerMillion)) / perMillion
            fixed = value(.hostingPerMonth) + (keepsRetrieval ? value(.retrievalPerMonth) : 0)
            let run =
                strategy == "prompt-tuning"
                ? value(.promptTuningRunCost)
                : value(.trainingTokens) * value(.epochs) * value(.trainingPricePerMillion) / perMillion
            oneOff = run + value(.dataPrepHours) * value(.hourlyRate)
            retrainCost = run + value(.retrainHours) * value(.hourlyRate)
        }
        let monthly = volume * daysPerMonth * perRequest + fixed
        let effectiveCadence = strategy == "prompt-engineering" ? 0 : cadence
        let cumulative = (1...horizon).map { month in
            oneOff + Double(retrains(byMonth: month, every: effectiveCadence)) * retrainCost + Double(month) * monthly
        }
        return StrategyCost(
            strategy: strategy, oneOff: oneOff, monthly: monthly, fixedMonthly: fixed, perRequest: perRequest,
            retrainCost: retrainCost, retrains: retrains(byMonth: horizon, every: effectiveCadence), cumulative: cumulative)
    }

    /// When `trained` pays back against `baseline`.
    static func breakEven(_ trained: StrategyCost, against baseline: StrategyCost, volume: Double, horizon: Int, cadence: Int) -> BreakEven {
        let saving = baseline.perRequest - trained.perRequest
        let fixedExtra = trained.fixedMonthly - baseline.fixedMonthly
        /// A(m): what volume must recover by the end of month m.
        func toRecover(_ month: Int) -> Double {
            trained.oneOff + Double(retrains(byMonth: month, every: cadence)) * trained.retrainCost + Double(month) * fixedExtra
        }
        var breakEvenVolume: Double?
        for month in 1...horizon {
            let amount = toRecover(month)
            let needed: Double? = amount <= 0 ? 0 : (saving > 0 ? amount / (daysPerMonth * Double(month) * saving) : nil)
            if let needed, needed < (breakEvenVolume ?? .infinity) { breakEvenVolume = needed }
        }

        /// Whether the trained strategy is no dearer in total by the end of `month`.
        func paysBack(by month: Int) -> Bool {
            let difference = toRecover(month) - daysPerMonth * Double(month) * volume * saving
            return difference <= 1e-9 * max(1, trained.oneOff, baseline.monthly * Double(month))
        }
        let paybackMonth = (1...horizon).first(where: paysBack)
        var reason: NoPaybackReason?
        var beyond: Int?
        if paybackMonth == nil {
            let monthlySaving = baseline.monthly - trained.monthly
            let retrainPerMonth = cadence > 0 ? trained.retrainCost / Double(cadence) : 0
            if volume == 0 {
                reason = .noRequests
            } else if saving <= 0 {
                reason = .tunedCostsMorePerRequest
            } else if monthlySaving <= 0 {
                reason = .runningCostNotLower
            } else if monthlySaving <= retrainPerMonth {
                reason = .retrainingEatsSavings
            } else {
                reason = .horizonTooShort
                if lookAheadMonths > horizon {
                    beyond = (horizon + 1...lookAheadMonths).first(where: paysBack)
                }
            }
        }
        return BreakEven(
            strategy: trained.strategy, requestsPerDay: breakEvenVolume,
            volumeNever: breakEvenVolume == nil ? .tunedCostsMorePerRequest : nil,
            paybackMonth: paybackMonth, paybackNever: reason, paybackMonthBeyondHorizon: beyond, savingPerRequest: saving)
    }
}
