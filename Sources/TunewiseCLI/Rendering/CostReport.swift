import TunewiseKit

/// Everything a cost report shows: the comparison and the tool that made it.
///
/// Amounts are in the currency of the user's prices; the report never names a currency.
struct CostReport {
    let comparison: CostComparison
    let toolVersion: String

    /// The cost report's JSON schema version.
    static let schemaVersion = 1

    var horizon: Int { comparison.horizonMonths }

    /// "12 months", "1 month".
    var horizonText: String { months(horizon) }

    /// The break-even of a trained strategy, if it was costed.
    func breakEven(_ strategy: String) -> BreakEven? {
        comparison.breakEven.first { $0.strategy == strategy }
    }

    /// The one-line warning of a tuned model costed without the context it still needs, or
    /// `nil` when every tuned model keeps it.
    var droppedContextWarning: String? {
        guard comparison.tunedModelDropsContext else { return nil }
        let tuned = JSONWriter.format(comparison.inputs[.tunedContextTokens] ?? 0)
        let context = JSONWriter.format(comparison.inputs[.contextTokens] ?? 0)
        return "warning: tunedContextTokens (\(tuned)) is below contextTokens (\(context)): "
            + "tuned models are costed as if training replaced retrieved facts, which it does not"
    }

    /// Whether `strategy`'s hosting grows in units with volume.
    func hostingSteps(_ strategy: String) -> Bool {
        comparison.inputs[.hostingCapacityPerDay] != nil && (comparison.strategy(strategy)?.hostingPerUnit ?? 0) > 0
    }

    /// The hosting units in words, when they grow with volume: "Hosting: 13 units of
    /// 100,000 requests a day for fine-tuning."
    var hostingText: String? {
        guard let capacity = comparison.inputs[.hostingCapacityPerDay] else { return nil }
        let hosted = comparison.strategies.filter { hostingSteps($0.strategy) }
        guard let first = hosted.first else { return nil }
        let units = first.hostingUnits == 1 ? "1 unit" : "\(first.hostingUnits) units"
        return "Hosting: \(units) of \(requests(capacity)) requests a day for \(hosted.map(\.strategy).joined(separator: ", "))."
    }

    /// The lines under the table: the training tokens measured in a file, the retrain
    /// cadence (and, when it comes from the transience, what it assumes), the hosting units,
    /// and prices that may count a self-hosted model twice.
    var notes: [String] {
        [
            Self.trainingTokensNote(comparison.inputs), Self.retrainNote(comparison), behaviourRetrainNote, adviceOnlyNote,
            retrievalForEveryStrategyNote, hostingText,
            Self.pricingNote(comparison.inputs), Self.uncachedPrefixNote(comparison), Self.tunedContextNote(comparison),
        ].compactMap { $0 }
    }

    /// The strategies whose fixed prompt is too short for a prompt cache, so that the cache
    /// hit share given does not apply to them: prompting, and a tuned model with the whole
    /// collection in context (a tuned model's short prompt alone is not worth caching).
    static func uncachedPrefixNote(_ comparison: CostComparison) -> String? {
        let short = comparison.strategiesTooShortToCache.filter {
            StrategyID(rawValue: $0.strategy) == .promptEngineering || $0.shape.retrieval == .inContext
        }
        guard !short.isEmpty else { return nil }
        let minimum = requests(CostModel.minimumCachedPrefixTokens(comparison.inputs))
        let provider =
            comparison.inputs[.cacheMinimumTokens] != nil
            ? "the \(minimum) tokens your provider caches at the least (\(CostField.cacheMinimumTokens.flag))"
            : "the \(minimum) tokens that providers cache at the least (some models only from 2,048 or 4,096: \(CostField.cacheMinimumTokens.flag))"
        return "No cache discount for \(joinedClauses(short.map(\.strategy))): \(short.count == 1 ? "its" : "their") fixed prompt is under "
            + "\(provider), so \(CostField.cacheHitShare.flag) does not apply to \(short.count == 1 ? "it" : "them")."
    }

    /// Tuned models given less context than the base model retrieves: said in the report, as
    /// the warning on standard error does not reach a CI summary.
    static func tunedContextNote(_ comparison: CostComparison) -> String? {
        guard comparison.tunedModelDropsContext else { return nil }
        return "Tuned models are costed with \(CostField.tunedContextTokens.flag) below \(CostField.contextTokens.flag), as if "
            + "training replaced retrieved facts, which it does not: their payback is only as sound as that assumption."
    }

    /// The inputs given that only advice uses (the collection in context, a distilled model's
    /// prices): standalone `cost`, which knows no advice, prices every strategy the default
    /// way, so it says which figures it left out rather than disagree with `advise --cost` silently.
    var adviceOnlyNote: String? {
        guard comparison.strategies.allSatisfy({ $0.shape == CostShape() }) else { return nil }
        let fields: [CostField] = [.collectionTokens, .distilledInputPricePerMillion, .distilledOutputPricePerMillion]
        let given = fields.filter { comparison.inputs[$0] != nil }
        guard !given.isEmpty else { return nil }
        return "Not used here: \(given.map(\.flag).joined(separator: ", ")). Only advise --cost prices the collection in every "
            + "prompt or a distilled model, where the advice calls for them."
    }

