// Measures what a user of Tunewise waits for, and prints one small table:
//
//     swift run -c release tunewise-bench    # [--runs N] [--sweep-runs N] [--no-sweep]
//     swift build -c release --static-swift-stdlib --scratch-path .build-static \
//         && .build-static/release/tunewise-bench           # the statically linked build
//
// `tunewise` and the baseline are dependencies of this target, so they are built first
// with the same flags, and the benchmark runs the copies beside its own executable.
//
// - One-shot advice as a whole process (spawn to exit), against a baseline program that only
//   starts Foundation and decodes the same rubric with JSONSerialization; the ratio is the
//   figure (goal: at most 1.5×). The two are run alternately so that load from other work on
//   the machine falls on both alike.
// - Peak memory (maximum resident set, from wait4) of those same runs.
// - The questionnaire's response per answer: see `questionnaireRun`.
// - Sweeps of the default rubric, each in a child process of this program so that its peak
//   memory is its own: the core space, and the full space (every question, refinements with
//   "unanswered") for counts and marginals, and for the deciding questions.
//
// Every timing is a median over repeated runs; the range shows how noisy the runs were.
// Timings stay out of the unit tests on purpose: they depend on the machine and its load.
import Foundation
import TunewiseKit

/// The default rubric's text, written out for the baseline to read; removed at exit.
let rubricFile = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/tunewise-bench-rubric-\(getpid()).json"

// MARK: Options

struct Options {
    /// Runs of each process measurement (one-shot, baseline).
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
    unlink(rubricFile)
    exit(1)
}

// MARK: Number formatting (by hand: String(format:) would pull in ICU)

/// `value` with exactly `digits` digits after the point, rounded half away from zero.
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int64((abs(value) * scale).rounded())
    let whole = scaled / Int64(scale)
    let fraction = scaled % Int64(scale)
    var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
    if digits > 0 {
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
}

/// `value` with thousands separated by commas: 764,411,904.
func grouped(_ value: Int) -> String {
    var digits = Array(String(value.magnitude))
    var position = digits.count - 3
    while position > 0 {
        digits.insert(",", at: position)
        position -= 3
    }
    return (value < 0 ? "-" : "") + String(digits)
}

func milliseconds(_ seconds: Double) -> String { fixed(seconds * 1000, seconds < 0.001 ? 2 : seconds < 0.1 ? 1 : 0) + " ms" }
func seconds(_ seconds: Double) -> String { seconds < 0.1 ? milliseconds(seconds) : fixed(seconds, 2) + " s" }
func mebibytes(_ kibibytes: Double) -> String {
    kibibytes < 1024 ? fixed(kibibytes, 0) + " KiB" : fixed(kibibytes / 1024, 1) + " MiB"
}

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

// MARK: Statistics

struct Sample {
    var values: [Double]
    var median: Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }
    func range(_ format: (Double) -> String) -> String { "\(format(min)) – \(format(max))" }
}

// MARK: Processes

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

// MARK: The questionnaire

/// One full questionnaire over pipes, as a script or an impatient user would drive it.
///
/// `tunewise --interactive` reads answers line by line from standard input and writes each
/// prompt to standard error with one `write` (a prompt is the last line, `> id [default]: `
/// or the `[Y/n] ` offer of the refinements, after which it waits for input). This writes
/// one answer, then reads standard error until the next prompt has arrived: that interval
/// is the response to one answer (parse the answer, write the next question and its options).
/// - Returns: seconds from start to the first prompt, each answer's response, and the
///   response to the last answer (the report, then exit).
func questionnaireRun(_ path: String, answers: [String]) -> (firstPrompt: Double, responses: [Double], last: Double) {
    let input = makePipe()
    let errors = makePipe()
    let start = now()
    let pid = spawn(path, ["--interactive", "--format", "json"], stdin: input.read, stderr: errors.write)
    close(input.read)
    close(errors.write)
    defer { close(errors.read) }
    var pending = ""

    /// Reads standard error until it ends with a prompt (or until end of file, when `toEnd`).
    func awaitPrompt(toEnd: Bool = false) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if !toEnd, let lastLine = pending.split(separator: "\n", omittingEmptySubsequences: false).last,
                (lastLine.hasPrefix("> ") && lastLine.hasSuffix(": ")) || lastLine.hasSuffix("[Y/n] ")
            {
                pending = ""
                return
            }
            var ready = pollfd(fd: errors.read, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 10_000) > 0 else {
                kill(pid, SIGKILL)
                fail("tunewise --interactive gave no prompt within 10 s; it last wrote: \(pending.suffix(200))")
            }
            let count = read(errors.read, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if toEnd { return }
                fail("tunewise --interactive ended early; it last wrote: \(pending.suffix(200))")
            }
            pending += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    awaitPrompt()
    let firstPrompt = now() - start
    var responses: [Double] = []
    for (position, answer) in answers.enumerated() {
        let line = Array((answer + "\n").utf8)
        let sent = now()
        guard write(input.write, line, line.count) == line.count else { fail("cannot write to tunewise") }
        if position == answers.count - 1 {
            close(input.write)
            awaitPrompt(toEnd: true)
            let (code, _) = wait(pid)
            guard code == 0 else { fail("tunewise --interactive exited with \(code)") }
            return (firstPrompt, responses, now() - sent)
        }
        awaitPrompt()
        responses.append(now() - sent)
    }
    fail("no answers to give")
}

