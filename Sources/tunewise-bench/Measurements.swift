import Foundation
import TunewiseKit

// Each measurement takes what it runs and how often, and returns its rows of the table.

// MARK: Statistics

/// Repeated measurements of one quantity.
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

func progress(_ text: String) { FileHandle.standardError.write(Data("  \(text)…\n".utf8)) }

/// One-shot advice as a whole process, alternating with the floor and with `tunewise
/// --version` (loading tunewise and reading its command line, with no advice): times, their
/// ratios and peak memory.
func measureOneShot(_ tunewise: String, _ oneShot: [String], against floor: String, runs: Int) -> [Row] {
    var rows: [Row] = []
    progress("one-shot, --version and floor, \(runs) runs each")
    var adviceTimes = Sample(values: [])
    var adviceMemory = Sample(values: [])
    var versionTimes = Sample(values: [])
    var floorTimes = Sample(values: [])
    var floorMemory = Sample(values: [])
    for _ in 0..<runs {
        let advice = timedRun(tunewise, oneShot)
        adviceTimes.values.append(advice.seconds)
        adviceMemory.values.append(advice.peakKiB)
        versionTimes.values.append(timedRun(tunewise, ["--version"]).seconds)
        let least = timedRun(floor, [])
        floorTimes.values.append(least.seconds)
        floorMemory.values.append(least.peakKiB)
    }
    let ratio = adviceTimes.median / floorTimes.median
    rows.append(Row(measurement: "one-shot advice (process)", median: milliseconds(adviceTimes.median), range: adviceTimes.range(milliseconds)))
    rows.append(Row(measurement: "tunewise --version (process)", median: milliseconds(versionTimes.median), range: versionTimes.range(milliseconds)))
    rows.append(Row(measurement: "floor: Swift, no imports", median: milliseconds(floorTimes.median), range: floorTimes.range(milliseconds)))
    rows.append(Row(measurement: "one-shot / floor", median: fixed(ratio, 2) + "×", range: "", goal: "≤ 1.20×", result: verdict(ratio <= 1.2)))
    rows.append(
        Row(
            measurement: "--version / floor", median: fixed(versionTimes.median / floorTimes.median, 2) + "×", range: "",
            goal: "loading tunewise, no advice"))
    rows.append(Row(measurement: "peak memory: one-shot", median: mebibytes(adviceMemory.median), range: adviceMemory.range(mebibytes)))
    rows.append(Row(measurement: "peak memory: floor", median: mebibytes(floorMemory.median), range: floorMemory.range(mebibytes)))
    return rows
}

/// Reading a rubric file as large as the default one (`--rubric FILE`, `rubric validate`): parse
/// and validate its JSON, in process. The built-in rubric costs none of this: its model is compiled in.
func measureRubricLoad(runs: Int) -> Row {
    let json = defaultRubricText()
    var loads = Sample(values: [])
    for _ in 0..<runs {
        let start = now()
        _ = try? RubricLoader.load(Array(json.utf8))
        loads.values.append(now() - start)
    }
    return Row(
        measurement: "rubric file: parse + check (in process)", median: milliseconds(loads.median), range: loads.range(milliseconds),
        goal: "\(json.utf8.count / 1024) KiB, as --rubric")
}

/// Whole questionnaires over pipes: the first prompt, the response to each answer, and the last.
func measureQuestionnaire(_ tunewise: String, answers: [String], runs: Int) -> [Row] {
    var rows: [Row] = []
    var firstPrompts = Sample(values: [])
    var responses = Sample(values: [])
    var lastAnswers = Sample(values: [])
    for _ in 0..<runs {
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
    return rows
}

/// Each sweep in a child process of `selfPath`, then their peak memory side by side.
func measureSweeps(_ selfPath: String, runs: Int) -> [Row] {
    var rows: [Row] = []
    var peaks: [String: Double] = [:]
    for (kind, label) in sweepKinds {
        progress("\(label), \(runs) runs")
        var times = Sample(values: [])
        var memory = Sample(values: [])
        var detail = ""
        for _ in 0..<runs {
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
        // Issue 22's goal for every figure of the whole space, counted rather than visited
        // (its bar is 10 s).
        let goal: Double? = kind == "core" ? nil : 1
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
    let full = max(peaks["counts"]!, peaks["deciding"]!, peaks["all"]!)
    rows.append(
        Row(
            measurement: "sweep peak memory: core / all", median: mebibytes(core) + " / " + mebibytes(full), range: "",
            goal: "all ≤ core + 8 MiB", result: verdict(full <= core + 8 * 1024)))
    return rows
}

/// The text of `rubrics/default.json`, read from the source tree the benchmark was built from.
func defaultRubricText() -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("rubrics/default.json"), encoding: .utf8)) ?? ""
}
