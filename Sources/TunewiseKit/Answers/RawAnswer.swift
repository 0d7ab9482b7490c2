/// Where an answer came from, so that a problem with it points there.
public enum AnswerSource: Hashable, Sendable {
    /// A command-line flag as typed: `--need` for `--need behavior`, `--fix` for
    /// `--fix need=behavior`.
    case flag(String)
    /// A member of a JSON object of answers, by its JSON path (`$.need`).
    case jsonPath(String)
    /// The questionnaire's prompt.
    case prompt

    /// Whether a person typed the answer (a flag or a prompt), so it is read leniently.
    var isTyped: Bool {
        if case .jsonPath = self { false } else { true }
    }
}

/// One answer as given, before it is checked against the rubric.
public struct RawAnswer: Equatable, Sendable {
    /// What was given for the question.
    public enum Value: Equatable, Sendable {
        /// An option id.
        case option(String)
        /// Nothing: a flag without its value.
        case missing
        /// A value that cannot be an option id, by its kind ("a number").
        case notAnOption(kind: String)
    }

    /// The question id as given.
    public var question: String
    /// The option as given.
    public var value: Value
    /// Where it was given.
    public var source: AnswerSource

    /// An answer to `question` from `source`.
    public init(question: String, value: Value, source: AnswerSource) {
        self.question = question
        self.value = value
        self.source = source
    }
}
