import Testing
@testable import TunewiseCLI

struct InvocationTests {
    @Test func bothFlagFormsGiveTheSameRequest() throws {
        let spaced = try Invocation.parse(["--data-volume", "few", "--format", "json", "--weight", "budget=2"])
        let joined = try Invocation.parse(["advise", "--data-volume=few", "--format=json", "--weight=budget=2"])
        #expect(spaced == joined)
        guard case let .advise(request) = spaced else {
            Issue.record("expected advise")
            return
        }
        #expect(request.format == .json)
        #expect(request.answerFlags == [FlagArgument(name: "data-volume", value: "few")])
        #expect(request.weights.map(\.question) == ["budget"] && request.weights.map(\.weight) == [2])
    }

    @Test func readsEverySwitchAndFileFlag() throws {
        let invocation = try Invocation.parse([
            "--answers", "-", "--save-answers", "out.json", "--rubric", "r.json", "--expect", "hybrid",
            "--no-input", "--no-color",
        ])
        var expected = AdviseRequest()
        expected.answersPath = "-"
        expected.saveAnswersPath = "out.json"
        expected.rubricPath = "r.json"
        expected.expect = "hybrid"
        expected.noInput = true
        expected.noColor = true
        #expect(invocation == .advise(expected))
    }

    @Test(arguments: [
        (["--format", "xml"], CommandError.invalidValue(flag: "--format", value: "xml", allowed: ["text", "json", "markdown"], suggestion: nil)),
        (["--format", "jsn"], .invalidValue(flag: "--format", value: "jsn", allowed: ["text", "json", "markdown"], suggestion: "json")),
        (["--format"], .missingValue(flag: "--format", allowed: ["text", "json", "markdown"])),
        (["--format="], .missingValue(flag: "--format", allowed: ["text", "json", "markdown"])),
        (["--format", "json", "--format", "text"], .repeatedFlag("--format")),
        (["--no-input", "--interactive"], .conflictingFlags("--no-input", "--interactive")),
        (["--answers", "-", "--interactive"], .conflictingFlags("--answers -", "--interactive")),
        (["--expect", "fine-tune"], .invalidValue(flag: "--expect", value: "fine-tune", allowed: ["prompt-engineering", "prompt-tuning", "fine-tuning", "hybrid"], suggestion: "fine-tuning")),
        (["--weight", "budget"], .invalidWeight("budget", reason: "no '='")),
        (["--weight", "=1"], .invalidWeight("=1", reason: "no question id before '='")),
        (["--weight", "budget=nan"], .invalidWeight("budget=nan", reason: "the weight is not finite")),
        (["--weight", "budget=inf"], .invalidWeight("budget=inf", reason: "the weight is not finite")),
        (["--weight", "budget=-1"], .invalidWeight("budget=-1", reason: "the weight is negative")),
        (["--weight", "budget=lots"], .invalidWeight("budget=lots", reason: "'lots' is not a number")),
        (["--weight", "budget=1", "--weight", "budget=2"], .repeatedFlag("--weight budget")),
        (["--no-input=yes"], .invalidValue(flag: "--no-input", value: "yes", allowed: ["no value"], suggestion: nil)),
        (["adivse"], .unknownWord("adivse", kind: "command", allowed: ["advise", "questions", "rubric", "help"], suggestion: "advise")),
        (["-x"], .unknownWord("-x", kind: "flag", allowed: ["--help"], suggestion: nil)),
        (["rubric"], .missingArgument(command: "rubric", expected: "a subcommand: validate")),
        (["rubric", "validate"], .missingArgument(command: "rubric validate", expected: "one or more rubric files (or 'default' for the built-in one)")),
        (["questions", "--data-volume", "few"], .unknownWord("--data-volume", kind: "flag", allowed: ["--rubric", "--format", "--help"], suggestion: nil)),
        (["help", "sweeep"], .unknownWord("sweeep", kind: "help topic", allowed: HelpText.topics, suggestion: nil)),
    ])
    func refusesBadCommandLines(arguments: [String], error: CommandError) {
        #expect(throws: error) { try Invocation.parse(arguments) }
        #expect(error.exitCode == .usage)
    }

    @Test func helpAndVersionAreCleanExits() throws {
        #expect(try Invocation.parse(["--help"]) == .help(topic: nil))
        #expect(try Invocation.parse(["-h"]) == .help(topic: nil))
        #expect(try Invocation.parse(["help", "questions"]) == .help(topic: "questions"))
        #expect(try Invocation.parse(["advise", "--help"]) == .help(topic: "advise"))
        #expect(try Invocation.parse(["--version"]) == .version)
        #expect(run(["--help"]).code == .success)
        #expect(run(["--version"]).console.output == "tunewise \(Tunewise.version)\n")
    }

    @Test func everyExitCodeIsTheContractsNumber() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 64, 65, 66, 73, 130])
        #expect(CommandError.cannotRead(path: "x", reason: "y").exitCode == .noInput)
        #expect(CommandError.invalidAnswersFile(path: "x", problems: ["y"]).exitCode == .dataError)
        #expect(CommandError.cannotWrite(path: "x", reason: "y").exitCode == .cannotCreate)
        #expect(CommandError.endOfInput.exitCode == .interrupted)
        #expect(CommandError.expectationFailed(expected: "a", actual: "b").exitCode == .expectationFailed)
        #expect(CommandError.missingAnswers(["budget"]).exitCode == .usage)
    }
}
