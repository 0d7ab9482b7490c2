import Foundation
import Testing

@testable import TunewiseKit

/// Every core situation's weight sensitivity, checked by scoring again with the weight changed.
struct WeightSensitivityTests {
    /// Every combination of the core answers, with two refinements answered so that
    /// refinement weights are reported too.
    static let situations: [Answers] = Contract.coreQuestions.reduce([Answers(["context-size": "corpus", "model-access": "weights"])]) {
        partial, question in
        partial.flatMap { answers in
            question.options.map { option in
                var extended = answers
                extended[question.id] = option
                return extended
            }
        }
    }

    @Test func reportedWeightChangesTheAdviceToTheReportedStrategy() throws {
        var reported = 0
        var decidedByPoints = 0
        for answers in Self.situations {
            let advice = try Advisor(rubric: defaultRubric).advise(answers)
            if advice.decidedBy.isEmpty { decidedByPoints += 1 }
            guard let change = advice.weightSensitivity else { continue }
            reported += 1
            let flipped = try Advisor(rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: [change.question: change.newWeight]))
                .advise(answers)
            #expect(flipped.strategy == change.strategy, "\(answers.values) at \(change.question)=\(change.newWeight)")
            #expect(change.strategy != advice.strategy)
            #expect(change.weight == defaultRubric.question(change.question)!.weight)
            // A behaviour's changing facts arrive with each request: a rule takes back all the
            // points their pace gives, so that answer carries no weight to change.
            let takenBack = answers["need"] == "behavior" && ["periodic", "frequent"].contains(answers["transience"])
            #expect(!(takenBack && change.question == "transience"), "\(answers.values)")
        }
        // Only plausible reweightings (within 3x either way) of situations the points decide
        // are reported, so not every such situation has one.
        #expect(reported > decidedByPoints / 50, "\(reported) of \(decidedByPoints)")
    }

    /// Scores are linear in one question's weight, so the advice holds everywhere between the
    /// weight in force and the crossing. The reported weight is the crossing rounded away from
    /// the weight in force to two decimals (one more step if the rounded value is still a
    /// tie), so the crossing lies within 0.02 of it; halfway is before the crossing whenever the
    /// change is larger than 0.04.
    @Test func adviceHoldsHalfwayToTheReportedWeight() throws {
        var checked = 0
        for answers in Self.situations {
            let advice = try Advisor(rubric: defaultRubric).advise(answers)
            guard let change = advice.weightSensitivity, abs(change.newWeight - change.weight) > 0.04 else { continue }
            checked += 1
            let halfway = (change.weight + change.newWeight) / 2
            let held = try Advisor(rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: [change.question: halfway])).advise(
                answers)
            #expect(held.strategy == advice.strategy, "\(answers.values) at \(change.question)=\(halfway)")
        }
        #expect(checked > 0)
    }

    /// No weight of any answered question changes the advice closer (by ratio) to the weight
    /// in force than the reported change does, and none within the plausible range when none is
    /// reported: a scan of each weight over a geometric grid from 1/50 to 50 times its value, on
    /// every ninth situation. The reported weight is a crossing
    /// rounded to two decimals, so it may lie up to 0.02 beyond the true crossing.
    @Test func noWeightCloserThanTheReportedOneChangesTheAdvice() throws {
        let advisor = Advisor(rubric: defaultRubric)
        let factors = (0...200).map { pow(50.0, Double($0 - 100) / 100) }
        var scanned = 0
        for answers in Self.situations.enumerated().filter({ $0.offset % 9 == 0 }).map(\.element) {
            let advice = try advisor.advise(answers)
            let situation = try advisor.situation(for: answers)
            let excluded = advisor.table.excluded(situation)
            let reported = advice.weightSensitivity.map { abs(log($0.newWeight / $0.weight)) } ?? log(Advisor.plausibleWeightFactor)
            for (question, option) in situation.enumerated() where option != ScoringTable.unanswered {
                for factor in factors {
                    var weights = advisor.weights
                    weights[question] *= factor
                    let winner = ScoringTable.winner(scores: advisor.table.scores(situation, weights: weights), excluded: excluded)
                    guard winner.map({ defaultRubric.strategies[$0].id }) != advice.strategy else { continue }
                    let slack = 0.02 / min(weights[question], advice.weightSensitivity?.newWeight ?? .infinity)
                    #expect(
                        reported <= abs(log(factor)) + slack,
                        "\(answers.values): \(defaultRubric.questions[question].id) at \(weights[question]) flips it")
                }
            }
            scanned += 1
        }
        #expect(scanned > 100)
    }
}
