// The rubric's questions, their options, and the rules and gates over their answers.

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
    /// Whether, and which way, the team can change the answer (its budget, deadline, data,
    /// skills or model), as opposed to a fact about its situation; the report lists the two
    /// kinds of change apart.
    public var lever: Lever = .none
    /// Whether the team can change the answer at all.
    public var isLever: Bool { lever != .none }
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
        lever: Lever = .none,
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
        self.lever = lever
        self.weight = weight
        self.defaultOption = defaultOption
        self.options = options
        self.askWhen = askWhen
    }
}

/// Whether, and which way, a team can change its answer to a question.
public enum Lever: String, Equatable, Sendable {
    /// Not at all: a fact about the situation (what the model must gain, who may see the data).
    case none
    /// Either way (`lever: true`): for a question where less is as much a team's choice as more.
    case either
    /// Only to a later option (`lever: "upward"`): more data, skills, budget, time, model
    /// access or a larger model can be sought; having less is another situation, not a change
    /// anyone makes for other advice.
    case upward

    /// Whether the team could change its answer from the option at `current` to the one at
    /// `changed` (indices in the question's order).
    public func allowsChange(from current: Int, to changed: Int) -> Bool {
        switch self {
        case .none: false
        case .either: true
        case .upward: changed > current
        }
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
    /// Situations the gate does not fit although ``when`` holds (a strong team can build two
    /// systems in weeks): it does not apply where any holds. Each names one question, so
    /// that the gate stays one condition: its answer outside the options, or unanswered.
    public var unless: [Condition] = []
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
        unless: [Condition] = [],
        strategies: [String],
        citation: Citation,
        later: Deferral? = nil
    ) {
        self.id = id
        self.when = when
        self.unless = unless
        self.strategies = strategies
        self.citation = citation
        self.later = later
    }
}
