import TunewiseKit

/// The process exit codes that the product contract fixes.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Advice given (and `--expect`, if any, matched).
    case success = 0
    /// `--expect` did not match.
    case expectationFailed = 1
    /// Unknown command, flag, question or option; missing answers with no terminal.
    case usage = 64
    /// A rubric or answers file that is not valid JSON or breaks the rubric's rules.
    case dataError = 65
    /// An input file that cannot be opened.
    case noInput = 66
    /// An output file that cannot be written.
    case cannotCreate = 73
    /// The questionnaire was interrupted or reached end of input.
    case interrupted = 130

    /// What the code means, for the help and the man page.
    var meaning: String {
        switch self {
        case .success: "success (advice given, and --expect, if any, matched)"
        case .expectationFailed: "advise --expect did not match, or diff --exit-code found a change"
        case .usage: "usage: unknown command, flag, question or option; missing answers with no terminal"
        case .dataError:
            "bad data: a rubric, policy, answers or cost file that is not valid JSON or breaks its format; a compressed or binary "
                + "data file; data with faults under --strict; rubric check findings"
        case .noInput: "an input file that cannot be opened"
        case .cannotCreate: "an output file that cannot be written"
        case .interrupted: "the questionnaire was interrupted or reached end of input"
        }
    }
}

/// Every way a command can fail, with its one-line message and exit code in one place.
public enum CommandError: Error, Equatable, Sendable {
    /// A word on the command line that is not a command, flag or question.
    case unknownWord(String, kind: String, allowed: [String], suggestion: String?)
    /// A short flag other than `-h`, with the long flag it most likely meant.
    case unknownShortFlag(String, suggestion: String?)
    /// A flag that takes a value was given none (or an empty one).
    case missingValue(flag: String, allowed: [String]?)
    /// A flag's value is not one of the allowed values.
    case invalidValue(flag: String, value: String, allowed: [String], suggestion: String?)
    /// A flag's value begins more than one allowed value: `matches`.
    case ambiguousValue(flag: String, value: String, matches: [String], allowed: [String])
    /// An answer given on the command line (a question flag or `--fix`) that the rubric does not take.
    case invalidAnswer(AnswerProblem)
    /// A single-valued flag was given more than once.
    case repeatedFlag(String)
    /// Two flags that cannot be used together.
    case conflictingFlags(String, String)
    /// A flag that only means something beside another (`--token-limit` without `--data`).
    case flagNeedsFlag(String, needs: String)
    /// A sweep question both held at one answer by `fix` and varied by `varying`
    /// (`--include` or `--map`).
    case fixedAndVaried(question: String, fix: String, varying: String)
    /// `sweep --include` of a core question, which every sweep varies anyway.
    case coreQuestionIncluded(String)
    /// A `--weight` value that is not `QUESTION-ID=NUMBER` with a number from 0 to ``Rubric/numberLimit``;
    /// the reason says which part is wrong and what it should be.
    case invalidWeight(String, reason: String)
    /// A `--fix` or `--map` value that is not two ids joined by the flag's separator.
    case invalidPair(flag: String, value: String, reason: String, expected: String)
    /// A sweep over more situations than can be counted.
    case sweepTooLarge
    /// `sweep --against`: the other rubric cannot be swept over the same scope.
    case sweepsDiffer(against: String)
    /// A rubric with more rules or exclusions than a sweep handles (`ruleLimit` each), or,
    /// when `ruleLimit` is `nil`, more situations than can be counted.
    case rubricTooLargeToSweep(path: String, ruleLimit: Int?)
    /// `rubric check` found problems in the rubric; the findings themselves are the report.
    case rubricHasFindings(path: String, count: Int)
    /// Core questions unanswered and nobody to ask.
    case missingAnswers([String])
    /// A command that needs arguments got none.
    case missingArgument(command: String, expected: String)
    /// An input file that cannot be opened or read.
    case cannotRead(path: String, reason: String)
    /// An input file larger than ``InputFile/sizeLimit``.
    case fileTooLarge(path: String, limit: Int)
    /// A rubric file that is not JSON or breaks the format.
    case invalidRubric(path: String, RubricLoadError)
    /// A policy file that is not JSON or breaks the policy format or a fixed rule.
    case invalidPolicy(path: String, RubricLoadError)
    /// An answers file that is not JSON, not an object of strings, or names unknown ids.
    case invalidAnswersFile(path: String, AnswersDocumentError)
    /// An answers file, read where nobody is asked, that leaves core questions unanswered:
    /// missing answers (a usage error), each named as a problem of the file.
    case incompleteAnswersFile(path: String, AnswersDocumentError)
    /// Every strategy is excluded by the rubric for these answers.
    case everyStrategyExcluded
    /// An output file or stream that cannot be written, standard output included: a full
    /// disk, a closed descriptor, or a pipe whose reader has gone (`tunewise | head -c1` when
    /// the reader leaves before the report is written) all end with 73 and this one line.
    case cannotWrite(path: String, reason: String)
    /// The questionnaire reached end of input before it was complete.
    case endOfInput
    /// The questionnaire was left with `quit`.
    case questionnaireQuit
    /// Ctrl-C in the questionnaire's line editor.
    case interrupted
    /// `--expect` named a different strategy than the one recommended.
    case expectationFailed(expected: String, actual: String)
    /// Cost inputs that the cost model needs and nobody gave, as the flags that supply them.
    case missingCostInputs([String])
    /// A cost flag whose value is not a number within the field's bounds.
    case invalidCostNumber(flag: String, value: String, reason: String)
    /// A cost inputs file that is not JSON or holds unknown keys or bad numbers.
    case invalidCostFile(path: String, problems: [String])
    /// `init FILE` when FILE exists and `--force` was not given.
    case fileExists(path: String)
    /// A compressed data file, with the command that decompresses it; `flag` is the one that
    /// named it (`--eval`, `--data`), `nil` for the data command's own file.
    case compressedData(path: String, format: String, decompress: String, flag: String? = nil)
    /// `data FILE` given a file that is not text.
    case notJSONLines(path: String, reason: String)