    /// Why fine-tuning and the hybrid cost the same where retrieval figures are given and a
    /// tuned model's own context is not: standalone `cost` gives every strategy the retrieved
    /// context and its upkeep, which `advise --cost` leaves out where the facts arrive with each request.
    var retrievalForEveryStrategyNote: String? {
        guard comparison.strategies.allSatisfy({ $0.shape == CostShape() }),
            comparison.strategies.contains(where: { StrategyID(rawValue: $0.strategy) == .fineTuning }),
            comparison.strategies.contains(where: { StrategyID(rawValue: $0.strategy) == .hybrid }),
            (comparison.inputs[.contextTokens] ?? 0) > 0 || (comparison.inputs[.retrievalPerMonth] ?? 0) > 0,
            comparison.inputs[.tunedContextTokens] == nil
        else { return nil }
        return "Every strategy here keeps the retrieved context and its upkeep, so fine-tuning costs as the hybrid does; advise --cost "
            + "leaves them out where the model must gain a behaviour alone (its facts arrive with each request), and "
            + "\(CostField.tunedContextTokens.flag) sets the context a tuned model still needs."
    }

    /// What retrains from the transience assume: a tuned model that holds the facts. One that
    /// learns only a behaviour, its facts kept in retrieval or the input, is not dated by them,
    /// as `advise --cost` prices it (but for a yearly retrain on a hosted service).
    var behaviourRetrainNote: String? {
        guard comparison.retrainCadenceFromTransience != nil, (comparison.retrainEveryMonths ?? 0) > 0, comparison.strategies.count > 1
        else { return nil }
        return "These retrains assume the tuned models hold the changing facts; a model that learns only a behaviour, with the facts "
            + "in retrieval or the input, needs none for them (\(CostField.retrainEveryMonths.flag) 0, as advise --cost prices it, "
            + "but for one a year on a hosted service, whose base model retires)."
    }

    /// Where the training tokens come from, when they were estimated in a training file
    /// (`--data`): the figure and the file, so a reader can check what training is billed on.
    static func trainingTokensNote(_ inputs: CostInputs) -> String? {
        guard let file = inputs.trainingTokensFrom, let tokens = inputs[.trainingTokens] else { return nil }
        return
            "Training tokens: \(grouped(Int(tokens.rounded()))), estimated in \(file) as tunewise data counts them; a run bills them once an epoch."
    }

    /// The note for a tuned model costed with hosting and with per-token prices together,
    /// which counts a model you host yourself twice; `nil` when one of them is zero or not given.
    static func pricingNote(_ inputs: CostInputs) -> String? {
        let hosting = inputs[.hostingPerMonth] ?? 0
        let input = inputs[.tunedInputPricePerMillion] ?? 0
        let output = inputs[.tunedOutputPricePerMillion] ?? 0
        guard hosting > 0, input > 0 || output > 0 else { return nil }
        return "Tuned models are costed with hosting (\(money(hosting)) a month a unit) and per-token prices (\(money(input)) in, "
            + "\(money(output)) out a million) together: a model you host yourself usually costs its hosting alone, so set "
            + "\(CostField.tunedInputPricePerMillion.flag) and \(CostField.tunedOutputPricePerMillion.flag) to 0 if it is yours."
    }

    /// The retrain cadence in words: "retrained every 3 months (transience: periodic)".
    static func retrainNote(_ comparison: CostComparison, reason: String? = nil) -> String? {
        guard let cadence = comparison.retrainEveryMonths, comparison.strategies.count > 1 else { return nil }
        let source = reason ?? comparison.retrainCadenceFromTransience.map { " (from transience: \($0.rawValue))" } ?? ""
        if cadence == 0 { return "No retraining\(source)." }
        let trained = comparison.strategies.dropFirst()
        let count = trained.map(\.retrains).max() ?? 0
        let horizon = months(comparison.horizonMonths)
        let within = count == 0 ? "none falls within the \(horizon)" : "\(count == 1 ? "1 retrain" : "\(count) retrains") within the \(horizon)"
        let each = Set(trained.map { money($0.retrainCost) })
        let costs =
            count == 0
            ? ""
            : each.count == 1
                ? ", at \(each.first!) each" : ", at " + joinedClauses(trained.map { "\(money($0.retrainCost)) each for \($0.strategy)" })
        return "Trained models are retrained every \(cadence == 1 ? "month" : months(cadence))\(source): \(within)\(costs)."
    }

