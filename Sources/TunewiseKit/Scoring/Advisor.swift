/// Why answers could not be turned into advice.
public enum AdviceError: Error, Equatable, Sendable {
    /// Some answers name unknown questions or options.
    case invalidAnswers([AnswerProblem])
    /// These core questions are unanswered.
    case missingAnswers([String])
    /// The rubric's exclusions remove every strategy for these answers.
    case everyStrategyExcluded
}

/// Scores answers against a rubric and explains the result.
///
/// ```swift
/// let advisor = Advisor(rubric: rubric)
/// let advice = try advisor.advise(Answers(["data-volume": "thousands", ...]))
/// print(advice.strategy)  // "fine-tuning"
/// ```
public struct Advisor: Sendable {
    /// The rubric the advice comes from.
    public let rubric: Rubric
    /// Each question's weight in force, in rubric order (the rubric's, or an override).
    public let weights: [Double]
    let table: ScoringTable

    /// The most reasons and counterpoints an ``Advice`` lists.
    static let reasonLimit = 5
    static let counterpointLimit = 3

    /// An advisor for `rubric`, with some questions' weights replaced.
    /// - Parameter weightOverrides: question id to weight, from 0 to ``Rubric/numberLimit``;
    ///   unknown ids are ignored, so callers validate ids and weights first (the command
    ///   reports them as usage errors).
    public init(rubric: Rubric, weightOverrides: [String: Double] = [:]) {
        self.rubric = rubric
        weights = rubric.questions.map { weightOverrides[$0.id] ?? $0.weight }
        table = ScoringTable(rubric: rubric, weights: weights)
    }

    /// The advice for `answers`.
    /// - Throws: ``AdviceError`` when answers are unknown or core answers are missing.
    public func advise(_ answers: Answers) throws(AdviceError) -> Advice {
        let problems = rubric.problems(in: answers)
        guard problems.isEmpty else { throw .invalidAnswers(problems) }
        let missing = rubric.missingCoreQuestions(in: answers)
        guard missing.isEmpty else { throw .missingAnswers(missing.map(\.id)) }

        let situation = self.situation(for: answers)
        let scores = table.scores(situation)
        let excluded = table.excluded(situation)
        guard let winner = ScoringTable.winner(scores: scores, excluded: excluded) else {
            throw .everyStrategyExcluded
        }
        let ranking = rank(scores: scores, excluded: excluded, situation: situation)
        let runnerUp = ranking.dropFirst().first { !$0.excluded }.map { strategyIndex($0.strategy) }
        let margin = runnerUp.map { scores[winner] - scores[$0] } ?? 0
        let contributions = self.contributions(situation, favouring: winner, over: runnerUp)
        let strategy = rubric.strategies[winner]
        return Advice(
            answers: answers,
            strategy: strategy.id,
            confidence: confidence(margin: margin, hasRunnerUp: runnerUp != nil),
            runnerUp: runnerUp.map { rubric.strategies[$0].id },
            margin: rounded(margin),
            reasons: Array(contributions.filter { $0.points > 0 }.prefix(Self.reasonLimit)),
            counterpoints: Array(contributions.filter { $0.points < 0 }.reversed().prefix(Self.counterpointLimit)),
            variants: variants(for: strategy.id, answers: answers),
            caveats: notes(strategy.caveats, answers) + closeCallCaveat(winner: winner, runnerUp: runnerUp, margin: margin),
            nextSteps: notes(strategy.nextSteps, answers),
            ranking: ranking,
            sensitivity: sensitivity(situation, winner: winner),
            weightSensitivity: weightSensitivity(situation, winner: winner))
    }

    /// The answers as option indices per question, ``ScoringTable/unanswered`` where absent.
    func situation(for answers: Answers) -> [Int] {
        rubric.questions.map { question in
            answers[question.id].flatMap { id in question.options.firstIndex { $0.id == id } } ?? ScoringTable.unanswered
        }
    }

