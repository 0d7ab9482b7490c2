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

    /// The answers in the rubric's question order, as (question, option) pairs.
    public func ordered(by rubric: Rubric) -> [(question: String, option: String)] {
        rubric.questions.compactMap { question in storage[question.id].map { (question.id, $0) } }
    }
}
