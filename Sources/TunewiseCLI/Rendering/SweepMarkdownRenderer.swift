import TunewiseKit

/// The sweep report in Markdown, for a README, a pull request or a CI job summary; the map,
/// when asked for, is a table of the winning strategy.
struct SweepMarkdownRenderer {
    func render(_ report: SweepReport) -> String {
        let result = report.result
        var lines: [String] = []
        lines.append("# Advice over \(grouped(result.situationCount)) situations")
        lines.append("")
        lines.append("Every combination of answers to the varied questions.")
        lines.append("")
        let varied = result.questions.map { "`\($0.id)` (\($0.values.count))" }.joined(separator: ", ")
        lines.append("- Varied (number of answers): \(varied)")
        if !report.fixedSummary.isEmpty { lines.append("- Fixed: \(codeList(report.fixedSummary))") }
        if !report.weightSummary.isEmpty { lines.append("- Weights: \(report.weightSummary.joined(separator: ", "))") }
        if !report.unansweredQuestions.isEmpty { lines.append("- Unanswered: \(codeList(report.unansweredQuestions))") }
        lines.append("")
        lines.append("*Swept by \(report.provenance).*")

        lines.append("")
        lines.append("## Strategies")
        lines.append("")
        lines.append("| Strategy | Situations | Share |")
        lines.append("|---|--:|--:|")
        for (strategy, count) in zip(result.strategies, result.counts) {
            lines.append("| \(strategy) | \(grouped(count)) | \(percentage(count, of: result.situationCount)) |")
        }
        if result.unresolved > 0 {
            lines.append(
                "| *none (every strategy excluded)* | \(grouped(result.unresolved)) | \(percentage(result.unresolved, of: result.situationCount)) |")
        }

        lines.append("")
        lines.append("## Deciding questions")
        lines.append("")
        lines.append("How often changing that one answer, all else equal, changes the advice.")
        lines.append("")
        lines.append("| Question | Situations | Share |")
        lines.append("|---|--:|--:|")
        for question in result.decidingQuestions {
            lines.append("| \(question.id) | \(grouped(question.deciding!)) | \(percentage(question.deciding!, of: result.situationCount)) |")
        }

        lines.append("")
        lines.append("## Advice by answer")
        lines.append("")
        lines.append("The share of the situations with that answer that lead to each strategy.")
        lines.append("")
        lines.append("| Question | Answer | " + result.strategies.joined(separator: " | ") + " |")
        lines.append("|---|---|" + String(repeating: "--:|", count: result.strategies.count))
        for question in result.questions {
            let total = result.situationsPerAnswer(of: question)
            for (index, (value, counts)) in zip(question.values, question.counts).enumerated() {
                let shares = counts.map { percentage($0, of: total) }.joined(separator: " | ")
                lines.append("| \(index == 0 ? question.id : "") | \(answer(value)) | \(shares) |")
            }
        }

        if let map = result.map {
            lines.append("")
            lines.append("## Map: \(map.row) by \(map.column)")
            lines.append("")
            lines.append(
                "The winning strategy for each pair of answers, over the other \(report.otherVariedCount) varied questions; a share is given when it does not win them all."
            )
            lines.append("")
            lines.append("| \(map.row) ↓ \(map.column) → | " + map.columnValues.map(answer).joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---|", count: map.columnValues.count))
            for (value, row) in zip(map.rowValues, map.cells) {
                lines.append("| **\(answer(value))** | " + row.map(cellText).joined(separator: " | ") + " |")
            }
        }
        if let name = report.against?.name {
            lines.append("")
            lines.append("## " + report.againstHeading(name))
            lines.append("")
            let rows = report.againstRows
            lines.append("| " + rows[0].joined(separator: " | ") + " |")
            lines.append("|---|---:|---:|---:|")
            lines += rows.dropFirst().map { "| `\($0[0])` | " + $0.dropFirst().joined(separator: " | ") + " |" }
            if !report.movedAnswers.isEmpty {
                lines.append("")
                lines.append("Answers where the advice moved most:")
                lines.append("")
                lines += report.movedAnswers.map { "- `\($0)`" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An answer in a table: the option id, or *unanswered* in italics.
    private func answer(_ value: String?) -> String {
        value ?? "*\(answerName(nil))*"
    }

    private func codeList(_ items: [String]) -> String {
        items.map { "`\($0)`" }.joined(separator: ", ")
    }
}
