import TunewiseData
import TunewiseKit

extension Report {
    /// Qualifies the advice by the measured file, in the report's words: an answer given over a
    /// measured one that would change the advice, preference pairs
    /// biased by length, where the first step tunes on them (``Advice/qualify(byBiasedPreferencePairs:)``),
    /// answers rated false (KTO's layout), a risk of any plan that trains on the file and the
    /// first where those rated true alone would answer a data-volume that changes the advice,
    /// and, where most examples nearly repeat another or cancel out and those left would answer
    /// a data-volume that changes the advice, that (``Advice/qualify(byDistinctDataVolume:wording:)``),
    /// or else, where a fifth fewer examples (what a held-out test set may take) would, that
    /// (``Advice/qualify(byNearbyDataVolume:wording:)``),
    /// first among the risks.
    mutating func addDataRisk() {
        guard let measured else { return }
        if let lengthBias = measured.lengthBias { advice.qualify(byBiasedPreferencePairs: lengthBias) }
        // Whatever the governance answer: weights can repeat what they were trained on to anyone
        // who uses them.
        let sensitive = [measured.personalData.map { "personal data (\($0))" }, measured.hasSecrets ? "secrets" : nil].compactMap { $0 }
        if !sensitive.isEmpty {
            advice.qualify(
                byTrainingFileHolding:
                    "\(Tunewise.visible(measured.file)) holds \(sensitive.joined(separator: " and ")): a tuned model can repeat rare strings "
                    + "it was trained on to anyone who uses it, so remove or mask them before any training run\(measured.hasSecrets ? " (rotate any key)" : ""), and test the "
                    + "tuned model for regurgitation by prompting it with the start of training records.")
        }
        // An answer given over the measured one, where the measured one would change the advice,
        // or (the training signal) how the plan trains.
        for answer in measured.answers {
            guard let given = answer.givenInstead else { continue }
            let stated =
                "You answered \(answer.question) \(given), but \(Tunewise.visible(measured.file)) measures \(answer.option) (\(answer.basis))"
            if let change = advice.sensitivity.first(where: { $0.question == answer.question && $0.answer == answer.option }) {
                advice.qualify(
                    byContradictedAnswer: stated + ": with the measured answer the advice would be \(strategyLabel(change.strategy)).", kind: .data)
                firstRiskClause = firstRiskClause ?? "the measured \(answer.question) would change it"
            } else if answer.question == Contract.trainingSignalQuestion,
                advice.qualify(
                    byContradictedTrainingSignal: stated
                        + ": the plan trains as your answer says, which the file may not support; check which is right first.")
            {
                firstRiskClause = firstRiskClause ?? "your file's training signal differs from your answer"
            }
        }
        // Only a data-volume the measurement answered, not one given over it.
        let measuredVolume = measured.answers.contains { $0.question == Contract.dataVolumeQuestion && $0.givenInstead == nil }
        let rubric = self.rubric
        if measured.ratedDown > 0 {
            let ratedDown =
                "In \(Tunewise.visible(measured.file)), \(grouped(measured.ratedDown)) "
                + "\(measured.ratedDown == 1 ? "example is" : "examples are") rated false (KTO's layout): imitated as they stand, they "
                + "teach what was rejected"
            let step = "Train on the true ones only, or with a trainer that reads the ratings (KTO), and measure again before training."
            if measuredVolume, let volume = measured.ratedTrueVolume,
                advice.qualify(
                    byDistinctDataVolume: volume,
                    wording: { strategy in
                        ratedDown + ", and the examples rated true alone would answer data-volume \(volume), which would make the advice "
                            + "\(rubric.strategy(strategy)?.label ?? strategy). " + step
                    })
            {
                firstRiskClause = "your file's examples rated true would change it"
                return
            }
            advice.qualify(byTrainingFileHolding: ratedDown + ". " + step)
        }
        guard measuredVolume else { return }
        guard let distinct = measured.distinct else {
            // A count just over its threshold: a fifth fewer examples, the most that the held-out test set
            // of the advice's first step takes, would answer the data-volume below.
            let unique = measured.unique
            let volume = DataMeasurement.dataVolume(of: unique)
            let below = DataMeasurement.dataVolume(of: unique * 4 / 5)
            guard below != volume else { return }
            // How many fewer would answer the band below: one more than the count over its least.
            let fewer = unique - (DataMeasurement.leastCount(answering: volume) ?? unique) + 1
            let qualified = advice.qualify(byNearbyDataVolume: below) { strategy in
                "\(Tunewise.visible(measured.file)) holds \(grouped(unique)) unique valid examples, just over the threshold of "
                    + "data-volume \(volume): a held-out test set (a tenth to a fifth of them) leaves fewer to train on, and "
                    + "\(grouped(fewer)) fewer would answer \(below), which would make the advice \(rubric.strategy(strategy)?.label ?? strategy). "
                    + "Treat the advice as close, and add examples (or review the ones you have) before relying on it."
            }
            if qualified { firstRiskClause = "a few fewer examples would change it" }
            return
        }
        let found = distinct.examples
        let qualified = advice.qualify(byDistinctDataVolume: found.volume) { strategy in
            let phrase = DataReport.repeatsPhrase(found, unique: distinct.unique)
            return "In \(Tunewise.visible(measured.file)), \(phrase.prefix(1).lowercased() + phrase.dropFirst()): the examples left "
                + "would answer data-volume \(found.volume), which would make the advice "
                + "\(rubric.strategy(strategy)?.label ?? strategy). Remove the \(found.nearDuplicates > 0 ? "variations" : "conflicting pairs") "
                + "(tunewise data names them), or add distinct examples, and measure again before training."
        }
        if qualified { firstRiskClause = "your file's distinct examples would change it" }
    }
}
