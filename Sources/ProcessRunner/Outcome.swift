#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a finished child ended and what it wrote.
public struct Outcome: Sendable {
    public var termination: Termination
    /// Captured standard output and error (empty unless `.capture`; without what
    /// `ChildProcess.read` already returned).
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    /// Whether the time limit ran out, so this process killed the child.
    public var timedOut: Bool
    /// Wall time from just before the child was started to its end, in seconds.
    public var seconds: Double
    /// The child's peak resident memory (`ru_maxrss`), in KiB: its own, not this process's
    /// (see `launch`).
    public var peakMemoryKiB: Int

    /// Standard output as text (invalid UTF-8 repaired).
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as text (invalid UTF-8 repaired).
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// The end of a child: an exit with a status, or death by a signal.
public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)

    /// The status as a shell reports it: the exit status, or 128 plus the signal.
    public var code: Int32 {
        switch self {
        case .exited(let status): status
        case .signalled(let signal): 128 + signal
        }
    }

    /// Decodes a `wait` status.
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}

/// A system call that failed while starting or talking to a child.
public struct ProcessError: Error, Equatable, CustomStringConvertible {
    /// What was being done, such as `start /bin/tunewise` or `write to the child's input`.
    public var operation: String
    public var errno: Int32

    public var description: String { "cannot \(operation): \(String(cString: strerror(errno)))" }
}
