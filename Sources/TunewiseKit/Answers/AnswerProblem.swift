/// Something wrong with an answer as given: its source (flag or JSON path), what is wrong,
/// the nearest fix and the ids allowed in its place.
public struct AnswerProblem: Equatable, Sendable {
    /// What is wrong.
    public enum Kind: Equatable, Sendable {
        /// The question id is not the rubric's.
        case unknownQuestion
        /// The option id is not one of the question's.
        case unknownOption(String)
        /// What was typed begins more than one option id: these.
        case ambiguousOption(String, matches: [String])
        /// No option was given: a flag without its value, or a core question a file leaves out.
        case missingOption
        /// The value is not an option id at all, by its kind ("a number").
        case notAnOption(kind: String)
        /// The question was answered twice from the same source.
        case repeated
    }

    /// Where the answer was given.
    public var source: AnswerSource
    /// The question id as given.
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
        switch kind {
        case .unknownQuestion:
            switch source {
            case .flag(let flag): return "unknown question in \(flag) '\(question)'\(hint)"
            case .jsonPath(let path): return "\(path): unknown question\(hint)"
            case .prompt: return "there is no question '\(question)'\(hint)"
            }
        case .unknownOption(let option):
            switch source {
            case .flag: return "invalid value '\(option)' for \(flagSpelling)\(hint)"
            case .jsonPath(let path): return "\(path): unknown option '\(option)'\(hint)"
            case .prompt: return "'\(option)' is not an option\(hint)"
            }
        case .ambiguousOption(let option, let matches):
            let choices = matches.map { "'\($0)'" }.joined(separator: " or ")
            switch source {
            case .flag: return "ambiguous value '\(option)' for \(flagSpelling): could be \(choices); type more letters"
            case .jsonPath(let path): return "\(path): '\(option)' could be \(choices)"
            case .prompt: return "'\(option)' could be \(choices); type more letters or the number"
            }
        case .missingOption:
            switch source {
            case .flag: return "\(flagSpelling) needs a value"
            case .jsonPath(let path): return "\(path): missing; every core question needs an answer"
            case .prompt: return "this question needs an answer"
            }
        case .notAnOption(let kind):
            switch source {
            case .jsonPath(let path): return "\(path): expected an option id as a string; found \(kind)"
            case .flag, .prompt: return "expected an option id for \(question); found \(kind)"
            }
        case .repeated:
            switch source {
            case .flag: return "\(flagSpelling) was given more than once; give it once"
            case .jsonPath(let path): return "\(path): the question is answered twice"
            case .prompt: return "'\(question)' is answered twice"
            }
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
