import Foundation
import Testing

/// Every suite that starts processes, run one at a time: a child started while another test
/// holds a file or a process-watching descriptor open inherits it (a tmux server keeps it for
/// as long as it runs), which makes a copied binary "busy" or hides another child's exit.
@Suite(.serialized) struct BinaryTests {}

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

    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
        /// Whether the process was killed by a signal (a crash) or by the time limit.
        var crashed: Bool

        var firstErrorLine: String { String(stderr.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }
    }

    /// Runs `tunewise` with `arguments`, feeding `input` on standard input (none: /dev/null).
    /// A run that takes longer than `timeout` seconds is killed and reported as crashed.
    /// `executable` runs another program instead (a shell that redirects and then runs
    /// `tunewise`); `standardOutput` replaces the captured standard output (then `stdout` is empty).
    static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        directory: URL? = nil, timeout: TimeInterval = 30, executable: URL? = nil, standardOutput: FileHandle? = nil
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try Data((input ?? "").utf8).write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["NO_COLOR"] = nil
        processEnvironment["COLUMNS"] = nil
        processEnvironment.merge(environment) { _, new in new }
        process.environment = processEnvironment
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input == nil ? FileHandle.nullDevice : try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try standardOutput ?? FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut {
            // SIGKILL, as the child may have inherited a mask that blocks SIGTERM from this thread.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return Result(
            code: process.terminationStatus,
            stdout: try String(contentsOf: outputURL, encoding: .utf8),
            stderr: try String(contentsOf: errorURL, encoding: .utf8),
            crashed: timedOut || process.terminationReason == .uncaughtSignal)
    }
}

/// A fresh empty directory for one test's files.
func makeScratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
