/// Answers checked against a rubric: for each of its questions, one of its options or none.
///
/// Only ``Rubric/resolve(_:onto:)`` makes a situation from answers as given (flags, a file,
/// `--fix`, the questionnaire's prompts), so a situation never names a question or option
/// its rubric does not have; the advisor, the sweep and the questionnaire all take one.
///
/// ```swift
/// let situation = try rubric.resolve(Answers(["need": "behavior", "data-volume": "thousands"]))
/// situation["need"]                   // "behavior"
/// situation.missingCoreQuestions      // the core questions still to ask
/// ```
public struct Situation: Equatable, Sendable {
    /// The questions of the rubric the answers were checked against, in rubric order.
    public let questions: [Question]
    /// Per question, in rubric order, the chosen option's index or ``ScoringTable/unanswered``.
    private(set) var options: [Int]

    /// A situation of `rubric` with no question answered.
    public init(unanswered rubric: Rubric) {
        questions = rubric.questions
        options = Array(repeating: ScoringTable.unanswered, count: rubric.questions.count)
    }

    /// A typical starting point to edit: every core question answered with its default
    /// option, or its middle one where it has none (options run from least to most, so the
    /// middle is neither the most nor the least constrained case); the refinements unanswered.
    public init(starterFor rubric: Rubric) {
        questions = rubric.questions
        options = rubric.questions.map { question in
            guard question.isCore else { return ScoringTable.unanswered }
            return question.defaultOption.map(question.knownOptionIndex) ?? question.options.count / 2
        }
    }

    /// A situation from option indices already known to be the rubric's, as the sweep makes them.
    init(rubric: Rubric, options: [Int]) {
        precondition(options.count == rubric.questions.count, "one option or unanswered per question")
        questions = rubric.questions
        self.options = options
    }

    /// The option id chosen for `questionID`; `nil` when it is unanswered or not a question.
    public subscript(questionID: String) -> String? {
        guard let index = questions.firstIndex(where: { $0.id == questionID }), options[index] != ScoringTable.unanswered else {
            return nil
        }
        return questions[index].options[options[index]].id
    }

    /// The answers as question id to option id.
    public var answers: Answers {
        Answers(
            Dictionary(
                uniqueKeysWithValues: zip(questions, options).compactMap { question, option in
                    option == ScoringTable.unanswered ? nil : (question.id, question.options[option].id)
                }))
    }

    /// The answered questions and their options, in rubric order.
    public var orderedAnswers: [GivenAnswer] {
        zip(questions, options).compactMap { question, option in
            option == ScoringTable.unanswered ? nil : GivenAnswer(question: question.id, answer: question.options[option].id)
        }
    }

    /// The core questions left unanswered, in rubric order.
    public var missingCoreQuestions: [Question] {
        zip(questions, options).filter { $0.isCore && $1 == ScoringTable.unanswered }.map(\.0)
    }

    /// The refinements left unanswered, in rubric order.
    public var unansweredRefinements: [Question] {
        zip(questions, options).filter { !$0.isCore && $1 == ScoringTable.unanswered }.map(\.0)
    }

    /// This situation's answers laid over `base`'s: where this one answers a question, its
    /// answer wins, as flags win over an answers file.
    /// - Precondition: both answer the same rubric.
    public func laid(over base: Situation) -> Situation {
        precondition(base.questions == questions, "both situations answer the same rubric")
        var laid = base
        for (index, option) in options.enumerated() where option != ScoringTable.unanswered { laid.options[index] = option }
        return laid
    }

    /// This situation with the question at `question` answered by its option at `option`.
    func answering(_ question: Int, with option: Int) -> Situation {
        var changed = self
        changed.options[question] = option
        return changed
    }
}
