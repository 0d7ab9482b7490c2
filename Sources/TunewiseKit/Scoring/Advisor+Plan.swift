extension Advisor {
    /// The staged plan: the recommendation now, then, when gates that hold only for now (a
    /// deadline, prompting not yet tried, too few examples) decided the advice, the strategy
    /// they ruled out that wins once they lift, with the events that lift them.
    ///
    /// The later stage is scored on the answers the deciding gates' deferrals assume (for
    /// example prompting `plateaued` in place of `not-tried`), with every gate checked again,
    /// so a limit that stays (a minimal budget) still rules training out.
    func plan(_ situation: [Int], answers: Answers, winner: Int, decidedBy: [String]) -> [PlanStage] {
        let now = PlanStage(
            strategy: rubric.strategies[winner].id, when: PlanStage.now, after: [],
            variants: variants(for: rubric.strategies[winner].id, answers: answers))
        let lifted = rubric.exclusions.filter { $0.later != nil && decidedBy.contains($0.id) }
        guard !lifted.isEmpty else { return [now] }
        var later = situation
        for exclusion in lifted {
            for (question, option) in exclusion.later!.assume {
                let index = rubric.questionIndex(question)!
                later[index] = rubric.questions[index].options.firstIndex { $0.id == option }!
            }
        }
        let ruledOut = Set(lifted.flatMap(\.strategies))
        guard let laterWinner = table.winner(later), laterWinner != winner, ruledOut.contains(rubric.strategies[laterWinner].id)
        else { return [now] }
        let triggers = orderedUnique(lifted.map { $0.later!.trigger })
        let strategy = rubric.strategies[laterWinner].id
        return [
            now,
            PlanStage(
                strategy: strategy, when: joinedClauses(triggers), after: lifted.map(\.id),
                variants: variants(for: strategy, answers: self.answers(for: later))),
        ]
    }
}

/// "a", "a and b", "a, b and c".
func joinedClauses(_ clauses: [String]) -> String {
    guard clauses.count > 1 else { return clauses.first ?? "" }
    return clauses.dropLast().joined(separator: ", ") + " and " + clauses.last!
}
