import Foundation
import TunewiseBuiltIn
import TunewiseKit

// Sweeps, each in a child process of the benchmark, so that its peak memory is its own.

/// The sweep measurements, run by `tunewise-bench --child NAME`, which prints `SECONDS DETAIL`;
/// the detail ends with the situations swept per second.
let sweepKinds: [(name: String, label: String)] = [
    ("core", "sweep: core space"),
    ("counts", "sweep --all: counts, marginals"),
    ("deciding", "sweep --all: deciding questions"),
    ("all", "sweep --all: every figure"),
]

func runChild(_ kind: String) -> Never {
    let rubric = BuiltInRubric.load()
    let start = now()
    let detail: String
    let situations: Int
    do {
        switch kind {
        case "core":
            let result = try Sweep(rubric: rubric).run()
            situations = result.situationCount
            detail = "\(grouped(situations)) situations, with deciding"
        case "counts":
            let result = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true)).run(decidingQuestions: false)
            situations = result.situationCount
            detail = "\(grouped(situations)) situations"
        case "deciding":
            let sweep = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true))
            let deciding = sweep.decidingCounts()
            situations = sweep.situationCount
            detail = "\(deciding.count) questions"
        case "all":
            let result = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true)).run()
            situations = result.situationCount
            detail = "what the text report prints"
        default: fail("unknown child '\(kind)'")
        }
    } catch {
        fail("sweep failed: \(error)")
    }
    let elapsed = now() - start
    print(elapsed, "\(detail), \(grouped(Int(Double(situations) / max(elapsed, 1e-9)))) situations/s")
    exit(0)
}
