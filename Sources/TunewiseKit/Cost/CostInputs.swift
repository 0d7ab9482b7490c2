/// How often the knowledge the model must use changes: the `transience` answer of the
/// advice, which sets the default retrain cadence of the cost model.
public enum CostTransience: String, CaseIterable, Sendable {
    case `static`, periodic, frequent

    /// The retrain cadence this answer implies, in months; 0 means no retrain.
    ///
    /// - `static`: 0, knowledge that stays put needs no retrain within a typical horizon;
    /// - `periodic` (monthly or quarterly changes): every 3 months, a quarterly refresh;
    /// - `frequent` (daily or live): every month, the most often a training run is
    ///   practical; live facts belong in retrieval, which is why the hybrid keeps it.
    public var retrainEveryMonths: Int {
        switch self {
        case .static: return 0
        case .periodic: return 3
        case .frequent: return 1
        }
    }
}

/// One number a team gives the cost model; its `rawValue` is its key in a cost inputs file.
///
/// Every field is also a command-line flag (``flag``) and is checked against the same
/// bounds (``minimum``, ``maximum``, ``isWholeNumber``) wherever it comes from.
public enum CostField: String, CaseIterable, Sendable {
    /// Requests served a day, by whichever strategy.
    case requestsPerDay
    /// Months compared, 1 to 120 (default 12).
    case horizonMonths
    /// Base model: instruction and example tokens sent with each request.
    case promptTokens
    /// Tokens of each request's own input (the document, message or record it works on),
    /// sent to every strategy's model alike and never cached (default 0).
    case inputTokens
    /// Base model: retrieved-context tokens sent with each request (default 0, no retrieval).
    case contextTokens
    /// Output tokens of a request, the same for every strategy.
    case outputTokens
    /// Base model: price per million input tokens.
    case inputPricePerMillion
    /// Base model: price per million input tokens read from the provider's prompt cache
    /// (default none: no caching); at most ``inputPricePerMillion``.
    case cachedInputPricePerMillion
    /// Share (0 to 1) of the cacheable tokens (the fixed prompt and an in-context
    /// collection, never per-request input) read from the cache (default 0).
    case cacheHitShare
    /// The shortest prefix, in tokens, that the provider caches (default
    /// ``CostModel/defaultMinimumCachedPrefixTokens``, the least that OpenAI, Anthropic and
    /// Gemini cache; some models cache only from 2,048 or 4,096).
    case cacheMinimumTokens
    /// Base model: price per million output tokens.
    case outputPricePerMillion
    /// Share (0 to 1) taken off the token prices of requests (not the training price) for work
    /// that can wait for a batch (default 0).
    case batchDiscount
    /// Upkeep of the retrieval index and pipeline per month (default 0).
    case retrievalPerMonth
    /// People hours to build and evaluate the prompted system and its retrieval, once (default 0).
    case promptBuildHours
    /// Tokens of the whole collection sent with every request when the advice puts it in
    /// context (the `in-context` retrieval variant); read from the cache like the prompt.
    case collectionTokens
    /// Tuned model: prompt tokens sent with each request (the short instructions left, or
    /// a soft prompt's virtual tokens), without retrieved context.
    case tunedPromptTokens
    /// Tuned model: context tokens per request it still needs; by default all of
    /// ``contextTokens``, as training does not replace retrieved facts.
    case tunedContextTokens
    /// Tuned model: price per million input tokens; left out with ``hostingPerMonth`` given,
    /// a self-hosted model's, none.
    case tunedInputPricePerMillion
    /// Tuned model: price per million input tokens read from the provider's prompt cache
    /// (default none: no caching); at most ``tunedInputPricePerMillion``.
    case tunedCachedInputPricePerMillion
    /// Tuned model: price per million output tokens; left out with ``hostingPerMonth`` given,
    /// a self-hosted model's, none.
    case tunedOutputPricePerMillion
    /// A distilled model's price per million input tokens, used when the advice trains by
    /// distillation (default: the tuned model's).
    case distilledInputPricePerMillion
    /// A distilled model's price per million output tokens, used when the advice trains by
    /// distillation (default: the tuned model's).
    case distilledOutputPricePerMillion
    /// Hosting per month of one unit serving a self-hosted tuned model (default 0, a
    /// provider-hosted model paid per token); prompt-tuning needs it.
    case hostingPerMonth
    /// Requests a day one hosting unit serves; hosting grows in whole units with volume
    /// (default none: one unit serves any volume).
    case hostingCapacityPerDay
    /// Tokens in the training set, for a provider's fine-tuning price.
    case trainingTokens
    /// Passes over the training set per training run.
    case epochs
    /// Price per million training tokens: a provider's fine-tuning price, or what your own
    /// GPUs cost per million tokens trained.
    case trainingPricePerMillion
    /// One prompt-tuning run on your own hardware (GPU hours × rate).
    case promptTuningRunCost
    /// People hours to prepare the training data once.
    case dataPrepHours
    /// People hours to refresh the data for each retrain (default 0).
    case retrainHours
    /// Cost of one people hour.
    case hourlyRate
    /// Months between retrains; 0 means none. Default from the transience.
    case retrainEveryMonths

