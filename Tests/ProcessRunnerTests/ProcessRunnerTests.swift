import ProcessRunner
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sh -c script`, with the script's own name and `arguments` after it.
private func shell(_ script: String, _ arguments: [String] = [], input: Command.Input = .empty) -> Command {
    Command("/bin/sh", ["-c", script, "sh"] + arguments, standardInput: input)
}

@Suite struct ProcessRunnerTests {
    @Test func reportsTheExitStatusAndASignal() throws {
        #expect(try shell("exit 0").run().termination == .exited(0))
        #expect(try shell("exit 3").run().termination == .exited(3))
        let killed = try shell("kill -TERM $$").run()
        #expect(killed.termination == .signalled(SIGTERM))
        #expect(killed.termination.code == 128 + SIGTERM)
    }

    @Test func capturesStandardOutputAndErrorApart() throws {
        let outcome = try shell(#"printf 'out %s' "$1"; printf 'err' >&2"#, ["one two"]).run()
        #expect(outcome.outputText == "out one two")
        #expect(outcome.errorText == "err")
        #expect(outcome.standardOutput == Array("out one two".utf8))
    }

    @Test func feedsStandardInput() throws {
        #expect(try shell("cat", input: .text("line 1\nline 2\n")).run().outputText == "line 1\nline 2\n")
        #expect(try shell("cat").run().outputText.isEmpty, "no input: /dev/null")
        // The bytes come from a regular file, which a child can measure and seek in.
        #expect(try shell("test -f /dev/stdin && wc -c", input: .text("12345")).run().outputText.contains("5"))
    }

    @Test func aChildThatReadsNoneOfItsInputDoesNotBlock() throws {
        let outcome = try shell("exit 0", input: .bytes(Array(repeating: 65, count: 1 << 20))).run(timeout: 30)
        #expect(outcome.termination == .exited(0))
    }

    @Test func readsLargeOutputOnBothStreamsWithoutDeadlock() throws {
        // Far more than a pipe holds, on both streams at once: either would block the child if unread.
        let size = 4 << 20
        let script = "head -c \(size) /dev/zero; head -c \(size) /dev/zero >&2; head -c \(size) /dev/zero"
        let outcome = try shell(script).run(timeout: 60)
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutput.count == 2 * size)
        #expect(outcome.standardError.count == size)
    }

    @Test func changesTheEnvironmentAndTheDirectory() throws {
        setenv("PROCESS_RUNNER_INHERITED", "kept", 1)
        setenv("PROCESS_RUNNER_REMOVED", "present", 1)
        var command = shell(#"printf '%s|%s|%s|' "$PROCESS_RUNNER_INHERITED" "${PROCESS_RUNNER_REMOVED-unset}" "$PROCESS_RUNNER_SET"; pwd"#)
        command.environment = ["PROCESS_RUNNER_REMOVED": nil, "PROCESS_RUNNER_SET": "new"]
        command.directory = "/"
        #expect(try command.run().outputText == "kept|unset|new|/\n")
    }

    @Test(.enabled(if: access("/proc/self/status", R_OK) == 0, "reads Linux's /proc"))
    func startsWithOnlyTheSignalsAskedForBlocked() throws {
        // SigBlk is the blocked set in hexadecimal; SIGINT (2) is bit 1. (No shell: dash clears the mask.)
        let status = Command("/bin/grep", ["SigBlk", "/proc/self/status"])
        #expect(try status.run().outputText.hasSuffix(":\t0000000000000000\n"))
        var blocking = status
        blocking.blockedSignals = [SIGINT]
        #expect(try blocking.run().outputText.hasSuffix(":\t0000000000000002\n"))
    }

    @Test func killsAChildThatRunsPastItsTimeLimit() throws {
        let outcome = try shell("echo started; exec sleep 30").run(timeout: 0.5)
        #expect(outcome.timedOut)
        #expect(outcome.termination == .signalled(SIGKILL))
        #expect(outcome.outputText == "started\n")
        #expect(outcome.seconds < 10)
    }

    @Test func findsTheEndWhileABackgroundJobHoldsTheOutputOpen() throws {
        let outcome = try shell("sleep 30 & echo $!").run(timeout: 10)
        #expect(!outcome.timedOut)
        #expect(outcome.termination == .exited(0))
        let job = try #require(pid_t(outcome.outputText.split(separator: "\n").first ?? ""))
        kill(job, SIGKILL)
    }

    @Test func talksToARunningChild() throws {
        let child = try Command("/bin/sh", ["-c", "read line; echo \"got $line\" >&2; cat"], standardInput: .pipe).start()
        try child.write("hello\n")
        var heard: [UInt8] = []
        while !heard.contains(UInt8(ascii: "\n")) {
            guard case .bytes(let bytes) = child.read(.standardError, timeout: 10) else { break }
            heard += bytes
        }
        #expect(String(decoding: heard, as: UTF8.self) == "got hello\n")
        try child.write("rest")
        child.closeInput()
        let outcome = child.wait(timeout: 10)
        #expect(outcome.termination == .exited(0))
        #expect(outcome.outputText == "rest")
        #expect(child.read(.standardError) == .end)
    }

    @Test func aReadWaitsNoLongerThanItsTimeLimit() throws {
        let child = try Command("/bin/sh", ["-c", "exec sleep 30"]).start()
        #expect(child.read(.standardOutput, timeout: 0.1) == .timedOut)
        child.send(SIGTERM)
        #expect(child.wait(timeout: 10).termination == .signalled(SIGTERM))
    }

    @Test func writingToAChildThatHasGoneIsAnErrorNotASignal() throws {
        let child = try Command("/bin/sh", ["-c", "exec 0<&-; echo closed"], standardInput: .pipe).start()
        #expect(child.read(.standardOutput, timeout: 10) == .bytes(Array("closed\n".utf8)))
        #expect(child.wait(timeout: 10).termination == .exited(0))
        #expect(throws: ProcessError.self) { try child.write(Array(repeating: 0, count: 1 << 20)) }
    }

    @Test func redirectsAStreamToADescriptor() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let outcome = try Command("/bin/sh", ["-c", "echo to the pipe"], standardOutput: .descriptor(ends[1])).run()
        close(ends[1])
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutput.isEmpty)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "to the pipe\n")
    }

    @Test func reportsAProgramThatCannotStart() {
        let missing = #expect(throws: ProcessError.self) { try Command("/nonexistent/program").run() }
        #expect(missing?.errno == ENOENT)
        #expect(missing?.description == "cannot start /nonexistent/program: No such file or directory")
        let nowhere = #expect(throws: ProcessError.self) { try Command("/bin/sh", directory: "/nonexistent/directory").run() }
        #expect(nowhere?.errno == ENOENT)
    }

    @Test func measuresTimeAndPeakMemory() throws {
        let outcome = try shell("sleep 0.2").run()
        #expect(outcome.seconds >= 0.2 && outcome.seconds < 10)
        #expect(outcome.peakMemoryKiB > 0)
    }
}
