extension Advisor {
    /// Each single change of one answer that changes the winner, in rubric order. For an
    /// unanswered refinement, answering it counts as a change. A change is the team's to make
    /// (a lever) only the way its question's ``Lever`` allows: less budget is a fact.
    ///
    /// - Complexity: O(*a* · *s*) scorings, for *a* options in all and *s* the cost of scoring
    ///   one situation.
    func sensitivity(_ situation: [Int], winner: Int) -> [AnswerChange] {
        var changes: [AnswerChange] = []
        var changed = situation
        for (index, question) in rubric.questions.enumerated() {
            for option in question.options.indices where option != situation[index] {
                changed[index] = option
                let scores = table.scores(changed)
                let excluded = table.excluded(changed)
                if let newWinner = ScoringTable.winner(scores: scores, excluded: excluded), newWinner != winner {
                    let kind: AnswerChange.Kind =
                        situation[index] == ScoringTable.unanswered
                        ? .unanswered : question.lever.allowsChange(from: situation[index], to: option) ? .lever : .fact
                    changes.append(
                        AnswerChange(
                            question: question.id, answer: question.options[option].id,
                            strategy: rubric.strategies[newWinner].id, kind: kind,
                            rulesOutCurrent: excluded.contains(winner),
                            lead: rounded(scores[newWinner] - scores[winner])))
                }
            }
            changed[index] = situation[index]
        }
        return changes
    }

    /// Whether a rule that holds takes back all the points the answer to question `index`
    /// gives at its weight (a behaviour's facts arriving with each request take back what their
    /// pace costs training): the answer then carries no weight to change here.
    func isTakenBack(_ index: Int, _ situation: [Int]) -> Bool {
        let given = table.points[index][situation[index]].map { $0 * weights[index] }
        return zip(rubric.rules, table.rules).contains { rule, compiled in
            rule.when.clauses.contains { $0.question == rubric.questions[index].id } && ScoringTable.holds(compiled.clauses, in: situation)
                && zip(given, compiled.points).allSatisfy { abs($0 + $1) < 0.001 }
        }
    }

    /// The smallest plausible relative change of one answered question's weight that changes
    /// the winner: within ``plausibleWeightFactor`` of the weight in force, or `nil`.
    ///
    /// Each score is linear in one question's weight, so the winner can only change where two
    /// strategies' lines cross (at the weight in force itself when they are tied). Each crossing
    /// is rounded away from the weight in force, in the direction in which the other strategy
    /// overtakes, to two decimals and checked by scoring again; the closest one (by ratio) is
    /// reported.
    func weightSensitivity(_ situation: [Int], winner: Int) -> WeightChange? {
        let excluded = table.excluded(situation)
        let scores = table.scores(situation)
        var best: (change: WeightChange, distance: Double)?
        for (index, option) in situation.enumerated() where option != ScoringTable.unanswered && !isTakenBack(index, situation) {
            let weight = weights[index]
            let slope = table.points[index][option]
            let intercept = zip(scores, slope).map { $0 - weight * $1 }
            func winnerWith(weight candidate: Double) -> Int? {
                var changed = weights
                changed[index] = candidate
                return ScoringTable.winner(scores: table.scores(situation, weights: changed), excluded: excluded)
            }
            for other in scores.indices where other != winner && !excluded.contains(other) {
                let slopeGap = slope[winner] - slope[other]
                guard slopeGap != 0 else { continue }
                let crossing = (intercept[other] - intercept[winner]) / slopeGap
                guard crossing >= 0, crossing.isFinite else { continue }
                let upward = slopeGap < 0
                var candidate = upward ? (crossing * 100).rounded(.up) / 100 : (crossing * 100).rounded(.down) / 100
                if winnerWith(weight: candidate) == winner { candidate += upward ? 0.01 : -0.01 }
                candidate = rounded(candidate)
                guard weight > 0, candidate > 0, let newWinner = winnerWith(weight: candidate), newWinner != winner else {
                    continue
                }
                // The ratio of the larger weight to the smaller: 2 for both halving and doubling.
                let distance = max(candidate / weight, weight / candidate)
                guard distance <= Self.plausibleWeightFactor else { continue }
                if best == nil || distance < best!.distance {
                    best = (
                        WeightChange(
                            question: rubric.questions[index].id, weight: weight, newWeight: candidate,
                            strategy: rubric.strategies[newWinner].id), distance
                    )
                }
            }
        }
        return best?.change
    }
}