    /// The payback of a trained strategy in a few words, for a table cell.
    func paybackCell(_ strategy: String) -> String {
        guard let breakEven = breakEven(strategy) else { return "baseline" }
        if let month = breakEven.paybackMonth { return "month \(month)" }
        if let month = breakEven.paybackMonthBeyondHorizon { return "month \(month)" }
        return "never"
    }

    /// One sentence on when `breakEven` pays back: the volume it needs, then what happens
    /// at the stated volume.
    func breakEvenSentence(_ breakEven: BreakEven) -> String {
        let volume = comparison.requestsPerDay
        var sentence: String
        // Cheaper from no traffic at all yet dearer per request: cheaper only while traffic is low.
        let cheaperOnlyWhenIdle = breakEven.requestsPerDay == 0 && costsMorePerRequest(breakEven)
        if cheaperOnlyWhenIdle {
            sentence = "is cheaper within \(horizonText) only at low volume, as \(reasonText(.tunedCostsMorePerRequest, breakEven))"
        } else if let needed = breakEven.requestsPerDay {
            sentence =
                needed == 0
                ? "pays back within \(horizonText) at any volume from 0 requests a day"
                : "pays back within \(horizonText) from \(requests(needed)) requests a day"
            if needed > 0, hostingSteps(breakEven.strategy) { sentence += " (hosting grows in units, so not at every volume above)" }
        } else {
            sentence = "never pays back at any volume: \(reasonText(breakEven.volumeNever ?? .tunedCostsMorePerRequest, breakEven))"
        }
        sentence += "; at \(requests(volume)) a day, "
        if let month = breakEven.paybackMonth {
            sentence += "in month \(month)."
        } else if let reason = breakEven.paybackNever {
            if reason == .horizonTooShort {
                let later =
                    breakEven.paybackMonthBeyondHorizon.map { "only in month \($0)" } ?? "only after more than \(months(CostModel.lookAheadMonths))"
                sentence += "not within \(horizonText): it saves every month but pays back \(later)."
            } else if breakEven.requestsPerDay == nil, reason == .tunedCostsMorePerRequest {
                sentence = "never pays back: \(reasonText(reason, breakEven))."
            } else if cheaperOnlyWhenIdle, reason == .tunedCostsMorePerRequest {
                sentence += "never."
            } else {
                sentence += "never: \(reasonText(reason, breakEven))."
            }
        }
        return sentence
    }

    /// Whether the trained strategy costs more per request than prompting.
    private func costsMorePerRequest(_ breakEven: BreakEven) -> Bool {
        (comparison.strategy(breakEven.strategy)?.perRequest ?? 0) > (comparison.strategies.first?.perRequest ?? 0)
    }

    /// Why it never pays back, in words.
    func reasonText(_ reason: NoPaybackReason, _ breakEven: BreakEven) -> String {
        switch reason {
        case .tunedCostsMorePerRequest:
            let trained = comparison.strategy(breakEven.strategy)?.perRequest ?? 0
            let baseline = comparison.strategies.first?.perRequest ?? 0
            return
                "the tuned model costs \(trained > baseline ? "more" : "as much") per request (\(money(trained * 1000)) against \(money(baseline * 1000)) per 1,000 requests)"
        case .hostingOutgrowsSavings: return "each hosting unit costs more a month than the requests it serves save"
        case .noRequests: return "with no requests there is nothing to save"
        case .runningCostNotLower: return "the per-request savings do not cover the tuned model's hosting"
        case .retrainingEatsSavings: return "retraining eats the monthly savings"
        case .horizonTooShort: return "it pays back only after the horizon"
        }
    }
}

/// An amount to the cent with its thousands grouped: "1,830.50", "-12.00".
func money(_ amount: Double) -> String {
    guard amount.isFinite, abs(amount) < 1e15 else { return JSONWriter.format(amount) }
    let cents = Int64((abs(amount) * 100).rounded())
    let sign = amount < 0 && cents > 0 ? "-" : ""
    let fraction = cents % 100
    return sign + grouped(Int(cents / 100)) + "." + (fraction < 10 ? "0" : "") + String(fraction)
}

/// An amount rounded to the cent, for JSON.
func cents(_ amount: Double) -> Double {
    guard amount.isFinite, abs(amount) < 1e15 else { return amount }
    return (amount * 100).rounded() / 100
}

/// A break-even volume as whole requests a day, rounded up: at that volume it pays back.
func wholeRequests(_ volume: Double) -> Double {
    // The small allowance keeps 4200.0000000001, a rounding error, from becoming 4201.
    max(0, (volume - 1e-6).rounded(.up))
}

/// Requests a day for people: "20,000", "11,228".
func requests(_ volume: Double) -> String {
    let whole = wholeRequests(volume)
    return whole < 1e15 ? grouped(Int(whole)) : JSONWriter.format(whole)
}

/// "1 month", "12 months".
func months(_ count: Int) -> String {
    count == 1 ? "1 month" : "\(count) months"
}