// MARK: Sweeps, each in a child process

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

// MARK: Main

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
let baseline = productDirectory + "/tunewise-bench-baseline"
for product in [tunewise, baseline] where !FileManager.default.isExecutableFile(atPath: product) {
    fail("\(product) is missing; build every product first with: swift build -c release (same flags as this benchmark)")
}

let rubric = BuiltInRubric.load()
guard FileManager.default.createFile(atPath: rubricFile, contents: Data(BuiltInRubric.json.utf8)) else {
    fail("cannot write \(rubricFile)")
}

/// The law firm of the end-to-end tests: a large confidential corpus that rarely changes.
let lawFirm = [
    "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential",
    "budget": "substantial", "time-to-market": "months", "consistency": "critical",
]
let oneShot = lawFirm.keys.sorted().flatMap { ["--\($0)", lawFirm[$0]!] } + ["--no-input", "--format", "json"]

struct Row {
    var measurement: String
    var median: String
    var range: String
    var goal = ""
    var result = ""
}
var rows: [Row] = []
func verdict(_ passed: Bool) -> String { passed ? "pass" : "FAIL" }
func progress(_ text: String) { FileHandle.standardError.write(Data("  \(text)…\n".utf8)) }

// Check the one-shot run once, and warm the page cache for both programs.
let check = capture(tunewise, oneShot)
guard check.code == 0, check.output.contains("\"strategy\"") else {
    fail("tunewise \(oneShot.joined(separator: " ")) exited with \(check.code) and no report")
}
for _ in 0..<3 {
    _ = timedRun(tunewise, oneShot)
    _ = timedRun(baseline, [rubricFile])
}

progress("one-shot and baseline, \(options.runs) runs each")
var adviceTimes = Sample(values: [])
var adviceMemory = Sample(values: [])
var baselineTimes = Sample(values: [])
var baselineMemory = Sample(values: [])
for _ in 0..<options.runs {
    let advice = timedRun(tunewise, oneShot)
    adviceTimes.values.append(advice.seconds)
    adviceMemory.values.append(advice.peakKiB)
    let base = timedRun(baseline, [rubricFile])
    baselineTimes.values.append(base.seconds)
    baselineMemory.values.append(base.peakKiB)
}
let ratio = adviceTimes.median / baselineTimes.median
rows.append(Row(measurement: "one-shot advice (process)", median: milliseconds(adviceTimes.median), range: adviceTimes.range(milliseconds)))
rows.append(Row(measurement: "baseline: Foundation + decode", median: milliseconds(baselineTimes.median), range: baselineTimes.range(milliseconds)))
rows.append(Row(measurement: "one-shot / baseline", median: fixed(ratio, 2) + "×", range: "", goal: "≤ 1.50×", result: verdict(ratio <= 1.5)))
rows.append(Row(measurement: "peak memory: one-shot", median: mebibytes(adviceMemory.median), range: adviceMemory.range(mebibytes)))
rows.append(Row(measurement: "peak memory: baseline", median: mebibytes(baselineMemory.median), range: baselineMemory.range(mebibytes)))

// The part of every run that reads the rubric: parse and validate the embedded JSON.
var loads = Sample(values: [])
for _ in 0..<options.runs {
    let start = now()
    // The loader itself: `BuiltInRubric.load()` parses once per process and then remembers.
    _ = try? RubricLoader.load(Array(BuiltInRubric.json.utf8))
    loads.values.append(now() - start)
}
rows.append(
    Row(
        measurement: "rubric parse + check (in process)", median: milliseconds(loads.median), range: loads.range(milliseconds),
        goal: "\(BuiltInRubric.json.utf8.count / 1024) KiB of JSON"))

progress("questionnaire, \(options.questionnaireRuns) runs")
// The core questions in rubric order, the offer of refinements, then every refinement.
let answers =
    rubric.questions.filter(\.isCore).map { lawFirm[$0.id] ?? $0.options[0].id } + ["y"]
    + rubric.questions.filter { !$0.isCore }.map { $0.options.last!.id }
