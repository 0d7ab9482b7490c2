import Foundation
import ProcessRunner

// Child processes go through ProcessRunner, which on Linux forks (not posix_spawn), so a
// child's peak memory is its own: a floor of a few MiB, which the table shows.

/// The monotonic clock, in seconds.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `command` to the end, or ends the benchmark if it cannot start.
private func run(_ command: Command) -> Outcome {
    do {
        return try command.run()
    } catch {
        fail("\(error)")
    }
}

/// Runs a program to completion, returning its exit code, standard output and peak memory.
func capture(_ path: String, _ arguments: [String]) -> (code: Int32, output: String, peakKiB: Double) {
    let outcome = run(Command(path, arguments, standardError: .discard))
    return (outcome.termination.code, outcome.outputText, Double(outcome.peakMemoryKiB))
}

/// One whole run of a program with no input and its output discarded.
func timedRun(_ path: String, _ arguments: [String]) -> (seconds: Double, peakKiB: Double) {
    let outcome = run(Command(path, arguments, standardOutput: .discard, standardError: .discard))
    guard outcome.termination == .exited(0) else { fail("\(path) exited with \(outcome.termination.code)") }
    return (outcome.seconds, Double(outcome.peakMemoryKiB))
}
