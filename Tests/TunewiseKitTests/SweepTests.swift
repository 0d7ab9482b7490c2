import Testing

@testable import TunewiseKit

/// `budget` held at `minimal`, for scopes that fix it.
private let budgetMinimal = Situation(unanswered: defaultRubric).answering(defaultRubric.knownQuestionIndex("budget"), with: 0)

/// The winner of every situation of a small space, one ``Advisor/advise(_:)`` call each.
private struct BruteForce {
    /// The varied questions and their values (`nil` is unanswered), in rubric order.
    let varied: [(id: String, values: [String?])]
    /// Each situation's answers to the varied questions and its winner (`nil`: none left).
    let situations: [(values: [String?], winner: String?)]
    private let winners: [[String?]: String?]

    init(rubric: Rubric, varied ids: [String], fixed: Answers = Answers(), weights: [String: Double] = [:]) {
        let advisor = Advisor(rubric: rubric, weights: try! Weights(of: rubric, overriding: weights))
        let varied = rubric.questions.filter { ids.contains($0.id) }.map { question in
            (id: question.id, values: question.options.map { Optional($0.id) } + (question.isCore ? [] : [nil]))
        }
        let combinations = varied.reduce([[String?]]([[]])) { partial, question in
            partial.flatMap { prefix in question.values.map { prefix + [$0] } }
        }
        let situations = combinations.map { values in
            var answers = fixed
            for (question, value) in zip(varied, values) { answers[question.id] = value }
            return (values: values, winner: try? advisor.advise(answers).strategy)
        }
        self.varied = varied
        self.situations = situations
        winners = Dictionary(uniqueKeysWithValues: situations.map { ($0.values, $0.winner) })
    }

    func counts(_ strategies: [String], where include: ([String?]) -> Bool = { _ in true }) -> [Int] {
        strategies.map { strategy in situations.filter { include($0.values) && $0.winner == strategy }.count }
    }

    /// Situations in which some other value of question `position` changes the winner.
    func deciding(_ position: Int) -> Int {
        situations.filter { situation in
            varied[position].values.contains { value in
                var changed = situation.values
                changed[position] = value
                return winners[changed]! != situation.winner
            }
        }.count
    }
}

struct SweepTests {
    @Test func coreSweepMatchesBruteForce() throws {
        let result = try Sweep(rubric: defaultRubric).run()
        let brute = BruteForce(rubric: defaultRubric, varied: Contract.coreQuestions.map(\.id))

        #expect(result.situationCount == 2916)
        #expect(result.counts == brute.counts(result.strategies))
        #expect(result.unresolved == 0)
        #expect(result.questions.map(\.id) == brute.varied.map(\.id))
        for (position, question) in result.questions.enumerated() {
            #expect(question.values == brute.varied[position].values)
            for (index, value) in question.values.enumerated() {
                #expect(question.counts[index] == brute.counts(result.strategies) { $0[position] == value }, "\(question.id)=\(value ?? "-")")
            }
            #expect(question.deciding == brute.deciding(position), "\(question.id)")
        }
    }

    /// Refinements with "unanswered", a fixed answer, an exclusion on a refinement, a weight
    /// whose products are inexact (so near ties are settled by the scoring table) and a map.
    @Test func sweepWithRefinementsFixedAnswersAndWeightsMatchesBruteForce() throws {
        let scope = SweepScope(
            included: ["model-access"], fixed: try defaultRubric.resolve(Answers(["budget": "moderate", "consistency": "important"])),
            map: (row: "data-volume", column: "context-size"))
        let weights = ["transience": 1.1, "data-volume": 0.3]
        let result = try Sweep(rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: weights), scope: scope).run()
        let variedIDs = ["need", "data-volume", "transience", "governance", "time-to-market", "context-size", "model-access"]
        let brute = BruteForce(rubric: defaultRubric, varied: variedIDs, fixed: scope.fixed!.answers, weights: weights)

