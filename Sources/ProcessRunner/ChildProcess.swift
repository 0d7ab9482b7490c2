#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A started child, to write to, read from, signal and wait for (see `Command.start`).
///
/// Not for sharing between threads. A child that is never waited for is killed and reaped
/// when this is released.
public final class ChildProcess {
    /// The child's process id.
    public let id: pid_t
    private let startedAt: Double
    /// This process's ends: the write end of `.pipe` input, the read ends of captured output.
    private var input: Int32?
    private var captured: [Stream: Int32] = [:]
    private let capturedStreams: Set<Stream>
    private var collected: [Stream: [UInt8]] = [.standardOutput: [], .standardError: []]
    /// Set once the child has been reaped.
    private var ended: (termination: Termination, seconds: Double, peakMemoryKiB: Int)?

    /// A captured output stream.
    public enum Stream: Hashable, Sendable {
        case standardOutput, standardError
    }

    /// What one `read` found.
    public enum Chunk: Equatable, Sendable {
        case bytes([UInt8])
        /// End of file: every writer has closed the stream.
        case end
        /// Nothing arrived within the time limit.
        case timedOut
    }

    init(id: pid_t, startedAt: Double, input: Int32?, output: Int32?, error: Int32?) {
        self.id = id
        self.startedAt = startedAt
        self.input = input
        captured[.standardOutput] = output
        captured[.standardError] = error
        capturedStreams = Set(captured.keys)
    }

    deinit {
        if ended == nil {
            _ = sendSignal(id, SIGKILL)
            reap(blocking: true)
        }
        closeAll()
    }

    /// Writes all of `bytes` to the child's standard input (which must be `.pipe`).
    /// - Throws: `ProcessError` with `EPIPE` once the child no longer reads its input (the
    ///   SIGPIPE this raises is absorbed), or after `closeInput`.
    public func write(_ bytes: [UInt8]) throws(ProcessError) {
        guard let input else { throw ProcessError(operation: "write to the child's input", errno: EBADF) }
        try writeAll(bytes, to: input)
    }

    /// Writes `text` as UTF-8 to the child's standard input.
    public func write(_ text: String) throws(ProcessError) { try write(Array(text.utf8)) }

    /// Closes the child's standard input, so it reads end of file.
    public func closeInput() {
        if let input { close(input) }
        input = nil
    }

    /// Reads what has arrived on a captured stream, waiting up to `timeout` seconds (`nil`: as
    /// long as it takes) for something to arrive.
    public func read(_ stream: Stream, timeout: Double? = nil) -> Chunk {
        guard let descriptor = captured[stream] else {
            precondition(capturedStreams.contains(stream), "\(stream) is not captured")
            return .end
        }
        guard waitForInput(descriptor, timeout: timeout) else { return .timedOut }
        guard let bytes = readSome(descriptor) else {
            close(descriptor)
            captured[stream] = nil
            return .end
        }
        return .bytes(bytes)
    }

    /// Sends `signal` to the child (if it has not been reaped yet).
    public func send(_ signal: Int32) {
        if ended == nil { _ = sendSignal(id, signal) }
    }

    /// Waits for the child to end, collecting its captured output meanwhile, and closes this
    /// side's descriptors. Standard input stays open until the child has ended: close it first
    /// for a child that reads to the end.
    /// - Parameter timeout: seconds after which the child is killed (SIGKILL) and the outcome
    ///   marked `timedOut`; `nil` waits for as long as it takes.
    ///
    /// A child that has ended is found even while something it started holds its output open
    /// (a daemon, a background job): what it wrote is read, and the rest is not waited for.
    public func wait(timeout: Double? = nil) -> Outcome {
        let deadline = timeout.map { monotonicSeconds() + $0 }
        var timedOut = false
        while ended == nil {
            var remaining = deadline.map { $0 - monotonicSeconds() }
            if let left = remaining, left <= 0, !timedOut {
                _ = sendSignal(id, SIGKILL)
                timedOut = true
            }
            if timedOut { remaining = nil }
            let open = Array(captured)
            if open.isEmpty {
                guard let left = remaining else {
                    reap(blocking: true)
                    break
                }
                if !reap(blocking: false) { usleep(useconds_t(min(left, 0.01) * 1e6)) }
                continue
            }
            // A slice at a time, to notice the child's end even while a pipe stays open.
            var descriptors = open.map { pollfd(fd: $0.value, events: Int16(POLLIN), revents: 0) }
            let slice = min(remaining ?? 0.05, 0.05)
            if poll(&descriptors, nfds_t(descriptors.count), Int32((slice * 1000).rounded(.up))) > 0 {
                for (index, (stream, descriptor)) in open.enumerated() where descriptors[index].revents != 0 {
                    collect(stream, descriptor)
                }
            }
            reap(blocking: false)
        }
        // What is still in the pipes; a descendant may hold them open, so take only what is there.
        for (stream, descriptor) in captured {
            while captured[stream] != nil, waitForInput(descriptor, timeout: 0) { collect(stream, descriptor) }
        }
        closeAll()
        let (termination, seconds, peak) = ended!
        return Outcome(
            termination: termination, standardOutput: collected[.standardOutput] ?? [], standardError: collected[.standardError] ?? [],
            timedOut: timedOut, seconds: seconds, peakMemoryKiB: peak)
    }

    /// Reads once from a readable captured stream into `collected`; closes it at end of file.
    private func collect(_ stream: Stream, _ descriptor: Int32) {
        if let bytes = readSome(descriptor) {
            collected[stream, default: []] += bytes
        } else {
            close(descriptor)
            captured[stream] = nil
        }
    }

    /// Collects the child's exit status and resource use if it has ended (or, when
    /// `blocking`, once it has). Returns whether it has.
    @discardableResult
    private func reap(blocking: Bool) -> Bool {
        if ended != nil { return true }
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let result = wait4(id, &status, blocking ? 0 : WNOHANG, &usage)
            if result == id { break }
            if result < 0, errno == EINTR { continue }
            // 0: still running; -1 otherwise: not our child any more (cannot happen) — report it ended.
            if result == 0 { return false }
            ended = (.signalled(SIGKILL), monotonicSeconds() - startedAt, 0)
            return true
        }
        #if canImport(Darwin)
            let peakKiB = Int(usage.ru_maxrss) / 1024  // bytes on Darwin
        #else
            let peakKiB = Int(usage.ru_maxrss)
        #endif
        ended = (Termination(waitStatus: status), monotonicSeconds() - startedAt, peakKiB)
        return true
    }

    private func closeAll() {
        closeInput()
        for descriptor in captured.values { close(descriptor) }
        captured = [:]
    }
}
