// Unreachable options: an answer with which every strategy is always excluded.

extension RubricCheck.Checker {
    func unreachableOptions() throws(SweepError) -> [RubricFinding] {
        var findings: [RubricFinding] = []
        for (index, question) in rubric.questions.enumerated() {
            let progress = progressHandler(progress, part: index, of: rubric.questions.count)
            for (option, optionValue) in question.options.enumerated() {
                progress?(Double(option) / Double(question.options.count))
                let sampled = zip(samples, sampleWinners).contains { $0[index] == option && $1 != nil }
                if sampled { continue }
                let held = Situation(unanswered: rubric).answering(index, with: option)
                let fixed = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true, fixed: held))
                if fixed.containsGroup(where: { $0.contains { Int($0) != SweepPass.noStrategy } }) { continue }
                findings.append(.unreachableOption(question: question.id, option: optionValue.id))
            }
        }
        return findings
    }
}
