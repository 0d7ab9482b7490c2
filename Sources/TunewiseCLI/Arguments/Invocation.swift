import TunewiseKit

/// What the command line asks for.
enum Invocation: Equatable {
    case advise(AdviseRequest)
    case questions(rubricPath: String?, format: QuestionsFormat)
    case validateRubrics([String])
    case sweep(SweepRequest)
    /// `cost`: each strategy's cost over time from the team's own numbers.
    case cost(CostRequest)
    /// `rubric check`: the rubric file, or `nil` for the built-in one.
    case checkRubric(path: String?)
    case help(topic: String?)
    case version
    /// `diff A.json B.json`: how the advice changes between two answers files or rubrics.
    case diff(DiffRequest)
    /// `help --man`: the manual page in roff.
    case manPage
    /// `completions SHELL`: a shell completion script for the rubric in use.
    case completions(CompletionsRequest)
    /// `init [FILE]`: a starter answers file.
    case initAnswers(InitRequest)
    /// `data FILE`: what a training file holds.
    case data(DataRequest)
}

/// The `advise` flags that do not depend on the rubric; question flags and weights are
/// checked against the rubric once it is loaded.
struct AdviseRequest: Equatable {
    var rubricPath: String?
    var answersPath: String?
    var saveAnswersPath: String?
    var format: AdviseFormat = .text
    var expect: String?
    var noInput = false
    var interactive = false
    var noColor = false
    /// `--explain`: every reason and every change that would alter the advice, not the top few.
    var explain = false
    /// `--why-not STRATEGY-ID`: print only why that strategy is not the advice.
    var whyNot: String?
    /// `--cost FILE`: cost inputs for a "Cost over time" section (`-` for standard input).
    var costPath: String?
    /// `--data FILE`: a training file whose measurement answers the data questions.
    var dataPath: String?
    /// Cost inputs given as `tunewise cost` flags; they win over the file.
    var costInputs = CostInputs()
    /// Whether any cost input was given, so the report gets a cost section.
    var wantsCost: Bool { costPath != nil || !costInputs.values.isEmpty }
    /// `--QUESTION-ID OPTION-ID` flags, in order, not yet checked against the rubric.
    var answerFlags: [FlagArgument] = []
    /// `--weight` values, in order, not yet checked against the rubric.
    var weights: [WeightOverride] = []
}

/// One `--weight QUESTION-ID=NUMBER`: a question's weight in place of the rubric's.
struct WeightOverride: Equatable {
    /// The question id as given, not yet checked against the rubric.
    var question: String
    /// The weight, from 0 to ``Rubric/numberLimit``.
    var weight: Double
}

/// The `sweep` flags that do not depend on the rubric; question and option ids are checked
/// against the rubric once it is loaded.
struct SweepRequest: Equatable {
    /// The two questions of `--map`: answers of `row` are the rows, of `column` the columns.
    struct Map: Equatable {
        var row: String
        var column: String
    }

    var rubricPath: String?
    var format: SweepFormat = .text
    /// `--include` question ids, in order.
    var included: [String] = []
    /// `--all`: every question of the rubric is varied.
    var includesAll = false
    /// `--fix` answers, in order, not yet checked against the rubric.
    var fixed: [RawAnswer] = []
    var map: Map?
    /// `--weight` values, in order, not yet checked against the rubric.
    var weights: [WeightOverride] = []
    var noColor = false
}

extension Invocation {
    /// The commands, for messages and help.
    static let commands = ["advise", "questions", "sweep", "cost", "rubric", "help", "diff", "completions", "init", "data"]
    /// The subcommands of `rubric`.
    static let rubricSubcommands = ["validate", "check"]

    /// Interprets a command line (without the program name).
    static func parse(_ arguments: [String]) throws(CommandError) -> Invocation {
        let scanned = try ArgumentScanner.scan(arguments)
        if scanned.has("version") { return .version }
        var positionals = scanned.positionals[...]
        let command = positionals.popFirst() ?? "advise"
        if scanned.has("help") {
            guard commands.contains(command) else { throw unknownCommand(command) }
            return .help(topic: command == "help" ? positionals.first : (scanned.positionals.isEmpty ? nil : command))
        }
        switch command {
        case "advise":
            try expectNoPositionals(positionals, command: "advise")
            return .advise(try parseAdvise(scanned))
        case "questions":
            try expectNoPositionals(positionals, command: "questions")
            try expectOnly(questionsFlags, in: scanned, formats: QuestionsFormat.allCases.map(\.rawValue))
            let format = try parseFormat(scanned, default: QuestionsFormat.text)
            return .questions(rubricPath: try scanned.single("rubric"), format: format)
        case "sweep":
            try expectNoPositionals(positionals, command: "sweep")
            return .sweep(try parseSweep(scanned))
        case "cost":
            try expectNoPositionals(positionals, command: "cost")
            return .cost(try CostRequest.parse(scanned))
        case "rubric":
            return try parseRubric(Array(positionals), scanned)
        case "diff":
            return .diff(try DiffRequest.parse(Array(positionals), scanned))
        case "completions":
            try expectOnly(completionsFlags, in: scanned)
            return .completions(try CompletionsRequest.parse(Array(positionals), rubricPath: try scanned.single("rubric")))
        case "init":
            try expectOnly(initFlags, in: scanned)
            return .initAnswers(
                try InitRequest.parse(Array(positionals), force: scanned.has("force"), rubricPath: try scanned.single("rubric")))
        case "data":
            return .data(try DataRequest.parse(Array(positionals), scanned))
        case "help":
            try expectOnly(helpFlags, in: scanned)
            if scanned.has("man") {
                try expectNoPositionals(positionals, command: "help --man")
                return .manPage
            }
            let topic = positionals.popFirst()
            if let topic, !HelpText.topics.contains(topic) {
                throw .unknownWord(topic, kind: "help topic", allowed: HelpText.topics, suggestion: closestMatch(to: topic, in: HelpText.topics))
            }
            try expectNoPositionals(positionals, command: "help")
            return .help(topic: topic)
        default:
            throw unknownCommand(command)
        }
    }

