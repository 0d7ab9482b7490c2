import Foundation

struct Options {
    /// Runs of each process measurement (one-shot, floor).
    var runs = 30
    /// Runs of the interactive questionnaire.
    var questionnaireRuns = 10
    /// Runs of each sweep measurement.
    var sweepRuns = 3
    var sweeps = true
    /// The size of the generated chat file of the data row, in MiB.
    var dataMebibytes = 512
    /// Runs of each program of the data row.
    var dataRuns = 3
    var data = true
    /// Whether to measure advice: one-shot runs, a rubric file's load and the questionnaire.
    var advice = true

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
            case "--data-mib": dataMebibytes = count(word)
            case "--data-runs": dataRuns = count(word)
            case "--no-data": data = false
            case "--data-only": (advice, sweeps, data) = (false, false, true)
            case "--sweep-only": (advice, sweeps, data) = (false, true, false)
            case "-h", "--help":
                print(
                    "usage: tunewise-bench [--runs N] [--sweep-runs N] [--no-sweep] [--data-mib N] [--data-runs N] [--no-data] [--data-only] [--sweep-only]"
                )
                exit(0)
            default:
                fail(
                    "unknown argument '\(word)'; known: --runs N, --sweep-runs N, --no-sweep, --data-mib N, --data-runs N, --no-data, --data-only, --sweep-only"
                )
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tunewise-bench: \(message)\n".utf8))
    exit(1)
}
