import Foundation
import TunewiseCLI
import TunewiseKit

/// Command lines, run in-process against a console that holds standard input in memory.
///
/// The bytes up to the first 0xFF (which UTF-8 text never contains) are the arguments,
/// separated by NUL bytes (which arguments never contain); no bytes at all is no arguments.
/// Whatever follows a 0xFF is typed at a terminal: with it, standard input and output are
/// terminals, so the questionnaire runs. The console finds no files and refuses lengthy
/// work, so every command line runs as it would, failing where it needs either.
enum ArgumentsHarness {
    static func run(_ bytes: [UInt8]) -> String {
        let separator = bytes.firstIndex(of: 0xFF)
        let argumentBytes = bytes[..<(separator ?? bytes.endIndex)]
        let arguments =
            argumentBytes.isEmpty
            ? []
            : argumentBytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var console = MemoryConsole(input: separator.map { Array(bytes[($0 + 1)...]) })
        let code = Tunewise.run(arguments, console: &console)
        check(code, console, arguments)
        return "\(arguments): exit \(code.rawValue)"
    }

    /// What the product contract promises of every run.
    static func check(_ code: ExitCode, _ console: MemoryConsole, _ arguments: [String]) {
        let context = "exit \(code.rawValue) for \(arguments)"
        if code != .success {
            // One clear line on standard error, starting with the tool's name.
            require(console.errors.contains("tunewise: "), "\(context) with no error message:\n\(console.errors)")
        }
        // `rubric validate` and `rubric check` report on their files whatever they find: the
        // findings or unreadable files that make them fail are their report, not a partial one.
        let reportsFindings = zip(arguments, arguments.dropFirst()).contains { $0 == "rubric" && ["validate", "check"].contains($1) }
        if code != .success, code != .expectationFailed, !reportsFindings {
            // No partial report on standard output.
            require(console.output.isEmpty, "\(context) left output:\n\(console.output)")
        }
        if console.output.hasPrefix("{") {
            // Machine-readable reports are JSON.
            do {
                _ = try JSONParser.parse(Array(console.output.utf8))
            } catch {
                fatalError("\(context): the report is not JSON (\(error.description)):\n\(console.output)")
            }
        }
    }
}

/// A console whose standard input is in memory and whose output is kept; it finds no files,
/// and refuses work that may take seconds, so that every input runs in moments.
struct MemoryConsole: Console {
    /// What is typed, or `nil` when standard input is not a terminal (and is empty).
    private let input: [UInt8]
    private var lines: [String]
    var output = ""
    var errors = ""
    let inputIsTerminal: Bool
    let outputIsTerminal: Bool
    let environment: [String: String] = [:]

    init(input: [UInt8]?) {
        self.input = input ?? []
        inputIsTerminal = input != nil
        outputIsTerminal = input != nil
        // As Swift.readLine(strippingNewline:) reads them: a final line needs no line break.
        var lines = self.input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        if self.input.last == UInt8(ascii: "\n") || self.input.isEmpty { lines.removeLast() }
        self.lines = lines.reversed()
    }

    mutating func readLine() -> String? { lines.popLast() }

    mutating func readAllInput() throws(CommandError) -> [UInt8] { input }

    mutating func writeOutput(_ text: String) throws(CommandError) { output += text }

    mutating func writeError(_ text: String) { errors += text }

    /// Refuses every file, as a missing one is refused.
    mutating func readFile(_ path: String) throws(CommandError) -> [UInt8] {
        throw .cannotRead(path: path, reason: Self.missingFileReason)
    }

    /// Refuses every file, as one in a missing directory is refused.
    mutating func writeFile(_ text: String, to path: String) throws(CommandError) {
        throw .cannotWrite(path: path, reason: Self.missingFileReason)
    }

    /// Nothing is at any path.
    func fileExists(_ path: String) -> Bool { false }

    /// Refuses every file; `-` reads what is typed.
    mutating func openData(_ path: String) throws(CommandError) -> DataInput {
        guard path == "-" else { throw .cannotRead(path: path, reason: Self.missingFileReason) }
        return DataInput(bytes: input, name: "standard input")
    }

    /// Runs work that takes moments; refuses lengthy work (a rubric check, a sweep beyond the
    /// core questions) as too large.
    mutating func withProgress<Result>(
        _ label: String, isLengthy: Bool, _ work: (_ progress: ProgressHandler) throws(CommandError) -> Result
    ) throws(CommandError) -> Result {
        guard !isLengthy else { throw .sweepTooLarge }
        return try work { _ in }
    }

    /// What the system says of a missing file.
    private static let missingFileReason = String(cString: strerror(ENOENT))
}