    private func strategyIndex(_ id: String) -> Int {
        rubric.strategies.firstIndex { $0.id == id }!
    }

    private func confidence(margin: Double, hasRunnerUp: Bool) -> Confidence {
        guard hasRunnerUp else { return .high }
        if margin >= rubric.confidence.high { return .high }
        if margin >= rubric.confidence.medium { return .medium }
        return .low
    }

    private func rank(scores: [Double], excluded: UInt32, situation: [Int]) -> [RankedStrategy] {
        let order = scores.indices.sorted { a, b in
            let aExcluded = excluded & (1 << UInt32(a)) != 0
            let bExcluded = excluded & (1 << UInt32(b)) != 0
            if aExcluded != bExcluded { return !aExcluded }
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            return a < b
        }
        return order.map { index in
            let id = rubric.strategies[index].id
            let reasons = zip(rubric.exclusions, table.exclusions)
                .filter { exclusion, compiled in
                    exclusion.strategies.contains(id) && ScoringTable.holds(compiled.clauses, in: situation)
                }
                .map { exclusion, _ in
                    ExclusionReason(id: exclusion.id, reason: exclusion.citation.reason, source: exclusion.citation.source)
                }
            return RankedStrategy(strategy: id, score: rounded(scores[index]), excluded: !reasons.isEmpty, exclusions: reasons)
        }
    }

    /// Every answer's, rule's and baseline's share of the lead of `winner` over `runnerUp`
    /// (or of `winner`'s own score when nothing else is left), largest first.
    private func contributions(_ situation: [Int], favouring winner: Int, over runnerUp: Int?) -> [Reason] {
        func difference(_ points: [Double]) -> Double {
            points[winner] - (runnerUp.map { points[$0] } ?? 0)
        }
        var reasons: [Reason] = []
        for (index, option) in situation.enumerated() where option != ScoringTable.unanswered {
            let question = rubric.questions[index]
            let points = weights[index] * difference(table.points[index][option])
            guard points != 0, let citation = question.options[option].citation else { continue }
            reasons.append(Reason(
                kind: .answer, question: question.id, answer: question.options[option].id, rule: nil,
                points: rounded(points), text: citation.reason, source: citation.source))
        }
        for (rule, compiled) in zip(rubric.rules, table.rules) where ScoringTable.holds(compiled.clauses, in: situation) {
            let points = difference(compiled.points)
            guard points != 0 else { continue }
            reasons.append(Reason(
                kind: .rule, question: nil, answer: nil, rule: rule.id,
                ruleAnswers: rule.when.clauses.map { GivenAnswer(question: $0.question, answer: situationAnswer($0.question, situation)) },
                points: rounded(points), text: rule.citation.reason, source: rule.citation.source))
        }
        let baselinePoints = difference(table.baseline)
        let baselineOwner = baselinePoints > 0 ? winner : runnerUp
        if baselinePoints != 0, let owner = baselineOwner, let citation = rubric.strategies[owner].baselineCitation {
            reasons.append(Reason(
                kind: .baseline, question: nil, answer: nil, rule: nil, points: rounded(baselinePoints),
                text: citation.reason, source: citation.source))
        }
        return reasons.sorted { $0.points > $1.points }
    }

    private func situationAnswer(_ questionID: String, _ situation: [Int]) -> String {
        let index = rubric.questions.firstIndex { $0.id == questionID }!
        return rubric.questions[index].options[situation[index]].id
    }

    private func variants(for strategy: String, answers: Answers) -> [VariantDecision] {
        rubric.variants.filter { $0.strategies.contains(strategy) }.compactMap { variant in
            let choice = variant.choices.first { choice in
                choice.whenAny.isEmpty || choice.whenAny.contains { $0.isSatisfied(by: answers) }
            }
            return choice.map {
                VariantDecision(
                    variant: variant.id, label: variant.label, choice: $0.id, choiceLabel: $0.label,
                    reason: $0.citation.reason, source: $0.citation.source)
            }
        }
    }

