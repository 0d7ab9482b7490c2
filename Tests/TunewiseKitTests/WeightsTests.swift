import Testing

@testable import TunewiseKit

/// Weights are checked once, against their rubric, before any advisor or sweep uses them.
struct WeightsTests {
    @Test func overridesAreLaidOverTheRubricsWeights() throws {
        let weights = try Weights(of: defaultRubric, overriding: ["budget": 2, "need": 0])
        for (question, weight) in zip(defaultRubric.questions, weights.values) {
            #expect(weight == ["budget": 2, "need": 0][question.id] ?? question.weight, "\(question.id)")
        }
        #expect(Weights(of: defaultRubric).values == defaultRubric.questions.map(\.weight))
        #expect(Weights(of: defaultRubric).overrides.isEmpty)
    }

    @Test func anUnknownQuestionOrAWeightOutOfRangeIsRefused() {
        #expect(throws: WeightProblem(question: "budgett", kind: .unknownQuestion(suggestion: "budget", known: defaultRubric.questions.map(\.id)))) {
            try Weights(of: defaultRubric, overriding: ["budgett": 1])
        }
        for weight in [-1, Rubric.numberLimit * 2, .infinity, .nan] {
            #expect(throws: WeightProblem.self) { try Weights(of: defaultRubric, overriding: ["budget": weight]) }
        }
        #expect(throws: Never.self) { try Weights(of: defaultRubric, overriding: ["budget": 0]) }
        #expect(throws: Never.self) { try Weights(of: defaultRubric, overriding: ["budget": Rubric.numberLimit]) }
    }
}
