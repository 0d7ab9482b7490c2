/// The answers a sweep varies, in the order it varies them, and the answers it holds.
struct SweepSpace {
    /// One varied question: its rubric index and its values (option indices, and
    /// ``ScoringTable/unanswered`` for an unanswered refinement) in classes of values that give
    /// the same points and the same rule and exclusion conditions, so never a different winner.
    /// Only the first value of each class is scored; the class counts once per value.
    struct Level {
        var question: Int
        var classes: [[Int]]
    }

    /// The varied questions, outermost first; the last one varies fastest.
    var levels: [Level]
    /// One answer per rubric question for the questions that are not varied.
    var constants: [Int]

    /// Each varied question's level, by its rubric index.
    var levelOfQuestion: [Int: Int] {
        Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.question, $0) })
    }

    /// Where a condition stands before any level is varied, its clauses on constant questions
    /// settled: `holds` is false when one of them fails; else `level` is the level of the
    /// deepest varied question it names, where it completes (`nil`: it holds already).
    /// - Parameter levelOf: ``levelOfQuestion``, computed once by the caller.
    func settle(_ clauses: [ScoringTable.Clause], levelOf: [Int: Int]) -> (holds: Bool, level: Int?) {
        var deepest: Int?
        for clause in clauses {
            if let level = levelOf[clause.question] {
                deepest = max(deepest ?? level, level)
            } else if !clause.admits(constants[clause.question]) {
                return (false, nil)
            }
        }
        return (true, deepest)
    }

    /// `table`'s exclusions settled before any level: those still pending (a bit each), the
    /// strategies excluded from the start, and per level the exclusions it completes.
    func settleExclusions(of table: ScoringTable, levelOf: [Int: Int]) -> (pending: UInt64, excluded: UInt32, completing: [UInt64]) {
        var pending: UInt64 = 0
        var excluded: UInt32 = 0
        var completing = [UInt64](repeating: 0, count: levels.count)
        for (index, exclusion) in table.exclusions.enumerated() {
            let (holds, level) = settle(exclusion.clauses, levelOf: levelOf)
            guard holds else { continue }
            if let level {
                pending |= 1 << UInt64(index)
                completing[level] |= 1 << UInt64(index)
            } else {
                excluded |= exclusion.strategies.rawValue
            }
        }
        return (pending, excluded, completing)
    }

    /// Which of `conditions` (a bit each) `option` of `question` leaves possible: those with no
    /// clause on the question, and those whose clause admits the option.
    static func possible(_ conditions: [[ScoringTable.Clause]], _ question: Int, _ option: Int) -> UInt64 {
        conditions.enumerated().reduce(UInt64(0)) { mask, element in
            let clause = element.element.first { $0.question == question }
            return clause.map { $0.admits(option) } ?? true ? mask | (1 << UInt64(element.offset)) : mask
        }
    }
}
