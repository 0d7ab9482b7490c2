// No rank reversal.

extension RubricCheck.Checker {
    /// Recomputes the winner with each strategy that did not win deleted from the rubric
    /// (and from its exclusions), over every combination of the core answers and the samples.
    func rankReversals() -> [RubricFinding] {
        let reduced = rubric.strategies.indices.map { removed in
            var smaller = rubric
            let id = smaller.strategies.remove(at: removed).id
            smaller.exclusions = smaller.exclusions.compactMap { exclusion in
                var exclusion = exclusion
                exclusion.strategies.removeAll { $0 == id }
                return exclusion.strategies.isEmpty ? nil : exclusion
            }
            return ScoringTable(rubric: smaller, weights: sweep.weights)
        }
        let core = rubric.questions.indices.filter { rubric.questions[$0].isCore }
        let coreSpace = core.reduce([rubric.questions.map { _ in ScoringTable.unanswered }]) { partial, question in
            partial.flatMap { situation in
                values[question].map { value in
                    var extended = situation
                    extended[question] = value
                    return extended
                }
            }
        }
        var findings: [RubricFinding] = []
        var reported = Set<Int>()
        for situation in coreSpace + samples {
            guard let winner = table.winner(situation) else { continue }
            for removed in rubric.strategies.indices where removed != winner && !reported.contains(removed) {
                let without = reduced[removed].winner(situation).map { $0 >= removed ? $0 + 1 : $0 }
                guard without != winner else { continue }
                reported.insert(removed)
                findings.append(
                    .rankReversal(
                        removed: rubric.strategies[removed].id, answers: rubric.answers(situation),
                        winner: rubric.strategies[winner].id, winnerWithout: without.map { rubric.strategies[$0].id }))
            }
        }
        return findings
    }
}