    /// The flag's name without its dashes: `requests-per-day`, the raw value in kebab case
    /// (the raw values are ASCII camel case). Worked out when asked, into a string made once:
    /// every start declares the cost flags, and a table of them costs more than this.
    public var flagName: String {
        let raw = rawValue.utf8
        return String(unsafeUninitializedCapacity: 2 * raw.count) { name in
            var count = 0
            for byte in raw {
                if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                    name[count] = UInt8(ascii: "-")
                    name[count + 1] = byte - UInt8(ascii: "A") + UInt8(ascii: "a")
                    count += 2
                } else {
                    name[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// The command-line flag that supplies the field: `--requests-per-day`.
    public var flag: String { "--" + flagName }

    /// The flags a user can give to supply the field, for a "missing" message.
    public var suppliedBy: String {
        self == .retrainEveryMonths ? "\(flag) (or --transience)" : flag
    }

    /// The smallest value allowed.
    public var minimum: Double {
        self == .horizonMonths || self == .hostingCapacityPerDay ? 1 : 0
    }

    /// The largest value allowed: generous bounds that only a typo or a unit mix-up
    /// (tokens for millions of tokens, cents for a currency) would cross.
    public var maximum: Double {
        switch self {
        case .requestsPerDay, .hostingCapacityPerDay: return 1_000_000_000
        case .horizonMonths, .retrainEveryMonths: return 120
        case .cacheHitShare, .batchDiscount: return 1
        case .promptTokens, .inputTokens, .contextTokens, .outputTokens, .tunedPromptTokens, .tunedContextTokens, .collectionTokens,
            .cacheMinimumTokens:
            return 10_000_000
        case .inputPricePerMillion, .cachedInputPricePerMillion, .outputPricePerMillion, .tunedInputPricePerMillion,
            .tunedCachedInputPricePerMillion, .tunedOutputPricePerMillion, .distilledInputPricePerMillion, .distilledOutputPricePerMillion,
            .trainingPricePerMillion:
            return 100_000
        case .retrievalPerMonth, .hostingPerMonth, .promptTuningRunCost: return 1_000_000_000
        case .trainingTokens: return 10_000_000_000_000
        case .epochs: return 100
        case .dataPrepHours, .retrainHours, .promptBuildHours: return 1_000_000
        case .hourlyRate: return 100_000
        }
    }

    /// For a cached input price, the input price it may not exceed.
    public var uncachedPrice: CostField? {
        switch self {
        case .cachedInputPricePerMillion: .inputPricePerMillion
        case .tunedCachedInputPricePerMillion: .tunedInputPricePerMillion
        default: nil
        }
    }

    /// Whether the value must be a whole number (months).
    public var isWholeNumber: Bool {
        self == .horizonMonths || self == .retrainEveryMonths
    }

    /// A short description, for help and the schema.
    public var summary: String {
        switch self {
        case .requestsPerDay: return "requests served a day"
        case .horizonMonths: return "months compared, 1 to 120 (default 12)"
        case .promptTokens: return "base model: instruction and example tokens per request"
        case .inputTokens: return "each request's own input (a document, message or record), for every strategy (default 0)"
        case .contextTokens: return "base model: retrieved-context tokens per request (default 0; the hybrid, which keeps retrieval, needs it given)"
        case .outputTokens: return "output tokens per request"
        case .inputPricePerMillion: return "base model: price per million input tokens"
        case .cachedInputPricePerMillion: return "base model: price per million cached input tokens (default: none)"
        case .cacheHitShare: return "share, 0 to 1, of fixed prompt and collection read from cache (default 0)"
        case .cacheMinimumTokens: return "shortest prefix, in tokens, the provider caches (default 1024; some models 2048 or 4096)"
        case .outputPricePerMillion: return "base model: price per million output tokens"
        case .batchDiscount: return "share, 0 to 1, off request token prices for work that can wait (default 0)"
        case .retrievalPerMonth: return "retrieval index and pipeline upkeep a month (default 0)"
        case .promptBuildHours: return "hours to build and evaluate prompts and retrieval, once (default 0)"
        case .collectionTokens: return "in-context retrieval: the whole collection's tokens, in every prompt"
        case .tunedPromptTokens: return "tuned model: prompt tokens per request, without context"
        case .tunedContextTokens: return "tuned model: context tokens it still needs (default: --context-tokens)"
        case .tunedInputPricePerMillion: return "tuned model: price per million input tokens (none when self-hosted)"
        case .tunedCachedInputPricePerMillion: return "tuned model: price per million cached input tokens (default: none)"
        case .tunedOutputPricePerMillion: return "tuned model: price per million output tokens (none when self-hosted)"
        case .distilledInputPricePerMillion: return "distilled model: price per million input tokens (default: tuned)"
        case .distilledOutputPricePerMillion: return "distilled model: price per million output tokens (default: tuned)"
        case .hostingPerMonth: return "self-hosted tuned model: hosting a month, per unit (default 0)"
        case .hostingCapacityPerDay: return "requests a day one hosting unit serves (default: one serves all)"
        case .trainingTokens: return "tokens in the training set"
        case .epochs: return "passes over the training set per run"
        case .trainingPricePerMillion: return "price per million training tokens (on your own GPUs, their cost per million)"
        case .promptTuningRunCost: return "one prompt-tuning run on your own hardware"
        case .dataPrepHours: return "hours to prepare the training data once"
        case .retrainHours: return "hours to refresh the data for each retrain (default 0)"
        case .hourlyRate: return "cost of one people hour"
        case .retrainEveryMonths: return "months between retrains, 0 for none (default from --transience)"
        }
    }

    /// What is wrong with `value` for this field, or `nil` when it is allowed.
    public func problem(with value: Double) -> CostProblem.Kind? {
        guard value.isFinite else { return .notFinite }
        if value < 0 { return .negative }
        if value < minimum || value > maximum { return .outOfRange }
        if isWholeNumber, value != value.rounded() { return .notWhole }
        return nil
    }

    /// "a number from 0 to 1000000000", "a whole number of months from 1 to 120".
    public var allowedDescription: String {
        let unit = isWholeNumber ? "a whole number" : "a number"
        return "\(unit) from \(JSONWriter.format(minimum)) to \(JSONWriter.format(maximum))"
    }
}

/// A value refused for a field.
public struct CostProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        case notFinite = "must be finite"
        case negative = "must not be negative"
        case outOfRange = "is out of range"
        case notWhole = "must be a whole number"
        /// A cached input price is above its model's input price, which would make cache hits dearer.
        case aboveInputPrice = "must not exceed the input price"
    }

    public var field: CostField
    public var value: Double
    public var kind: Kind

    public init(field: CostField, value: Double, kind: Kind) {
        self.field = field
        self.value = value
        self.kind = kind
    }

    /// Equal when they name the same field and kind and the same value, NaN matching NaN.
    public static func == (lhs: CostProblem, rhs: CostProblem) -> Bool {
        lhs.field == rhs.field && lhs.kind == rhs.kind && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }

    /// "must not be negative; found -5; allowed: a number from 0 to 1000000000".
    public var description: String {
        let found = value.isFinite ? JSONWriter.format(value) : (value.isNaN ? "NaN" : (value > 0 ? "infinity" : "-infinity"))
        return "\(reason); found \(found); \(allowedText)"
    }

    /// What is wrong, naming the price a cached price may not exceed: "must not exceed inputPricePerMillion".
    public var reason: String {
        guard kind == .aboveInputPrice, let uncached = field.uncachedPrice else { return kind.rawValue }
        return "must not exceed \(uncached.rawValue)"
    }

    /// "allowed: a number from 0 to 100000", "allowed: a number from 0 to the input price".
    public var allowedText: String {
        "allowed: " + (kind == .aboveInputPrice ? "a number from 0 to the input price" : field.allowedDescription)
    }
}

/// The team's own numbers for the cost model: every field optional until the model needs it.
///
/// Fields are stored by ``CostField``; a field absent is "not given", never zero, so a
/// strategy whose numbers are missing is reported as not costed rather than costed with
/// invented figures.
public struct CostInputs: Equatable, Sendable {
    /// The given numbers.
    public var values: [CostField: Double]
    /// The transience answer, which sets the retrain cadence unless
    /// ``CostField/retrainEveryMonths`` is given.
    public var transience: CostTransience?
    /// The training file the ``CostField/trainingTokens`` were estimated in, when they were
    /// measured rather than given; reports name it beside the figure.
    public var trainingTokensFrom: String?

    public init(_ values: [CostField: Double] = [:], transience: CostTransience? = nil, trainingTokensFrom: String? = nil) {
        self.values = values
        self.transience = transience
        self.trainingTokensFrom = trainingTokensFrom
    }

    public subscript(field: CostField) -> Double? {
        get { values[field] }
        set { values[field] = newValue }
    }

    /// These inputs with every value given in `other` in place of this one's (flags over a file).
    public func overlaid(with other: CostInputs) -> CostInputs {
        CostInputs(
            values.merging(other.values) { _, new in new }, transience: other.transience ?? transience,
            trainingTokensFrom: other.values[.trainingTokens] != nil ? other.trainingTokensFrom : trainingTokensFrom)
    }

    /// Every given value outside its field's bounds, in field order, then a cached input
    /// price above the input price.
    public var problems: [CostProblem] {
        var problems = CostField.allCases.compactMap { field in
            values[field].flatMap { value in field.problem(with: value).map { CostProblem(field: field, value: value, kind: $0) } }
        }
        for cachedField in CostField.allCases {
            if let uncachedField = cachedField.uncachedPrice, let cached = values[cachedField], let input = values[uncachedField], cached > input {
                problems.append(CostProblem(field: cachedField, value: cached, kind: .aboveInputPrice))
            }
        }
        return problems
    }

    /// The horizon: given, or 12 months (clamped to the field's bounds, so an unchecked
    /// value never traps).
    public var horizonMonths: Int {
        values[.horizonMonths].map { Self.months($0, .horizonMonths) } ?? 12
    }

    /// The retrain cadence in months (0 for none): given, else from the transience, else `nil`.
    public var retrainEveryMonths: Int? {
        values[.retrainEveryMonths].map { Self.months($0, .retrainEveryMonths) } ?? transience?.retrainEveryMonths
    }

    private static func months(_ value: Double, _ field: CostField) -> Int {
        value.isNaN ? Int(field.minimum) : Int(min(max(value, field.minimum), field.maximum))
    }
}
