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

    /// Whether `answers` satisfies every clause.
    public func isSatisfied(by answers: Answers) -> Bool {
        clauses.allSatisfy { clause in answers[clause.question].map(clause.options.contains) ?? false }
    }

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

    /// A note from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        text: String,
        source: String? = nil,
        when: Condition
    ) {
        self.text = text
        self.source = source
        self.when = when
    }
}

/// A question of the rubric with its options in order, lowest to highest on its scale.
public struct Question: Equatable, Sendable {
    /// The identifier answers use (`data-volume`); a fixed question's is the one ``Contract`` gives.
    public var id: String
    /// A short name ("Data volume").
    public var label: String
    /// The question as asked, in one line.
    public var text: String
    /// Longer help shown on request.
    public var help: String
    /// Core questions must be answered; refinements may stay unknown.
    public var isCore: Bool
    /// Whether the answer is something the team can change (its budget, deadline, data,
    /// skills or model), as opposed to a fact about its situation; the report lists the two
    /// kinds of change apart.
    public var isLever: Bool = false
    /// How much this question's points count.
    public var weight: Double
    /// The option taken when a person presses Enter, if any.
    public var defaultOption: String?
    /// The possible answers, at least two, lowest to highest on the question's scale.
    public var options: [Option]
    /// For a refinement, the answers under which the questionnaire asks it (knowledge size only
    /// where knowledge is needed, say); ``Condition/always`` for the rest. A flag or an answers
    /// file can answer it whatever this says.
    public var askWhen: Condition = .always

    /// The option with the given id.
    public func option(_ id: String) -> Option? { options.first { $0.id == id } }
    /// The index of the option with the given id.
    public func optionIndex(_ id: String) -> Int? { options.firstIndex { $0.id == id } }

    /// The index of an option that a loaded rubric names for this question (in a property's
    /// scale, say): the loader resolves every such reference, so a miss is a defect.
    /// - Precondition: the question has an option `id`.
    func knownOptionIndex(_ id: String) -> Int {
        guard let index = optionIndex(id) else { preconditionFailure("the question \"\(self.id)\" has no option \"\(id)\"") }
        return index
    }

    /// A question from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        label: String,
        text: String,
        help: String,
        isCore: Bool,
        isLever: Bool = false,
        weight: Double,
        defaultOption: String? = nil,
        options: [Option],
        askWhen: Condition = .always
    ) {
        self.id = id
        self.label = label
        self.text = text
        self.help = help
        self.isCore = isCore
        self.isLever = isLever
        self.weight = weight
        self.defaultOption = defaultOption
        self.options = options
        self.askWhen = askWhen
    }
}

/// One answer to a question, with the points it gives each strategy.
public struct Option: Equatable, Sendable {
    /// The identifier an answer gives (`thousands`), unique within its question.
    public var id: String
    /// A short human name ("Thousands (1,000+ or a large corpus)").
    public var label: String
    /// How a user tells that this option is theirs.
    public var help: String
    /// Points per strategy id; a missing strategy gets zero.
    public var points: [String: Double]
    /// Why the points are what they are; required when any point is not zero.
    public var citation: Citation?

    /// An option from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        label: String,
        help: String,
        points: [String: Double],
        citation: Citation? = nil
    ) {
        self.id = id
        self.label = label
        self.help = help
        self.points = points
        self.citation = citation
    }
}

/// Points given to strategies when two or more answers occur together.
public struct Rule: Equatable, Sendable {
    /// The identifier, unique among the rules; ``Reason/rule`` names it.
    public var id: String
    /// The answers that must occur together: clauses on at least two questions.
    public var when: Condition
    /// Points per strategy id added while ``when`` holds, not multiplied by any question's
    /// weight; a missing strategy gets zero.
    public var points: [String: Double]
    /// Why the combination earns these points.
    public var citation: Citation

    /// A rule from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        when: Condition,
        points: [String: Double],
        citation: Citation
    ) {
        self.id = id
        self.when = when
        self.points = points
        self.citation = citation
    }
}

/// A hard constraint, or gate: when its condition holds, the listed strategies cannot be
/// recommended now, whatever the scores.
public struct Exclusion: Equatable, Sendable {
    /// The identifier, unique among the exclusions; ``ExclusionReason/id`` and
    /// ``Advice/decidedBy`` name it.
    public var id: String
    /// The answers under which it applies: clauses on at least one question.
    public var when: Condition
    /// The ids of the strategies it rules out.
    public var strategies: [String]
    /// Why those strategies are ruled out.
    public var citation: Citation
    /// For a gate that only holds for now (a deadline, prompting not yet tried), what lifts it;
    /// the staged plan scores the later stage as if it were lifted.
    public var later: Deferral?

    /// An exclusion from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        when: Condition,
        strategies: [String],
        citation: Citation,
        later: Deferral? = nil
    ) {
        self.id = id
        self.when = when
        self.strategies = strategies
        self.citation = citation
        self.later = later
    }
}

