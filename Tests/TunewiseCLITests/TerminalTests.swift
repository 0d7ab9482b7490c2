import Foundation
import ProcessRunner
import Testing

/// A tmux session running `tunewise` under a real terminal, driven by keystrokes.
struct TmuxSession {
    static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    /// On CI (`CI=true`) the terminal tests run, and fail without tmux: `.ci/run` installs it.
    static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    /// tmux is missing where it is required.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "tmux is not installed at /usr/bin/tmux; CI=true requires it (.ci/run installs it)" }
    }

    let socket = "tunewise-test-\(UUID().uuidString.prefix(8))"

    /// Starts `command` in a new detached session `columns` by `rows`; the shell, which outlives
    /// a Ctrl-C, prints `EXIT=<code>` when it ends, then the terminal's line settings
    /// (`TTY=isig icanon echo` when tunewise restored them).
    init(_ command: String, columns: Int = 120, rows: Int = 40) throws {
        guard Self.isAvailable else { throw Unavailable() }
        let settings = "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(isig|icanon|echo)$' | tr '\\n' ' '"
        try tmux([
            "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "sh", "-c",
            "trap : INT; \(command); echo EXIT=$?; echo TTY=$(\(settings)); sleep 60",
        ])
    }

    /// Runs one tmux command and returns its standard output.
    ///
    /// The first command forks the tmux server, which may keep the output pipe open for as
    /// long as it runs; the runner reads what the command wrote and ends with it.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Command("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, standardError: .discard).run(timeout: 10).stdout
    }

    /// Types `keys` (tmux key names such as `Enter` or `C-d`, or literal text).
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// The whole screen and its scrollback.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0", "-S", "-500"]) }

    /// Waits for `text` to be on the screen `times` times (tmux trims the spaces that end a
    /// line), for `timeout` seconds of looks 50 ms apart. It keeps its thread while it sleeps:
    /// were it to yield, other tests could hold the runner's few threads for seconds, and a line
    /// that is on the screen only for a while (a progress line) would come and go unseen.
    func waitFor(_ text: String, times: Int = 1, timeout: TimeInterval = 15) throws -> Bool {
        for _ in 0..<Int(timeout * 20) {
            if try screen().components(separatedBy: text).count > times { return true }
            usleep(50_000)
        }
        return try screen().components(separatedBy: text).count > times
    }

    func close() { _ = try? tmux(["kill-server"]) }
}

extension BinaryTests {
    @Suite(.enabled(if: TmuxSession.isAvailable || TmuxSession.isRequired, "needs tmux"))
    struct TerminalTests {
        @Test func aPersonAnswersTheQuestionnaireAndGetsAReport() throws {
            let session = try TmuxSession(Binary.url.path)
            defer { session.close() }
            #expect(try session.waitFor("[1 of 7] What the model must gain"))
            // Enter takes consistency's default, which is echoed.
            for answer in ["behavior", "4", "static", "conf", "substantial", "months"] {
                try session.send(answer, "Enter")
            }
            #expect(try session.waitFor("> consistency [important]:"))
            try session.send("Enter")
            #expect(try session.waitFor("> consistency: important"))
            #expect(try session.waitFor("Answer them? [Y/n]"))
            try session.send("n", "Enter")
            #expect(try session.waitFor("> review [ok]:"))
            try session.send("Enter")
            #expect(try session.waitFor("EXIT=0"))
            #expect(try session.waitFor("TTY="))
            let screen = try session.screen()
            #expect(screen.contains("Recommendation: PEFT / fine-tuning"))
            #expect(
                joiningContinuations(String(screen[screen.range(of: "one command:\n")!.upperBound...])).split(separator: " ").joined(separator: " ")
                    == "tunewise --need behavior --data-volume thousands --transience static --governance confidential --budget substantial --time-to-market months --consistency important --no-input"
            )
            #expect(screen.contains("TTY=isig icanon echo"), "the terminal is as it was")
        }

        /// The built-in rubric's sweep is counted in well under the meter's delay; a weight of
        /// 1.1 (not a multiple of 2^-24) makes the sweep visit the situations, for seconds.
        @Test func aLongSweepShowsProgressOnTheTerminalAndClearsIt() throws {
            let session = try TmuxSession(
                "\(Binary.url.path) sweep --all --weight need=1.1 --fix time-to-market=months --fix budget=substantial --format csv > /dev/null")
            defer { session.close() }
            #if DEBUG
                #expect(try session.waitFor("tunewise: a debug build"))
                #expect(try session.waitFor("% done, about"))
            #endif
            #expect(try session.waitFor("EXIT=0", timeout: 120))
            #expect(!(try session.screen().contains("% done")), "the progress line is cleared at the end")
        }

        @Test func ctrlDMidwayExits130() throws {
            let session = try TmuxSession(Binary.url.path)
            defer { session.close() }
            #expect(try session.waitFor("[1 of 7] What the model must gain"))
            try session.send("knowledge", "Enter")
            #expect(try session.waitFor("[2 of 7] Data volume"))
            try session.send("C-d")
            #expect(try session.waitFor("EXIT=130"))
            #expect(try session.screen().contains("tunewise: the questionnaire ended before it was complete; nothing was written"))
        }

        @Test func ctrlCExits130AndWritesNoFile() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let saved = directory.appendingPathComponent("answers.json").path
            let session = try TmuxSession("\(Binary.url.path) --save-answers \(saved)")
            defer { session.close() }
            #expect(try session.waitFor("[1 of 7] What the model must gain"))
            try session.send("knowledge", "Enter")
            #expect(try session.waitFor("[2 of 7] Data volume"))
            try session.send("C-c")
            #expect(try session.waitFor("EXIT=130"))
            #expect(try session.screen().contains("tunewise: interrupted; nothing was written"))
            #expect(try session.waitFor("TTY=isig icanon echo"), "the terminal is restored after Ctrl-C")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
}
