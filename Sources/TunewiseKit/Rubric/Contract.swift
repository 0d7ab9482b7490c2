/// The ids that the product contract fixes: scripts outside the project rely on them,
/// so every rubric must keep them exactly.
public enum Contract {
    /// The four strategy ids, simplest and cheapest first.
    public static let strategyIDs = StrategyID.allCases.map(\.rawValue)

    /// The question of what the model must gain, its answer for facts alone, and the question
    /// of how often those facts change: what the cost of a plan reads of the answers.
    public static let needQuestion = "need"
    public static let knowledgeNeed = "knowledge"
    public static let behaviourNeed = "behavior"
    public static let transienceQuestion = "transience"
    /// The questions a training file's measurement answers (`tunewise data`, `--data`).
    public static let dataVolumeQuestion = "data-volume"
    public static let trainingSignalQuestion = "training-signal"
    /// How far prompting has got, and its answer for not yet tried: a trained first step then
    /// rests on a baseline nobody has measured (the contract lets thousands of examples train now).
    public static let promptingStatusQuestion = "prompting-status"
    public static let notTriedStatus = "not-tried"
    /// The answer for a prompted model that already meets the bar: training could buy only cost or speed.
    public static let meetsBarStatus = "meets-bar"
    /// The question of what access the team has to the model, and its answer for a hosted
    /// service that tunes: a tuned model then lives only as long as the provider keeps its base.
    public static let modelAccessQuestion = "model-access"
    public static let hostedTuningAccess = "api-tuning"
    /// The question of how many requests the model will serve.
    public static let queryVolumeQuestion = "query-volume"

    /// The `query-volume` option that `requestsPerDay` answers, as the built-in rubric's
    /// options word them: `low` up to 1,000 a day, `medium` more than 1,000 and fewer than
    /// 100,000, `high` 100,000 or more.
    public static func queryVolume(requestsPerDay: Double) -> String {
        requestsPerDay <= 1_000 ? "low" : requestsPerDay < 100_000 ? "medium" : "high"
    }

    /// The seven required questions and their options, in order.
    public static let coreQuestions: [(id: String, options: [String])] = [
        ("need", ["knowledge", "behavior", "both"]),
        ("data-volume", ["none", "few", "hundreds", "thousands"]),
        ("transience", ["static", "periodic", "frequent"]),
        ("governance", ["open", "confidential", "role-based"]),
        ("budget", ["minimal", "moderate", "substantial"]),
        ("time-to-market", ["days", "weeks", "months"]),
        ("consistency", ["flexible", "important", "critical"]),
    ]

    /// The twelve optional refinements and their options, in order.
    public static let refinementQuestions: [(id: String, options: [String])] = [
        ("context-size", ["snippet", "documents", "corpus"]),
        ("specialization", ["general", "domain", "niche"]),
        ("model-access", ["api", "api-tuning", "weights"]),
        ("ml-expertise", ["none", "some", "strong"]),
        ("task-diversity", ["one", "few", "many"]),
        ("query-volume", ["low", "medium", "high"]),
        ("explainability", ["no", "preferred", "required"]),
        ("prompting-status", ["not-tried", "improving", "plateaued", "meets-bar"]),
        ("output-style", ["standard", "custom", "structured", "label"]),
        ("model-size", ["small", "medium", "large"]),
        ("training-signal", ["demonstrations", "comparisons", "graders"]),
        ("knowledge-size", ["small", "large"]),
    ]
}

/// The four fixed strategies, for the logic that depends on which one it is (what a strategy
/// costs, how a chart marks it); everything else takes a strategy's id from the rubric.
public enum StrategyID: String, CaseIterable, Sendable {
    case promptEngineering = "prompt-engineering"
    case promptTuning = "prompt-tuning"
    case fineTuning = "fine-tuning"
    case hybrid
}