    private static func unknownCommand(_ command: String) -> CommandError {
        .unknownWord(command, kind: "command", allowed: commands, suggestion: closestMatch(to: command, in: commands))
    }

    private static func parseRubric(_ words: [String], _ scanned: ScannedArguments) throws(CommandError) -> Invocation {
        let subcommands = rubricSubcommands
        guard let subcommand = words.first else {
            throw .missingArgument(command: "rubric", expected: "a subcommand: \(subcommands.joined(separator: ", "))")
        }
        switch subcommand {
        case "validate":
            try expectOnly([], in: scanned)
            let files = Array(words.dropFirst())
            guard !files.isEmpty else {
                throw .missingArgument(command: "rubric validate", expected: "one or more rubric files (or 'default' for the built-in one)")
            }
            return .validateRubrics(files)
        case "check":
            try expectOnly([], in: scanned)
            let files = words.dropFirst()
            if let extra = files.dropFirst().first {
                throw .unknownWord(
                    extra, kind: "argument to 'rubric check'", allowed: ["one rubric file, or 'default' for the built-in one"], suggestion: nil)
            }
            return .checkRubric(path: files.first)
        default:
            throw .unknownWord(subcommand, kind: "rubric subcommand", allowed: subcommands, suggestion: closestMatch(to: subcommand, in: subcommands))
        }
    }

    private static func parseAdvise(_ scanned: ScannedArguments) throws(CommandError) -> AdviseRequest {
        var request = AdviseRequest()
        for flag in scanned.flags where flag.isMissingValue && adviseFlags.contains(flag.name) {
            throw .missingValue(
                flag: flag.spelling,
                allowed: flag.name == "format"
                    ? AdviseFormat.allCases.map(\.rawValue) : (["expect", "why-not"].contains(flag.name) ? Contract.strategyIDs : nil))
        }
        request.rubricPath = try scanned.single("rubric")
        request.answersPath = try scanned.single("answers")
        request.saveAnswersPath = try scanned.single("save-answers")
        if request.saveAnswersPath == "-" {
            throw .invalidValue(flag: "--save-answers", value: "-", allowed: ["a file name (standard output carries the report)"], suggestion: nil)
        }
        request.format = try parseFormat(scanned, default: .text)
        if let expect = try scanned.single("expect") {
            guard Contract.strategyIDs.contains(expect) else {
                throw .invalidValue(
                    flag: "--expect", value: expect, allowed: Contract.strategyIDs, suggestion: closestMatch(to: expect, in: Contract.strategyIDs))
            }
            request.expect = expect
        }
        if let whyNot = try scanned.single("why-not") {
            guard Contract.strategyIDs.contains(whyNot) else {
                throw .invalidValue(
                    flag: "--why-not", value: whyNot, allowed: Contract.strategyIDs, suggestion: closestMatch(to: whyNot, in: Contract.strategyIDs))
            }
            request.whyNot = whyNot
        }
        request.explain = scanned.has("explain")
        request.costPath = try scanned.single("cost")
        request.costInputs = try CostRequest.inputs(from: scanned, readingTransience: false)
        if request.costPath == "-", request.answersPath == "-" { throw .conflictingFlags("--answers -", "--cost -") }
        request.dataPath = try scanned.single("data")
        if request.dataPath == "-", let other = request.answersPath == "-" ? "--answers -" : (request.costPath == "-" ? "--cost -" : nil) {
            throw .conflictingFlags(other, "--data -")
        }
        request.noInput = scanned.has("no-input")
        request.interactive = scanned.has("interactive")
        request.noColor = scanned.has("no-color")
        if request.noInput, request.interactive { throw .conflictingFlags("--no-input", "--interactive") }
        if request.answersPath == "-", request.interactive { throw .conflictingFlags("--answers -", "--interactive") }
        request.weights = try parseWeights(scanned)
        request.answerFlags = scanned.flags.filter { !adviseFlags.contains($0.name) && !costFieldFlags.contains($0.name) }
        return request
    }

