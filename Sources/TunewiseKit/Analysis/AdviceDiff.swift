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
        /// The next steps, by their text: a move from a hosted tuning job to a LoRA run of your
        /// own changes what the team does though the plan's stages stay.
        case strategy, confidence, plan, decidedBy, steps
    }

    /// The advice on the first side.
    public var before: Advice
    /// The advice on the second side.
    public var after: Advice
    /// The questions answered differently, in the order given.
    public var answers: [AnswerDifference]
    /// The parts of the advice that differ, in ``Aspect`` order.
    public var changes: [Aspect]
    /// The next steps of the second side that the first does not have, in its order.
    public var addedSteps: [String]
    /// The next steps of the first side that the second does not have, in its order.
    public var removedSteps: [String]

    /// Whether the advice differs (answers alone may differ without changing it).
    public var adviceDiffers: Bool { !changes.isEmpty }

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
        addedSteps = second.filter { !first.contains($0) }
        removedSteps = first.filter { !second.contains($0) }
        let stepsDiffer = !addedSteps.isEmpty || !removedSteps.isEmpty
        changes = Aspect.allCases.filter { aspect in
            switch aspect {
            case .strategy: before.strategy != after.strategy
            case .confidence: before.confidence != after.confidence
            case .plan: before.plan.map(\.outline) != after.plan.map(\.outline)
            case .decidedBy: before.decidedBy != after.decidedBy
            case .steps: stepsDiffer
            }
        }
    }
}
