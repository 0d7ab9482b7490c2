/// Something in a rubric that its author should fix, found by ``RubricCheck``.
public enum RubricFinding: Equatable, Sendable {
    /// Changing this question's answer never changes the advice, in any situation, so every
    /// one of its options is dead.
    case deadOptions(question: String, options: [String])
    /// No situation, out of `situations`, recommends this strategy.
    case strategyNeverWins(strategy: String, situations: Int)
    /// A declared monotone property does not hold.
    case propertyViolated(PropertyViolation)

    /// The finding in one line, with answers in the rubric's question order.
    public func message(in rubric: Rubric) -> String {
        switch self {
        case .deadOptions(let question, let options):
            return "dead options: changing \(question) (\(options.joined(separator: ", "))) never changes the advice in any situation"
        case .strategyNeverWins(let strategy, let situations):
            return "strategy never wins: \(strategy) is recommended in none of the \(situations) situations"
        case .propertyViolated(let violation):
            return violation.message(in: rubric)
        }
    }
}

/// The smallest pair of situations, one answer apart, in which moving that answer one option
/// up lowers the score of ``MonotoneProperty/favours`` minus that of ``MonotoneProperty/over``.
///
/// "Smallest" means the fewest answered refinements, then the lowest options; answers that
/// play no part in the property are the first option of a core question and unanswered.
public struct PropertyViolation: Equatable, Sendable {
    /// The declared property that does not hold.
    public var property: MonotoneProperty
    /// The situation with the lower option.
    public var before: Answers
    /// The same situation with the next option up.
    public var after: Answers
    /// The score of the property's `favours` strategy in ``before``.
    public var favoursBefore: Double
    /// The score of the property's `over` strategy in ``before``.
    public var overBefore: Double
    /// The score of the property's `favours` strategy in ``after``.
    public var favoursAfter: Double
    /// The score of the property's `over` strategy in ``after``.
    public var overAfter: Double

    func message(in rubric: Rubric) -> String {
        let question = property.question
        let others = Answers(before.values.filter { $0.key != question })
        func scores(_ favours: Double, _ over: Double) -> String {
            "\(format(favours - over)) (\(property.favours) \(format(favours)), \(property.over) \(format(over)))"
        }
        return "property broken: \(property.favours) minus \(property.over) should not fall as \(question) rises, "
            + "but from \(question)=\(before[question]!) to \(question)=\(after[question]!) it falls from "
            + "\(scores(favoursBefore, overBefore)) to \(scores(favoursAfter, overAfter)), with \(list(others, rubric))"
    }
}

/// Answers as `question=option`, in the rubric's question order.
private func list(_ answers: Answers, _ rubric: Rubric) -> String {
    answers.ordered(by: rubric).map { "\($0.question)=\($0.option)" }.joined(separator: ", ")
}

/// A score for a message: rounded to two decimals, without a needless fraction.
private func format(_ value: Double) -> String {
    JSONWriter.format(rounded(value))
}
