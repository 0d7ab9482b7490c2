/// The advice for one situation: the recommended strategy, the gates that decided it, why,
/// what to watch, what to do now and later, how the strategies rank, and what would change it.
///
/// Scores and points here are rounded to two decimals for reporting; decisions are made on
/// the exact values.
public struct Advice: Equatable, Sendable {
    /// The answers the advice is for.
    public var answers: Answers
    /// The recommended strategy's id: what to do now.
    public var strategy: String
    /// How clearly the answers point to the recommendation as the thing to do now: the exact
    /// (unrounded) ``margin`` measured against the rubric's ``ConfidenceThresholds``, at most
    /// medium while ``openQuestions`` is not empty or the step ``restsOnAnUntriedBaseline``,
    /// and low while there are ``assumptions``; high when gates left no other strategy, which
    /// is a statement about the team's limits or situation, not a forecast of success (see
    /// ``risks``), unless the evidence favours a strategy limits alone rule out. A report
    /// given prices or a training file may lower it (``qualify(by:wording:)``,
    /// ``qualify(byDistinctDataVolume:wording:)``).
    public var confidence: Confidence
    /// Whether the confidence rests on the margin, or on gates that left one strategy (limits
    /// the team could lift, or the situation itself).
    public var confidenceBasis: ConfidenceBasis
    /// What may stop the recommended first step from meeting the bar: among the strategies the
    /// evidence favours that limits alone rule out, the one the plan moves to later, else the
    /// best-scoring one; answers that weigh against the only strategy left; and the risks the
    /// rubric declares for the recommendation. Empty when nothing does.
    public var risks: [Risk]
    /// The ids of the gates (exclusions) that decided the advice, in rubric order: of the
    /// strategies that scored higher than the recommendation yet are ruled out (or, when none
    /// did but the gates leave one strategy, of all the others), the gates that rule all of
    /// them out on their own, or else the fewest that do so together. Empty when the scores decided.
    public var decidedBy: [String]
    /// Unanswered refinements whose answer could change the advice, in rubric order: the
    /// questions worth answering.
    public var openQuestions: [String]
    /// The open questions most of whose answers would change the advice, which holds only on
    /// the assumption that the answer is one of the few others.
    public var assumptions: [String]
    /// Whether the recommendation trains although prompting has not been tried: it rests on a
    /// prompted baseline nobody has measured, which may already meet the bar, so the
    /// confidence is never high.
    public var restsOnAnUntriedBaseline: Bool
    /// The best strategy that was not recommended and not excluded, if any.
    public var runnerUp: String?
    /// The score lead over the runner-up (zero when there is none).
    public var margin: Double
    /// The answers and rules that favour the recommendation over the average of the
    /// strategies still in the running (or of all others, when gates left none), largest first;
    /// parts smaller than ``Advisor/reasonThreshold`` are left out.
    public var reasons: [Reason]
    /// The answers and rules that count against the recommendation on the same measure,
    /// strongest first; points are negative, and each names in ``Reason/favours`` the open
    /// alternative it favours most. Empty when gates left no alternative open: what weighs
    /// against the only strategy left is a ``Risk`` instead.
    public var counterpoints: [Reason]
    /// How to carry out the recommendation (PEFT or full fine-tuning; with or without retrieval).
    public var variants: [VariantDecision]
    /// Things to watch.
    public var caveats: [AdviceNote]
    /// What to do next: the strategy's steps (an evaluation plan first), then those of the
    /// chosen variants.
    public var nextSteps: [AdviceNote]
    /// The staged plan: the recommendation now, then what comes later and on what trigger.
    public var plan: [PlanStage]
    /// Every strategy, best first; excluded strategies last with the reasons they were excluded.
    public var ranking: [RankedStrategy]
    /// Each single change of one answer that would change the recommended strategy.
    public var sensitivity: [AnswerChange]
    /// The smallest plausible change of one question's weight (at most
    /// ``Advisor/plausibleWeightFactor`` either way) that would change the recommended strategy.
    public var weightSensitivity: WeightChange?

    /// ``sensitivity`` grouped by question, strongest effect first: changes under which a gate
    /// rules the current advice out, then by the new strategy's lead.
    public var rankedChanges: [ChangeGroup] {
        let ordered = sensitivity.enumerated().sorted { a, b in
            if a.element.rulesOutCurrent != b.element.rulesOutCurrent { return a.element.rulesOutCurrent }
            if a.element.lead != b.element.lead { return a.element.lead > b.element.lead }
            return a.offset < b.offset
        }.map(\.element)
        var groups: [ChangeGroup] = []
        for change in ordered {
            if let index = groups.firstIndex(where: { $0.question == change.question }) {
                groups[index].changes.append(change)
            } else {
                groups.append((change.question, change.kind, [change]))
            }
        }
        return groups
    }
}

