import Foundation
import ProcessRunner
import TunewiseKit

// The data row: `tunewise data` on one generated chat file (512 MiB by default, written once
// into the temporary directory, never committed), in the same run as the Python peer
// (../shared/bench/data-reference.py) and `wc -l` on the same warm file, each run in turn so
// that load from other work falls on all three alike. The reference prints its counts as JSON;
// the benchmark holds them equal to tunewise's (valid, duplicates, unique and every fault).

/// Where ../shared/bench is: beside the package, found from this source file.
let sharedBench = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench").path

/// The generated chat file of `sizeMiB` MiB, written with make-chat-jsonl.py when missing.
func chatFile(sizeMiB: Int) -> String {
    let path = NSTemporaryDirectory() + "tunewise-bench-chat-\(sizeMiB).jsonl"
    guard !FileManager.default.fileExists(atPath: path) else { return path }
    progress("writing \(path) (\(sizeMiB) MiB, once)")
    let generator = Command("/usr/bin/env", ["python3", sharedBench + "/make-chat-jsonl.py", path, "--mib", String(sizeMiB)])
    guard let outcome = try? generator.run(timeout: 3600), outcome.termination == .exited(0) else {
        fail("could not write \(path) with \(sharedBench)/make-chat-jsonl.py")
    }
    return path
}

/// Times and peak memory of `tunewise data`, the Python reference and `wc -l`, their ratios, and
/// whether the counts agree.
func measureData(_ tunewise: String, sizeMiB: Int, runs: Int) -> [Row] {
    let file = chatFile(sizeMiB: sizeMiB)
    // tunewise data reads chunks on one thread a processor, at most four.
    let threads = min(4, ProcessInfo.processInfo.activeProcessorCount)
    let programs: [(name: String, path: String, arguments: [String])] = [
        ("tunewise data (\(threads) \(threads == 1 ? "thread" : "threads"))", tunewise, ["data", file, "--format", "json"]),
        ("python reference", "/usr/bin/env", ["python3", sharedBench + "/data-reference.py", file]),
        ("wc -l", "/usr/bin/env", ["wc", "-l", file]),
    ]
    progress("data: \(sizeMiB) MiB, \(runs) runs of each of \(programs.map(\.name).joined(separator: ", "))")
    var times = Array(repeating: Sample(values: []), count: programs.count)
    var memory = Array(repeating: Sample(values: []), count: programs.count)
    var outputs = Array(repeating: "", count: programs.count)
    _ = capture("/usr/bin/env", ["wc", "-l", file])  // warms the page cache
    for _ in 0..<runs {
        for (index, program) in programs.enumerated() {
            let outcome: Outcome
            do {
                outcome = try Command(program.path, program.arguments, standardError: .discard).run(timeout: 3600)
            } catch {
                fail("\(program.name): \(error)")
            }
            guard outcome.termination == .exited(0) else { fail("\(program.name) exited with \(outcome.termination.code)") }
            times[index].values.append(outcome.seconds)
            memory[index].values.append(Double(outcome.peakMemoryKiB))
            outputs[index] = outcome.outputText
        }
    }
    var rows = programs.indices.map { index in
        Row(
            measurement: "data \(sizeMiB) MiB: \(programs[index].name)", median: seconds(times[index].median),
            range: times[index].range(seconds))
    }
    let overReference = times[1].median / times[0].median
    let overCount = times[0].median / times[2].median
    rows.append(
        Row(
            measurement: "data: reference / tunewise", median: fixed(overReference, 1) + "×", range: "", goal: "≥ 10× (aim 20×)",
            result: verdict(overReference >= 10)))
    rows.append(
        Row(measurement: "data: tunewise / wc -l", median: fixed(overCount, 1) + "×", range: "", goal: "≤ 3×", result: verdict(overCount <= 3)))
    rows.append(
        Row(
            measurement: "peak memory: tunewise data", median: mebibytes(memory[0].median), range: memory[0].range(mebibytes),
            goal: "< 64 MiB", result: verdict(memory[0].median < 64 * 1024)))
    rows.append(
        Row(measurement: "peak memory: python reference", median: mebibytes(memory[1].median), range: memory[1].range(mebibytes)))
    let disagreements = countDisagreements(tunewise: outputs[0], reference: outputs[1], lineCount: outputs[2])
    rows.append(
        Row(
            measurement: "data: counts equal the reference's", median: disagreements.isEmpty ? "yes" : disagreements.joined(separator: "; "),
            range: "", goal: "equal", result: verdict(disagreements.isEmpty)))
    return rows
}

/// What differs between tunewise's JSON report, the reference's counts and `wc -l`'s line count.
func countDisagreements(tunewise: String, reference: String, lineCount: String) -> [String] {
    guard let report = try? JSONParser.parse(Array(tunewise.utf8)), let data = report["data"],
        let peer = try? JSONParser.parse(Array(reference.utf8))
    else { return ["a report is not JSON"] }
    var differences: [String] = []
    func compare(_ name: String, _ ours: JSONValue?, _ theirs: JSONValue?) {
        if (ours ?? .number(0)) != (theirs ?? .number(0)) {
            differences.append("\(name) \(ours.map(describe) ?? "none") vs \(theirs.map(describe) ?? "none")")
        }
    }
    compare("valid", data["examples"]?["valid"], peer["valid"])
    compare("duplicates", data["examples"]?["duplicates"], peer["duplicates"])
    compare("unique", data["examples"]?["unique"], peer["unique"])
    var ourFaults: [String: JSONValue] = [:]
    if case .array(let faults) = data["faults"] {
        for fault in faults { if case .string(let kind) = fault["kind"] { ourFaults[kind] = fault["count"] } }
    }
    var theirFaults: [String: JSONValue] = [:]
    if case .object(let faults) = peer["faults"] { for (kind, count) in faults { theirFaults[kind] = count } }
    for kind in Set(ourFaults.keys).union(theirFaults.keys).sorted() { compare(kind, ourFaults[kind], theirFaults[kind]) }
    let lines = lineCount.split(separator: " ").first.flatMap { Double($0) }
    if case .array(let files) = data["files"], let first = files.first { compare("lines (wc -l)", first["lines"], lines.map(JSONValue.number)) }
    return differences
}

private func describe(_ value: JSONValue) -> String {
    if case .number(let number) = value { return JSONWriter.format(number) }
    return "\(value)"
}
