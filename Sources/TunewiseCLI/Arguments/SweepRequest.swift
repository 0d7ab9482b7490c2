import TunewiseBuiltIn
import TunewiseKit

/// The `sweep` flags that do not depend on the rubric; question and option ids are checked
/// against the rubric once it is loaded.
struct SweepRequest: Equatable {
    /// The two questions of `--map`: answers of `row` are the rows, of `column` the columns.
    struct Map: Equatable {
        var row: String
        var column: String
    }

    /// Which rubric, with which policy.
    var rubric = RubricSelection(policy: .discovered)
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
    /// `--against RUBRIC`: the rubric (`default` for the built-in one) to compare the advice
    /// with, without the policy's gates, rules and weights; the policy's answers stay held.
    var against: String?
}

extension SweepRequest {
    static let include = FlagSpec(
        "include", .value(completes: .refinements), argument: "QUESTION-ID", help: "vary a refinement too; repeatable", isRepeatable: true)
    static let all = FlagSpec(
        "all", .toggle,
        help:
            "vary every question of the rubric; for the built-in one, \(grouped(builtInSituations)) situations (counted, not visited: under a second)"
    )

    /// How many situations `--all` sweeps on the built-in rubric: each core question's options
    /// times each refinement's options and "unanswered".
    static let builtInSituations = BuiltInRubric.load().questions.reduce(1) { $0 * ($1.options.count + ($1.isCore ? 0 : 1)) }
    static let fix = FlagSpec(
        "fix", .value(completes: .answers), argument: "QUESTION-ID=OPTION-ID", help: "hold one answer fixed; repeatable", isRepeatable: true)
    static let map = FlagSpec(
        "map", .value(completes: .questions), argument: "ROW-ID,COLUMN-ID",
        help:
            "the winner for each pair of answers to two questions, over the other varied questions (with its share when it does not win them all)"
    )

    static let against = FlagSpec(
        "against", .file, argument: "RUBRIC",
        help:
            "also sweep RUBRIC ('default' for the built-in one) without the policy's gates, rules and weights (its answers stay held), and show how each strategy's share and the answers that moved most differ"
    )

    /// The flags of `sweep`, in help order.
    static let flags: [FlagSpec] = [
        include, all, fix, map, .rubric("sweep a rubric other than the built-in one"), .policyFile, .noPolicy, against, .weight,
        .format(SweepFormat.self), .noColor,
    ]

    /// The request that checked `arguments` give.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        rubric = try RubricSelection(arguments)
        format = arguments.choice(.format(SweepFormat.self), default: .text)
        includesAll = arguments.has(Self.all)
        noColor = arguments.has(.noColor)
        for question in arguments.values(Self.include) {
            guard !included.contains(question) else { throw .repeatedFlag("\(Self.include.spelling) \(question)") }
            included.append(question)
        }
        if includesAll, let question = included.first {
            throw .conflictingFlags(Self.all.spelling, "\(Self.include.spelling) \(question)")
        }
        for value in arguments.values(Self.fix) {
            let (question, option) = try ParsedArguments.pair(value, of: Self.fix, separator: "=", expected: "QUESTION-ID=OPTION-ID")
            fixed.append(RawAnswer(question: question, value: .option(option), source: .flag(Self.fix.spelling)))
        }
        if let value = arguments.value(Self.map) {
            let (row, column) = try ParsedArguments.pair(value, of: Self.map, separator: ",", expected: Self.map.argument)
            map = Map(row: row, column: column)
        }
        weights = try arguments.weights()
        against = arguments.value(Self.against)
        if against != nil, format == .csv {
            throw .conflictingFlags(Self.against.spelling, "--format csv")
        }
    }
}
