// Every strategy wins somewhere, but one that a policy's own gate rules out everywhere: the
// organisation may ban a strategy, and a check of its policy is no place to object.

extension RubricCheck.Checker {
    func strategiesThatNeverWin() -> [RubricFinding] {
        let bannedByPolicy = Set(rubric.strategiesPolicyRulesOutEverywhere)
        return rubric.strategies.indices.compactMap { strategy in
            let progress = progressHandler(progress, part: strategy, of: rubric.strategies.count)
            progress?(0)
            if bannedByPolicy.contains(rubric.strategies[strategy].id) { return nil }
            if sampleWinners.contains(strategy) || situationWhereARuleForItHolds(strategy) != nil { return nil }
            let arrange = { (question: Int, classes: [[Int]]) in
                classes.sorted { favour(strategy, question, $0[0], counting: true) > favour(strategy, question, $1[0], counting: true) }
            }
            if sweep.containsGroup(arrange: arrange, progress: progress, where: { $0.contains(UInt8(strategy)) }) { return nil }
            return .strategyNeverWins(strategy: rubric.strategies[strategy].id, situations: sweep.situationCount)
        }
    }

    /// A situation built around one of the rules that give `strategy` points where it wins,
    /// or `nil`: the rule's answers where it names them (the one that favours the strategy
    /// most among those it allows), and every other answer chosen, question by question for a
    /// few rounds, to widen its lead over the best rival not ruled out, starting from the
    /// answers that favour it most and then from random samples. A strategy that wins
    /// only in a rule's corner is found here at once, where the search of the whole space may
    /// take long; when no probe wins, the search decides.
    func situationWhereARuleForItHolds(_ strategy: Int) -> [Int]? {
        func lead(_ situation: [Int]) -> Double {
            let excluded = table.excluded(situation)
            guard !excluded.contains(strategy) else { return -.infinity }
            let scores = table.scores(situation)
            let rivals = scores.indices.filter { $0 != strategy && !excluded.contains($0) }.map { scores[$0] }
            return scores[strategy] - (rivals.max() ?? -.infinity)
        }
        // The value of `question` that favours the strategy most on its own.
        func mostFavouring(_ question: Int, among candidates: [Int]) -> Int? {
            candidates.max { favour(strategy, question, $0, counting: true) < favour(strategy, question, $1, counting: true) }
        }
        for rule in table.rules where rule.points[strategy] > 0 {
            var ruleAnswers: [(question: Int, option: Int)] = []
            for clause in rule.clauses {
                guard let option = mostFavouring(clause.question, among: values[clause.question].filter(clause.admits)) else { break }
                ruleAnswers.append((clause.question, option))
            }
            guard ruleAnswers.count == rule.clauses.count else { continue }
            let free = values.indices.filter { question in !rule.clauses.contains { $0.question == question } }
            // The climb starts from the answers that favour the strategy most, then from the
            // first random samples: one start can stall where changing any one answer helps a
            // rival as much as the strategy.
            let starts = [values.indices.map { mostFavouring($0, among: values[$0])! }] + samples.prefix(Self.probeRestarts)
            for start in starts {
                var situation = start
                for (question, option) in ruleAnswers { situation[question] = option }
                for _ in 0..<Self.probeRounds {
                    for question in free {
                        situation[question] = values[question].max { first, second in
                            var (withFirst, withSecond) = (situation, situation)
                            (withFirst[question], withSecond[question]) = (first, second)
                            return lead(withFirst) < lead(withSecond)
                        }!
                    }
                }
                if table.winner(situation) == strategy { return situation }
            }
        }
        return nil
    }

    /// Rounds of improving a probe's answers one question at a time.
    static let probeRounds = 3
    /// Random samples a rule's probe also starts from.
    static let probeRestarts = 256
}
