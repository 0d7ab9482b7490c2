/// Whose gates rule strategies out: the team's limits, the organisation's policy, or the
/// situation itself.
extension Advisor {
    /// Whether the gate `id` is a limit: a gate the organisation's policy adds (a rule of its
    /// own, which it could change, not a fact of the task), or one the team could lift by
    /// changing an answer on a question marked as a lever (data, budget, deadline, skills,
    /// model access) to one outside the gate's; not a gate that holds on the situation alone
    /// (knowledge belongs in retrieval, prompting still improving or not yet tried with
    /// thousands of examples, which no more data lifts), even where a later plan stage moves
    /// past it.
    func isLimit(_ id: String) -> Bool {
        if rubric.policy?.exclusionIDs.contains(id) == true { return true }
        guard let gate = rubric.exclusions.first(where: { $0.id == id }) else { return false }
        return gate.when.clauses.contains { clause in
            guard let question = rubric.question(clause.question), question.isLever else { return false }
            return clause.options.compactMap(question.optionIndex).contains { held in
                question.options.indices.contains { changed in
                    question.lever.allowsChange(from: held, to: changed) && !clause.options.contains(question.options[changed].id)
                }
            }
        }
    }

    /// Whether the organisation's policy rules out every trained strategy: each is ruled out
    /// by at least one of the policy's own gates, so no step that trains a model (a
    /// classifier of your own included) belongs in the advice.
    func policyForbidsTraining(_ ranking: [RankedStrategy]) -> Bool {
        guard let policy = rubric.policy else { return false }
        let trained = ranking.filter { StrategyID(rawValue: $0.strategy) != .promptEngineering }
        return !trained.isEmpty && trained.allSatisfy { entry in entry.exclusions.contains { policy.exclusionIDs.contains($0.id) } }
    }

    /// The strategies that limits alone rule out (``isLimit(_:)``): lifting them would make
    /// each an option, so the answers that favour one are worth a word. One the situation
    /// itself rules out is no option whatever the team changes.
    func limitedAlone(_ ranking: [RankedStrategy]) -> [Int] {
        ranking.filter { $0.excluded && $0.exclusions.allSatisfy { isLimit($0.id) } }.map { rubric.knownStrategyIndex($0.strategy) }
    }
}
