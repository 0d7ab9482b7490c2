import Testing

@testable import TunewiseCLI
@testable import TunewiseKit

/// The exit codes of SPEC.md ("Exit codes (fixed)"), and the one each error case maps to.
struct ExitCodeTests {
    /// SPEC.md's table: 0 advice given, 1 `--expect` did not match, 64 usage, 65 bad data,
    /// 66 an input file that cannot be opened, 73 an output file that cannot be written,
    /// 130 the questionnaire interrupted or at end of input.
    @Test func theExitCodesAreTheDocumentedNumbers() {
        let documented: [(ExitCode, Int32)] = [
            (.success, 0), (.expectationFailed, 1), (.usage, 64), (.dataError, 65), (.noInput, 66),
            (.cannotCreate, 73), (.interrupted, 130),
        ]
        #expect(documented.map(\.0) == ExitCode.allCases)
        for (code, number) in documented { #expect(code.rawValue == number, "\(code)") }
    }

    /// One error of every case, with the exit code SPEC.md documents for what it means.
    static let errors: [(error: CommandError, code: Int32)] = [
        // 64: unknown command or flag, unknown question or option, missing answers, bad flag values.
        (.unknownWord("frob", kind: "command", allowed: ["advise"], suggestion: nil), 64),
        (.unknownShortFlag("-v", suggestion: "--version"), 64),
        (.missingValue(flag: "--format", allowed: ["text"]), 64),
        (.invalidAnswer(AnswerProblem(source: .flag("--need"), question: "need", kind: .unknownOption("x"), suggestion: nil, allowed: ["both"])), 64),
        (.invalidValue(flag: "--need", value: "facts", allowed: ["knowledge"], suggestion: nil), 64),
        (.ambiguousValue(flag: "--format", value: "m", matches: ["markdown", "md"], allowed: ["markdown", "md"]), 64),
        (.repeatedFlag("--format"), 64),
        (.conflictingFlags("--all", "--include"), 64),
        (.flagNeedsFlag("--token-limit", needs: "--data FILE"), 64),
        (.fixedAndVaried(question: "budget", fix: "--fix budget=minimal", varying: "--map budget,need"), 64),
        (.coreQuestionIncluded("budget"), 64),
        (.invalidWeight("budget", reason: "no '='"), 64),
        (.invalidPair(flag: "--fix", value: "budget", reason: "no '='", expected: "QUESTION=OPTION"), 64),
        (.sweepTooLarge, 64),
        (.missingAnswers(["need"]), 64),
        (.incompleteAnswersFile(path: "a.json", .invalid([])), 64),
        (.missingArgument(command: "rubric validate", expected: "a rubric file"), 64),
        (.missingCostInputs(["--examples"]), 64),
        (.invalidCostNumber(flag: "--examples", value: "-1", reason: "must not be negative"), 64),
        // 65: a rubric, answers or cost file that is not valid JSON or breaks the rules.
        (.invalidRubric(path: "r.json", .syntax(JSONSyntaxError(message: "unexpected end", line: 1, column: 2))), 65),
        (.invalidRubric(path: "r.json", .invalid([RubricProblem(path: "$", message: "not a valid rubric")])), 65),
        (.sweepsDiffer(against: "other.json"), 64),
        (.invalidPolicy(path: ".tunewise.json", .invalid([RubricProblem(path: "$.exclusions[0].when", message: "cannot narrow")])), 65),
        (.invalidAnswersFile(path: "a.json", .notAnObject(found: "an array")), 65),
        (.invalidCostFile(path: "c.json", problems: ["$: expected an object"]), 65),
        (.everyStrategyExcluded, 65),
        // 65: a data file that is compressed or not text.
        (.compressedData(path: "t.jsonl.gz", format: "gzip", decompress: "gunzip -c"), 65),
        (.notJSONLines(path: "t.bin", reason: "is not text"), 65),
        (.rubricTooLargeToSweep(path: "r.json", ruleLimit: 64), 65),
        (.rubricHasFindings(path: "r.json", count: 2), 65),
        // 66: an input file that cannot be opened.
        (.cannotRead(path: "a.json", reason: "No such file or directory"), 66),
        (.fileTooLarge(path: "a.json", limit: 16 << 20), 66),
        // 73: an output file that cannot be written.
        (.cannotWrite(path: "standard output", reason: "Broken pipe"), 73),
        (.fileExists(path: "answers.json"), 73),
        // 130: the questionnaire interrupted or at end of input.
        (.endOfInput, 130),
        (.questionnaireQuit, 130),
        (.interrupted, 130),
        // 1: `--expect` did not match.
        (.expectationFailed(expected: "hybrid", actual: "fine-tuning"), 1),
    ]

    @Test(arguments: errors)
    func eachErrorExitsWithItsDocumentedCode(_ error: CommandError, _ code: Int32) {
        #expect(error.exitCode.rawValue == code)
        // Usage errors, and only they, point to `--help`.
        #expect(error.isUsageError == (code == 64))
    }

    /// The table has one row per case (two for the two kinds of invalid rubric), so a new
    /// case must be added to it: ``caseName(_:)`` does not compile until it is named there.
    @Test func theTableCoversEveryCase() {
        let names = Self.errors.map { Self.caseName($0.error) }
        #expect(Set(names).count == Self.caseCount)
        #expect(names.count == Self.caseCount + 1)
    }

    /// How many cases ``CommandError`` has; ``caseName(_:)`` switches over all of them.
    static let caseCount = 37

    static func caseName(_ error: CommandError) -> String {
        switch error {
        case .unknownWord: "unknownWord"
        case .unknownShortFlag: "unknownShortFlag"
        case .missingValue: "missingValue"
        case .invalidValue: "invalidValue"
        case .ambiguousValue: "ambiguousValue"
        case .invalidAnswer: "invalidAnswer"
        case .repeatedFlag: "repeatedFlag"
        case .conflictingFlags: "conflictingFlags"
        case .flagNeedsFlag: "flagNeedsFlag"
        case .fixedAndVaried: "fixedAndVaried"
        case .coreQuestionIncluded: "coreQuestionIncluded"
        case .invalidWeight: "invalidWeight"
        case .invalidPair: "invalidPair"
        case .sweepTooLarge: "sweepTooLarge"
        case .rubricTooLargeToSweep: "rubricTooLargeToSweep"
        case .rubricHasFindings: "rubricHasFindings"
        case .missingAnswers: "missingAnswers"
        case .missingArgument: "missingArgument"
        case .cannotRead: "cannotRead"
        case .fileTooLarge: "fileTooLarge"
        case .invalidRubric: "invalidRubric"
        case .invalidPolicy: "invalidPolicy"
        case .sweepsDiffer: "sweepsDiffer"
        case .invalidAnswersFile: "invalidAnswersFile"
        case .incompleteAnswersFile: "incompleteAnswersFile"
        case .everyStrategyExcluded: "everyStrategyExcluded"
        case .cannotWrite: "cannotWrite"
        case .endOfInput: "endOfInput"
        case .questionnaireQuit: "questionnaireQuit"
        case .interrupted: "interrupted"
        case .expectationFailed: "expectationFailed"
        case .missingCostInputs: "missingCostInputs"
        case .invalidCostNumber: "invalidCostNumber"
        case .invalidCostFile: "invalidCostFile"
        case .fileExists: "fileExists"
        case .compressedData: "compressedData"
        case .notJSONLines: "notJSONLines"
        }
    }

    /// A file or data error names the help on what it is about: a rubric's format, a cost
    /// file's fields, or else the failing command's own topic.
    @Test func aDataErrorNamesTheHelpOnWhatItIsAbout() {
        func pointer(_ error: CommandError, command: String) -> Substring? {
            var console = ScriptedConsole()
            Tunewise.reportError(error, helpTopic: command, console: &console)
            return console.errors.split(separator: "\n").last
        }
        #expect(pointer(.rubricHasFindings(path: "r.json", count: 2), command: "rubric") == "See 'tunewise help rubric'.")
        #expect(pointer(.everyStrategyExcluded, command: "advise") == "See 'tunewise help rubric'.")
        #expect(pointer(.invalidCostFile(path: "c.json", problems: ["$: x"]), command: "advise") == "See 'tunewise help cost'.")
        #expect(pointer(.invalidAnswersFile(path: "a.json", .notAnObject(found: "an array")), command: "diff") == "See 'tunewise help diff'.")
        #expect(pointer(.cannotRead(path: "a.json", reason: "gone"), command: "advise") == "See 'tunewise help advise'.")
        #expect(
            pointer(.expectationFailed(expected: "hybrid", actual: "fine-tuning"), command: "advise")
                == "tunewise: expected hybrid, but the advice is fine-tuning")
    }
}