        #expect(result.situationCount == 3 * 4 * 3 * 3 * 3 * 4 * 4)
        #expect(result.fixed == scope.fixed!.answers)
        #expect(result.counts == brute.counts(result.strategies))
        for (position, question) in result.questions.enumerated() {
            #expect(question.id == brute.varied[position].id)
            for (index, value) in question.values.enumerated() {
                #expect(question.counts[index] == brute.counts(result.strategies) { $0[position] == value }, "\(question.id)=\(value ?? "-")")
            }
            #expect(question.deciding == brute.deciding(position), "\(question.id)")
        }
        let map = try #require(result.map)
        #expect(map.rowValues == ["none", "few", "hundreds", "thousands"])
        #expect(map.columnValues == ["snippet", "documents", "corpus", nil])
        for (row, rowValue) in map.rowValues.enumerated() {
            for (column, columnValue) in map.columnValues.enumerated() {
                let expected = brute.counts(result.strategies) { $0[1] == rowValue && $0[5] == columnValue }
                #expect(map.cells[row][column].counts == expected)
            }
        }
    }

    /// Questions whose values never differ are counted, not enumerated, so sweeping all
    /// seventeen questions of a rubric with one scored answer is immediate and exact.
    @Test func interchangeableValuesAreCountedExactly() throws {
        var builder = TestRubric()
        builder.points["output-style"] = ["custom": ["fine-tuning": 1]]
        let rubric = try builder.load()
        let result = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true)).run()

        // Nine refinements of three options, two of four and one of two, each also unanswered.
        let total = 3 * 4 * 243 * 262_144 * 5 * 5 * 3
        #expect(result.situationCount == total)
        #expect(result.counts == [total / 5 * 4, 0, total / 5, 0])
        for question in result.questions {
            // Changing the output style flips every situation; nothing else matters.
            #expect(question.deciding == (question.id == "output-style" ? total : 0), "\(question.id)")
        }
        let style = try #require(result.questions.first { $0.id == "output-style" })
        #expect(style.values == ["standard", "custom", "structured", "label", nil])
        #expect(style.counts == [[total / 5, 0, 0, 0], [0, 0, total / 5, 0], [total / 5, 0, 0, 0], [total / 5, 0, 0, 0], [total / 5, 0, 0, 0]])
    }

    /// The sweep adds terms in another order than the scoring table, and in floating point
    /// 0.1 + 0.2 + 0.4 (the table's order) exceeds 0.7 while 0.4 + 0.1 + 0.2 (the sweep's,
    /// which puts a question whose options all score alike outermost) equals it.
    @Test func nearTiesAreSettledAsTheScoringTableSettlesThem() throws {
        var builder = TestRubric()
        builder.baselines["prompt-engineering"] = 0.7
        builder.points["data-volume"] = ["few": ["prompt-tuning": 0.1]]
        builder.points["transience"] = ["static": ["prompt-tuning": 0.2]]
        builder.points["consistency"] = Dictionary(
            uniqueKeysWithValues: ["flexible", "important", "critical"].map {
                ($0, ["prompt-tuning": 0.4])
            })
        let rubric = try builder.load()
        let result = try Sweep(rubric: rubric).run()
        let brute = BruteForce(rubric: rubric, varied: Contract.coreQuestions.map(\.id))

        #expect(result.counts == brute.counts(result.strategies))
        // Prompt-tuning wins with few examples and static knowledge: 1/4 × 1/3 of the situations.
        #expect(result.counts == [2916 - 243, 243, 0, 0])
        #expect(result.questions.map(\.deciding) == (0..<7).map { brute.deciding($0) })
    }

    @Test func decidingQuestionsAreSortedByHowOftenTheyDecide() throws {
        let result = try Sweep(rubric: defaultRubric).run()
        let counts = result.decidingQuestions.map { $0.deciding! }
        #expect(counts == counts.sorted(by: >))
        #expect(result.decidingQuestions.count == 7)
    }

    @Test func everyAnswerOfAVariedQuestionCoversTheSameSituations() throws {
        let result = try Sweep(rubric: defaultRubric, scope: SweepScope(included: ["model-access"])).run(decidingQuestions: false)
        #expect(result.unresolved == 0)
        for question in result.questions {
            let perAnswer = result.situationsPerAnswer(of: question)
            #expect(perAnswer * question.values.count == result.situationCount)
            for counts in question.counts { #expect(counts.reduce(0, +) == perAnswer, "\(question.id)") }
        }
    }

    @Test func mapCellNamesTheMostCommonWinnerAndItsShare() {
        let cell = MapCell(strategies: Contract.strategyIDs, counts: [1, 3, 3, 1], unresolved: 0)
        #expect(cell.winner == "prompt-tuning")
        #expect(cell.share == 3.0 / 8.0)
        #expect(MapCell(strategies: Contract.strategyIDs, counts: [0, 0, 0, 0], unresolved: 2).winner == nil)
    }

    @Test(arguments: [
        (SweepScope(included: ["context-sise"]), SweepError.unknownQuestion("context-sise", in: .included, suggestion: "context-size")),
        (SweepScope(map: (row: "budget", column: "model-sise")), .unknownQuestion("model-sise", in: .map, suggestion: "model-size")),
        (SweepScope(included: ["budget"]), .coreQuestionIncluded("budget")),
        (SweepScope(included: ["budget"], fixed: budgetMinimal), .fixedAndVaried("budget", by: .included)),
        (SweepScope(fixed: budgetMinimal, map: (row: "budget", column: "need")), .fixedAndVaried("budget", by: .map)),
        (SweepScope(map: (row: "budget", column: "budget")), .sameMapQuestion("budget")),
    ])
    func refusesABadScope(scope: SweepScope, error: SweepError) {
        #expect(throws: error) { try Sweep(rubric: defaultRubric, scope: scope) }
    }

    @Test func mapQuestionsAreVariedEvenWhenNotIncluded() throws {
        let sweep = try Sweep(rubric: defaultRubric, scope: SweepScope(map: (row: "data-volume", column: "model-size")))
        #expect(sweep.variedQuestions.contains("model-size"))
        #expect(sweep.situationCount == 2916 * 4)
    }
}