/// The changes of one question's answer that would alter the advice, and what kind of
/// answer it is.
public typealias ChangeGroup = (question: String, kind: AnswerChange.Kind, changes: [AnswerChange])

/// What a confidence level rests on.
public enum ConfidenceBasis: String, Equatable, Sendable {
    /// The score margin over the runner-up.
    case margin
    /// Gates left no other strategy, and the team's own limits (data, budget, deadline,
    /// skills, model access) alone rule out at least one of them.
    case limits
    /// Gates left no other strategy, each ruled out by the situation itself (knowledge belongs
    /// in retrieval, nothing to retrieve, prompting still improving or already meeting the
    /// bar), not by limits alone that the team could lift.
    case situation
}

/// One stage of the staged plan.
public struct PlanStage: Equatable, Sendable {
    /// The ``when`` of the first stage.
    public static let now = "now"

    /// The strategy's id.
    public var strategy: String
    /// ``now`` for the first stage; for a later one, the events that move a team there, as one
    /// clause (``conditions`` joined).
    public var when: String
    /// For a later stage, the events that move a team there, one a gate lifted; empty for the first.
    public var conditions: [String] = []
    /// The ids of the gates whose lifting opens this stage; empty for the first.
    public var after: [String]
    /// How to carry the stage out (PEFT or full fine-tuning; with or without retrieval).
    public var variants: [VariantDecision]
    /// What to watch at this stage: its strategy's caveats and its variants', under the answers
    /// that hold then. The first stage's are the advice's ``Advice/caveats``.
    public var caveats: [AdviceNote] = []
}

/// Something that may stop the recommended first step from meeting the bar.
public struct Risk: Equatable, Sendable {
    /// Where a risk comes from.
    public enum Kind: String, Equatable, Sendable {
        /// The evidence favours a strategy that a gate rules out now (``Risk/strategy``).
        case overruled
        /// An answer or rule weighs against the recommendation while gates leave no alternative.
        case against
        /// A risk the rubric declares for the recommended strategy under these answers.
        case declared
        /// The team's own prices weigh against the first step: a model distilled to cut cost
        /// that costs more than the prompted one, or the whole collection in every prompt
        /// where an index would cost less (added to the advice by a report given cost inputs;
        /// the advice never reads prices).
        case cost
        /// An answer given overrides the answer of the organisation's policy, which would
        /// bring its own gates (added by a report made under a policy).
        case policy
        /// A measured training file undermines the first step: most of its examples nearly
        /// repeat another, so fewer would change the advice, or its preference pairs are
        /// biased by length (added by a report given `--data`).
        case data
    }

    /// Where the risk comes from.
    public var kind: Kind
    /// The risk, in words.
    public var text: String
    /// Where ``text`` comes from, when it rests on a source.
    public var source: String?
    /// For ``Kind/overruled``, the strategy the evidence favours.
    public var strategy: String?
    /// For ``Kind/overruled``, the gates that rule it out; empty otherwise.
    public var gates: [String]
    /// For ``Kind/against``, the reason that weighs against the recommendation, naming in
    /// ``Reason/favours`` the ruled-out strategy it favours most.
    public var reason: Reason?

    /// A risk of `kind` in words, with the source it rests on, if any, and what its kind carries.
    public init(kind: Kind, text: String, source: String?, strategy: String? = nil, gates: [String] = [], reason: Reason? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
        self.strategy = strategy
        self.gates = gates
        self.reason = reason
    }
}

/// How sure the advice is, from the margin between the first two strategies.
public enum Confidence: String, Equatable, Sendable, CaseIterable {
    /// The margin reaches the rubric's high threshold, or no other strategy is left.
    case high
    /// The margin reaches the medium threshold but not the high one.
    case medium
    /// The margin is below the medium threshold: a close call, which the caveats point out.
    case low
}

/// One contribution to the difference between two strategies' scores.
public struct Reason: Equatable, Sendable {
    /// What a reason's points come from.
    public enum Kind: String, Equatable, Sendable {
        /// One answer's points.
        case answer
        /// A combination rule's points.
        case rule
        /// The strategies' baseline points, which favour simpler strategies.
        case baseline
        /// A gate that rules a strategy out, named by ``rule``; it has no points.
        case gate
    }

