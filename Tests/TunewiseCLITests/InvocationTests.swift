import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

struct InvocationTests {
    @Test func bothFlagFormsGiveTheSameRequest() throws {
        let spaced: AdviseCommand? = try parsed(["--data-volume", "few", "--format", "json", "--weight", "budget=2"])
        let joined: AdviseCommand? = try parsed(["advise", "--data-volume=few", "--format=json", "--weight=budget=2"])
        #expect(spaced == joined)
        guard let request = spaced?.request else {
            Issue.record("expected advise")
            return
        }
        #expect(request.format == .json)
        #expect(request.answerFlags == [FlagArgument(name: "data-volume", value: "few")])
        #expect(request.weights.map(\.question) == ["budget"] && request.weights.map(\.weight) == [2])
    }

    @Test func readsEverySwitchAndFileFlag() throws {
        let invocation: AdviseCommand? = try parsed([
            "--answers", "-", "--save-answers", "out.json", "--rubric", "r.json", "--expect", "hybrid",
            "--no-input", "--no-color",
        ])
        var expected = AdviseRequest()
        expected.answersPath = "-"
        expected.saveAnswersPath = "out.json"
        expected.rubric = RubricSelection(rubricPath: "r.json", policy: .discovered)
        expected.expect = "hybrid"
        expected.noInput = true
        expected.noColor = true
        #expect(invocation == AdviseCommand(request: expected))
    }

    @Test func readsWhyNotAndExplain() throws {
        var expected = AdviseRequest()
        expected.whyNot = "hybrid"
        expected.explain = true
        #expect(try parsed(["--why-not", "hybrid", "--explain"]) == AdviseCommand(request: expected))
        #expect(try parsed(["advise", "--why-not=hybrid", "--explain"]) == AdviseCommand(request: expected))
        guard let plain = try parsed(["--need", "knowledge"], as: AdviseCommand.self)?.request else {
            Issue.record("expected advise")
            return
        }
        #expect(plain.whyNot == nil && !plain.explain)
        #expect(plain.answerFlags == [FlagArgument(name: "need", value: "knowledge")])
    }

