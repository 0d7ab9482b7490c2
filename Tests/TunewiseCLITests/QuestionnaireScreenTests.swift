import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// What the questionnaire prints fits the terminal it talks to, words whole.
struct QuestionnaireScreenTests {
    let rubric = BuiltInRubric.load()

    /// Every line typed to reach the report with every refinement asked, `?` on each question.
    var everyQuestionWithHelp: [String] {
        ["?", "knowledge", "?", "few", "?", "static", "?", "open", "?", "minimal", "?", "days", "?", "", "y"]
            + Array(repeating: ["?", "lots", ""], count: 12).flatMap { $0 } + [""]
    }

    @Test(arguments: [60, 80, 120])
    func everythingPrintedFitsTheWidthWithWordsWhole(width: Int) {
        var console = ScriptedConsole(lines: everyQuestionWithHelp)
        console.environment = ["COLUMNS": "\(width)"]
        let (code, result) = run(["--interactive"], console)
        #expect(code == .success)
        // The transcript has each typed line after its prompt, as a terminal echoes it.
        let lines = result.transcript.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= width, "\(line.count) columns: \(line)") }
        // Every word of every question, option and help is on some line whole.
        let words = Set(lines.flatMap { $0.split(separator: " ") })
        for question in rubric.questions {
            for text in [question.text, question.help] + question.options.map(\.help) {
                for word in text.split(separator: " ") { #expect(words.contains(word), "'\(word)' is split at \(width) columns") }
            }
        }
    }

    @Test func optionHelpHangsUnderItsColumn() {
        var console = ScriptedConsole(lines: ["quit"])
        console.environment = ["COLUMNS": "60"]
        let (_, result) = run(["--interactive"], console)
        // need's first option's help goes on under its own column, 16 spaces in.
        #expect(
            result.errors.contains(
                "  1  knowledge  Pick this if the model mainly has to answer\n                from your documents or data: manuals, FAQs,\n"))
    }

    @Test func theWidthIsStandardErrorsThenColumnsThen80() {
        var console = ScriptedConsole()
        #expect(console.promptWidth == 80)
        console.environment = ["COLUMNS": "100"]
        #expect(console.promptWidth == 100)
        console.errorColumns = 70
        #expect(console.promptWidth == 70)
    }

    @Test(arguments: [60, 80, 120])
    func theOneShotCommandBreaksOnlyBetweenFlagsAndRunsWhenJoined(width: Int) throws {
        let lines = ["both", "hundreds", "periodic", "role", "moderate", "weeks", "critical", "y", "documents", "niche", "done", ""]
        var console = ScriptedConsole(lines: lines)
        console.environment = ["COLUMNS": "\(width)"]
        let (code, result) = run(["--interactive", "--weight", "budget=1.5", "--format", "json"], console)
        #expect(code == .success)
        let marker = "The same advice as one command:\n"
        let start = try #require(result.errors.range(of: marker)).upperBound
        // The command's lines run up to the blank line before the recap.
        let commandLines = result.errors[start...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        let command = commandLines.joined(separator: "\n")
        #expect(commandLines.count > 1)
        for (index, line) in commandLines.enumerated() {
            #expect(line.count <= width)
            #expect(line.hasPrefix(index == 0 ? "  tunewise " : "    --"), "a line starts with a flag: \(line)")
            #expect(line.hasSuffix(" \\") == (index < commandLines.count - 1))
        }
        let words = ShellCommandLayout.joined(command).split(separator: " ").map(String.init)
        #expect(words.first == "tunewise")
        let replayed = run(Array(words.dropFirst()))
        #expect(replayed.code == .success)
        #expect(replayed.console.output == result.output)
    }

    /// Every flag that shaped the report is in the one-shot command, so it reproduces it.
    @Test func theOneShotCommandKeepsTheFlagsThatShapedTheReport() {
        let lines = ["behavior", "thousands", "static", "confidential", "substantial", "months", "critical", "n", ""]
        var console = ScriptedConsole(lines: lines)
        console.environment = ["COLUMNS": "200"]
        let (code, result) = run(["--interactive", "--explain", "--why-not", "hybrid"], console)
        #expect(code == .success)
        let marker = "The same advice as one command:\n"
        guard let start = result.errors.range(of: marker)?.upperBound else {
            Issue.record("no command in \(result.errors)")
            return
        }
        let command = ShellCommandLayout.joined(
            result.errors[start...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }.joined(separator: "\n"))
        #expect(command.split(separator: " ").suffix(4) == ["--explain", "--why-not", "hybrid", "--no-input"], "\(command)")
        var replay = ScriptedConsole()
        replay.environment = console.environment
        let replayed = run(command.split(separator: " ").dropFirst().map(String.init), replay)
        #expect(replayed.console.output == result.output)
    }

    @Test func theLayoutQuotesAndKeepsAUnitWholeEvenWhenItIsWide() {
        let layout = ShellCommandLayout(units: ["tunewise", "--rubric " + shellQuoted("my rubric's.json"), "--need knowledge", "--no-input"])
        #expect(layout.lines(width: 34) == ["  tunewise \\", "    --rubric 'my rubric'\\''s.json' \\", "    --need knowledge --no-input"])
        // Narrower than the rubric's unit: that unit has a line of its own, longer than the width.
        #expect(layout.lines(width: 20) == ["  tunewise \\", "    --rubric 'my rubric'\\''s.json' \\", "    --need knowledge \\", "    --no-input"])
        let joined = ShellCommandLayout.joined(layout.text(width: 20)).split(separator: " ")
        #expect(joined == ["tunewise", "--rubric", "'my", "rubric'\\''s.json'", "--need", "knowledge", "--no-input"])
    }

    /// The recap ends the screen: after a text report on a terminal, or on standard error
    /// when the report goes to a file or a pipe (whatever its format).
    @Test func anInteractiveRunEndsWithARecapOnTheScreen() {
        let lines = ["behavior", "thousands", "static", "confidential", "substantial", "months", "critical", "n", ""]
        var terminal = ScriptedConsole(lines: lines)
        terminal.outputIsTerminal = true
        terminal.environment = ["NO_COLOR": "1"]
        let (code, result) = run(["--interactive"], terminal)
        #expect(code == .success)
        let tail = result.output.split(separator: "\n").suffix(3)
        #expect(tail.first?.hasPrefix("In short: PEFT / fine-tuning (confidence: ") == true)
        #expect(tail.dropFirst().first?.hasPrefix("  1. Now: PEFT / fine-tuning") == true)
        // Redirected: the report stays whole, the recap is the last thing on the screen.
        let redirected = run(["--interactive", "--format", "json"], ScriptedConsole(lines: lines))
        #expect(!redirected.console.output.contains("In short:"))
        let screen = redirected.console.errors.split(separator: "\n").suffix(3)
        #expect(screen.first?.hasPrefix("In short: PEFT / fine-tuning (confidence: ") == true)
        // One-shot and scripted runs have none.
        #expect(!run(lawFirmFlags).console.output.contains("In short:"))
        #expect(!run(lawFirmFlags).console.errors.contains("In short:"))
    }
}
