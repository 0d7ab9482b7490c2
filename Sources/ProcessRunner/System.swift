// The system calls behind `Command` and `ChildProcess`: starting the child, descriptors, I/O.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts `executable` with `streams` (descriptors of this process, 3 or above) as its
/// standard input, output and error; no other descriptor of this process reaches it. It
/// blocks `blockedSignals` only, and every signal has its default action, whatever this thread has.
///
/// On Linux this forks rather than using `posix_spawn`, whose child shares this process's
/// memory until it executes: Linux then counts this process's peak memory in the child's
/// (`ru_maxrss`). A forked child starts from a copy of this process's page tables instead,
/// which counts only its private pages: a floor of a few MiB, which the benchmark shows.
/// (Darwin's `posix_spawn` makes a new process, so there it is used.)
func launch(
    _ executable: String, _ arguments: [String], environment: [String], directory: String?, streams: [Int32], blockedSignals: [Int32]
) throws(ProcessError) -> pid_t {
    precondition(streams.count == 3 && streams.allSatisfy { $0 > STDERR_FILENO })
    let failure = { (errno: Int32) in ProcessError(operation: "start \(executable)", errno: errno) }
    let argv = makeCStringArray([executable] + arguments)
    let envp = makeCStringArray(environment)
    defer {
        freeCStringArray(argv)
        freeCStringArray(envp)
    }
    var mask = sigset_t()
    sigemptyset(&mask)
    for signal in blockedSignals { sigaddset(&mask, signal) }
    #if canImport(Glibc)
        // Everything the child uses is made before the fork: it may only call async-signal-safe
        // functions, and so does no Swift work that could allocate or take a lock.
        let directory = directory.map { strdup($0)! }
        defer { free(directory) }
        let (input, output, error) = (streams[0], streams[1], streams[2])
        let path = argv[0]!
        let closeRange = closeRangeFunction
        // The child writes errno here if it cannot execute; execution closes it (close-on-exec).
        let (report, reportWriter) = try makePipe()
        defer { close(report) }
        let pid = fork()
        if pid == 0 {
            sigprocmask(SIG_SETMASK, &mask, nil)
            var number: Int32 = 1
            while number < 32 {
                if number != SIGKILL, number != SIGSTOP { _ = signal(number, SIG_DFL) }
                number += 1
            }
            var failed = dup2(input, STDIN_FILENO) < 0
            if !failed { failed = dup2(output, STDOUT_FILENO) < 0 }
            if !failed { failed = dup2(error, STDERR_FILENO) < 0 }
            if !failed, let directory { failed = chdir(directory) != 0 }
            if !failed {
                if let closeRange {
                    if reportWriter > 3 { _ = closeRange(3, UInt32(reportWriter - 1), 0) }
                    _ = closeRange(UInt32(reportWriter + 1), UInt32.max, 0)
                }
                execve(path, argv, envp)
            }
            var code = errno
            _ = write(reportWriter, &code, MemoryLayout<Int32>.size)
            _exit(127)
        }
        let forkError = errno
        close(reportWriter)
        guard pid > 0 else { throw failure(forkError) }
        var code: Int32 = 0
        var count: Int
        repeat { count = read(report, &code, MemoryLayout<Int32>.size) } while count < 0 && errno == EINTR
        if count > 0 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            throw failure(code)
        }
        return pid
    #else
        var actions: posix_spawn_file_actions_t? = nil
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, source) in streams.enumerated() { posix_spawn_file_actions_adddup2(&actions, source, Int32(target)) }
        if let directory {
            guard #available(macOS 10.15, *) else { throw failure(ENOTSUP) }
            posix_spawn_file_actions_addchdir_np(&actions, directory)
        }
        var attributes: posix_spawnattr_t? = nil
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw failure(result) }
        return pid
    #endif
}

#if canImport(Glibc)
    /// `close_range` (glibc 2.34, Linux 5.9), looked up because Swift's Glibc module does not
    /// declare it; without it the child keeps descriptors this process opened without close-on-exec.
    private let closeRangeFunction: (@convention(c) (UInt32, UInt32, Int32) -> Int32)? = dlsym(nil, "close_range").map {
        unsafeBitCast($0, to: (@convention(c) (UInt32, UInt32, Int32) -> Int32).self)
    }
