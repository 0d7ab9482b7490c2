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

    /// The gates that hold in `situation`, in rubric order, each with its compiled form.
    func holdingGates(in situation: [Int]) -> [(gate: Exclusion, compiled: ScoringTable.CompiledExclusion)] {
        zip(rubric.exclusions, table.exclusions).filter { ScoringTable.holds($1.clauses, in: situation) }
    }

    /// The gates that hold in `situation` and rule out `strategy`, in rubric order.
    func gates(rulingOut strategy: Int, in situation: [Int]) -> [Exclusion] {
        holdingGates(in: situation).filter { $0.compiled.strategies.contains(strategy) }.map(\.gate)
    }

    /// The gates that decided the advice. What needs deciding is the strategies that scored
    /// above the recommendation but are ruled out, or, when none did but the gates leave a
    /// single strategy, every other strategy. The gates named are those that rule all of these
    /// out on their own, or else the fewest that do so together (``cover(_:with:)``), in rubric
    /// order; where the situation's own gates (not limits: ``isLimit(_:)``) rule them all out
    /// too, those come first, as the confidence says ("decided by your situation").
    func decidingGates(_ situation: [Int], scores: [Double], excluded: StrategySet, winner: Int) -> [String] {
        let holding = holdingGates(in: situation)
        let overruled = StrategySet(excluded.filter { scores[$0] > scores[winner] })
        let leftAlone = excluded.complement(count: table.strategyCount).count == 1
        let targets = overruled.count > 0 ? overruled : leftAlone ? excluded : StrategySet()
        guard targets.count > 0 else { return [] }
        let named = (Self.cover(targets, with: holding.map(\.1.strategies)) ?? []).map { holding[$0].0.id }
        let situational = holding.filter { !isLimit($0.0.id) }
        guard let decisive = Self.cover(targets, with: situational.map(\.1.strategies)) else { return named }
        let situationGates = decisive.map { situational[$0].0.id }
        return situationGates + named.filter { !situationGates.contains($0) }
    }

    /// Positions in `gates` (the strategies each rules out) that rule out every one of
    /// `targets`: each gate that does so alone, or else the fewest that do so together, chosen
    /// greedily; `nil` when all of them together do not.
    static func cover(_ targets: StrategySet, with gates: [StrategySet]) -> [Int]? {
        let alone = gates.indices.filter { gates[$0].union(targets) == gates[$0] }
        guard alone.isEmpty else { return alone }
        var chosen: [Int] = []
        var covered = StrategySet()
        while covered.union(targets) != covered {
            let candidates = gates.indices.filter { !chosen.contains($0) }
            guard let next = candidates.max(by: { gates[$0].union(covered).count < gates[$1].union(covered).count }),
                gates[next].union(covered) != covered
            else { return nil }
            chosen.append(next)
            covered = covered.union(gates[next])
        }
        return chosen.sorted()
    }
}
