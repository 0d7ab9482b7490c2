// The rest of a rubric's parts: deferrals of gates, references, variants, confidence
// thresholds and declared properties.

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
    /// Situations the choice does not fit although ``whenAny`` holds (a grader that checks a
    /// label is an answer key, not a reason for reinforcement): passed over where any holds.
    public var unless: [Condition] = []
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
        unless: [Condition] = [],
        citation: Citation,
        caveats: [Note] = [],
        nextSteps: [Note] = []
    ) {
        self.id = id
        self.label = label
        self.whenAny = whenAny
        self.unless = unless
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
