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
        case strategy, confidence, plan, decidedBy
    }

    /// The advice on the first side.
    public var before: Advice
    /// The advice on the second side.
    public var after: Advice
    /// The questions answered differently, in the order given.
    public var answers: [AnswerDifference]
    /// The parts of the advice that differ, in ``Aspect`` order.
    public var changes: [Aspect]

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
        changes = Aspect.allCases.filter { aspect in
            switch aspect {
            case .strategy: before.strategy != after.strategy
            case .confidence: before.confidence != after.confidence
            case .plan: before.plan.map(\.outline) != after.plan.map(\.outline)
            case .decidedBy: before.decidedBy != after.decidedBy
            }
        }
    }
}
