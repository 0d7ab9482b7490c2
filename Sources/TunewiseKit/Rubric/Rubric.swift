/// The scoring rubric: questions, options, the points each answer gives each strategy,
/// combination rules, hard exclusions, caveats, next steps and the declared properties.
///
/// A rubric is data. Load one with ``RubricLoader``; score answers against it with ``Advisor``.
public struct Rubric: Equatable, Sendable {
    /// The rubric format's version; ``RubricLoader`` accepts ``supportedSchemaVersion`` only.
    public var schemaVersion: Int
    /// A short identifier (`default` for the built-in rubric).
    public var id: String
    /// The content's own version, reported alongside advice.
    public var version: String
    /// A one-line title.
    public var title: String
    /// The strategies, simplest and cheapest first; ties go to the earlier one.
    public var strategies: [Strategy]
    /// The questions, core ones first, in the order they are asked.
    public var questions: [Question]
    /// Points given when two or more answers occur together.
    public var rules: [Rule]
    /// Hard constraints that remove strategies from consideration.
    public var exclusions: [Exclusion]
    /// How a recommended strategy is carried out (PEFT or full fine-tuning, with or without retrieval).
    public var variants: [Variant]
    /// Margins between the first two strategies that make the advice high or medium confidence.
    public var confidence: ConfidenceThresholds
    /// Monotone properties the rubric's author declares and ``RubricCheck`` verifies.
    public var properties: [MonotoneProperty]
    /// Published works beyond the articles that sharpen or correct them, cited by id.
    public var references: [Reference] = []
    /// The organisation's policy this rubric carries, when one was applied with
    /// ``Policy/applied(to:)``; `nil` for a rubric as its file defines it.
    public var policy: AppliedPolicy? = nil

    /// The only rubric format version this build reads.
    public static let supportedSchemaVersion = 2

    /// The largest magnitude of any number in a rubric, and of a weight override: far beyond
    /// any sensible points or weight, and small enough that no score or margin can overflow.
    public static let numberLimit: Double = 1_000_000
    /// The most options a question may have.
    public static let optionLimit = 64

    /// The question with the given id.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
    /// The index of the question with the given id.
    public func questionIndex(_ id: String) -> Int? { questions.firstIndex { $0.id == id } }
    /// The index of the strategy with the given id.
    public func strategyIndex(_ id: String) -> Int? { strategies.firstIndex { $0.id == id } }
    /// The strategy with the given id.
    public func strategy(_ id: String) -> Strategy? { strategies.first { $0.id == id } }

    /// The index of a question that a loaded rubric names in its own rules, exclusions or
    /// properties: the loader resolves every such reference, so a miss is a defect.
    /// - Precondition: the rubric has a question `id`.
    func knownQuestionIndex(_ id: String) -> Int {
        guard let index = questionIndex(id) else { preconditionFailure("the rubric has no question \"\(id)\"") }
        return index
    }

    /// The index of a strategy that a loaded rubric names in its own exclusions, variants or
    /// properties: the loader resolves every such reference, so a miss is a defect.
    /// - Precondition: the rubric has a strategy `id`.
    func knownStrategyIndex(_ id: String) -> Int {
        guard let index = strategyIndex(id) else { preconditionFailure("the rubric has no strategy \"\(id)\"") }
        return index
    }

    /// A rubric from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        schemaVersion: Int,
        id: String,
        version: String,
        title: String,
        strategies: [Strategy],
        questions: [Question],
        rules: [Rule],
        exclusions: [Exclusion],
        variants: [Variant],
        confidence: ConfidenceThresholds,
        properties: [MonotoneProperty],
        references: [Reference] = [],
        policy: AppliedPolicy? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.version = version
        self.title = title
        self.strategies = strategies
        self.questions = questions
        self.rules = rules
        self.exclusions = exclusions
        self.variants = variants
        self.confidence = confidence
        self.properties = properties
        self.references = references
        self.policy = policy
    }
}

