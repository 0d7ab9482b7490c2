/// The advice for one situation: the recommended strategy, why, what to watch, what to do,
/// how the strategies rank, and what would change it.
///
/// Scores and points here are rounded to two decimals for reporting; decisions are made on
/// the exact values.
public struct Advice: Equatable, Sendable {
    /// The answers the advice is for.
    public var answers: Answers
    /// The recommended strategy's id.
    public var strategy: String
    public var confidence: Confidence
    /// The best strategy that was not recommended and not excluded, if any.
    public var runnerUp: String?
    /// The score lead over the runner-up (zero when there is none).
    public var margin: Double
    /// The answers and rules that most separate the recommendation from the runner-up.
    public var reasons: [Reason]
    /// The answers and rules that most favour the runner-up instead.
    public var counterpoints: [Reason]
    /// How to carry out the recommendation (PEFT or full fine-tuning; with or without retrieval).
    public var variants: [VariantDecision]
    /// Things to watch.
    public var caveats: [AdviceNote]
    /// What to do next.
    public var nextSteps: [AdviceNote]
    /// Every strategy, best first; excluded strategies last with the reasons they were excluded.
    public var ranking: [RankedStrategy]
    /// Each single change of one answer that would change the recommended strategy.
    public var sensitivity: [AnswerChange]
    /// The smallest change of one question's weight that would change the recommended strategy.
    public var weightSensitivity: WeightChange?
}

/// How sure the advice is, from the margin between the first two strategies.
public enum Confidence: String, Equatable, Sendable, CaseIterable {
    case high, medium, low
}

/// One contribution to the difference between two strategies' scores.
public struct Reason: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// One answer's points.
        case answer
        /// A combination rule's points.
        case rule
        /// The strategies' baseline points, which favour simpler strategies.
        case baseline
    }

    public var kind: Kind
    /// The question, for an answer; the questions joined by `+`, for a rule.
    public var question: String?
    /// The option, for an answer; the options joined by `+`, for a rule.
    public var answer: String?
    /// The rule's id, for a rule.
    public var rule: String?
    /// How many points this contributes to the lead (negative for a counterpoint).
    public var points: Double
    public var text: String
    public var source: String
}

/// The chosen alternative of a ``Variant`` for the recommended strategy.
public struct VariantDecision: Equatable, Sendable {
    public var variant: String
    public var label: String
    public var choice: String
    public var choiceLabel: String
    public var reason: String
    public var source: String
}

/// A caveat or next step, with its source when it has one.
public struct AdviceNote: Equatable, Sendable {
    public var text: String
    public var source: String?
}

/// One strategy's place in the ranking.
public struct RankedStrategy: Equatable, Sendable {
    public var strategy: String
    public var score: Double
    public var excluded: Bool
    /// Why the strategy was excluded; empty when it was not.
    public var exclusions: [ExclusionReason]
}

/// An exclusion that applied to a strategy.
public struct ExclusionReason: Equatable, Sendable {
    public var id: String
    public var reason: String
    public var source: String
}

/// A change of one answer that changes the advice. `answer` is the new option.
public struct AnswerChange: Equatable, Sendable {
    public var question: String
    public var answer: String
    /// The strategy that would be recommended instead.
    public var strategy: String
}

/// A change of one question's weight that changes the advice.
public struct WeightChange: Equatable, Sendable {
    public var question: String
    /// The weight in force.
    public var weight: Double
    /// A weight at which the advice changes (rounded away from ``weight``).
    public var newWeight: Double
    /// The strategy that would be recommended at ``newWeight``.
    public var strategy: String

    /// `newWeight / weight`, or `nil` when the weight in force is zero.
    public var factor: Double? { weight > 0 ? newWeight / weight : nil }
}
