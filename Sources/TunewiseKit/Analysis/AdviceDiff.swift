/// How the advice for one situation differs from the advice for another: the answers that
/// differ and the parts of the advice that change (strategy, confidence, plan, deciding gates).
///
/// Made from two ``Advice`` values, so it compares answers files, rubrics, or both.
public struct AdviceDiff: Equatable, Sendable {
    /// One question answered differently (or answered on one side only).
    public struct AnswerDifference: Equatable, Sendable {
        public var question: String
        /// The option on the first side; `nil` when unanswered there.
        public var before: String?
        /// The option on the second side; `nil` when unanswered there.
        public var after: String?
    }

    /// A part of the advice that can change.
    public enum Aspect: String, CaseIterable, Equatable, Sendable {
        case strategy, confidence
        /// The plan's stages, each with when it starts and how it is carried out (its variants'
        /// choices), so that a move from full fine-tuning to LoRA is a change.
        case plan
        case decidedBy
        /// The next steps, by their text: a move from a hosted tuning job to a LoRA run of your
        /// own changes what the team does though the plan's stages stay.
        case steps
    }

    /// A next step said on both sides in other words: the two texts start alike.
    public struct RewordedStep: Equatable, Sendable {
        public var before: String
        public var after: String
        /// Where the two texts first differ, in UTF-8 bytes from their start.
        public var firstChange: Int { AdviceDiff.sharedStart(before, after) }
    }

    /// The advice on the first side.
    public var before: Advice
    /// The advice on the second side.
    public var after: Advice
    /// The questions answered differently, in the order given.
    public var answers: [AnswerDifference]
    /// The parts of the advice that differ, in ``Aspect`` order.
    public var changes: [Aspect]
    /// The next steps of the second side that the first does not have, in its order, beside
    /// those that only reword one of the first's (``rewordedSteps``).
    public var addedSteps: [String]
    /// The next steps of the first side that the second does not have, in its order, beside
    /// those the second rewords.
    public var removedSteps: [String]
    /// The next steps of the first side that the second says in other words, in the first's order.
    public var rewordedSteps: [RewordedStep]

    /// Whether the advice differs (answers alone may differ without changing it).
    public var adviceDiffers: Bool { !changes.isEmpty }

    /// How long a start two steps must share to be one step reworded rather than two steps.
    static let rewordedPrefixLength = 40

    /// Compares `before` with `after`; answers are listed in `questionOrder`, then any other
    /// question in alphabetical order.
    public init(before: Advice, after: Advice, questionOrder: [String]) {
        self.before = before
        self.after = after
        let others = Set(before.answers.values.keys).union(after.answers.values.keys).subtracting(questionOrder).sorted()
        answers = (questionOrder + others).compactMap { question in
            let (first, second) = (before.answers[question], after.answers[question])
            return first == second ? nil : AnswerDifference(question: question, before: first, after: second)
        }
        let (first, second) = (before.nextSteps.map(\.text), after.nextSteps.map(\.text))
        var added = second.filter { !first.contains($0) }
        var removed: [String] = []
        var reworded: [RewordedStep] = []
        for step in first where !second.contains(step) {
            if let match = added.firstIndex(where: { Self.sharedStart($0, step) >= Self.rewordedPrefixLength }) {
                reworded.append(RewordedStep(before: step, after: added.remove(at: match)))
            } else {
                removed.append(step)
            }
        }
        (addedSteps, removedSteps, rewordedSteps) = (added, removed, reworded)
        let stepsDiffer = !added.isEmpty || !removed.isEmpty || !reworded.isEmpty
        changes = Aspect.allCases.filter { aspect in
            switch aspect {
            case .strategy: before.strategy != after.strategy
            case .confidence: before.confidence != after.confidence
            case .plan: before.plan.map(Self.outline) != after.plan.map(Self.outline)
            case .decidedBy: before.decidedBy != after.decidedBy
            case .steps: stepsDiffer
            }
        }
    }

    /// How many bytes `first` and `second` start with alike.
    static func sharedStart(_ first: String, _ second: String) -> Int {
        zip(first.utf8, second.utf8).prefix { $0 == $1 }.count
    }

    /// What the diff compares of a plan stage: its strategy, when it starts, and each variant's choice.
    private static func outline(_ stage: PlanStage) -> [String] {
        [stage.strategy, stage.when] + stage.variants.map { "\($0.variant)=\($0.choice)" }
    }
}
