import TunewiseData

/// The data report as Markdown for a CI job summary: a table of the counts, then one table
/// per kind of finding.
struct DataMarkdownRenderer: ReportRenderer {
    func render(_ report: DataReport) -> String {
        let measurement = report.train.measurement
        var lines = [
            "## Training data: \(MarkdownRenderer.codeSpan(Tunewise.visible(report.train.name)))", "",
            "| Format | Lines | Valid | Invalid | Unique | Duplicates | Near-duplicates |",
            "|---|--:|--:|--:|--:|--:|--:|",
            "| \(measurement.format.rawValue) | \(grouped(measurement.lines)) | \(grouped(measurement.valid)) | "
                + "\(grouped(measurement.invalid)) | \(grouped(measurement.unique)) | \(grouped(measurement.duplicates)) | "
                + "\(grouped(measurement.nearDuplicates)) |",
            "",
            "Answers: "
                + (report.answers.isEmpty
                    ? DataReport.noAnswers + "." : report.answers.map { "`\($0.question)` **\($0.option)**" }.joined(separator: ", ")),
        ]
        let notes = [DataReport.emptyFileHint(measurement), DataReport.nearDuplicateShareHint(measurement, whereNamed: "named below")]
        for note in notes.compactMap({ $0 }) + DataReport.signalNotes(measurement) {
            lines += ["", "> " + note]
        }
        if measurement.duplicates > 0 {
            lines += ["", "Duplicates (each says what an earlier example says): " + Self.sentence(DataReport.duplicatePairs(measurement))]
        }
        if !measurement.nearDuplicatePairs.isEmpty {
            lines += ["", "Near-duplicates: " + Self.sentence(DataReport.nearPairs(measurement))]
        }
        if measurement.reversals > 0 {
            lines += ["", DataReport.reversalsTitle + ": " + Self.sentence(DataReport.reversalPairs(measurement))]
        }
        lines += Self.table("Faults", measurement.faults.found.map { ($0.kind.rawValue, $0.tally) })
        lines += (DataReport.otherLayoutHints(measurement) + [DataReport.encodingHint(measurement)].compactMap { $0 }).flatMap { ["", $0] }
        lines += Self.table("Structure warnings", measurement.structure.found.map { ($0.kind.rawValue, $0.tally) })
        if let hint = DataReport.conflictingLabelHint(measurement) { lines += ["", "> " + hint] }
        if let hint = DataReport.nearDuplicateHint(measurement) { lines += ["", "> " + hint] }
        let tokens = measurement.tokens
        if measurement.valid > 0 {
            lines += [
                "", "### Tokens (estimated)", "",
                "| Total | Median | p95 | Max | Over \(grouped(tokens.limit)) |", "|--:|--:|--:|--:|--:|",
                "| \(grouped(tokens.total)) | \(grouped(tokens.median)) | \(grouped(tokens.p95)) | \(grouped(tokens.max)) | "
                    + "\(grouped(tokens.overLimit)) |",
            ]
        }
        if tokens.overLimit > 0 { lines += ["", "Over the limit: " + DataReport.lines(measurement.overLimitLines, of: tokens.overLimit) + "."] }
        let outputs = measurement.outputs
        if outputs.outputs > 0 {
            lines += [
                "",
                "Outputs: \(percentage(outputs.jsonOutputs, of: outputs.outputs)) are JSON"
                    + (outputs.labels.isEmpty ? "." : "; labels: " + MarkdownRenderer.escapeText(DataReport.labelList(outputs)) + "."),
            ]
            if let hint = DataReport.wrappedJSONHint(outputs) { lines += ["", "> " + hint] }
            if let hint = DataReport.brokenJSONHint(outputs) { lines += ["", "> " + hint] }
            for hint in DataReport.labelHints(outputs) { lines += ["", "> " + hint] }
        }
        lines += Self.table("Personal data (hints)", measurement.personalData.found.map { ($0.kind.rawValue, $0.tally) })
        if measurement.personalData.total > measurement.personalData[.secret].count { lines += ["", "> " + DataReport.personalDataHint] }
        if measurement.personalData[.secret].count > 0 { lines += ["", "> " + DataReport.secretHint] }
        if let eval = report.eval {
            let evaluation = eval.measurement
            lines += [
                "", "### Leakage into \(MarkdownRenderer.codeSpan(Tunewise.visible(eval.name)))", "",
                "\(grouped(evaluation.lines)) \(evaluation.lines == 1 ? "line" : "lines"), \(grouped(evaluation.valid)) valid, \(grouped(evaluation.invalid)) invalid.",
            ]
            lines += DataReport.evalNotes(train: measurement, eval: evaluation).flatMap { ["", $0] }
            if evaluation.valid == 0 {
                lines += ["", "Not measured: it has no valid example."]
            } else if let leakage = evaluation.leakage {
                lines += [
                    "",
                    "\(grouped(leakage.evalExamplesInTrain)) evaluation \(leakage.evalExamplesInTrain == 1 ? "example is" : "examples are") in training"
                        + DataReport.leakageDetails(leakage) + ".",
                ]
            }
        }
        lines += ["", "<sub>tunewise \(report.toolVersion)</sub>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Items as one sentence: "a; b; …" or "a; b."
    private static func sentence(_ items: [String]) -> String { items.joined(separator: "; ") + (items.last == "…" ? "" : ".") }

    private static func table(_ title: String, _ tallies: [(String, Tally)]) -> [String] {
        guard !tallies.isEmpty else { return [] }
        return ["", "### \(title)", "", "| Kind | Count | First lines |", "|---|--:|---|"]
            + tallies.map { kind, tally in "| `\(kind)` | \(grouped(tally.count)) | \(DataReport.lineList(tally)) |" }
    }
}
