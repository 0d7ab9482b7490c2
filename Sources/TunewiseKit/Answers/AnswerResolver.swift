/// Where an answer came from, so that a problem with it points there.
public enum AnswerSource: Hashable, Sendable {
    /// A command-line flag as typed: `--need` for `--need behavior`, `--fix` for
    /// `--fix need=behavior`.
    case flag(String)
    /// A member of a JSON object of answers, by its JSON path (`$.need`).
    case jsonPath(String)
    /// The questionnaire's prompt.
    case prompt
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

/// Something wrong with an answer as given: its source (flag or JSON path), what is wrong,
/// the nearest fix and the ids allowed in its place.
public struct AnswerProblem: Equatable, Sendable {
    /// What is wrong.
    public enum Kind: Equatable, Sendable {
        /// The question id is not the rubric's.
        case unknownQuestion
        /// The option id is not one of the question's.
        case unknownOption(String)
        /// No option was given.
        case missingOption
        /// The value is not an option id at all, by its kind ("a number").
        case notAnOption(kind: String)
        /// The question was answered twice from the same source.
        case repeated
        /// An answers document that is not an object, by its kind ("an array").
        case notAnObject(kind: String)
    }

    /// Where the answer was given.
    public var source: AnswerSource
    /// The question id as given; empty for a document that is not an object.
    public var question: String
    /// What is wrong.
    public var kind: Kind
    /// The closest allowed id to what was given, when one is close.
    public var suggestion: String?
    /// The ids allowed in its place: the question's options, or the rubric's questions for
    /// an unknown question; empty when listing them would not help.
    public var allowed: [String]

    /// A problem with the answer to `question` from `source`.
    public init(source: AnswerSource, question: String, kind: Kind, suggestion: String? = nil, allowed: [String] = []) {
        self.source = source
        self.question = question
        self.kind = kind
        self.suggestion = suggestion
        self.allowed = allowed
    }

    /// The problem and the nearest fix, without the list of allowed ids:
    /// `invalid value 'x' for --need (did you mean 'y'?)`, `$.need: unknown option 'x'`.
    public var summary: String {
        let hint = didYouMean(suggestion)
        switch (source, kind) {
        case (.flag(let flag), .unknownQuestion):
            return "unknown question '\(question)' in \(flag)\(hint)"
        case (.flag, .unknownOption(let option)), (.flag, .notAnOption(let option)):
            return "invalid value '\(option)' for \(flagSpelling)\(hint)"
        case (.flag, .missingOption):
            return "\(flagSpelling) needs a value"
        case (.flag, .repeated):
            return "\(flagSpelling) was given more than once; give it once"
        case (.jsonPath(let path), .unknownQuestion):
            return "\(path): unknown question\(hint)"
        case (.jsonPath(let path), .unknownOption(let option)):
            return "\(path): unknown option '\(option)'\(hint)"
        case (.jsonPath(let path), .notAnOption(let kind)):
            return "\(path): expected an option id as a string; found \(kind)"
        case (.jsonPath(let path), .missingOption):
            return "\(path): expected an option id; found nothing"
        case (.jsonPath(let path), .repeated):
            return "\(path): the question is answered twice"
        case (.jsonPath(let path), .notAnObject(let kind)), (.flag(let path), .notAnObject(let kind)):
            return "\(path): expected an object of question id to option id, such as {\"data-volume\": \"few\"}; found \(kind)"
        case (.prompt, .unknownQuestion), (.prompt, .notAnObject):
            return "there is no question '\(question)'"
        case (.prompt, .unknownOption(let option)), (.prompt, .notAnOption(let option)):
            return "'\(option)' is not an option\(hint)"
        case (.prompt, .missingOption), (.prompt, .repeated):
            return "this question needs an answer"
        }
    }

    /// What the allowed ids are, to introduce their list: "known" questions or "allowed" options.
    public var allowedLabel: String { kind == .unknownQuestion ? "known" : "allowed" }

    /// The summary and, when there are any, the allowed ids: one line.
    public var description: String {
        allowed.isEmpty ? summary : "\(summary); \(allowedLabel): \(allowed.joined(separator: ", "))"
    }

    /// The flag as it names the question: `--need`, or `--fix need` when the flag's value
    /// names the question.
    private var flagSpelling: String {
        guard case .flag(let flag) = source else { return "" }
        return flag == "--\(question)" ? flag : "\(flag) \(question)"
    }
}

/// Answers that cannot be resolved: every problem, in the order the answers were given.
public struct InvalidAnswers: Error, Equatable, Sendable {
    /// At least one problem.
    public var problems: [AnswerProblem]
}

extension Rubric {
    /// Checks answers from any source against the rubric and lays them over `base`, so that
    /// a later source (flags) overrides an earlier one (a file).
    ///
    /// This is the one place answers are checked: flags, answers files, `sweep --fix` and the
    /// questionnaire's prompts all come through here.
    /// - Throws: ``InvalidAnswers`` with every unknown question or option, missing or
    ///   non-string value, and question answered twice in `given`.
    public func resolve(_ given: [RawAnswer], onto base: Situation? = nil) throws(InvalidAnswers) -> Situation {
        var situation = base ?? Situation(unanswered: self)
        precondition(situation.questions == questions, "a situation is laid over answers of the same rubric")
        var problems: [AnswerProblem] = []
        var answered = Set<String>()
        for answer in given {
            func problem(_ kind: AnswerProblem.Kind, suggestion: String? = nil, allowed: [String] = []) {
                problems.append(AnswerProblem(source: answer.source, question: answer.question, kind: kind, suggestion: suggestion, allowed: allowed))
            }
            guard let index = questionIndex(answer.question) else {
                let known = questions.map(\.id)
                problem(.unknownQuestion, suggestion: closestMatch(to: answer.question, in: known), allowed: known)
                continue
            }
            let allowed = questions[index].options.map(\.id)
            switch answer.value {
            case .missing:
                problem(.missingOption, allowed: allowed)
            case .notAnOption(let kind):
                problem(.notAnOption(kind: kind), allowed: allowed)
            case .option(let id):
                guard let option = questions[index].optionIndex(id) else {
                    problem(.unknownOption(id), suggestion: closestMatch(to: id, in: allowed), allowed: allowed)
                    continue
                }
                guard answered.insert(answer.question).inserted else {
                    problem(.repeated)
                    continue
                }
                situation = situation.answering(index, with: option)
            }
        }
        guard problems.isEmpty else { throw InvalidAnswers(problems: problems) }
        return situation
    }

    /// Checks answers given as a dictionary (as in an answers file, or in code), each
    /// located by its JSON path `$.QUESTION-ID`.
    /// - Throws: ``InvalidAnswers`` naming every unknown question or option.
    public func resolve(_ answers: Answers) throws(InvalidAnswers) -> Situation {
        try resolve(
            answers.values.sorted { $0.key < $1.key }.map { question, option in
                RawAnswer(question: question, value: .option(option), source: .jsonPath("$.\(question)"))
            })
    }
}