    @Test(arguments: [
        (
            ["--format", "xml"],
            CommandError.invalidValue(flag: "--format", value: "xml", allowed: ["text", "json", "markdown", "summary"], suggestion: nil)
        ),
        (["--format", "jsn"], .invalidValue(flag: "--format", value: "jsn", allowed: ["text", "json", "markdown", "summary"], suggestion: "json")),
        (["--format"], .missingValue(flag: "--format", allowed: ["text", "json", "markdown", "summary"])),
        (["--format="], .missingValue(flag: "--format", allowed: ["text", "json", "markdown", "summary"])),
        (["--format", "json", "--format", "text"], .repeatedFlag("--format")),
        (["--no-input", "--interactive"], .conflictingFlags("--no-input", "--interactive")),
        (["--answers", "-", "--interactive"], .conflictingFlags("--answers -", "--interactive")),
        (["--cost", "-", "--interactive"], .conflictingFlags("--cost -", "--interactive")),
        (["--interactive", "--data", "-"], .conflictingFlags("--data -", "--interactive")),
        (
            ["--expect", "fine-tune"],
            .invalidValue(
                flag: "--expect", value: "fine-tune", allowed: ["prompt-engineering", "prompt-tuning", "fine-tuning", "hybrid"],
                suggestion: "fine-tuning")
        ),
        (
            ["--why-not", "fine-tune"],
            .invalidValue(
                flag: "--why-not", value: "fine-tune", allowed: ["prompt-engineering", "prompt-tuning", "fine-tuning", "hybrid"],
                suggestion: "fine-tuning")
        ),
        (["--why-not"], .missingValue(flag: "--why-not", allowed: ["prompt-engineering", "prompt-tuning", "fine-tuning", "hybrid"])),
        (["--why-not", "hybrid", "--why-not=hybrid"], .repeatedFlag("--why-not")),
        (["--explain=all"], .invalidValue(flag: "--explain", value: "all", allowed: ["no value"], suggestion: nil)),
        (["--weight", "budget"], .invalidWeight("budget", reason: "no '='; expected QUESTION-ID=NUMBER")),
        (["--weight", "=1"], .invalidWeight("=1", reason: "no question id before '='; expected QUESTION-ID=NUMBER")),
        (["--weight", "budget=nan"], .invalidWeight("budget=nan", reason: "a weight is a number from 0 to 1000000")),
        (["--weight", "budget=inf"], .invalidWeight("budget=inf", reason: "a weight is a number from 0 to 1000000")),
        (["--weight", "budget=-1"], .invalidWeight("budget=-1", reason: "a weight is a number from 0 to 1000000")),
        (["--weight", "budget=lots"], .invalidWeight("budget=lots", reason: "'lots' is not a number; expected QUESTION-ID=NUMBER")),
        (["--weight", "budget=1", "--weight", "budget=2"], .repeatedFlag("--weight budget")),
        (["--no-input=yes"], .invalidValue(flag: "--no-input", value: "yes", allowed: ["no value"], suggestion: nil)),
        (
            ["frob", "--help"],
            .unknownWord("frob", kind: "command", allowed: CommandRegistry.commands.map(\.name), suggestion: nil)
        ),
        (
            ["--save-answers", "-"],
            .invalidValue(flag: "--save-answers", value: "-", allowed: ["a file name (standard output carries the report)"], suggestion: nil)
        ),
        (["questions", "--format", "markdown"], .invalidValue(flag: "--format", value: "markdown", allowed: ["text", "json"], suggestion: nil)),
        (
            ["adivse"],
            .unknownWord("adivse", kind: "command", allowed: CommandRegistry.commands.map(\.name), suggestion: "advise")
        ),
        (["swep"], .unknownWord("swep", kind: "command", allowed: CommandRegistry.commands.map(\.name), suggestion: "sweep")),
        (["-x"], .unknownShortFlag("-x", suggestion: nil)),
        (["-v"], .unknownShortFlag("-v", suggestion: "--version")),
        (["sweep", "-f", "json"], .unknownShortFlag("-f", suggestion: "--format")),
        (["rubric"], .missingArgument(command: "rubric", expected: "a subcommand: validate, check, show")),
        (["rubric", "chek"], .unknownWord("chek", kind: "rubric subcommand", allowed: ["validate", "check", "show"], suggestion: "check")),
        (
            ["rubric", "check", "a.json", "b.json"],
            .unknownWord(
                "b.json", kind: "argument to 'rubric check'", allowed: ["one rubric file, or 'default' for the built-in one"], suggestion: nil)
        ),
        (
            ["rubric", "check", "--format", "json"],
            .unknownWord("--format", kind: "flag", allowed: ["--policy", "--no-policy", "--help"], suggestion: nil)
        ),
        (
            ["rubric", "validate"],
            .missingArgument(command: "rubric validate", expected: "one or more rubric files (or 'default' for the built-in one)")
        ),
        (
            ["questions", "--data-volume", "few"],
            .unknownWord(
                "--data-volume", kind: "flag", allowed: ["--format", "--rubric", "--policy", "--no-policy", "--no-color", "--help"], suggestion: nil)
        ),
        (["help", "sweeep"], .unknownWord("sweeep", kind: "help topic", allowed: CommandRegistry.topics, suggestion: "sweep")),
    ])
    func refusesBadCommandLines(arguments: [String], error: CommandError) {
        #expect(throws: error) { try CommandRegistry.parse(arguments) }
        #expect(error.exitCode == .usage)
    }