var firstPrompts = Sample(values: [])
var responses = Sample(values: [])
var lastAnswers = Sample(values: [])
for _ in 0..<options.questionnaireRuns {
    let run = questionnaireRun(tunewise, answers: answers)
    firstPrompts.values.append(run.firstPrompt)
    responses.values += run.responses
    lastAnswers.values.append(run.last)
}
rows.append(Row(measurement: "questionnaire: first prompt", median: milliseconds(firstPrompts.median), range: firstPrompts.range(milliseconds)))
rows.append(
    Row(
        measurement: "questionnaire: per answer", median: milliseconds(responses.median), range: responses.range(milliseconds),
        goal: "slowest < 100 ms", result: verdict(responses.max < 0.1)))
rows.append(Row(measurement: "questionnaire: last → report", median: milliseconds(lastAnswers.median), range: lastAnswers.range(milliseconds)))

if options.sweeps {
    var peaks: [String: Double] = [:]
    for (kind, label) in sweepKinds {
        progress("\(label), \(options.sweepRuns) runs")
        var times = Sample(values: [])
        var memory = Sample(values: [])
        var detail = ""
        for _ in 0..<options.sweepRuns {
            let run = capture(selfPath, ["--child", kind])
            let words = run.output.split(whereSeparator: \.isNewline).first?.split(separator: " ", maxSplits: 1) ?? []
            guard run.code == 0, let time = words.first.flatMap({ Double($0) }) else {
                fail("the \(kind) sweep failed (exit \(run.code)): \(run.output)")
            }
            times.values.append(time)
            memory.values.append(run.peakKiB)
            detail = words.count > 1 ? String(words[1]) : ""
        }
        peaks[kind] = memory.max
        let goal: Double? = kind == "counts" ? 10 : kind == "deciding" ? 60 : nil
        rows.append(
            Row(
                measurement: label, median: seconds(times.median), range: times.range(seconds),
                goal: goal.map { "≤ \(Int($0)) s, " } ?? "", result: goal.map { verdict(times.median <= $0) } ?? ""))
        rows[rows.count - 1].goal += detail
    }
    // Memory that does not grow with the space: the full space (786,432 times the core
    // space; one byte per situation would be 729 MiB) may use no more than a few MiB
    // beyond the core sweep's peak.
    let core = peaks["core"]!
    let full = max(peaks["counts"]!, peaks["deciding"]!)
    rows.append(
        Row(
            measurement: "sweep peak memory: core / all", median: mebibytes(core) + " / " + mebibytes(full), range: "",
            goal: "all ≤ core + 8 MiB", result: verdict(full <= core + 8 * 1024)))
}

// MARK: The table

func fileSize(_ path: String) -> Double {
    var status = stat()
    return stat(path, &status) == 0 ? Double(status.st_size) : 0
}
/// Whether the binary names the Swift runtime as a shared library it needs.
func linksSwiftDynamically(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return false }
    return data.range(of: Data("libswiftCore.so".utf8)) != nil
}
let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ")
print("tunewise-bench: \(tunewise)" + (load.map { " (load average at the end: \($0))" } ?? ""))
print(
    "  tunewise \(mebibytes(fileSize(tunewise) / 1024)), baseline \(mebibytes(fileSize(baseline) / 1024)), Swift runtime "
        + (linksSwiftDynamically(tunewise) ? "linked dynamically" : "linked statically")
        + "; \(options.runs) process runs, \(options.questionnaireRuns) questionnaires of \(answers.count) answers"
        + (options.sweeps ? ", \(options.sweepRuns) runs per sweep" : ""))
let floor = FileManager.default.isExecutableFile(atPath: "/bin/true") ? timedRun("/bin/true", []).peakKiB : nil
print(
    "  median of runs; range is fastest – slowest run"
        + (floor.map { "; peak memory counts from a floor of \(mebibytes($0)) (/bin/true run the same way)" } ?? ""))
let header = Row(measurement: "measurement", median: "median", range: "range", goal: "goal / detail", result: "result")
let table = [header] + rows
let widths = [
    table.map(\.measurement.count).max()!, table.map(\.median.count).max()!, table.map(\.range.count).max()!,
    table.map(\.goal.count).max()!,
]
for row in table {
    let line =
        padded(row.measurement, widths[0]) + "  " + padded(row.median, widths[1]) + "  " + padded(row.range, widths[2])
        + "  " + padded(row.goal, widths[3]) + "  " + row.result
    print(String(line.reversed().drop { $0 == " " }.reversed()))
}
unlink(rubricFile)
