@testable import TunewiseCLI

/// A console that plays typed lines and records everything written, for in-process tests.
struct ScriptedConsole: Console {
    /// Lines still to be typed; when they run out, input ends.
    var lines: [String]
    var input: [UInt8] = []
    var output = ""
    var errors = ""
    /// The whole conversation in order: prompts and the lines typed in reply.
    var transcript = ""
    var inputIsTerminal = false
    var outputIsTerminal = false
    var errorIsTerminal = false
    var environment: [String: String] = [:]
    /// The width of the terminal standard error stands for; `nil`: not a terminal.
    var errorColumns: Int?

    init(lines: [String] = [], input: String = "", inputIsTerminal: Bool = false) {
        self.lines = lines
        self.input = Array(input.utf8)
        self.inputIsTerminal = inputIsTerminal
    }

    mutating func readLine() -> String? {
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        transcript += line + "\n"
        return line
    }

    mutating func readAllInput() throws(CommandError) -> [UInt8] { input }

    mutating func writeOutput(_ text: String) throws(CommandError) { output += text }

    mutating func writeError(_ text: String) {
        errors += text
        transcript += text
    }
}

/// Runs a command line in-process and returns its exit code and console.
func run(_ arguments: [String], _ console: ScriptedConsole = ScriptedConsole()) -> (code: ExitCode, console: ScriptedConsole) {
    var console = console
    let code = Tunewise.run(arguments, console: &console)
    return (code, console)
}

/// The seven core answers of the IBM law-firm case, as flags: extracting to a fixed legal
/// pattern is a behaviour to learn, not facts to look up.
let lawFirmFlags = [
    "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "confidential",
    "--budget", "substantial", "--time-to-market", "months", "--consistency", "critical",
]