    @Test func bothFlagFormsGiveTheSameSweepRequest() throws {
        let spaced: SweepCommand? = try parsed([
            "sweep", "--include", "context-size", "--include", "model-access", "--fix", "budget=minimal",
            "--fix", "consistency=critical", "--map", "data-volume,transience", "--weight", "budget=2",
            "--format", "csv", "--rubric", "r.json", "--no-color",
        ])
        let joined: SweepCommand? = try parsed([
            "sweep", "--include=context-size", "--include=model-access", "--fix=budget=minimal",
            "--fix=consistency=critical", "--map=data-volume,transience", "--weight=budget=2",
            "--format=csv", "--rubric=r.json", "--no-color",
        ])
        var expected = SweepRequest()
        expected.rubric = RubricSelection(rubricPath: "r.json", policy: .discovered)
        expected.format = .csv
        expected.included = ["context-size", "model-access"]
        expected.fixed = [
            RawAnswer(question: "budget", value: .option("minimal"), source: .flag("--fix")),
            RawAnswer(question: "consistency", value: .option("critical"), source: .flag("--fix")),
        ]
        expected.map = SweepRequest.Map(row: "data-volume", column: "transience")
        expected.weights = [WeightOverride(question: "budget", weight: 2)]
        expected.noColor = true
        #expect(spaced == SweepCommand(request: expected))
        #expect(joined == spaced)
    }

    @Test func sweepDefaultsToTheCoreQuestionsAsText() throws {
        #expect(try parsed(["sweep"]) == SweepCommand(request: SweepRequest()))
        var all = SweepRequest()
        all.includesAll = true
        all.format = .markdown
        #expect(try parsed(["sweep", "--all", "--format", "markdown"]) == SweepCommand(request: all))
    }

