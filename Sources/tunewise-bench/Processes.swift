import Foundation

/// The monotonic clock, in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A pipe whose ends are closed in spawned children except where handed to them.
func makePipe() -> (read: Int32, write: Int32) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { fail("cannot make a pipe: errno \(errno)") }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
}

let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)

/// Starts `path` with `arguments` and the given descriptors as its standard streams.
///
/// This forks rather than using `posix_spawn`, whose child shares this process's memory
/// until it executes: Linux then counts this process's peak memory in the child's
/// (`ru_maxrss`). A forked child starts from a copy of this process's page tables instead,
/// which counts only its private pages: a floor of a few MiB, which the table shows.
func spawn(_ path: String, _ arguments: [String], stdin: Int32 = devNull, stdout: Int32 = devNull, stderr: Int32 = devNull) -> pid_t {
    // Everything the child needs is made before the fork: it may only call async-signal-safe functions.
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let pid = argv.withUnsafeBufferPointer { argv in
        let pid = fork()
        if pid == 0 {
            if dup2(stdin, STDIN_FILENO) < 0 || dup2(stdout, STDOUT_FILENO) < 0 || dup2(stderr, STDERR_FILENO) < 0 { _exit(126) }
            execve(argv[0]!, argv.baseAddress!, environ)
            _exit(127)
        }
        return pid
    }
    guard pid > 0 else { fail("cannot start \(path): errno \(errno)") }
    return pid
}

/// Waits for a child; returns its exit code (or 128 + signal) and its peak memory in KiB.
func wait(_ pid: pid_t) -> (code: Int32, peakKiB: Double) {
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { fail("wait4 failed: errno \(errno)") }
    }
    let signal = status & 0x7f
    return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, Double(usage.ru_maxrss))
}

/// Everything readable from `descriptor` until end of file.
func readAll(_ descriptor: Int32) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = read(descriptor, &buffer, buffer.count)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs a program to completion, returning its exit code, standard output and peak memory.
func capture(_ path: String, _ arguments: [String]) -> (code: Int32, output: String, peakKiB: Double) {
    let output = makePipe()
    let pid = spawn(path, arguments, stdout: output.write)
    close(output.write)
    let text = readAll(output.read)
    close(output.read)
    let (code, peak) = wait(pid)
    return (code, text, peak)
}

/// One whole run of a program with no input and its output discarded.
func timedRun(_ path: String, _ arguments: [String]) -> (seconds: Double, peakKiB: Double) {
    let start = now()
    let pid = spawn(path, arguments)
    let (code, peak) = wait(pid)
    let elapsed = now() - start
    guard code == 0 else { fail("\(path) exited with \(code)") }
    return (elapsed, peak)
}