    /// The name of standard output in ``cannotWrite(path:reason:)``.
    static let standardOutput = "standard output"

    /// The exit code for this error.
    public var exitCode: ExitCode {
        switch self {
        case .unknownWord, .unknownShortFlag, .missingValue, .invalidValue, .ambiguousValue, .invalidAnswer, .repeatedFlag, .conflictingFlags,
            .flagNeedsFlag,
            .fixedAndVaried,
            .coreQuestionIncluded,
            .invalidWeight,
            .invalidPair, .sweepTooLarge, .sweepsDiffer, .missingAnswers, .incompleteAnswersFile, .missingArgument, .missingCostInputs,
            .invalidCostNumber:
            return .usage
        case .invalidCostFile, .compressedData, .notJSONLines:
            return .dataError
        case .invalidRubric, .invalidPolicy, .invalidAnswersFile, .everyStrategyExcluded, .rubricTooLargeToSweep, .rubricHasFindings:
            return .dataError
        case .cannotRead, .fileTooLarge: return .noInput
        case .cannotWrite: return .cannotCreate
        case .endOfInput, .questionnaireQuit, .interrupted: return .interrupted
        case .expectationFailed: return .expectationFailed
        case .fileExists: return .cannotCreate
        }
    }

    /// Whether a pointer to `--help` should follow the message.
    var isUsageError: Bool { exitCode == .usage }

    /// The help topic that describes what a data error is about, when that is not the
    /// failing command's own topic: a rubric's format, or a cost file's fields.
    var dataTopic: String? {
        switch self {
        case .invalidRubric, .invalidPolicy, .rubricTooLargeToSweep, .rubricHasFindings, .everyStrategyExcluded: "rubric"
        case .invalidCostFile: "cost"
        default: nil
        }
    }

    /// Whether the help to read follows the message: not after a failed `--expect` (a
    /// result), the end of the questionnaire's input, or standard output that cannot be
    /// written (where no help would help, nor be read).
    var pointsToHelp: Bool {
        switch self {
        case .expectationFailed, .endOfInput, .questionnaireQuit, .interrupted: false
        case .cannotWrite(let path, _): path != Self.standardOutput
        default: true
        }
    }

    /// The one-line message, without the `tunewise: ` prefix: the problem and the nearest fix.
    public var message: String { layout.first }

    /// Lines that follow the message: the allowed values when they would make the message
    /// longer than ``messageLimit``, a long list of what is missing, or every further problem
    /// of an invalid file.
    var details: [String] { layout.details }

    /// The longest first line, in characters, that a list of allowed values is kept on.
    static let messageLimit = 100

