// Dead options: a question whose answer never changes the advice.

extension RubricCheck.Checker {
    func deadOptions() -> [RubricFinding] {
        rubric.questions.indices.compactMap { question in
            let progress = progressHandler(progress, part: question, of: rubric.questions.count)
            progress?(0)
            let matters =
                sweep.classes[question]!.count > 1
                && (samplesShowADecision(by: question)
                    || sweep.containsGroup(order: [question], progress: progress) { winners in winners.contains { $0 != winners[0] } })
            return matters ? nil : .deadOptions(question: rubric.questions[question].id, options: rubric.questions[question].options.map(\.id))
        }
    }

    private func samplesShowADecision(by question: Int) -> Bool {
        zip(samples, sampleWinners).contains { situation, winner in
            values[question].contains { value in
                var changed = situation
                changed[question] = value
                return value != situation[question] && table.winner(changed) != winner
            }
        }
    }
}