    /// Whether the points come from an answer, a combination rule or the baselines.
    public var kind: Kind
    /// The question, for an answer; `nil` otherwise.
    public var question: String? = nil
    /// The chosen option, for an answer; `nil` otherwise.
    public var answer: String? = nil
    /// The rule's id, for a rule; the exclusion's, for a gate.
    public var rule: String? = nil
    /// For a rule, the answers that meet its condition, in the order of its condition; empty
    /// otherwise.
    public var ruleAnswers: [GivenAnswer] = []
    /// How many points this contributes to the lead (negative for a counterpoint).
    public var points: Double
    /// Why the points hold: the reason of the option's, rule's or baseline's ``Citation``.
    public var text: String
    /// Where ``text`` comes from: that citation's source.
    public var source: String
    /// For a counterpoint, the open alternative this answer or rule favours most over the
    /// recommendation; `nil` otherwise.
    public var favours: String? = nil
}

/// One question and the option given for it.
public struct GivenAnswer: Equatable, Sendable {
    /// The question's id.
    public var question: String
    /// The chosen option's id.
    public var answer: String
}

/// The chosen alternative of a ``Variant`` for the recommended strategy.
public struct VariantDecision: Equatable, Sendable {
    /// The variant's id: which decision this is (``Variant/id``, such as `tuning-method`).
    public var variant: String
    /// The variant's label: what the decision is about ("Tuning method"), not the answer to it.
    public var label: String
    /// The chosen alternative's id (``VariantChoice/id``, such as `peft`).
    public var choice: String
    /// The chosen alternative's label ("PEFT (for example LoRA adapters)").
    public var choiceLabel: String
    /// Why this alternative: the reason of its ``VariantChoice/citation``.
    public var reason: String
    /// Where ``reason`` comes from: that citation's source.
    public var source: String
}

/// A caveat or next step, with its source when it has one.
public struct AdviceNote: Equatable, Sendable {
    /// The caveat or next step as shown to the reader.
    public var text: String
    /// Where the note comes from; `nil` when it rests on no source, as for the note the
    /// advisor adds itself on a close call.
    public var source: String?
}

/// One strategy's place in the ranking.
public struct RankedStrategy: Equatable, Sendable {
    /// The strategy's id.
    public var strategy: String
    /// The strategy's score for the answers, rounded to two decimals: its baseline, plus each
    /// answer's points times its question's weight, plus the points of every rule that holds.
    /// Exclusions do not change it.
    public var score: Double
    /// Whether an exclusion that holds for the answers rules the strategy out, so it cannot
    /// be recommended; true exactly when ``exclusions`` is not empty.
    public var excluded: Bool
    /// Why the strategy was excluded; empty when it was not.
    public var exclusions: [ExclusionReason]
    /// Why it is not the advice: the gates that rule it out, or else the answers and rules
    /// that favour the recommendation over it, strongest first. Empty for the recommendation.
    public var whyNot: [Reason]
}

/// An exclusion that applied to a strategy: one that lists it and whose condition holds
/// for the answers, with that exclusion's citation.
public struct ExclusionReason: Equatable, Sendable {
    /// The exclusion's id (``Exclusion/id``).
    public var id: String
    /// Why the exclusion rules the strategy out: the reason of its ``Exclusion/citation``.
    public var reason: String
    /// Where ``reason`` comes from: that citation's source.
    public var source: String
}

/// A change of one answer that changes the advice. `answer` is the new option.
public struct AnswerChange: Equatable, Sendable {
    /// The id of the question whose answer changes (for an unanswered refinement, is answered).
    public var question: String
    /// The id of the option it changes to.
    public var answer: String
    /// The strategy that would be recommended instead.
    public var strategy: String
    /// Whether the team could make the change, it is a fact about its situation, or the
    /// question is unanswered.
    public var kind: Kind
    /// Whether a gate rules the current advice out under the change.
    public var rulesOutCurrent: Bool
    /// How far the new strategy's score leads the current advice's under the change.
    public var lead: Double

    /// What kind of answer a change alters.
    public enum Kind: String, Equatable, Sendable {
        /// A change the team can make (``Lever``): in the default rubric, more data, skills,
        /// budget, time or model access, or a larger model.
        case lever
        /// A fact about the situation, or a change its question's lever does not allow (fewer
        /// examples or less budget than the team has).
        case fact
        /// A refinement not yet answered.
        case unanswered
    }
}

/// A change of one question's weight that changes the advice.
public struct WeightChange: Equatable, Sendable {
    /// The id of the answered question whose weight changes.
    public var question: String
    /// The weight in force.
    public var weight: Double
    /// A weight at which the advice changes (rounded away from ``weight``).
    public var newWeight: Double
    /// The strategy that would be recommended at ``newWeight``.
    public var strategy: String

    /// `newWeight / weight`: a question weighted zero has no weight to change, so ``weight``
    /// is never zero.
    public var factor: Double { newWeight / weight }
}
