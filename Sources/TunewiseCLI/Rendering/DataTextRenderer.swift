import TunewiseData

/// The data report for people, readable at 80 columns: what the file holds, then each kind
/// of finding with its count and first lines.
struct DataTextRenderer: ReportRenderer {
    /// The width text wraps to.
    let width: Int

    func render(_ report: DataReport) -> String {
        let file = report.train
        let measurement = file.measurement
        var lines: [String] = []
        lines.append(
            "\(Tunewise.visible(file.name)): \(Self.format(measurement)), \(Self.counted(measurement.lines, "line")), \(DataReport.size(measurement.bytes))"
                + Self.lineNotes(measurement))
        lines.append("")
        lines.append("Examples  \(grouped(measurement.valid)) valid, \(grouped(measurement.invalid)) invalid")
        lines.append(
            "          \(grouped(measurement.unique)) unique, \(Self.counted(measurement.duplicates, "duplicate")), "
                + Self.counted(measurement.nearDuplicates, "near-duplicate"))
        let answers = report.answers.map { "\($0.question) \($0.option)" }
        lines.append("Answers   " + (answers.isEmpty ? DataReport.noAnswers : answers.joined(separator: ", ")))
        let notes = [DataReport.emptyFileHint(measurement), DataReport.nearDuplicateShareHint(measurement, whereNamed: "named below")]
        for note in notes.compactMap({ $0 }) + DataReport.signalNotes(measurement) { lines += ["", note] }
        lines += Self.section("Faults (each invalid line under its first)", measurement.faults.found.map { ($0.kind.rawValue, $0.tally) })
        lines += (DataReport.otherLayoutHints(measurement) + [DataReport.encodingHint(measurement)].compactMap { $0 }).map { "  " + $0 }
        lines += Self.section(
            "Structure warnings (the examples stay valid)", measurement.structure.found.map { ($0.kind.rawValue, $0.tally) })
        if let hint = DataReport.conflictingLabelHint(measurement) { lines.append("  " + hint) }
        if !measurement.nearDuplicatePairs.isEmpty {
            lines.append("")
            lines.append("Near-duplicates (most of their word triples shared)")
            lines += packed(DataReport.nearPairs(measurement))
            if let hint = DataReport.nearDuplicateHint(measurement) { lines.append("  " + hint) }
        }
        if measurement.duplicates > 0 {
            lines.append("")
            lines.append("Duplicates (each says what an earlier example says)")
            lines += packed(DataReport.duplicatePairs(measurement))
        }
        if measurement.reversals > 0 {
            lines.append("")
            lines.append(DataReport.reversalsTitle)
            lines += packed(DataReport.reversalPairs(measurement))
        }
        if measurement.valid > 0 { lines += tokenLines(measurement) }
        lines += Self.outputLines(measurement.outputs)
        lines += Self.section("Personal data (hints)", measurement.personalData.found.map { ($0.kind.rawValue, $0.tally) })
        if measurement.personalData.total > measurement.personalData[.secret].count { lines.append("  " + DataReport.personalDataHint) }
        if measurement.personalData[.secret].count > 0 { lines.append("  " + DataReport.secretHint) }
        if let eval = report.eval { lines += Self.evalLines(eval, train: measurement) }
        return lines.map { $0.wrapped(to: width, hangingIndent: 4) }.joined(separator: "\n") + "\n"
    }

    /// "chat", or for a file of several formats, how many of each: "mixed (12 chat, 3 preference)".
    private static func format(_ measurement: DataMeasurement) -> String {
        guard measurement.format == .mixed else { return measurement.format.rawValue }
        let counts = [
            ("chat", measurement.chatExamples), ("prompt-completion", measurement.promptCompletionExamples),
            ("preference", measurement.preferenceExamples),
        ]
        return "mixed (" + counts.filter { $0.1 > 0 }.map { "\(grouped($0.1)) \($0.0)" }.joined(separator: ", ") + ")"
    }

