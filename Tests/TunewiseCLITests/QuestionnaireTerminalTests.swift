import Foundation
import ProcessRunner
import Testing
import TunewiseBuiltIn
import TunewiseKit

extension BinaryTests {
    /// The questionnaire in a real 80×24 terminal: moving around in it, editing a line, and the
    /// screen it leaves behind.
    @Suite(.enabled(if: TmuxSession.isAvailable || TmuxSession.isRequired, "needs tmux"))
    struct QuestionnaireTerminalTests {
        let rubric = BuiltInRubric.load()

        /// Waits for `text` to be on the screen `times` times (``TmuxSession/waitFor(_:times:timeout:)``),
        /// failing the test, not hanging it, when it does not come.
        func expectScreen(
            _ session: TmuxSession, _ text: String, times: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let found = try session.waitFor(text, times: times)
            #expect(found, "'\(text)' did not appear \(times) times", sourceLocation: sourceLocation)
            if !found { throw Unseen(text: text) }
        }

        struct Unseen: Error { var text: String }

        @Test func backAReviewEditAndArrowKeysAt80x24WithNoWordSplit() throws {
            let session = try TmuxSession(Binary.url.path, columns: 80, rows: 24)
            defer { session.close() }
            try expectScreen(session, "> need:")
            // A typo mended with the arrow keys: "behavor", two lefts, "i" inserted mid-line.
            try session.send("behavor", "Left", "Left", "i", "Enter")
            try expectScreen(session, "> data-volume:")
            try session.send("few", "Enter")
            try expectScreen(session, "> transience:")
            try session.send("back", "Enter")
            // Back at data-volume, whose answer is now the default; Home and End edit the line.
            try expectScreen(session, "> data-volume [few]:")
            try session.send("ousands", "Home", "th", "End", "Enter")
            for (prompt, times, answer) in [
                ("> transience:", 2, "static"), ("> governance:", 1, "conf"), ("> budget:", 1, "substantial"),
                ("> time-to-market:", 1, "months"), ("> consistency [important]:", 1, "important"), ("Answer them? [Y/n]", 1, "n"),
            ] {
                try expectScreen(session, prompt, times: times)
                try session.send(answer, "Enter")
            }
            try expectScreen(session, "> review [ok]:")
            #expect(try session.screen().contains("   2. data-volume       thousands"))
            // The review fits one screen: its title is still on it.
            #expect(try session.tmux(["capture-pane", "-p", "-t", "0"]).contains("Your answers"))
            try session.send("7", "Enter")
            try expectScreen(session, "> consistency [important]:", times: 2)
            try session.send("critical", "Enter")
            try expectScreen(session, "   7. consistency       critical")
            try session.send("Enter")
            try expectScreen(session, "EXIT=0")
            try expectScreen(session, "TTY=")
            let screen = try session.screen()
            #expect(screen.contains("TTY=isig icanon echo"), "the terminal is as it was")

            // No line is split mid-word: each word of what was asked is whole on some line.
            let lines = screen.split(separator: "\n")
            for line in lines { #expect(line.count <= 80) }
            let words = Set(lines.flatMap { $0.split(separator: " ") })
            for question in rubric.questions where question.isCore {
                for text in [question.text] + question.options.map(\.help) {
                    for word in text.split(separator: " ") { #expect(words.contains(word), "'\(word)' is split on the screen") }
                }
            }

            // The answer is at the bottom of the screen, above the prompt of the shell.
            let bottom = try session.tmux(["capture-pane", "-p", "-t", "0"])
            #expect(bottom.contains("In short: PEFT / fine-tuning"))
            #expect(bottom.contains("1. Now: PEFT / fine-tuning"))

            // The one-shot command, pasted into a shell, gives the same recommendation.
            let start = try #require(screen.range(of: "The same advice as one command:\n")).upperBound
            let command = joiningContinuations(String(screen[start...]))
            #expect(command.contains("--need behavior --data-volume thousands"))
            #expect(command.contains("--consistency critical --no-input"))
            let pasted = "'\(Binary.url.path)'" + command.trimmingPrefix { $0 == " " }.dropFirst("tunewise".count)
            let replayed = try Binary.run(["-c", pasted], environment: ["COLUMNS": "80"], executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(replayed.code == 0)
            let recommendation = try #require(replayed.stdout.split(separator: "\n").first)
            #expect(recommendation.hasPrefix("Recommendation: PEFT / fine-tuning"))
            #expect(screen.contains(recommendation), "the screen's report has the same first line")
        }

        @Test func aSignalWhileTheLineEditorWaitsRestoresTheTerminal() throws {
            // A shell that prints its process id, then becomes tunewise, which keeps the id.
            let session = try TmuxSession("sh -c 'echo PID=$$; exec \(Binary.url.path)'", columns: 80, rows: 24)
            defer { session.close() }
            try expectScreen(session, "> need:")
            let screen = try session.screen()
            let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("PID=") })
            let pid = try #require(Int32(line.dropFirst(4)))
            kill(pid, SIGTERM)
            try expectScreen(session, "EXIT=143")
            try expectScreen(session, "TTY=")
            #expect(try session.screen().contains("TTY=isig icanon echo"), "the terminal is restored before the signal ends tunewise")
        }

        @Test func quitLeavesWithExit130AndTheTerminalAsItWas() throws {
            let session = try TmuxSession(Binary.url.path, columns: 80, rows: 24)
            defer { session.close() }
            try expectScreen(session, "> need:")
            try session.send("knowledge", "Enter")
            try expectScreen(session, "> data-volume:")
            // An arrow key on a line the resolver refuses is quoted back as plain characters.
            try session.send("x", "Left", "Enter")
            try expectScreen(session, "'x' is not an option")
            try session.send("quit", "Enter")
            try expectScreen(session, "EXIT=130")
            try expectScreen(session, "TTY=")
            let screen = try session.screen()
            #expect(screen.contains("tunewise: left the questionnaire; nothing was written"))
            #expect(screen.contains("TTY=isig icanon echo"))
            #expect(!screen.contains("Recommendation:"))
        }
    }
}
