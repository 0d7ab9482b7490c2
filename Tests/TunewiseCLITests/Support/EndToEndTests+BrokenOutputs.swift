import Foundation
import Testing

// The table of broken standard outputs that `aBrokenStandardOutputEndsTheRunCleanly` runs.

extension BinaryTests.EndToEndTests {
    /// How a run's standard output is broken.
    enum BrokenOutput: String, Sendable {
        /// A pipe whose reading end was closed before the run: a write fails with EPIPE
        /// (SIGPIPE is ignored, so it is an error, not a silent death).
        case readerGone = "a pipe with no reader"
        /// `tunewise ... | head -c1`: the report is written in one go, into the pipe's buffer,
        /// before `head` leaves, so the run succeeds. (A report larger than the buffer would
        /// meet EPIPE, as `readerGone` does.)
        case readerLeavesAfterOneByte = "| head -c1"
        /// `>&-`: descriptor 1 is not open.
        case closed = ">&-"
        /// `>/dev/full`: every write fails with ENOSPC.
        case full = ">/dev/full"
    }

    struct BrokenOutputRun: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var output: BrokenOutput
        var code: Int32
        /// All of standard error: one line, or nothing.
        var stderr: String

        init(_ arguments: [String], _ output: BrokenOutput, _ code: Int32, _ stderr: String) {
            self.arguments = arguments
            self.output = output
            self.code = code
            self.stderr = stderr
        }

        var testDescription: String { "\(arguments.prefix(2).joined(separator: " ")) \(output.rawValue) -> \(code)" }
    }

    /// A standard output that cannot be written is an output that cannot be written: 73 and
    /// one line naming the system's reason, never a crash, a signal death or a loop.
    static let brokenOutputs: [BrokenOutputRun] = [
        BrokenOutputRun(lawFirmFlags, .readerGone, 73, "tunewise: cannot write standard output: Broken pipe\n"),
        BrokenOutputRun(["questions", "--format", "json"], .readerGone, 73, "tunewise: cannot write standard output: Broken pipe\n"),
        BrokenOutputRun(lawFirmFlags + ["--format", "markdown"], .readerLeavesAfterOneByte, 0, ""),
        BrokenOutputRun(
            lawFirmFlags + ["--expect", "hybrid"], .readerLeavesAfterOneByte, 1, "tunewise: expected hybrid, but the advice is fine-tuning\n"),
        BrokenOutputRun(lawFirmFlags + ["--format", "json"], .closed, 73, "tunewise: cannot write standard output: Bad file descriptor\n"),
        BrokenOutputRun(["rubric", "validate", "default"], .closed, 73, "tunewise: cannot write standard output: Bad file descriptor\n"),
        BrokenOutputRun(lawFirmFlags, .full, 73, "tunewise: cannot write standard output: No space left on device\n"),
        BrokenOutputRun(["--help"], .full, 73, "tunewise: cannot write standard output: No space left on device\n"),
    ]
}