    @Test func rubricCheckTakesAtMostOneFile() throws {
        #expect(try parsed(["rubric", "check"]) == CheckCommand(selection: RubricSelection(policy: .discovered)))
        #expect(try parsed(["rubric", "check", "default"]) == CheckCommand(selection: RubricSelection(rubricPath: "default", policy: .discovered)))
        #expect(
            try parsed(["rubric", "check", "mine.json"]) == CheckCommand(selection: RubricSelection(rubricPath: "mine.json", policy: .discovered)))
        #expect(
            try parsed(["rubric", "check", "--", "-odd.json"])
                == CheckCommand(selection: RubricSelection(rubricPath: "-odd.json", policy: .discovered)))
    }

    static let sweepFlags = [
        "--include", "--all", "--fix", "--map", "--rubric", "--policy", "--no-policy", "--against", "--weight", "--format", "--no-color", "--help",
    ]
    /// `--all`'s help states the built-in rubric's space, worked out rather than typed: seven
    /// core questions (3 × 4 × 3⁵), nine refinements of three options, two of four and one of
    /// two, each also unanswered.
    @Test func sweepAllStatesTheBuiltInSpace() {
        #expect(SweepRequest.builtInSituations == 3 * 4 * 243 * 262_144 * 5 * 5 * 3)
        #expect(SweepRequest.all.help.contains("57,330,892,800 situations"))
    }

    static let sweepFormats = ["text", "json", "markdown", "csv"]

    @Test(arguments: [
        (["sweep", "--format", "xml"], CommandError.invalidValue(flag: "--format", value: "xml", allowed: sweepFormats, suggestion: nil)),
        (["sweep", "--format=csvv"], .invalidValue(flag: "--format", value: "csvv", allowed: sweepFormats, suggestion: "csv")),
        (["sweep", "--format"], .missingValue(flag: "--format", allowed: sweepFormats)),
        (["sweep", "--format", "csv", "--format", "json"], .repeatedFlag("--format")),
        (["sweep", "--include"], .missingValue(flag: "--include", allowed: nil)),
        (["sweep", "--include="], .missingValue(flag: "--include", allowed: nil)),
        (["sweep", "--include", "model-access", "--include=model-access"], .repeatedFlag("--include model-access")),
        (["sweep", "--all", "--include", "model-access"], .conflictingFlags("--all", "--include model-access")),
        (["sweep", "--all=yes"], .invalidValue(flag: "--all", value: "yes", allowed: ["no value"], suggestion: nil)),
        (["sweep", "--fix", "budget"], .invalidPair(flag: "--fix", value: "budget", reason: "no '='", expected: "QUESTION-ID=OPTION-ID")),
        (
            ["sweep", "--fix", "=minimal"],
            .invalidPair(flag: "--fix", value: "=minimal", reason: "a part is empty", expected: "QUESTION-ID=OPTION-ID")
        ),
        (["sweep", "--fix=budget="], .invalidPair(flag: "--fix", value: "budget=", reason: "a part is empty", expected: "QUESTION-ID=OPTION-ID")),
        (
            ["sweep", "--fix=budget=minimal=moderate"],
            .invalidPair(flag: "--fix", value: "budget=minimal=moderate", reason: "more than one '='", expected: "QUESTION-ID=OPTION-ID")
        ),
        (["sweep", "--fix"], .missingValue(flag: "--fix", allowed: nil)),
        (
            ["sweep", "--map", "data-volume"],
            .invalidPair(flag: "--map", value: "data-volume", reason: "no ','", expected: "ROW-ID,COLUMN-ID")
        ),
        (
            ["sweep", "--map=data-volume,"],
            .invalidPair(flag: "--map", value: "data-volume,", reason: "a part is empty", expected: "ROW-ID,COLUMN-ID")
        ),
        (
            ["sweep", "--map", "budget,governance,transience"],
            .invalidPair(
                flag: "--map", value: "budget,governance,transience", reason: "more than one ','", expected: "ROW-ID,COLUMN-ID")
        ),
        (["sweep", "--map", "budget,governance", "--map=budget,transience"], .repeatedFlag("--map")),
        (["sweep", "--weight", "budget=-1"], .invalidWeight("budget=-1", reason: "a weight is a number from 0 to 1000000")),
        (["sweep", "--weight=budget=lots"], .invalidWeight("budget=lots", reason: "'lots' is not a number; expected QUESTION-ID=NUMBER")),
        (["sweep", "--weight", "budget=1", "--weight=budget=2"], .repeatedFlag("--weight budget")),
        (["sweep", "--exclude", "model-access"], .unknownWord("--exclude", kind: "flag", allowed: [], suggestion: "--include")),
        (["sweep", "--data-volume", "few"], .unknownWord("--data-volume", kind: "flag", allowed: sweepFlags, suggestion: nil)),
        (
            ["sweep", "data-volume"],
            .unknownWord("data-volume", kind: "argument to 'sweep'", allowed: ["flags only"], suggestion: nil)
        ),
    ])
    func refusesBadSweepCommandLines(arguments: [String], error: CommandError) {
        #expect(throws: error) { try CommandRegistry.parse(arguments) }
        #expect(error.exitCode == .usage)
    }

    static let questionIDs = BuiltInRubric.load().questions.map(\.id)

    /// Ids are checked against the rubric by the sweep itself; each refusal names the flag.
    @Test(arguments: [
        (
            ["--include", "context-sise"],
            CommandError.unknownWord("context-sise", kind: "question in --include", allowed: questionIDs, suggestion: "context-size")
        ),
        (
            ["--fix", "budgt=minimal"],
            .invalidAnswer(
                AnswerProblem(source: .flag("--fix"), question: "budgt", kind: .unknownQuestion, suggestion: "budget", allowed: questionIDs))
        ),
        // --fix answers go through the resolver, which finds a question answered twice.
        (
            ["--fix", "budget=minimal", "--fix=budget=moderate"],
            .invalidAnswer(AnswerProblem(source: .flag("--fix"), question: "budget", kind: .repeated, suggestion: nil, allowed: []))
        ),
        (
            ["--fix", "budget=huge"],
            .invalidValue(flag: "--fix budget", value: "huge", allowed: ["minimal", "moderate", "substantial"], suggestion: nil)
        ),
        (
            ["--fix", "budget=minimall"],
            .invalidValue(flag: "--fix budget", value: "minimall", allowed: ["minimal", "moderate", "substantial"], suggestion: "minimal")
        ),
        (["--map", "data-volume,transince"], .unknownWord("transince", kind: "question in --map", allowed: questionIDs, suggestion: "transience")),
        (
            ["--map", "budget,budget"],
            .invalidPair(
                flag: "--map", value: "budget,budget", reason: "the same question twice",
                expected: "two different question ids")
        ),
        (
            ["--fix", "budget=minimal", "--include", "budget"],
            .fixedAndVaried(question: "budget", fix: "--fix budget=minimal", varying: "--include budget")
        ),
        (
            ["--fix", "budget=minimal", "--map", "budget,transience"],
            .fixedAndVaried(question: "budget", fix: "--fix budget=minimal", varying: "--map budget,transience")
        ),
        // Core questions are always varied: including one is a mistake worth a word.
        (["--include", "need"], .coreQuestionIncluded("need")),
        (["--include", "model-access", "--include", "data-volume"], .coreQuestionIncluded("data-volume")),
        (["--weight", "budgie=1"], .unknownWord("budgie", kind: "question in --weight", allowed: questionIDs, suggestion: "budget")),
    ])
    func refusesSweepScopesTheRubricDoesNotAllow(arguments: [String], error: CommandError) {
        let (code, console) = run(["sweep"] + arguments)
        #expect(code == .usage)
        // The message, the allowed values when they did not fit it, then the help on sweep.
        let lines = console.errors.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "tunewise: \(error.message)"[...])
        #expect(lines.suffix(2) == ["Run 'tunewise help sweep' for usage.", ""])
        #expect(lines.dropFirst().dropLast(2).allSatisfy { $0.hasPrefix("  ") }, "\(console.errors)")
        #expect((lines.count > 3) == !error.details.isEmpty, "\(console.errors)")
        #expect(console.output.isEmpty)
    }

    @Test func sweepAndRubricCheckHaveHelp() throws {
        #expect(try parsed(["sweep", "--help"]) == HelpCommand(topic: "sweep"))
        #expect(try parsed(["rubric", "check", "--help"]) == HelpCommand(topic: "rubric"))
        #expect(try parsed(["help", "sweep"]) == HelpCommand(topic: "sweep"))
        let rubric = BuiltInRubric.load()
        let overview = HelpText.text(for: nil, rubric: rubric)
        #expect(overview.contains("tunewise sweep [--include QUESTION-ID"))
        #expect(overview.contains("tunewise rubric check [FILE]"))
        #expect(HelpText.text(for: "sweep", rubric: rubric).contains("--map ROW-ID,COLUMN-ID"))
        #expect(HelpText.text(for: "rubric", rubric: rubric).contains("tunewise rubric check [FILE]"))
    }

    @Test func helpAndVersionAreCleanExits() throws {
        #expect(try parsed(["--help"]) == HelpCommand(topic: nil))
        #expect(try parsed(["-h"]) == HelpCommand(topic: nil))
        #expect(try parsed(["help", "questions"]) == HelpCommand(topic: "questions"))
        #expect(try parsed(["advise", "--help"]) == HelpCommand(topic: "advise"))
        #expect(try parsed(["--version"]) == VersionCommand())
        #expect(run(["--help"]).code == .success)
        #expect(run(["--version"]).console.output == "tunewise \(Tunewise.version)\n")
    }

    @Test func everyExitCodeIsTheContractsNumber() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 64, 65, 66, 73, 130])
        #expect(CommandError.cannotRead(path: "x", reason: "y").exitCode == .noInput)
        #expect(CommandError.invalidAnswersFile(path: "x", .invalid([])).exitCode == .dataError)
        #expect(CommandError.cannotWrite(path: "x", reason: "y").exitCode == .cannotCreate)
        #expect(CommandError.endOfInput.exitCode == .interrupted)
        #expect(CommandError.expectationFailed(expected: "a", actual: "b").exitCode == .expectationFailed)
        #expect(CommandError.missingAnswers(["budget"]).exitCode == .usage)
    }
}

/// The help a usage error points to is the command's, wherever its flags stand.
@Test(arguments: [
    (["--format", "json", "sweep", "--bogus"], "sweep"), (["--no-color", "data", "train.jsonl", "--bogus"], "data"),
    (["--bogus"], "advise"), (["cost", "--bogus"], "cost"),
])
func aUsageErrorPointsToTheHelpOfTheCommandGiven(arguments: [String], topic: String) {
    let (code, console) = run(arguments)
    #expect(code == .usage)
    #expect(console.errors.hasSuffix("\nRun 'tunewise help \(topic)' for usage.\n"), "\(console.errors)")
}
