import Foundation
import TunewiseKit

// Sweeps, each in a child process of the benchmark, so that its peak memory is its own.

/// The sweep measurements, run by `tunewise-bench --child NAME`, which prints `SECONDS DETAIL`.
let sweepKinds: [(name: String, label: String)] = [
    ("core", "sweep: core space"),
    ("counts", "sweep --all: counts, marginals"),
    ("deciding", "sweep --all: deciding questions"),
]

func runChild(_ kind: String) -> Never {
    let rubric = BuiltInRubric.load()
    let start = now()
    let detail: String
    do {
        switch kind {
        case "core":
            let result = try Sweep(rubric: rubric).run()
            detail = "\(grouped(result.situationCount)) situations, with deciding"
        case "counts":
            let result = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true)).run(decidingQuestions: false)
            detail = "\(grouped(result.situationCount)) situations"
        case "deciding":
            let deciding = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true)).decidingCounts()
            detail = "\(deciding.count) questions"
        default: fail("unknown child '\(kind)'")
        }
    } catch {
        fail("sweep failed: \(error)")
    }
    print(now() - start, detail)
    exit(0)
}
