import TunewiseData
import TunewiseKit

/// The `advise` flags that do not depend on the rubric; question flags and weights are
/// checked against the rubric once it is loaded.
struct AdviseRequest: Equatable {
    /// Which rubric, with which policy.
    var rubric = RubricSelection(policy: .discovered)
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
    /// `--token-limit N`, with `--data`: the token count the file's examples are held to.
    var tokenLimit: Int?
    /// Cost inputs given as `tunewise cost` flags; they win over the file.
    var costInputs = CostInputs()
    /// Whether any cost input was given, so the report gets a cost section.
    var wantsCost: Bool { costPath != nil || !costInputs.values.isEmpty }
    /// `--QUESTION-ID OPTION-ID` flags, in order, not yet checked against the rubric.
    var answerFlags: [FlagArgument] = []
    /// `--weight` values, in order, not yet checked against the rubric.
    var weights: [WeightOverride] = []
}

extension AdviseRequest {
    /// The flags of `advise`, in help order.
    static let flags: [FlagSpec] =
        FlagSpec.answerFlags + [
            .rubric("use a rubric other than the built-in one (rubric and answers files: UTF-8 JSON, at most \(InputFile.sizeLimit >> 20) MiB)")
        ] + FlagSpec.policyFlags + [
            .weight, .format(AdviseFormat.self, note: " (one line)"), expect, whyNot, explain, cost, data, tokenLimit, noInput, interactive,
            .noColor,
        ] + FlagSpec.global + FlagSpec.costInputs

    static let expect = FlagSpec("expect", .strategy, help: "exit 1 when the advice differs (for CI gates)")
    static let whyNot = FlagSpec("why-not", .strategy, help: "print only why that strategy is not the advice")
    static let explain = FlagSpec("explain", .toggle, help: "every reason and every change that would alter the advice")
    static let cost = CostRequest.costFile.withHelp(
        "add the cost of the plan over time from your own numbers (a 'tunewise cost' inputs file, '-' for standard input; every 'tunewise cost' flag works here too); where the prompted model already meets the bar, a trained step that would not pay back at them is ruled out"
    )
    static let data = FlagSpec.dataFile.withHelp(
        "measure a training file ('tunewise data') and answer data-volume and training-signal from it; flags and --answers win, with a note"
    )
    static let tokenLimit = DataRequest.tokenLimitFlag.withHelp(
        "with --data, count the file's examples over N tokens (default \(DataAnalyzer.Options().tokenLimit), as 'tunewise data' does)")
    static let noInput = FlagSpec("no-input", .toggle, help: "never ask; missing core answers are an error")
    static let interactive = FlagSpec("interactive", .toggle, help: "ask even when standard input is not a terminal")

    /// The request that checked `arguments` give.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        rubric = try RubricSelection(arguments)
        answersPath = arguments.value(FlagSpec.answers)
        saveAnswersPath = arguments.value(FlagSpec.saveAnswers)
        if saveAnswersPath == "-" {
            throw .invalidValue(
                flag: FlagSpec.saveAnswers.spelling, value: "-", allowed: ["a file name (standard output carries the report)"], suggestion: nil)
        }
        format = arguments.choice(.format(AdviseFormat.self), default: .text)
        expect = arguments.value(Self.expect)
        whyNot = arguments.value(Self.whyNot)
        explain = arguments.has(Self.explain)
        costPath = arguments.value(Self.cost)
        costInputs = try CostRequest.inputs(from: arguments, readingTransience: false)
        if costPath == "-", answersPath == "-" { throw .conflictingFlags("--answers -", "--cost -") }
        dataPath = arguments.value(Self.data)
        if dataPath == "-", let other = answersPath == "-" ? "--answers -" : (costPath == "-" ? "--cost -" : nil) {
            throw .conflictingFlags(other, "--data -")
        }
        tokenLimit = try DataRequest.tokenLimit(arguments)
        if tokenLimit != nil, dataPath == nil { throw .flagNeedsFlag(Self.tokenLimit.spelling, needs: "\(Self.data.spelling) FILE") }
        noInput = arguments.has(Self.noInput)
        interactive = arguments.has(Self.interactive)
        noColor = arguments.has(.noColor)
        if noInput, interactive { throw .conflictingFlags(Self.noInput.spelling, Self.interactive.spelling) }
        // The questionnaire reads standard input: no file may come from it as well.
        if interactive, let reader = [("--answers -", answersPath), ("--cost -", costPath), ("--data -", dataPath)].first(where: { $0.1 == "-" }) {
            throw .conflictingFlags(reader.0, Self.interactive.spelling)
        }
        weights = try arguments.weights()
        answerFlags = arguments.questionFlags
    }
}
