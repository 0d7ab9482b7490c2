// Every strategy wins somewhere.

extension RubricCheck.Checker {
    func strategiesThatNeverWin() -> [RubricFinding] {
        rubric.strategies.indices.compactMap { strategy in
            let progress = progressHandler(progress, part: strategy, of: rubric.strategies.count)
            progress?(0)
            if sampleWinners.contains(strategy) { return nil }
            let arrange = { (question: Int, classes: [[Int]]) in
                classes.sorted { favour(strategy, question, $0[0], counting: true) > favour(strategy, question, $1[0], counting: true) }
            }
            if sweep.containsGroup(arrange: arrange, progress: progress, where: { $0.contains(UInt8(strategy)) }) { return nil }
            return .strategyNeverWins(strategy: rubric.strategies[strategy].id, situations: sweep.situationCount)
        }
    }

}