/// What lifts a gate that holds only for now: an event described for the reader, modelled as
/// the answers the team will then give.
public struct Deferral: Equatable, Sendable {
    /// When the gate lifts, as the plan shows it ("once the first version ships").
    public var trigger: String
    /// The answers that hold once it lifts, question id to option id; the gate's own
    /// condition no longer holds under them.
    public var assume: [(question: String, option: String)]

    /// A deferral lifted by `trigger`, after which `assume` holds.
    public init(trigger: String, assume: [(question: String, option: String)]) {
        self.trigger = trigger
        self.assume = assume
    }

    /// Whether both have the same trigger and assumed answers in the same order. Written out
    /// because tuples are not `Equatable`.
    public static func == (lhs: Deferral, rhs: Deferral) -> Bool {
        lhs.trigger == rhs.trigger && lhs.assume.map(\.question) == rhs.assume.map(\.question)
            && lhs.assume.map(\.option) == rhs.assume.map(\.option)
    }
}

/// A published work a citation's source names by ``id``: one of the five articles or a paper,
/// vendor guide or other work beyond them.
public struct Reference: Equatable, Sendable {
    /// A short id, such as `lester-2021`.
    public var id: String
    /// The work's title.
    public var title: String
    /// Its authors or the organisation that published it.
    public var author: String
    /// The year it was published or, for a living guide, checked; `nil` when not known.
    public var year: Int?
    /// Where to read it; `nil` for a work with no public address known.
    public var url: String?

    /// A reference from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        title: String,
        author: String,
        year: Int? = nil,
        url: String? = nil
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.year = year
        self.url = url
    }
}

/// A choice of how to carry out a strategy, such as PEFT versus full fine-tuning.
public struct Variant: Equatable, Sendable {
    /// The identifier (`tuning-method`), unique among the variants; ``VariantDecision/variant``.
    public var id: String
    /// What the choice is about ("Tuning method").
    public var label: String
    /// The strategies it applies to.
    public var strategies: [String]
    /// The alternatives in order; the first whose condition holds is taken.
    public var choices: [VariantChoice]

    /// A variant from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        label: String,
        strategies: [String],
        choices: [VariantChoice]
    ) {
        self.id = id
        self.label = label
        self.strategies = strategies
        self.choices = choices
    }
}

/// One alternative of a ``Variant``.
public struct VariantChoice: Equatable, Sendable {
    /// The identifier (`peft`), unique within its variant; ``VariantDecision/choice``.
    public var id: String
    /// The alternative as shown ("PEFT (for example LoRA adapters)"); ``VariantDecision/choiceLabel``.
    public var label: String
    /// The choice applies when any of these conditions holds; an empty list always applies.
    public var whenAny: [Condition]
    /// Why this alternative is the one to take when it applies.
    public var citation: Citation
    /// What to watch when this alternative is taken; they follow the strategy's own.
    public var caveats: [Note] = []
    /// What to do next when this alternative is taken; they follow the strategy's own.
    public var nextSteps: [Note] = []

    /// A variant choice from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        id: String,
        label: String,
        whenAny: [Condition],
        citation: Citation,
        caveats: [Note] = [],
        nextSteps: [Note] = []
    ) {
        self.id = id
        self.label = label
        self.whenAny = whenAny
        self.citation = citation
        self.caveats = caveats
        self.nextSteps = nextSteps
    }
}

/// Score margins that set the confidence of advice.
public struct ConfidenceThresholds: Equatable, Sendable {
    /// A margin of at least this much is high confidence.
    public var high: Double
    /// A margin of at least this much (and below ``high``) is medium confidence.
    public var medium: Double

    /// Confidence thresholds from their parts, as the loader and the built-in rubric's generated model build it.
    package init(
        high: Double,
        medium: Double
    ) {
        self.high = high
        self.medium = medium
    }
}

/// A declared direction of evidence: as the answer to `question` moves up its scale,
/// the score of `favours` minus the score of `over` never decreases.
public struct MonotoneProperty: Equatable, Sendable {
    /// The id of the question whose options are the rising scale.
    public var question: String
    /// Option ids in rising order, two or more; empty for all of the question's own options in
    /// their order. Options left out are not ordered against the others (an option whose effect
    /// depends on other answers, say).
    public var scale: [String] = []
    /// The id of the strategy whose lead must not shrink as the answer rises.
    public var favours: String
    /// The id of the strategy that lead is measured against, a different one from ``favours``.
    public var over: String

    /// A monotone property from its parts, as the loader and the built-in rubric's generated model build it.
    package init(
        question: String,
        scale: [String] = [],
        favours: String,
        over: String
    ) {
        self.question = question
        self.scale = scale
        self.favours = favours
        self.over = over
    }
}