    /// The message and the lines that follow it, decided together so that a list is on one
    /// or the other.
    private var layout: (first: String, details: [String]) {
        switch self {
        case .unknownWord(let word, let kind, let allowed, let suggestion):
            return withAllowed("unknown \(kind) '\(word)'\(didYouMean(suggestion))", allowed)
        case .unknownShortFlag(let flag, let suggestion):
            return ("unknown flag '\(flag)': the only short flag is -h\(didYouMean(suggestion))", [])
        case .missingValue(let flag, let allowed):
            return withAllowed("\(flag) needs a value", allowed ?? [])
        case .invalidValue(let flag, let value, let allowed, let suggestion):
            return withAllowed("invalid value '\(value)' for \(flag)\(didYouMean(suggestion))", allowed)
        case .ambiguousValue(let flag, let value, let matches, let allowed):
            let choices = matches.map { "'\($0)'" }.joined(separator: " or ")
            return withAllowed("ambiguous value '\(value)' for \(flag): could be \(choices); type more letters", allowed)
        case .invalidAnswer(let problem):
            return withAllowed(problem.summary, problem.allowed, label: problem.allowedLabel)
        case .repeatedFlag(let flag):
            return ("\(flag) was given more than once; give it once", [])
        case .conflictingFlags(let first, let second):
            return ("\(first) and \(second) cannot be used together", [])
        case .flagNeedsFlag(let flag, let needs):
            return ("\(flag) only applies with \(needs); give both, or leave \(flag) out", [])
        case .fixedAndVaried(let question, let fix, let varying):
            return ("\(fix) holds \(question), but \(varying) varies it; give only one", [])
        case .coreQuestionIncluded(let question):
            return ("--include \(question) is not needed: core questions are always varied", [])
        case .invalidWeight(let value, let reason):
            return ("invalid --weight '\(value)': \(reason)", [])
        case .invalidPair(let flag, let value, let reason, let expected):
            return ("invalid \(flag) '\(value)': \(reason); expected \(expected)", [])
        case .sweepsDiffer(let against):
            return ("--against \(against): that rubric cannot be swept over the same questions, answers and strategies", [])
        case .sweepTooLarge:
            return ("the sweep covers more situations than can be counted; hold some answers with --fix or include fewer questions", [])
        case .rubricTooLargeToSweep(let path, let ruleLimit):
            let reason = ruleLimit.map { "more than \($0) rules or more than \($0) exclusions" } ?? "more situations than can be counted"
            return ("rubric \(path) is too large to sweep: it has \(reason)", [])
        case .rubricHasFindings(let path, let count):
            return ("rubric \(path) fails the check with \(count == 1 ? "1 finding" : "\(count) findings"), one a line on standard output", [])
        case .missingAnswers(let questions):
            // One question is named even when that is a little longer.
            return listed(
                questions.map { "--\($0)" }, "missing answers for ", counted: "\(questions.count) core questions unanswered",
                fix: "; answer them with flags, --answers FILE or in a terminal")
        case .missingArgument(let command, let expected):
            return ("'\(command)' needs \(expected)", [])
        case .cannotRead(let path, let reason):
            return ("cannot read \(path): \(reason)", [])
        case .fileTooLarge(let path, let limit):
            return ("\(path) is larger than the \(limit / 1024 / 1024) MiB limit for input files; not read", [])
        case .invalidRubric(let path, .syntax(let error)):
            return fileProblems("rubric \(path) is not valid JSON", [error.description], pointer: false)
        case .invalidRubric(let path, .invalid(let problems)):
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return fileProblems("rubric \(path) is invalid (\(count))", problems.map(\.description), pointer: false)
        case .invalidPolicy(let path, .syntax(let error)):
            return fileProblems("policy \(path) is not valid JSON", [error.description], pointer: false)
        case .invalidPolicy(let path, .invalid(let problems)):
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return fileProblems("policy \(path) is invalid (\(count))", problems.map(\.description), pointer: false)
        case .invalidAnswersFile(let path, let error):
            if case .syntax = error { return fileProblems("answers file \(path) is not valid JSON", error.problems, pointer: false) }
            return fileProblems("answers file \(path)", error.problems)
        case .incompleteAnswersFile(let path, let error):
            return fileProblems("answers file \(path)", error.problems)
        case .invalidCostFile(let path, let problems):
            return fileProblems("cost file \(path)", problems)
        case .everyStrategyExcluded:
            return ("the rubric's exclusions leave no strategy for these answers", [])
        case .cannotWrite(let path, let reason):
            return ("cannot write \(path): \(reason)", [])
        case .endOfInput:
            return ("the questionnaire ended before it was complete; nothing was written", [])
        case .questionnaireQuit:
            return ("left the questionnaire; nothing was written", [])
        case .interrupted:
            return ("interrupted; nothing was written", [])
        case .expectationFailed(let expected, let actual):
            return ("expected \(expected), but the advice is \(actual)", [])
        case .missingCostInputs(let flags):
            let (first, details) = listed(
                flags, "missing cost inputs: ", counted: "missing \(flags.count) cost inputs", fix: "; pass them as flags or --cost FILE")
            return (first, details + ["  'tunewise cost --template' writes a --cost FILE to fill in"])
        case .invalidCostNumber(let flag, let value, let reason):
            // What is expected follows on its own line when the first would pass the limit.
            let parts = reason.split(at: "; expected ", maxSplits: 1).map(String.init)
            return withAllowed("invalid \(flag) '\(value)': \(parts[0])", Array(parts.dropFirst()), label: "expected")
        case .fileExists(let path):
            return ("\(path) already exists; nothing was written (--force overwrites it)", [])
        case .compressedData(let path, let format, let decompress, let flag):
            let isPiped = path == "standard input"
            let file = isPiped ? "FILE" : path
            if let flag {
                return ("\(path) is \(format)-compressed; give it decompressed: \(flag) <(\(decompress) \(file))", [])
            }
            let how = isPiped ? "decompress it in the pipe" : "pipe it in"
            return ("\(path) is \(format)-compressed; \(how): \(decompress) \(file) | tunewise data -", [])
        case .notJSONLines(let path, let reason):
            let file = path == "standard input" ? "FILE" : path
            // The reason's commands name the file as FILE, and the file they write as CONVERTED:
            // the name without its extension, then `.converted.jsonl`.
            let stem = [".jsonl", ".json", ".txt"].first { file.hasSuffix($0) }.map { String(file.dropLast($0.count)) } ?? file
            let pieces = reason.split(at: "CONVERTED", omittingEmptySubsequences: false).map {
                String($0).split(at: "FILE", omittingEmptySubsequences: false).joined(separator: file)
            }
            return ("\(path) " + pieces.joined(separator: stem + ".converted.jsonl"), [])
        }
    }

