import Foundation

struct Options {
    /// Runs of each process measurement (one-shot, floor).
    var runs = 30
    /// Runs of the interactive questionnaire.
    var questionnaireRuns = 10
    /// Runs of each sweep measurement.
    var sweepRuns = 3
    var sweeps = true

    init(_ arguments: [String]) {
        var words = arguments[...]
        func count(_ flag: String) -> Int {
            guard let word = words.popFirst(), let value = Int(word), value > 0 else {
                fail("\(flag) needs a positive whole number")
            }
            return value
        }
        while let word = words.popFirst() {
            switch word {
            case "--runs":
                runs = count(word)
                questionnaireRuns = max(1, runs / 3)
            case "--sweep-runs": sweepRuns = count(word)
            case "--no-sweep": sweeps = false
            case "-h", "--help":
                print("usage: tunewise-bench [--runs N] [--sweep-runs N] [--no-sweep]")
                exit(0)
            default: fail("unknown argument '\(word)'; known: --runs N, --sweep-runs N, --no-sweep")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tunewise-bench: \(message)\n".utf8))
    exit(1)
}
