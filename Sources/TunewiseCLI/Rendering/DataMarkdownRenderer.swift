import TunewiseData

/// The data report as Markdown for a CI job summary: a table of the counts, then one table
/// per kind of finding.
struct DataMarkdownRenderer: ReportRenderer {
    func render(_ report: DataReport) -> String {
        let measurement = report.train.measurement
        var lines = [
            "## Training data: `\(report.train.name)`", "",
            "| Format | Lines | Valid | Invalid | Unique | Duplicates | Near-duplicates |",
            "|---|--:|--:|--:|--:|--:|--:|",
            "| \(measurement.format.rawValue) | \(grouped(measurement.lines)) | \(grouped(measurement.valid)) | "
                + "\(grouped(measurement.invalid)) | \(grouped(measurement.unique)) | \(grouped(measurement.duplicates)) | "
                + "\(grouped(measurement.nearDuplicates)) |",
            "",
            "Answers: " + report.answers.map { "`\($0.question)` **\($0.option)**" }.joined(separator: ", "),
        ]
        lines += Self.table("Faults", measurement.faults.found.map { ($0.kind.rawValue, $0.tally) })
        lines += Self.table("Structure warnings", measurement.structure.found.map { ($0.kind.rawValue, $0.tally) })
        if let hint = DataReport.nearDuplicateHint(measurement) { lines += ["", "> " + hint] }
        let tokens = measurement.tokens
        lines += [
            "", "### Tokens (estimated)", "",
            "| Total | Median | p95 | Max | Over \(grouped(tokens.limit)) |", "|--:|--:|--:|--:|--:|",
            "| \(grouped(tokens.total)) | \(grouped(tokens.median)) | \(grouped(tokens.p95)) | \(grouped(tokens.max)) | "
                + "\(grouped(tokens.overLimit)) |",
        ]
        lines += Self.table("Personal data (hints)", measurement.personalData.found.map { ($0.kind.rawValue, $0.tally) })
        if measurement.personalData.total > 0 { lines += ["", "> " + DataReport.personalDataHint] }
        if let eval = report.eval, eval.measurement.valid == 0 {
            lines += ["", "### Leakage into `\(eval.name)`", "", "Not measured: it has no valid example."]
        } else if let eval = report.eval, let leakage = eval.measurement.leakage {
            lines += [
                "", "### Leakage into `\(eval.name)`", "",
                "\(grouped(leakage.evalExamplesInTrain)) evaluation examples are in training; "
                    + "\(grouped(leakage.evalNearDuplicatesOfTrain)) more nearly repeat one.",
            ]
        }
        lines += ["", "<sub>tunewise \(report.toolVersion)</sub>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ title: String, _ tallies: [(String, Tally)]) -> [String] {
        guard !tallies.isEmpty else { return [] }
        return ["", "### \(title)", "", "| Kind | Count | First lines |", "|---|--:|---|"]
            + tallies.map { kind, tally in "| `\(kind)` | \(grouped(tally.count)) | \(DataReport.lineList(tally)) |" }
    }
}
