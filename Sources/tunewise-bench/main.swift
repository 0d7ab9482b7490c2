// Measures what a user of Tunewise waits for, and prints one small table:
//
//     swift run -c release tunewise-bench    # [--runs N] [--sweep-runs N] [--no-sweep]
//                                            # [--data-mib N] [--data-runs N] [--no-data] [--data-only]
//                                            # [--sweep-only]
//     swift build -c release --static-swift-stdlib --scratch-path .build-static \
//         && .build-static/release/tunewise-bench           # the statically linked build
//
// `tunewise` and the floor are dependencies of this target, so they are built first with
// the same flags, and the benchmark runs the copies beside its own executable.
//
// - One-shot advice as a whole process (spawn to exit), against the floor: a Swift program
//   that imports nothing and prints one line, so that the ratio is what Tunewise adds to
//   the start of any Swift program (goal: at most 1.2×). The two are run alternately so
//   that load from other work on the machine falls on both alike.
// - Peak memory (maximum resident set, from wait4) of those same runs.
// - Reading a rubric file as large as the default one (`--rubric FILE`), in process. The
//   built-in rubric is not read at all: its model is compiled in (see `BuiltInRubric`).
// - The questionnaire's response per answer: see `questionnaireRun`.
// - Sweeps of the default rubric, each in a child process of this program so that its peak
//   memory is its own: the core space, and the full space (every question, refinements with
//   "unanswered") for counts and marginals, for the deciding questions, and for every figure
//   at once (what `sweep --all` prints); each with its situations per second.
// - `tunewise data` on a generated 512 MiB chat file against the Python reference and `wc -l`
//   (DataRun.swift): the time ratios, peak memory, and counts held equal to the reference's.
//
// Every timing is a median over repeated runs; the range shows how noisy the runs were.
// Timings stay out of the unit tests on purpose: they depend on the machine and its load.
//
// The files: options and failing (Options.swift), starting and timing processes
// (Processes.swift), the questionnaire over pipes (QuestionnaireRun.swift), the sweep
// children (SweepChild.swift), the measurements (Measurements.swift) and the table
// (Report.swift).
import Foundation
import TunewiseBuiltIn
import TunewiseKit

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--child", arguments.count == 2 { runChild(arguments[1]) }
let options = Options(arguments)

/// This program, and the directory the release products are built into.
let selfPath: String = {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}()
let productDirectory = String(selfPath[..<(selfPath.lastIndex(of: "/") ?? selfPath.startIndex)])
let tunewise = productDirectory + "/tunewise"
let floor = productDirectory + "/tunewise-bench-floor"
for product in [tunewise, floor] where !FileManager.default.isExecutableFile(atPath: product) {
    fail("\(product) is missing; build every product first with: swift build -c release (same flags as this benchmark)")
}

let rubric = BuiltInRubric.load()

/// The law firm of the end-to-end tests: a large confidential corpus that rarely changes.
let lawFirm = [
    "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential",
    "budget": "substantial", "time-to-market": "months", "consistency": "critical",
]
let oneShot = lawFirm.keys.sorted().flatMap { ["--\($0)", lawFirm[$0]!] } + ["--no-input", "--format", "json"]

// Check the one-shot run once, and warm the page cache for both programs.
let check = capture(tunewise, oneShot)
guard check.code == 0, check.output.contains("\"strategy\"") else {
    fail("tunewise \(oneShot.joined(separator: " ")) exited with \(check.code) and no report")
}
for _ in 0..<3 {
    _ = timedRun(tunewise, oneShot)
    _ = timedRun(floor, [])
}

var rows: [Row] = []
// The core questions in rubric order, the offer of refinements, every refinement the
// questionnaire asks (those whose condition the answers so far meet), then Enter at the review.
let answers: [String] = {
    var given = Answers()
    var typed: [String] = []
    for question in rubric.questions where rubric.asks(question, given: given) {
        if !question.isCore, typed.count == rubric.questions.filter(\.isCore).count { typed.append("y") }
        let option = question.isCore ? lawFirm[question.id] ?? question.options[0].id : question.options.last!.id
        given[question.id] = option
        typed.append(option)
    }
    return typed + [""]
}()
if options.advice {
    rows += measureOneShot(tunewise, oneShot, against: floor, runs: options.runs)
    rows.append(measureRubricLoad(runs: options.runs))
    progress("questionnaire, \(options.questionnaireRuns) runs")
    rows += measureQuestionnaire(tunewise, answers: answers, runs: options.questionnaireRuns)
}

if options.sweeps {
    rows += measureSweeps(selfPath, runs: options.sweepRuns)
}

if options.data {
    rows += measureData(tunewise, sizeMiB: options.dataMebibytes, runs: options.dataRuns)
}

printReport(rows, tunewise: tunewise, floor: floor, options: options, answerCount: answers.count)
