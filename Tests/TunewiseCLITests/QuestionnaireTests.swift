import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

struct QuestionnaireTests {
    let rubric = BuiltInRubric.load()

    var dataVolume: Question { rubric.question("data-volume")! }

    @Test(arguments: [
        ("2", TypedAnswer.option("few")), ("thousands", .option("thousands")), ("th", .option("thousands")),
        ("  HUN ", .option("hundreds")), ("?", .help), ("", .empty), ("-", .skip), ("skip", .skip), ("done", .done),
    ])
    func readsNumbersIdsAndPrefixes(typed: String, expected: TypedAnswer) {
        #expect(TypedAnswer.parse(typed, for: dataVolume) == expected)
    }

    @Test func hintsAtWhatIsAllowed() {
        #expect(TypedAnswer.parse("9", for: dataVolume) == .invalid("there is no option 9; type 1-4, an option name, or ? for help"))
        // Text that is no option's prefix goes to the resolver, whose problem is the hint.
        #expect(TypedAnswer.parse("lots", for: dataVolume) == .option("lots"))
        let modelSize = rubric.question("model-size")!
        #expect(TypedAnswer.parse("s", for: modelSize) == .option("small"))
        let contextSize = rubric.question("context-size")!
        #expect(TypedAnswer.parse("s", for: contextSize) == .option("snippet"))
    }

    @Test func anUnknownOptionIsHintedByTheResolverWithTheClosestOption() {
        let console = ScriptedConsole(lines: ["knowledge", "lots", "thousnds", "thousands", "static", "open", "minimal", "days", "", "n", ""])
        var wide = console
        wide.environment = ["COLUMNS": "120"]
        let (code, result) = run(["--interactive"], wide)
        #expect(code == .success)
        #expect(result.transcript.contains("\n'lots' is not an option; type 1-4, one of none, few, hundreds, thousands, or ? for help\n"))
        #expect(result.transcript.contains("\n'thousnds' is not an option (did you mean 'thousands'?); type 1-4,"))
        #expect(result.errors.contains("--data-volume thousands"))
    }

