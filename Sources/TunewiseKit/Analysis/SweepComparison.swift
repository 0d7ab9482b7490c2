/// How the advice over a sweep's situations moves from one rubric to another (the built-in
/// rubric and the same rubric with a team's policy, say), swept over the same scope.
public struct SweepComparison: Equatable, Sendable {
    /// One strategy's share of the situations on each side.
    public struct Share: Equatable, Sendable {
        /// The strategy's id.
        public var strategy: String
        /// Situations it wins on the side compared against.
        public var before: Int
        /// Situations it wins on the side being reported.
        public var after: Int
    }

    /// One answer under which a strategy's share moved.
    public struct MovedAnswer: Equatable, Sendable {
        /// The question's id.
        public var question: String
        /// The option's id, or `nil` for the question left unanswered.
        public var answer: String?
        /// The strategy whose share under this answer moved most.
        public var strategy: String
        /// Its share under this answer on the side compared against, from 0 to 1.
        public var before: Double
        /// Its share under this answer on the side being reported, from 0 to 1.
        public var after: Double
    }

    /// The situations each side counts (the same scope, so the same number).
    public var situationCount: Int
    /// Every strategy's wins on both sides, in the rubric's order.
    public var shares: [Share]
    /// The answers under which a strategy's share moved most, largest move first.
    public var moved: [MovedAnswer]

    /// The comparison of `after` with `before`, naming at most `limit` moved answers.
    /// - Precondition: both sweeps cover the same strategies and situations.
    public init(before: SweepResult, after: SweepResult, limit: Int = 5) {
        precondition(before.strategies == after.strategies && before.situationCount == after.situationCount, "the same scope")
        situationCount = after.situationCount
        shares = after.strategies.indices.map { Share(strategy: after.strategies[$0], before: before.counts[$0], after: after.counts[$0]) }
        var moved: [MovedAnswer] = []
        for question in after.questions {
            guard let earlier = before.questions.first(where: { $0.id == question.id }), earlier.values == question.values else { continue }
            let perAnswer = Double(after.situationsPerAnswer(of: question))
            for (value, counts) in question.counts.enumerated() {
                let changes = counts.indices.map { Double(counts[$0] - earlier.counts[value][$0]) / perAnswer }
                guard let strategy = changes.indices.max(by: { abs(changes[$0]) < abs(changes[$1]) }), changes[strategy] != 0 else { continue }
                moved.append(
                    MovedAnswer(
                        question: question.id, answer: question.values[value], strategy: after.strategies[strategy],
                        before: Double(earlier.counts[value][strategy]) / perAnswer, after: Double(counts[strategy]) / perAnswer))
            }
        }
        self.moved = Array(
            moved.enumerated().sorted { a, b in
                let (x, y) = (abs(a.element.after - a.element.before), abs(b.element.after - b.element.before))
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element).prefix(limit))
    }
}
