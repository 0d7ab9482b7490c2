import TunewiseKit

/// The inputs the fuzzer exercises, each with a harness that takes arbitrary bytes.
///
/// A harness returns normally for every input, valid or not; a trap (a failed precondition,
/// an overflow, an index out of range), a hang or runaway memory is a finding.
enum FuzzTarget: String, CaseIterable {
    /// The bytes are a rubric file: `RubricLoader`, then advice from each loaded rubric.
    case rubric
    /// The bytes are an answers file for the built-in rubric: `AnswersDocument`, then advice.
    case answers
    /// The bytes are a command line, NUL-separated, optionally followed by a 0xFF byte and
    /// what a terminal types: the whole command, with no files and no lengthy work.
    case arguments
    /// The bytes are a policy file on the built-in rubric: `PolicyLoader`, then advice.
    case policy
    /// The bytes (after a first byte that chooses the chunk size) are a training data file:
    /// the streaming analyser, chunked and whole.
    case data

    /// The environment variable that chooses the target of a fuzzing run.
    static let environmentVariable = "TUNEWISE_FUZZ_TARGET"

    /// Runs one input through the harness and says, in a line, what became of it.
    @discardableResult
    func run(_ bytes: [UInt8]) -> String {
        switch self {
        case .rubric: RubricHarness.run(bytes)
        case .answers: AnswersHarness.run(bytes)
        case .arguments: ArgumentsHarness.run(bytes)
        case .policy: PolicyHarness.run(bytes)
        case .data: DataHarness.run(bytes)
        }
    }
}

/// Stops the process with `message` when `condition` is false; unlike `precondition`, which
/// stops an optimized build (the fuzzer's) without its message, this always says what failed.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
