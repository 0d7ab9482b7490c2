/// A team's answers: question id to option id. A question that is absent is unanswered.
public struct Answers: Equatable, Sendable {
    private var storage: [String: String]

    /// Answers from a dictionary of question id to option id.
    public init(_ values: [String: String] = [:]) { storage = values }

    /// The option chosen for `question`, or `nil` when it is unanswered.
    public subscript(question: String) -> String? {
        get { storage[question] }
        set { storage[question] = newValue }
    }

    /// All answers as a dictionary.
    public var values: [String: String] { storage }

    /// Whether no question is answered.
    public var isEmpty: Bool { storage.isEmpty }

    /// These answers with `other`'s answers laid over them (`other` wins).
    public func overlaid(with other: Answers) -> Answers {
        Answers(storage.merging(other.storage) { _, new in new })
    }

    /// The answers in the rubric's question order, as (question, option) pairs.
    public func ordered(by rubric: Rubric) -> [(question: String, option: String)] {
        rubric.questions.compactMap { question in storage[question.id].map { (question.id, $0) } }
    }
}

/// Something wrong with an answer, found by ``Rubric/problems(in:)``.
public enum AnswerProblem: Equatable, Sendable {
    /// The question id is not in the rubric; `suggestion` is the closest known id, if any.
    case unknownQuestion(String, suggestion: String?)
    /// The option is not one of the question's; `suggestion` is the closest option, if any.
    case unknownOption(question: String, option: String, allowed: [String], suggestion: String?)
}

extension Rubric {
    /// Every answer whose question or option the rubric does not know, in a stable order.
    public func problems(in answers: Answers) -> [AnswerProblem] {
        answers.values.keys.sorted().compactMap { questionID in
            let optionID = answers[questionID]!
            guard let question = question(questionID) else {
                return .unknownQuestion(questionID, suggestion: closestMatch(to: questionID, in: questions.map(\.id)))
            }
            guard question.option(optionID) != nil else {
                let allowed = question.options.map(\.id)
                return .unknownOption(
                    question: questionID, option: optionID, allowed: allowed,
                    suggestion: closestMatch(to: optionID, in: allowed))
            }
            return nil
        }
    }

    /// The core questions that `answers` leaves unanswered, in rubric order.
    public func missingCoreQuestions(in answers: Answers) -> [Question] {
        questions.filter { $0.isCore && answers[$0.id] == nil }
    }
}
