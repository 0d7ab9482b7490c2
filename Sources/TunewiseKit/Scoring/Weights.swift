/// Each question's weight in force, checked once against its rubric, as answers are resolved
/// into a ``Situation``: the rubric's own weights with any overrides (`--weight`) laid over.
///
/// ```swift
/// let weights = try Weights(of: rubric, overriding: ["budget": 2])
/// let advisor = Advisor(rubric: rubric, weights: weights)
/// ```
public struct Weights: Equatable, Sendable {
    /// One weight per question, in rubric order.
    public let values: [Double]
    /// The overrides laid over the rubric's weights: question id to weight.
    public let overrides: [String: Double]

    /// The rubric's own weights.
    public init(of rubric: Rubric) {
        values = rubric.questions.map(\.weight)
        overrides = [:]
    }

    /// The rubric's weights with `overrides` (question id to weight) laid over them.
    /// - Throws: ``WeightProblem`` for the first question the rubric does not have, in id
    ///   order, or a weight that is not a number from 0 to ``Rubric/numberLimit``.
    public init(of rubric: Rubric, overriding overrides: [String: Double]) throws(WeightProblem) {
        for (question, weight) in overrides.sorted(by: { $0.key < $1.key }) {
            guard rubric.question(question) != nil else {
                let known = rubric.questions.map(\.id)
                throw WeightProblem(question: question, kind: .unknownQuestion(suggestion: closestMatch(to: question, in: known), known: known))
            }
            guard weight.isFinite, weight >= 0, weight <= Rubric.numberLimit else {
                throw WeightProblem(question: question, kind: .outOfRange(weight))
            }
        }
        values = rubric.questions.map { overrides[$0.id] ?? $0.weight }
        self.overrides = overrides
    }
}

/// Why a weight override was refused.
public struct WeightProblem: Error, Equatable, Sendable {
    /// What is wrong with it.
    public enum Kind: Equatable, Sendable {
        /// The rubric has no such question; the closest id, and every id it has.
        case unknownQuestion(suggestion: String?, known: [String])
        /// The weight is not a finite number from 0 to ``Rubric/numberLimit``.
        case outOfRange(Double)
    }

    /// The question id as given.
    public var question: String
    /// What is wrong.
    public var kind: Kind
}
