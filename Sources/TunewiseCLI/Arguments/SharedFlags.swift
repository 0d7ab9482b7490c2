import TunewiseKit

/// The flags and groups of flags that more than one command takes, each declared once.
/// A command splices a group into its flag list and may word a flag's help its own way with
/// ``FlagSpec/help(_:)``; the name, kind and argument stay those declared here.
extension FlagSpec {
    /// `-h, --help`: every command takes it; the parser answers it before anything else.
    static let helpFlag = FlagSpec("help", .toggle, help: "show this help", shortName: "h")
    /// `--version`: every command takes it; the parser answers it before anything else.
    static let versionFlag = FlagSpec("version", .toggle, help: "show the version")
    /// The flags every command takes whether it lists them or not.
    static let global = [helpFlag, versionFlag]

    /// `--rubric FILE`: a rubric other than the built-in one.
    static let rubricFile = FlagSpec("rubric", .file, help: "use a rubric other than the built-in one")

    /// `--rubric FILE`, with the command's own words for what the rubric is for.
    static func rubric(_ help: @autoclosure @escaping @Sendable () -> String) -> FlagSpec { rubricFile.withHelp(help()) }

    /// `--format FORMAT`, one of `Format`'s cases, the first the default; `note` follows
    /// the list of formats in the help.
    static func format<Format: RawRepresentable & CaseIterable>(_: Format.Type, note: String = "") -> FlagSpec
    where Format.RawValue == String {
        let names = Format.allCases.map(\.rawValue)
        let choices = names.map { Choice(value: $0, description: "\($0) format") }
        return FlagSpec("format", .choice(choices), argument: "FORMAT", help: HelpText.formats(names) + note)
    }

    /// `--weight QUESTION-ID=N`, repeatable; read with ``ParsedArguments/weights()``.
    static let weight = FlagSpec(
        "weight", .value(completes: .questionAssignments), argument: "QUESTION-ID=N",
        help: "override one question's weight (0 to \(JSONWriter.format(Rubric.numberLimit))); repeatable", isRepeatable: true)

    /// `--data FILE`: a training file measured as `tunewise data` measures it; `advise` and
    /// `cost` take it, each wording its help its own way.
    static let dataFile = FlagSpec("data", .file, help: "a training file measured as 'tunewise data' measures it")

    /// `--no-color`.
    static let noColor = FlagSpec("no-color", .toggle, help: "plain text (also when NO_COLOR is set or TERM=dumb)")
    /// `--no-color` on a command whose reports have no colour: taken and ignored, so that a
    /// script may pass it to every command.
    static let noColorAccepted = noColor.withHelp("taken for scripts that pass it to every command: this report has no colour")

    /// `--QUESTION-ID OPTION-ID`: a flag per rubric question.
    static let questionAnswer = FlagSpec("QUESTION-ID", .questionAnswer, help: "answer one question (also --QUESTION-ID=OPTION-ID)")
    /// `--answers FILE`.
    static let answers = FlagSpec(
        "answers", .file, help: "answers as a JSON object {\"question-id\": \"option-id\"}; '-' reads standard input; flags win over the file")
    /// `--save-answers FILE`.
    static let saveAnswers = FlagSpec("save-answers", .file, help: "write the final answers to FILE (atomically)")
    /// The answer flags: a flag per rubric question, an answers file, and where to save the
    /// final answers.
    static let answerFlags = [questionAnswer, answers, saveAnswers]

    /// One flag per ``CostField``, `--requests-per-day N` and so on: `cost` takes them, and so
    /// does `advise` for its cost section. Unlisted: `cost`'s help lists them in a section of
    /// their own. Read with ``CostRequest/inputs(from:readingTransience:)``.
    static let costInputs = CostField.allCases.map { field in
        FlagSpec(field.flagName, .value(), expected: field.allowedDescription, argument: "N", help: field.summary, isListed: false)
    }
}
