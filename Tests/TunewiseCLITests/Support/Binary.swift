import Foundation
import ProcessRunner
import Testing

/// Every suite that starts processes. They run side by side like the others: each waits for
/// its children, so the runner's threads, one per core, bound how many run at once.
@Suite struct BinaryTests {}

/// Runs `command`, an executable just copied: a child that another test forked while the copy
/// was still open for writing holds that descriptor until it closes the ones it was not
/// given, and until then Linux refuses to run the file (ETXTBSY). Tries again for up to a second.
func runFreshCopy(_ command: Command) throws -> Outcome {
    var attempts = 0
    while true {
        do {
            return try command.run()
        } catch {
            guard error.errno == ETXTBSY, attempts < 50 else { throw error }
            attempts += 1
            usleep(20_000)
        }
    }
}

/// Runs the built `tunewise` executable as a user would, for end-to-end tests.
enum Binary {
    /// The executable, built next to the test bundle.
    static let url: URL = {
        #if os(macOS)
            // The tests run inside a bundle beside the products, loaded by xctest.
            let testBundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL
            return testBundle.deletingLastPathComponent().appendingPathComponent("tunewise")
        #else
            let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            return testBinary.deletingLastPathComponent().appendingPathComponent("tunewise")
        #endif
    }()

    /// Runs `tunewise` with `arguments`, feeding `input` on standard input (none: /dev/null),
    /// without the caller's `NO_COLOR` and `COLUMNS`. A run that takes longer than `timeout`
    /// seconds is killed and reported as crashed. `executable` runs another program instead
    /// (a shell that redirects and then runs `tunewise`); `standardOutput` is a descriptor
    /// that replaces the captured standard output (then `stdout` is empty).
    static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        directory: URL? = nil, timeout: Double = 30, executable: URL? = nil, standardOutput: Int32? = nil
    ) throws -> Outcome {
        var changes: [String: String?] = ["NO_COLOR": nil, "COLUMNS": nil]
        for (name, value) in environment { changes[name] = value }
        let command = Command(
            (executable ?? url).path, arguments, environment: changes, directory: directory?.path,
            standardInput: input.map { .text($0) } ?? .empty, standardOutput: standardOutput.map { .descriptor($0) } ?? .capture)
        return try command.run(timeout: timeout)
    }
}

extension Outcome {
    /// The exit status (128 plus the signal for a child killed by one).
    var code: Int32 { termination.code }
    var stdout: String { outputText }
    var stderr: String { errorText }
    /// Whether the process was killed by a signal (a crash) or by the time limit.
    var crashed: Bool {
        if timedOut { return true }
        if case .signalled = termination { return true }
        return false
    }

    var firstErrorLine: String { String(stderr.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }

    /// The first problem on standard error as one line: the first line, or, when that line only
    /// names a file (and ends with a colon), that line and the problem below it, with its
    /// wrapped lines; then the lines after the problem.
    var firstProblem: (line: String, after: [String]) {
        let lines = stderr.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasSuffix(":"), lines.count > 1 else { return (lines.first ?? "", Array(lines.dropFirst())) }
        let wrapped = lines.dropFirst(2).prefix { $0.hasPrefix("    ") }
        let problem = [lines[1].dropFirst(2)] + wrapped.map { $0.dropFirst(4) }
        return (first + " " + problem.joined(separator: " "), Array(lines.dropFirst(2 + wrapped.count)))
    }
}

/// A fresh empty directory for one test's files.
func makeScratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
