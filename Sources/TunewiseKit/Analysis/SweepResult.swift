/// What a ``Sweep`` found: how many situations lead to each strategy, per answer and overall.
///
/// Counts are per strategy, in ``strategies`` order. An answer value of `nil` is an
/// unanswered refinement.
public struct SweepResult: Equatable, Sendable {
    /// The strategy ids, in rubric order.
    public var strategies: [String]
    /// The situations covered.
    public var situationCount: Int
    /// The situations each strategy wins.
    public var counts: [Int]
    /// The situations in which the exclusions leave no strategy (zero for a valid rubric).
    public var unresolved: Int
    /// The varied questions, in rubric order.
    public var questions: [SweptQuestion]
    /// The answers held fixed.
    public var fixed: Answers
    /// The winner for each pair of answers of two questions, when asked for.
    public var map: DecisionMap?

    /// The varied questions that decide most often first (ties in rubric order); only those
    /// whose deciding count was computed.
    public var decidingQuestions: [SweptQuestion] {
        questions.filter { $0.deciding != nil }.enumerated()
            .sorted { ($0.element.deciding!, -$0.offset) > ($1.element.deciding!, -$1.offset) }
            .map(\.element)
    }

    /// The situations with any one given answer to `question`: each answer of a varied
    /// question occurs in the same number of situations.
    public func situationsPerAnswer(of question: SweptQuestion) -> Int {
        situationCount / question.values.count
    }
}

/// One varied question's marginals: for each of its values, the situations won by each strategy.
public struct SweptQuestion: Equatable, Sendable {
    /// The question's id.
    public var id: String
    /// The option ids in order, then `nil` (unanswered) for a refinement.
    public var values: [String?]
    /// `counts[value][strategy]`: the situations with that answer that the strategy wins.
    public var counts: [[Int]]
    /// The situations in which changing this answer alone (to any other value) changes the
    /// advice; `nil` when not computed.
    public var deciding: Int?
}

/// The winning strategy for each pair of answers to two questions.
///
/// A cell covers every situation with its row and column answers, over the other varied
/// questions; its winner is the strategy that wins most of them (ties to the simpler one),
/// with that strategy's share of the cell.
public struct DecisionMap: Equatable, Sendable {
    /// The question whose answers are the rows.
    public var row: String
    /// The question whose answers are the columns.
    public var column: String
    /// The row question's values, one per row: its option ids in order, then `nil`
    /// (unanswered) for a refinement.
    public var rowValues: [String?]
    /// The column question's values, one per column, in the same form as ``rowValues``.
    public var columnValues: [String?]
    /// `cells[row][column]`.
    public var cells: [[MapCell]]
}

/// One cell of a ``DecisionMap``.
public struct MapCell: Equatable, Sendable {
    /// The strategy ids, in rubric order.
    public var strategies: [String]
    /// The cell's situations won by each strategy.
    public var counts: [Int]
    /// The cell's situations in which the exclusions leave no strategy.
    public var unresolved: Int

    /// The cell's situations.
    public var situations: Int { counts.reduce(unresolved, +) }

    /// The strategy that wins most of the cell's situations, ties to the earlier (simpler)
    /// one; `nil` when it wins none.
    public var winner: String? {
        guard let top = counts.max(), top > 0 else { return nil }
        return strategies[counts.firstIndex(of: top)!]
    }

    /// The winner's share of the cell's situations, from 0 to 1.
    public var share: Double {
        guard let top = counts.max(), situations > 0 else { return 0 }
        return Double(top) / Double(situations)
    }
}