    private func notes(_ notes: [Note], _ answers: Answers) -> [AdviceNote] {
        notes.filter { $0.when.isSatisfied(by: answers) }.map { AdviceNote(text: $0.text, source: $0.source) }
    }

    private func closeCallCaveat(winner: Int, runnerUp: Int?, margin: Double) -> [AdviceNote] {
        guard let runnerUp, margin < rubric.confidence.medium else { return [] }
        let name = rubric.strategies[runnerUp].label
        return [AdviceNote(
            text: "This is a close call: \(name) scored only \(JSONWriter.format(rounded(margin))) points lower, so try both on a small pilot before committing.",
            source: nil)]
    }

    /// Each single change of one answer that changes the winner, in rubric order. For an
    /// unanswered refinement, answering it counts as a change.
    private func sensitivity(_ situation: [Int], winner: Int) -> [AnswerChange] {
        var changes: [AnswerChange] = []
        var changed = situation
        for (index, question) in rubric.questions.enumerated() {
            for option in question.options.indices where option != situation[index] {
                changed[index] = option
                if let newWinner = table.winner(changed), newWinner != winner {
                    changes.append(AnswerChange(
                        question: question.id, answer: question.options[option].id,
                        strategy: rubric.strategies[newWinner].id))
                }
            }
            changed[index] = situation[index]
        }
        return changes
    }

    /// The smallest relative change of one answered question's weight that changes the winner.
    ///
    /// Each score is linear in one question's weight, so the winner can only change where two
    /// strategies' lines cross (at the weight in force itself when they are tied). Each crossing
    /// is rounded away from the weight in force, in the direction in which the other strategy
    /// overtakes, to two decimals and checked by scoring again; the closest one (by ratio) is
    /// reported.
    private func weightSensitivity(_ situation: [Int], winner: Int) -> WeightChange? {
        let excluded = table.excluded(situation)
        let scores = table.scores(situation)
        var best: (change: WeightChange, distance: Double)?
        for (index, option) in situation.enumerated() where option != ScoringTable.unanswered {
            let weight = weights[index]
            let slope = table.points[index][option]
            let intercept = zip(scores, slope).map { $0 - weight * $1 }
            func winnerWith(weight candidate: Double) -> Int? {
                var changed = weights
                changed[index] = candidate
                return ScoringTable.winner(scores: table.scores(situation, weights: changed), excluded: excluded)
            }
            for other in scores.indices where other != winner && excluded & (1 << UInt32(other)) == 0 {
                let slopeGap = slope[winner] - slope[other]
                guard slopeGap != 0 else { continue }
                let crossing = (intercept[other] - intercept[winner]) / slopeGap
                guard crossing >= 0, crossing.isFinite else { continue }
                let upward = slopeGap < 0
                var candidate = upward ? (crossing * 100).rounded(.up) / 100 : (crossing * 100).rounded(.down) / 100
                if winnerWith(weight: candidate) == winner { candidate += upward ? 0.01 : -0.01 }
                candidate = rounded(candidate)
                // A weight beyond the limit cannot be given, and its scores could overflow.
                guard candidate >= 0, candidate <= Rubric.numberLimit, let newWinner = winnerWith(weight: candidate),
                    newWinner != winner
                else { continue }
                // The ratio of the larger weight to the smaller: 2 for both halving and doubling.
                let distance = weight > 0 && candidate > 0 ? max(candidate / weight, weight / candidate) : .infinity
                if best == nil || distance < best!.distance {
                    best = (WeightChange(
                        question: rubric.questions[index].id, weight: weight, newWeight: candidate,
                        strategy: rubric.strategies[newWinner].id), distance)
                }
            }
        }
        return best?.change
    }
}

/// `value` rounded to two decimals, halves away from zero, as scores and points are reported.
public func rounded(_ value: Double) -> Double {
    (value * 100).rounded() / 100
}
