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
        let lifted = rubric.exclusions.filter { $0.later != nil && decidedBy.contains($0.id) }
        guard !lifted.isEmpty else { return [now] }
        var laterSituation = situation
        for exclusion in lifted {
            for (questionID, optionID) in exclusion.later!.assume {
                let question = rubric.knownQuestionIndex(questionID)
                laterSituation = laterSituation.answering(question, with: rubric.questions[question].knownOptionIndex(optionID))
            }
        }
        let later = laterSituation.options
        let ruledOut = Set(lifted.flatMap(\.strategies))
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

/// "1 point", "2.5 points", "-1 point": a score or share difference as reports word it.
public func pointsPhrase(_ value: Double) -> String {
    JSONWriter.format(value) + (abs(value) == 1 ? " point" : " points")
}

/// "a", "a and b", "a, b and c": how advice joins gates, triggers and strategies in a sentence.
public func joinedClauses(_ clauses: [String]) -> String {
    guard clauses.count > 1 else { return clauses.first ?? "" }
    return clauses.dropLast().joined(separator: ", ") + " and " + clauses.last!
}