    @Test func asksTheCoreQuestionsThenSkipsTheRefinements() throws {
        let console = ScriptedConsole(lines: ["behavior", "4", "static", "conf", "3", "months", "critical", "n", ""])
        let (code, result) = run(["--interactive", "--format", "json"], console)
        #expect(code == .success)
        #expect(result.transcript.contains("[1 of 7] What the model must gain"))
        #expect(result.transcript.contains("[2 of 7] Data volume"))
        #expect(result.transcript.contains("[7 of 7]"))
        #expect(result.output.contains("\"strategy\": \"fine-tuning\""))
        // Wrapped at flag boundaries; joined, it is the command as one line.
        #expect(
            ShellCommandLayout.joined(result.errors).split(separator: " ").joined(separator: " ").contains(
                "tunewise --need behavior --data-volume thousands --transience static --governance confidential --budget substantial --time-to-market months --consistency critical --format json --no-input"
            ))
    }

    @Test func reasksAfterAnInvalidAnswerAndShowsHelpOnQuestionMark() throws {
        let console = ScriptedConsole(lines: ["2", "?", "lots", "7", "few", "1", "", "open", "1", "1", "", "n", ""])
        let (code, result) = run(["--interactive", "--format", "json"], console)
        #expect(code == .success)
        #expect(result.transcript.contains(dataVolume.help.wrapped(to: 80)))
        #expect(result.transcript.contains("'lots' is not an option"))
        #expect(result.transcript.contains("there is no option 7"))
        // Enter takes the default where there is one (consistency); governance has none, so
        // it is asked again: who may see the data is never assumed.
        #expect(result.transcript.contains("> governance: \nThis question needs an answer; type 1-3 or an option name.\n"))
        #expect(result.output.contains("\"governance\": \"open\""))
        #expect(result.output.contains("\"consistency\": \"important\""))
    }

    @Test func aBritishSpellingIsRecordedAsTheOptionsId() {
        let console = ScriptedConsole(lines: ["Behaviour", "few", "static", "open", "minimal", "days", "", "n", ""])
        let (code, result) = run(["--interactive", "--format", "json"], console)
        #expect(code == .success)
        #expect(result.output.contains("\"need\": \"behavior\""))
        #expect(result.errors.contains("   1. need              behavior"))
    }

    @Test func enterOnADefaultEchoesTheChosenOption() {
        let console = ScriptedConsole(lines: ["knowledge", "few", "static", "open", "minimal", "days", "", "n", ""])
        let (code, result) = run(["--interactive"], console)
        #expect(code == .success)
        #expect(result.transcript.contains("> consistency [important]: \n> consistency: important\n"))
    }

    @Test func hintsAreAsLegibleAsTheQuestionsInAColourTerminal() {
        let lines = ["lots", "-", "knowledge", "9", "few", "static", "open", "minimal", "days", "flexible", "y", "done", ""]
        let (code, result) = run([], ScriptedConsole(lines: lines, inputIsTerminal: true))
        #expect(code == .success)
        // Colour is on: the question's label is bold.
        #expect(result.transcript.contains("\u{1B}[1mWhat the model must gain\u{1B}[0m"))
        for hint in [
            "'lots' is not an option", "This question needs an answer; only refinements", "there is no option 9",
            "Press Enter or type - to skip one",
        ] {
            #expect(result.transcript.contains("\n" + hint), "\(hint) does not start its own plain line")
            #expect(!result.transcript.contains("\u{1B}[2m" + hint), "\(hint) is dimmed")
        }
    }

    @Test func savingAnswersSaysWhereOnStandardError() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("answers.json").path
        let (code, result) = run(lawFirmFlags + ["--save-answers", saved, "--format", "json"])
        #expect(code == .success)
        #expect(result.errors == "tunewise: wrote answers to \(saved)\n")
        #expect(result.output.hasPrefix("{"))
        #expect(FileManager.default.fileExists(atPath: saved))
    }

    @Test func aCoreQuestionCannotBeSkipped() {
        // The first core question, `need`, has no default: Enter does not answer it either.
        let console = ScriptedConsole(lines: ["-", "", "knowledge", "few", "static", "open", "minimal", "days", "flexible", "n", ""])
        let (code, result) = run(["--interactive"], console)
        #expect(code == .success)
        #expect(result.transcript.contains("only refinements can be skipped"))
        #expect(result.transcript.contains("This question needs an answer"))
    }

    @Test func answersRefinementsOneByOneAndStopsOnDone() {
        let lines = ["knowledge", "few", "static", "open", "minimal", "days", "flexible", "y", "snippet", "-", "", "strong", "done", ""]
        let (code, result) = run(["--interactive", "--format", "json"], ScriptedConsole(lines: lines))
        #expect(code == .success)
        #expect(result.transcript.contains("[refinement 1 of 12] "))
        #expect(result.transcript.contains("[refinement 5 of 12] "))
        #expect(!result.transcript.contains("[refinement 6 of 12] "))
        #expect(result.output.contains("\"context-size\": \"snippet\""))
        #expect(result.output.contains("\"ml-expertise\": \"strong\""))
        #expect(!result.output.contains("\"specialization\":"))
    }

    @Test func doesNotAskWhatFlagsAlreadyAnswered() {
        let console = ScriptedConsole(lines: ["few", "n", ""])
        let (code, result) = run(
            [
                "--interactive", "--need", "knowledge", "--transience", "static", "--governance", "open", "--budget", "minimal",
                "--time-to-market", "days", "--consistency", "flexible",
            ], console)
        #expect(code == .success)
        #expect(result.transcript.contains("[1 of 1] Data volume"))
        #expect(!result.transcript.contains("Information transience"))
    }

    @Test func endOfInputMidwayExits130WithNothingOnStandardOutput() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = directory.appendingPathComponent("answers.json").path
        let (code, result) = run(["--interactive", "--save-answers", saved], ScriptedConsole(lines: ["knowledge", "few", "static"]))
        #expect(code == .interrupted)
        #expect(result.output.isEmpty)
        #expect(result.errors.hasSuffix("tunewise: the questionnaire ended before it was complete; nothing was written\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func asksOnlyInATerminalUnlessTold() {
        let piped = run([], ScriptedConsole(lines: ["few"]))
        #expect(piped.code == .usage)
        #expect(piped.console.errors.hasPrefix("tunewise: 7 core questions unanswered;"))
        #expect(piped.console.errors.contains("\n  missing: --need, --data-volume, --transience"))
        let terminal = run(
            [], ScriptedConsole(lines: ["knowledge", "few", "static", "open", "minimal", "days", "flexible", "n", ""], inputIsTerminal: true))
        #expect(terminal.code == .success)
        let refused = run(["--no-input"], ScriptedConsole(lines: ["few"], inputIsTerminal: true))
        #expect(refused.code == .usage)
    }
}
