import Foundation

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

// MARK: The table

/// One line of the table.
struct Row {
    var measurement: String
    var median: String
    var range: String
    var goal = ""
    var result = ""
}

func verdict(_ passed: Bool) -> String { passed ? "pass" : "FAIL" }

/// The size of the file at `path` in bytes, or 0.
func fileSize(_ path: String) -> Double {
    var status = stat()
    return stat(path, &status) == 0 ? Double(status.st_size) : 0
}
/// Whether the binary names the Swift runtime as a shared library it needs.
func linksSwiftDynamically(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path) else { return false }
    return data.range(of: Data("libswiftCore.so".utf8)) != nil
}

/// Prints the table of `rows`, headed by what was measured and how.
func printReport(_ rows: [Row], tunewise: String, floor: String, options: Options, answerCount: Int) {
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ")
    print("tunewise-bench: \(tunewise)" + (load.map { " (load average at the end: \($0))" } ?? ""))
    print(
        "  tunewise \(mebibytes(fileSize(tunewise) / 1024)), floor \(mebibytes(fileSize(floor) / 1024)), Swift runtime "
            + (linksSwiftDynamically(tunewise) ? "linked dynamically" : "linked statically")
            + "; \(options.runs) process runs, \(options.questionnaireRuns) questionnaires of \(answerCount) answers"
            + (options.sweeps ? ", \(options.sweepRuns) runs per sweep" : ""))
    let least = FileManager.default.isExecutableFile(atPath: "/bin/true") ? timedRun("/bin/true", []).peakKiB : nil
    print(
        "  median of runs; range is fastest – slowest run"
            + (least.map { "; peak memory counts from at least \(mebibytes($0)) (/bin/true run the same way)" } ?? ""))
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
}