/// Where a piece of advice comes from, and why it holds, in the project's own words.
public struct Citation: Equatable, Sendable {
    /// The reason, paraphrased.
    public var reason: String
    /// The source's short name and a locator, such as `002-… § When Prompt Engineering Reaches Its Limits`.
    public var source: String

    /// A citation from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        reason: String,
        source: String
    ) {
        self.reason = reason
        self.source = source
    }
}

/// A conjunction of answers: every listed question must have one of its listed options.
///
/// An unanswered question matches no clause, so an unknown refinement never triggers a rule.
public struct Condition: Equatable, Sendable {
    /// One clause per question: the options that satisfy it.
    public var clauses: [(question: String, options: [String])]

    /// The condition that always holds.
    public static let always = Condition(clauses: [])

    /// A condition of `clauses`, one per question; with none, the condition always holds.
    public init(clauses: [(question: String, options: [String])]) { self.clauses = clauses }

    /// Whether both have the same clauses in the same order, each with the same options in
    /// the same order. Written out because tuples are not `Equatable`.
    public static func == (lhs: Condition, rhs: Condition) -> Bool {
        lhs.clauses.count == rhs.clauses.count
            && zip(lhs.clauses, rhs.clauses).allSatisfy { $0.question == $1.question && $0.options == $1.options }
    }
}

/// One way of customising a model that the rubric can recommend.
public struct Strategy: Equatable, Sendable {
    /// The identifier, one of ``Contract/strategyIDs`` (`fine-tuning`); points, rules,
    /// exclusions, variants and advice refer to the strategy by it.
    public var id: String
    /// A human name ("PEFT / fine-tuning").
    public var label: String
    /// One sentence on what the strategy is.
    public var summary: String
    /// Points every situation starts with; a small lead for simpler strategies breaks near-ties.
    public var baseline: Double
    /// Why the baseline is what it is; required when it is not zero.
    public var baselineCitation: Citation?
    /// Things to watch when this strategy is recommended.
    public var caveats: [Note]
    /// What to do next when this strategy is recommended.
    public var nextSteps: [Note]
    /// What may stop this strategy from meeting the bar when it is recommended (prompting that
    /// has already plateaued, say), shown beside the confidence.
    public var risks: [Note] = []

    /// A strategy from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        label: String,
        summary: String,
        baseline: Double,
        baselineCitation: Citation? = nil,
        caveats: [Note],
        nextSteps: [Note],
        risks: [Note] = []
    ) {
        self.id = id
        self.label = label
        self.summary = summary
        self.baseline = baseline
        self.baselineCitation = baselineCitation
        self.caveats = caveats
        self.nextSteps = nextSteps
        self.risks = risks
    }
}

/// A caveat or next step, shown when its condition holds.
public struct Note: Equatable, Sendable {
    /// The caveat or next step as shown to the reader.
    public var text: String
    /// Where the note comes from, when it rests on a source.
    public var source: String?
    /// When the note is shown; ``Condition/always`` when the rubric gives no condition.
    public var when: Condition
    /// When the note is not shown although ``when`` holds: the situations it does not fit (a
    /// prompt that already meets the bar needs no template written), left out where any of
    /// them holds; empty for none.
    public var unless: [Condition]
    /// For a next step: the stage of the work it belongs to, by which the advice orders its
    /// steps; ``Stage/build`` unless the rubric says otherwise.
    public var stage: Stage

    /// Where a next step falls in a team's work. The advice lists its steps stage by stage,
    /// each stage in the rubric's order (the strategy's steps, then its variants').
    public enum Stage: String, CaseIterable, Sendable {
        /// Before anything is built: the bar, the baseline to beat, what to try first.
        case prepare
        /// The prompt, the knowledge half, the training data.
        case build
        /// Training runs, and how they are sized and compared.
        case train
        /// Keeping it working: retraining, re-indexing, serving.
        case operate
    }

    /// A note from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        text: String,
        source: String? = nil,
        when: Condition,
        unless: [Condition] = [],
        stage: Stage = .build
    ) {
        self.text = text
        self.source = source
        self.when = when
        self.unless = unless
        self.stage = stage
    }
}
