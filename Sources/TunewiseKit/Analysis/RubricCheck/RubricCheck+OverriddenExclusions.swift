// Hard exclusions are never overridden.

extension RubricCheck.Checker {
    func overriddenExclusions() -> [RubricFinding] {
        let advisor = Advisor(rubric: rubric)
        var findings: [RubricFinding] = []
        for (exclusion, compiled) in zip(rubric.exclusions, table.exclusions) {
            for strategyID in exclusion.strategies {
                let strategy = rubric.knownStrategyIndex(strategyID)
                guard let options = bitingSituation(compiled, strategy) else { continue }
                let situation = Situation(rubric: rubric, options: options)
                let answers = situation.answers
                guard let advice = try? advisor.advise(situation) else { continue }
                let holding = rubric.exclusions.filter { $0.when.isSatisfied(by: answers) }
                if let overridden = holding.first(where: { $0.strategies.contains(advice.strategy) }) {
                    findings.append(.exclusionOverridden(exclusion: overridden.id, strategy: advice.strategy, answers: answers))
                }
            }
        }
        return findings
    }

    /// A situation where `exclusion` holds and `strategy` would have the best score without
    /// exclusions: the answers most favourable to it, or else a random situation so adjusted.
    private func bitingSituation(_ exclusion: ScoringTable.CompiledExclusion, _ strategy: Int) -> [Int]? {
        func allowed(_ question: Int) -> [Int]? {
            exclusion.clauses.first { $0.question == question }.map { clause in
                rubric.questions[question].options.indices.filter { clause.options & (1 << UInt64($0)) != 0 }
            }
        }
        let favourable = values.indices.map { question in
            (allowed(question) ?? values[question]).max {
                favour(strategy, question, $0, counting: false) < favour(strategy, question, $1, counting: false)
            }!
        }
        let adjusted = samples.enumerated().map { index, sample in
            sample.indices.map { question in allowed(question).map { $0[index % $0.count] } ?? sample[question] }
        }
        return ([favourable] + adjusted).first { ScoringTable.winner(scores: table.scores($0), excluded: StrategySet()) == strategy }
    }
}
