// One way to run a program, for the tests and the benchmark: `Command` says what to run and
// where its standard streams go, `run` runs it to the end, `start` hands back a `ChildProcess`
// to talk to while it runs. No Foundation: pipes, poll and wait4 from the C library.
//
//     let outcome = try Command("/bin/sh", ["-c", "echo hi"]).run(timeout: 10)
//     outcome.termination == .exited(0); outcome.outputText == "hi\n"

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program to run, with its arguments, environment, directory and standard streams.
public struct Command: Sendable {
    /// The program's path (not searched for in `PATH`).
    public var executable: String
    public var arguments: [String]
    /// Changes to this process's environment: a value sets a variable, `nil` removes it.
    public var environment: [String: String?]
    /// The working directory; `nil` keeps this process's.
    public var directory: String?
    public var standardInput: Input
    public var standardOutput: Output
    public var standardError: Output
    /// Signals the child starts with blocked, as a careless parent may leave them (none by
    /// default: its mask is empty and every signal has its default action, whatever this thread has).
    public var blockedSignals: [Int32] = []

    public init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String?] = [:], directory: String? = nil,
        standardInput: Input = .empty, standardOutput: Output = .capture, standardError: Output = .capture
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// Nothing: `/dev/null`.
        case empty
        /// These bytes, from an unlinked temporary file: a regular file, as with `< file` in a
        /// shell, so a child that reads none of it never blocks this process.
        case bytes([UInt8])
        /// A pipe that `ChildProcess.write` fills and `ChildProcess.closeInput` ends.
        case pipe
        /// A descriptor of this process (duplicated; the caller still owns it).
        case descriptor(Int32)

        /// This text, as UTF-8.
        public static func text(_ text: String) -> Input { .bytes(Array(text.utf8)) }
    }

    /// Where the child's standard output or standard error goes.
    public enum Output: Sendable {
        /// `/dev/null`.
        case discard
        /// A pipe read into `Outcome` (or by `ChildProcess.read` while the child runs).
        case capture
        /// A descriptor of this process (duplicated; the caller still owns it), such as a file,
        /// a terminal or a pipe whose reader has gone.
        case descriptor(Int32)
    }

    /// Runs the program to the end, reading its captured output as it comes (so a child that
    /// writes more than a pipe holds cannot block).
    /// - Parameter timeout: seconds after which the child is killed (SIGKILL) and the outcome
    ///   marked `timedOut`; `nil` waits for as long as it takes.
    /// - Throws: `ProcessError` when the program cannot be started (no such file, not
    ///   executable, no such directory, no descriptors left).
    public func run(timeout: Double? = nil) throws(ProcessError) -> Outcome {
        try start().wait(timeout: timeout)
    }

    /// Starts the program and returns at once, for a conversation over its streams.
    /// - Throws: `ProcessError` when the program cannot be started.
    public func start() throws(ProcessError) -> ChildProcess {
        // The child's ends, closed here once it has them; this process's ends live on in the ChildProcess.
        var childEnds: [Int32] = []
        var ownEnds: [Int32?] = [nil, nil, nil]
        var ready = false
        defer {
            for descriptor in childEnds { close(descriptor) }
            if !ready { for case let descriptor? in ownEnds { close(descriptor) } }
        }

        switch standardInput {
        case .empty: childEnds.append(try openNullDevice(O_RDONLY))
        case .bytes(let bytes): childEnds.append(try temporaryFile(holding: bytes))
        case .pipe:
            let (read, write) = try makePipe()
            childEnds.append(read)
            ownEnds[0] = write
        case .descriptor(let descriptor): childEnds.append(try duplicate(descriptor))
        }
        for (stream, output) in [(1, standardOutput), (2, standardError)] {
            switch output {
            case .discard: childEnds.append(try openNullDevice(O_WRONLY))
            case .capture:
                let (read, write) = try makePipe()
                childEnds.append(write)
                ownEnds[stream] = read
            case .descriptor(let descriptor): childEnds.append(try duplicate(descriptor))
            }
        }

        let startedAt = monotonicSeconds()
        let id = try launch(
            executable, arguments, environment: environmentList(), directory: directory, streams: childEnds, blockedSignals: blockedSignals)
        ready = true
        return ChildProcess(id: id, startedAt: startedAt, input: ownEnds[0], output: ownEnds[1], error: ownEnds[2])
    }

    /// This process's environment with `environment`'s changes, as `NAME=value` strings.
    private func environmentList() -> [String] {
        var list: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            let variable = String(cString: entry)
            let name = String(variable.prefix { $0 != "=" })
            if !environment.keys.contains(name) { list.append(variable) }
            pointer += 1
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            if let value { list.append("\(name)=\(value)") }
        }
        return list
    }
}