    /// `message` and `; allowed: …` when that fits ``messageLimit``; else `message` alone, with
    /// the allowed values on the line below.
    private func withAllowed(_ message: String, _ allowed: [String], label: String = "allowed") -> (first: String, details: [String]) {
        guard !allowed.isEmpty else { return (message, []) }
        let list = "\(label): \(allowed.joined(separator: ", "))"
        let inline = "\(message); \(list)"
        return "tunewise: \(inline)".count <= Self.messageLimit ? (inline, []) : (message, ["  " + list])
    }

    /// `lead`, the items and `fix` when that fits ``messageLimit`` or there is one item; else
    /// `counted` and `fix`, with the items on the line below.
    private func listed(_ items: [String], _ lead: String, counted: String, fix: String) -> (first: String, details: [String]) {
        let list = items.joined(separator: ", ")
        let inline = "\(lead)\(list)\(fix)"
        guard items.count > 1, "tunewise: \(inline)".count > Self.messageLimit else { return (inline, []) }
        return ("\(counted)\(fix)", ["  missing: " + list])
    }

    /// A file's first problem after `subject` on the message line, and its further problems
    /// below, indented. When the first line would pass ``messageLimit``, a list of ids in the
    /// first problem (`; known: …` or `; allowed: …`) moves to the line below it, and if the
    /// line is still too long, the first problem itself does, after `subject` and a colon.
    /// `pointer` adds "(N more problems below)", or "has N problems" to a first line of its own.
    private func fileProblems(_ subject: String, _ problems: [String], pointer: Bool = true) -> (first: String, details: [String]) {
        var first = problems[0]
        var list: [String] = []
        let rest = problems.dropFirst().map { "  \($0)" }
        let more = pointer ? morePointer(problems) : ""
        func fits(_ problem: String) -> Bool { "tunewise: \(subject): \(problem)\(more)".count <= Self.messageLimit }
        // The list is the problem's end: the last separator, as a key in its path may hold one.
        let separators = ["; known: ", "; allowed: "].compactMap { first.occurrences(of: $0).last }
        if !fits(first), let range = separators.max(by: { $0.lowerBound < $1.lowerBound }) {
            list = ["  " + first[range.lowerBound...].dropFirst(2)]
            first = String(first[..<range.lowerBound])
        }
        guard fits(first) else {
            let count = problems.count == 1 ? "a problem" : "\(problems.count) problems"
            return (pointer ? "\(subject) has \(count):" : "\(subject):", ["  " + first] + list + rest)
        }
        return ("\(subject): \(first)\(more)", list + rest)
    }

    /// " (1 more problem below)" when the file has more problems than the first.
    private func morePointer(_ problems: [String]) -> String {
        let more = problems.count - 1
        return more == 0 ? "" : " (\(more) more \(more == 1 ? "problem" : "problems") below)"
    }
}
