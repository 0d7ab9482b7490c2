import TunewiseKit

/// The flags of each command, names without dashes in help order: the one list per command
/// that its parser accepts, its completions offer and its unknown-flag message suggests
/// from (`advise` also takes a flag per rubric question and the cost flags); and what kind
/// of value each takes. A flag name means the same in every command. ``Contract/reservedQuestionIDs``,
/// in the core, keeps question ids off these names; a test holds the two equal.
extension Invocation {
    /// The flags of `advise` other than the question flags and ``costFieldFlags``.
    static let adviseFlags = [
        "answers", "save-answers", "rubric", "weight", "format", "expect", "why-not", "explain", "cost", "data", "no-input",
        "interactive", "no-color", "help", "version",
    ]
    /// The flags of `questions`.
    static let questionsFlags = ["rubric", "format"]
    /// The flags of `sweep`.
    static let sweepFlags = ["rubric", "format", "include", "all", "fix", "map", "weight", "no-color"]
    /// One flag per ``CostField``: `cost` takes them, and so does `advise --cost`.
    static let costFieldFlags = CostField.allCases.map(\.flagName)
    /// The flags of `cost`.
    static let costFlags = ["cost", "data", "transience", "format", "no-color", "template"] + costFieldFlags
    /// The flags of `diff`.
    static let diffFlags = ["rubric", "rubric-b", "format", "exit-code"]
    /// The flags of `init`.
    static let initFlags = ["force", "rubric"]
    /// The flags of `completions`.
    static let completionsFlags = ["rubric"]
    /// The flags of `help`.
    static let helpFlags = ["man"]

    /// Every flag of every command.
    static let allFlags = Set(
        adviseFlags + questionsFlags + sweepFlags + costFlags + diffFlags + initFlags + completionsFlags + helpFlags + DataRequest.flags)
    /// The flags that take no value: the scanner reads them bare, and completions offer no value.
    static let switches: Set<String> = [
        "help", "version", "no-input", "interactive", "no-color", "all", "explain", "template", "man", "exit-code", "force", "strict",
    ]
    /// The flags whose value is a file, for completions.
    static let fileFlags: Set<String> = ["rubric", "answers", "save-answers", "cost", "rubric-b", "eval", "data"]

    /// The usage error for `flag`, which a command taking `allowed` does not take: the
    /// allowed flags as spelled, with `--help`, and the closest of them.
    static func unknownFlag(_ flag: FlagArgument, allowed: [String]) -> CommandError {
        let spellings = allowed.map { "--\($0)" } + (allowed.contains("help") ? [] : ["--help"])
        return .unknownWord(flag.spelling, kind: "flag", allowed: spellings, suggestion: closestMatch(to: flag.spelling, in: spellings))
    }
}