    /// `items` joined by "; " into indented lines that fit the width, no item split across two.
    private func packed(_ items: [String]) -> [String] {
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? ";" : "")
            if let last = lines.last, last.count + 1 + piece.count <= width {
                lines[lines.count - 1] = last + " " + piece
            } else {
                lines.append("  " + piece)
            }
        }
        return lines
    }

    /// "1 duplicate", "3 duplicates".
    private static func counted(_ count: Int, _ noun: String) -> String { "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")" }

    /// " (CRLF line ends, a byte-order mark, 3 blank)" where there are any; "2 CRLF line ends"
    /// when not every line has one.
    private static func lineNotes(_ measurement: DataMeasurement) -> String {
        var notes: [String] = []
        let crlf = measurement.crlfLines
        if crlf > 0 {
            notes.append(crlf == measurement.lines ? "CRLF line ends" : "\(grouped(crlf)) CRLF line \(crlf == 1 ? "end" : "ends")")
        }
        if measurement.hasByteOrderMark { notes.append("a byte-order mark") }
        if measurement.blankLines > 0 { notes.append("\(grouped(measurement.blankLines)) blank") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"
    }

    private static func section(_ title: String, _ tallies: [(String, Tally)]) -> [String] {
        guard !tallies.isEmpty else { return [] }
        let rows = tallies.map { kind, tally in
            ["  " + kind, grouped(tally.count), DataReport.lines(tally)]
        }
        return ["", title] + columns(rows, rightAligned: [1])
    }

    private func tokenLines(_ measurement: DataMeasurement) -> [String] {
        let tokens = measurement.tokens
        let over = tokens.overLimit > 0 ? ": " + DataReport.lines(measurement.overLimitLines, of: tokens.overLimit) : ""
        return [
            "", "Tokens (estimated from cl100k: about 5% off on English, up to 30% on others)",
            "  total \(grouped(tokens.total)), median \(grouped(tokens.median)), p95 \(grouped(tokens.p95)), "
                + "max \(grouped(tokens.max))",
            "  \(grouped(tokens.overLimit)) over the limit of \(grouped(tokens.limit)) (--token-limit)" + over,
        ]
    }

    private static func outputLines(_ outputs: OutputProfile) -> [String] {
        guard outputs.outputs > 0 else { return [] }
        var lines = ["", "Outputs", "  \(percentage(outputs.jsonOutputs, of: outputs.outputs)) are JSON"]
        if let hint = DataReport.wrappedJSONHint(outputs) { lines.append("  " + hint) }
        if let hint = DataReport.brokenJSONHint(outputs) { lines.append("  " + hint) }
        if !outputs.labels.isEmpty {
            lines.append("  labels: " + DataReport.labelList(outputs))
            lines += DataReport.labelHints(outputs).map { "  " + $0 }
        }
        return lines
    }

    private static func evalLines(_ eval: DataReport.File, train: DataMeasurement) -> [String] {
        let measurement = eval.measurement
        var lines = [
            "",
            "Evaluation file \(Tunewise.visible(eval.name)): \(Self.counted(measurement.lines, "line")), \(grouped(measurement.valid)) valid, "
                + "\(grouped(measurement.invalid)) invalid",
        ]
        lines += Self.section("Faults", measurement.faults.found.map { ($0.kind.rawValue, $0.tally) }).dropFirst().map { "  " + $0 }
        lines += DataReport.evalNotes(train: train, eval: measurement).map { "  " + $0 }
        if measurement.valid == 0 {
            lines.append("  Leakage: not measured, as it has no valid example")
        } else if let leakage = measurement.leakage {
            lines.append(
                "  Leakage: \(grouped(leakage.evalExamplesInTrain)) of its examples \(leakage.evalExamplesInTrain == 1 ? "is" : "are") in training"
                    + DataReport.leakageDetails(leakage))
        }
        return lines
    }
}