    private static func parseSweep(_ scanned: ScannedArguments) throws(CommandError) -> SweepRequest {
        try expectOnly(sweepFlags, in: scanned, formats: SweepFormat.allCases.map(\.rawValue))
        var request = SweepRequest()
        request.rubricPath = try scanned.single("rubric")
        request.format = try parseFormat(scanned, default: .text)
        request.includesAll = scanned.has("all")
        request.noColor = scanned.has("no-color")
        for question in scanned.values("include") {
            guard !request.included.contains(question) else { throw .repeatedFlag("--include \(question)") }
            request.included.append(question)
        }
        if request.includesAll, let question = request.included.first {
            throw .conflictingFlags("--all", "--include \(question)")
        }
        for value in scanned.values("fix") {
            let (question, option) = try parsePair(value, flag: "--fix", separator: "=", expected: "QUESTION-ID=OPTION-ID")
            request.fixed.append(RawAnswer(question: question, value: .option(option), source: .flag("--fix")))
        }
        if let value = try scanned.single("map") {
            let (row, column) = try parsePair(value, flag: "--map", separator: ",", expected: "ROW-QUESTION-ID,COLUMN-QUESTION-ID")
            request.map = SweepRequest.Map(row: row, column: column)
        }
        request.weights = try parseWeights(scanned)
        return request
    }

    /// `value` split at its one `separator` into two non-empty parts.
    private static func parsePair(_ value: String, flag: String, separator: Character, expected: String) throws(CommandError) -> (String, String) {
        guard let split = value.firstIndex(of: separator) else {
            throw .invalidPair(flag: flag, value: value, reason: "no '\(separator)'", expected: expected)
        }
        let first = String(value[..<split])
        let second = String(value[value.index(after: split)...])
        guard !first.isEmpty, !second.isEmpty else {
            throw .invalidPair(flag: flag, value: value, reason: "a part is empty", expected: expected)
        }
        guard !second.contains(separator) else {
            throw .invalidPair(flag: flag, value: value, reason: "more than one '\(separator)'", expected: expected)
        }
        return (first, second)
    }

    /// Every `--weight` value, each question at most once.
    private static func parseWeights(_ scanned: ScannedArguments) throws(CommandError) -> [WeightOverride] {
        var weights: [WeightOverride] = []
        for value in scanned.values("weight") {
            let weight = try parseWeight(value)
            if weights.contains(where: { $0.question == weight.question }) {
                throw .repeatedFlag("--weight \(weight.question)")
            }
            weights.append(weight)
        }
        return weights
    }

    private static func parseWeight(_ value: String) throws(CommandError) -> WeightOverride {
        let format = "expected QUESTION-ID=NUMBER"
        guard let equals = value.firstIndex(of: "=") else { throw .invalidWeight(value, reason: "no '='; \(format)") }
        guard equals != value.startIndex else { throw .invalidWeight(value, reason: "no question id before '='; \(format)") }
        let question = String(value[..<equals])
        let number = value[value.index(after: equals)...]
        guard let weight = Double(number) else { throw .invalidWeight(value, reason: "'\(number)' is not a number; \(format)") }
        guard weight.isFinite, weight >= 0, weight <= Rubric.numberLimit else {
            throw .invalidWeight(value, reason: "a weight is a number from 0 to \(JSONWriter.format(Rubric.numberLimit))")
        }
        return WeightOverride(question: question, weight: weight)
    }

    /// The `--format` value, `fallback` when none is given.
    static func parseFormat<Format: RawRepresentable & CaseIterable>(
        _ scanned: ScannedArguments, default fallback: Format
    ) throws(CommandError) -> Format where Format.RawValue == String {
        let allowed = Format.allCases.map(\.rawValue)
        if scanned.flags.contains(where: { $0.name == "format" && $0.isMissingValue }) {
            throw .missingValue(flag: "--format", allowed: allowed)
        }
        guard let value = try scanned.single("format") else { return fallback }
        guard let format = Format(rawValue: value) else {
            throw .invalidValue(flag: "--format", value: value, allowed: allowed, suggestion: closestMatch(to: value, in: allowed))
        }
        return format
    }

    /// Refuses any flag not in `allowed`, then any flag without its value; `formats` are the
    /// values `--format` allows.
    private static func expectOnly(
        _ allowed: [String], in scanned: ScannedArguments, formats: [String] = ReportFormat.allCases.map(\.rawValue)
    ) throws(CommandError) {
        if let flag = scanned.flags.first(where: { !allowed.contains($0.name) }) { throw unknownFlag(flag, allowed: allowed) }
        if let flag = scanned.flags.first(where: \.isMissingValue) {
            throw .missingValue(flag: flag.spelling, allowed: flag.name == "format" ? formats : nil)
        }
    }

    private static func expectNoPositionals(_ words: ArraySlice<String>, command: String) throws(CommandError) {
        if let word = words.first {
            throw .unknownWord(word, kind: "argument to '\(command)'", allowed: ["flags only; see 'tunewise help \(command)'"], suggestion: nil)
        }
    }
}
