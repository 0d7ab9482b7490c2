extension Advisor {
    /// The staged plan: the recommendation now, then, when gates that hold only for now (a
    /// deadline, prompting not yet tried, too few examples) decided the advice, the strategy
    /// they ruled out that wins once they lift, with the events that lift them.
    ///
    /// The later stage is scored on the answers the deciding gates' deferrals assume (for
    /// example prompting `plateaued` in place of `not-tried`), with every gate checked again,
    /// so a limit that stays (a minimal budget) still rules training out.
    /// - Parameter now: the first stage, the recommendation.
    func plan(_ situation: Situation, now: PlanStage, decidedBy: [String]) -> [PlanStage] {
        var lifted = rubric.exclusions.filter { $0.later != nil && decidedBy.contains($0.id) }
        guard !lifted.isEmpty else { return [now] }
        let ruledOut = Set(lifted.flatMap(\.strategies))
        var later = assuming(lifted, in: situation)
        // A strategy the deciding gates ruled out may still be held back, once they lift, by
        // other gates that hold only for now (open weights with nobody to train them, then
        // two systems in weeks): those lift too, their events joining the stage's conditions.
        for _ in rubric.exclusions.indices {
            if let winner = table.winner(later), ruledOut.contains(rubric.strategies[winner].id) { break }
            let scores = table.scores(later)
            let held = table.excluded(later).filter { ruledOut.contains(rubric.strategies[$0].id) }
            guard let target = held.max(by: { scores[$0] < scores[$1] }) else { break }
            let holding = gates(rulingOut: target, in: later)
            guard holding.allSatisfy({ $0.later != nil }) else { break }
            lifted += holding
            later = assuming(lifted, in: situation)
        }
        // The recommendation is not ruled out, so a later winner that was is another strategy.
        guard let strategy = table.winner(later).map({ rubric.strategies[$0].id }), ruledOut.contains(strategy) else {
            return [now]
        }
        let triggers = orderedUnique(lifted.map { $0.later!.trigger })
        let variants = variants(for: strategy, options: later)
        return [
            now,
            PlanStage(
                strategy: strategy, when: joinedClauses(triggers), conditions: triggers, after: lifted.map(\.id), variants: variants,
                caveats: stageCaveats(rubric.strategies[rubric.knownStrategyIndex(strategy)], variants, later)),
        ]
    }
}

extension Advisor {
    /// `situation` with the answers `gates` assume once they lift, in rubric order.
    private func assuming(_ gates: [Exclusion], in situation: Situation) -> [Int] {
        var assumed = situation
        for gate in gates {
            for (questionID, optionID) in gate.later?.assume ?? [] {
                let question = rubric.knownQuestionIndex(questionID)
                assumed = assumed.answering(question, with: rubric.questions[question].knownOptionIndex(optionID))
            }
        }
        return assumed.options
    }
}

/// "1 point", "2.5 points", "-1 point": a score or share difference as reports word it.
public func pointsPhrase(_ value: Double) -> String {
    JSONWriter.format(value) + (abs(value) == 1 ? " point" : " points")
}

/// "a", "a and b", "a, b and c": how advice joins gates, triggers and strategies in a sentence.
public func joinedClauses(_ clauses: [String]) -> String {
    guard clauses.count > 1 else { return clauses.first ?? "" }
    return clauses.dropLast().joined(separator: ", ") + " and " + clauses.last!
}