#endif

/// A null-terminated array of C strings for `execve`; free it with `freeCStringArray`.
private func makeCStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
    for (index, string) in strings.enumerated() { (array + index).initialize(to: strdup(string)) }
    (array + strings.count).initialize(to: nil)
    return array
}

private func freeCStringArray(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
    var entry = array
    while let string = entry.pointee {
        free(string)
        entry += 1
    }
    array.deallocate()
}

/// A pipe whose ends are closed on execution, so a child gets only the end handed to it.
func makePipe() throws(ProcessError) -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw ProcessError(operation: "make a pipe", errno: errno) }
    for index in ends.indices {
        ends[index] = aboveStandardStreams(ends[index])
        _ = fcntl(ends[index], F_SETFD, FD_CLOEXEC)
    }
    return (ends[0], ends[1])
}

/// `/dev/null`, opened for reading or writing.
func openNullDevice(_ mode: Int32) throws(ProcessError) -> Int32 {
    let descriptor = open("/dev/null", mode | O_CLOEXEC)
    guard descriptor >= 0 else { throw ProcessError(operation: "open /dev/null", errno: errno) }
    return aboveStandardStreams(descriptor)
}

/// A close-on-exec copy of `descriptor`, numbered 3 or above.
func duplicate(_ descriptor: Int32) throws(ProcessError) -> Int32 {
    let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
    guard copy >= 0 else { throw ProcessError(operation: "duplicate descriptor \(descriptor)", errno: errno) }
    return copy
}

/// `descriptor`, moved above the standard streams if it is one of them (when this process
/// runs with one closed), so that putting the child's streams in place cannot overwrite it.
private func aboveStandardStreams(_ descriptor: Int32) -> Int32 {
    guard descriptor <= STDERR_FILENO else { return descriptor }
    let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
    close(descriptor)
    return moved
}

/// An unlinked temporary file holding `bytes`, positioned at its start.
func temporaryFile(holding bytes: [UInt8]) throws(ProcessError) -> Int32 {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(directory)/process-runner-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw ProcessError(operation: "make a temporary file in \(directory)", errno: errno) }
    unlink(template)
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    do {
        try writeAll(bytes, to: descriptor)
    } catch {
        close(descriptor)
        throw error
    }
    lseek(descriptor, 0, SEEK_SET)
    return aboveStandardStreams(descriptor)
}

/// Writes all of `bytes`; a reader that has gone is `EPIPE`, and the SIGPIPE it raises in
/// this thread is blocked and taken, so it kills nothing.
func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(ProcessError) {
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    var offset = 0
    while offset < bytes.count {
        let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if count >= 0 {
            offset += count
            continue
        }
        let error = errno
        if error == EINTR { continue }
        var pending = sigset_t()
        sigpending(&pending)
        if error == EPIPE, sigismember(&pending, SIGPIPE) == 1, sigismember(&previous, SIGPIPE) == 0 {
            var taken: Int32 = 0
            sigwait(&pipeSignal, &taken)
        }
        throw ProcessError(operation: "write to descriptor \(descriptor)", errno: error)
    }
}

/// Up to 64 KiB from `descriptor`; `nil` at end of file (or on an error, which ends it too).
func readSome(_ descriptor: Int32) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return nil }
        return Array(buffer[0..<count])
    }
}

/// Whether `descriptor` has something to read (or its end) within `timeout` seconds (`nil`: ever).
func waitForInput(_ descriptor: Int32, timeout: Double?) -> Bool {
    let deadline = timeout.map { monotonicSeconds() + $0 }
    while true {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = deadline.map { Int32(max(0, ($0 - monotonicSeconds()) * 1000).rounded(.up)) } ?? -1
        let result = poll(&entry, 1, milliseconds)
        if result > 0 { return true }
        if result < 0, errno == EINTR { continue }
        return false
    }
}

/// `kill`, named apart from `ChildProcess`'s methods.
func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// The monotonic clock, in seconds.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
