/// An organisation's own facts and rules on top of a rubric: default answers, added gates,
/// rules and notes, changed weights, and new wording for built-in gates and rules.
///
/// A policy never removes or narrows what the rubric rules out: a gate or rule it names by a
/// built-in id keeps its condition and strategies, and only its reason and source change.
/// Load one with ``PolicyLoader``; ``applied(to:)`` gives the rubric the advice is made from.
public struct Policy: Equatable, Sendable {
    /// The policy's identifier (`acme-llm-policy`).
    public var id: String
    /// The policy's own version, reported with every piece of advice.
    public var version: String
    /// Facts of the organisation, used where neither a flag nor an answers file answers.
    public var answers: Answers
    /// Gates the policy adds or rewords, in its order.
    public var exclusions: [Exclusion]
    /// Rules the policy adds or rewords, in its order.
    public var rules: [Rule]
    /// Question id to the weight the policy gives it.
    public var weights: [String: Double]
    /// Caveats the policy adds.
    public var caveats: [PolicyNote]
    /// Next steps the policy adds.
    public var nextSteps: [PolicyNote]

    /// The rubric `base` becomes under this policy: its gates and rules, with the policy's added
    /// and reworded ones; the policy's weights; its caveats and next steps after each listed
    /// strategy's own; and ``Rubric/policy`` naming it.
    /// - Precondition: the policy was loaded onto `base` (or a rubric with the same questions,
    ///   strategies, gates and rules).
    public func applied(to base: Rubric) -> Rubric {
        var rubric = base
        var added: [String] = []
        for exclusion in exclusions {
            if let index = rubric.exclusions.firstIndex(where: { $0.id == exclusion.id }) {
                rubric.exclusions[index].citation = exclusion.citation
            } else {
                rubric.exclusions.append(exclusion)
                added.append(exclusion.id)
            }
        }
        for rule in rules {
            if let index = rubric.rules.firstIndex(where: { $0.id == rule.id }) {
                rubric.rules[index].citation = rule.citation
            } else {
                rubric.rules.append(rule)
            }
        }
        for index in rubric.questions.indices {
            if let weight = weights[rubric.questions[index].id] { rubric.questions[index].weight = weight }
        }
        for index in rubric.strategies.indices {
            let id = rubric.strategies[index].id
            rubric.strategies[index].caveats += caveats.filter { $0.applies(to: id) }.map(\.note)
            rubric.strategies[index].nextSteps += nextSteps.filter { $0.applies(to: id) }.map(\.note)
        }
        rubric.policy = AppliedPolicy(id: id, version: version, answers: answers, exclusionIDs: added, weights: weights)
        return rubric
    }
}

/// A caveat or next step a policy adds, for some strategies or all.
public struct PolicyNote: Equatable, Sendable {
    /// The note's identifier, unique among the policy's caveats or next steps.
    public var id: String
    /// The strategies it is shown for; empty for every strategy.
    public var strategies: [String]
    /// The text, its source and when it is shown.
    public var note: Note

    /// Whether the note is shown when `strategy` is recommended.
    func applies(to strategy: String) -> Bool { strategies.isEmpty || strategies.contains(strategy) }
}

/// The policy a rubric was made with, as reports name it.
public struct AppliedPolicy: Equatable, Sendable {
    /// The policy's identifier.
    public var id: String
    /// The policy's version.
    public var version: String
    /// The policy's default answers: a flag or an answers file wins over them.
    public var answers: Answers
    /// The gates the policy adds to the rubric's (not those whose reasons it rewords), which
    /// reports name as the policy's rather than the answers'.
    public var exclusionIDs: [String] = []
    /// Question id to the weight the policy gives it in place of the rubric's, which reports
    /// name, as the advice rests on them.
    public var weights: [String: Double] = [:]
    /// Where the policy was read from, as the command line found or was given it.
    public var path: String? = nil
}

extension Rubric {
    /// The strategies that a gate of the policy's own rules out in every situation (each of
    /// its clauses admits every option of its question, and nothing spares it), in the rubric's order: an organisation
    /// may ban a strategy, so `rubric check` does not ask that it win somewhere (and says so).
    /// Empty without a policy.
    public var strategiesPolicyRulesOutEverywhere: [String] {
        guard let policy else { return [] }
        let everywhere = exclusions.filter { gate in
            policy.exclusionIDs.contains(gate.id) && gate.unless.isEmpty
                && gate.when.clauses.allSatisfy { clause in
                    question(clause.question).map { Set($0.options.map(\.id)).isSubset(of: clause.options) } ?? false
                }
        }
        let named = Set(everywhere.flatMap(\.strategies))
        return strategies.map(\.id).filter(named.contains)
    }
}
