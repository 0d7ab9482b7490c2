import TunewiseKit

/// The cost report as Markdown for a CI job summary: a table of each strategy's costs, one
/// line per trained strategy on when it pays back, and the cumulative costs as a Mermaid
/// `xychart-beta` chart, which GitHub draws.
struct CostMarkdownRenderer {
    func render(_ report: CostReport) -> String {
        let comparison = report.comparison
        var lines: [String] = []
        lines.append("## Cost over \(report.horizonText) at \(requests(comparison.requestsPerDay)) requests a day")
        lines.append("")
        lines.append("| Strategy | One-off | Monthly | \(report.horizonText) | Payback |")
        lines.append("|---|--:|--:|--:|---|")
        for cost in comparison.strategies {
            lines.append(
                "| `\(cost.strategy)` | \(money(cost.oneOff)) | \(money(cost.monthly)) | \(money(cost.total)) | \(report.paybackCell(cost.strategy)) |"
            )
        }
        for uncosted in comparison.notCosted {
            let flags = uncosted.missing.map { "`\($0.suppliedBy)`" }.joined(separator: ", ")
            lines.append("| `\(uncosted.strategy)` | not costed | | | needs \(flags) |")
        }
        lines.append("")
        for breakEven in comparison.breakEven {
            lines.append("- **\(breakEven.strategy)** \(report.breakEvenSentence(breakEven))")
        }
        lines.append("")
        lines += Self.mermaidChart(comparison)
        lines.append("")
        var notes =
            "Against `prompt-engineering`. Amounts in the currency of your prices; a month is \(JSONWriter.format(CostModel.daysPerMonth)) days."
        for note in report.notes { notes += " " + note }
        lines.append(notes)
        lines.append("")
        lines.append("<sub>tunewise \(report.toolVersion)</sub>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cumulative cost of each costed strategy, month by month, as a Mermaid line chart;
    /// Mermaid draws no legend, so the line before it names the lines in order.
    static func mermaidChart(_ comparison: CostComparison) -> [String] {
        let top = comparison.strategies.map { max($0.total, $0.oneOff) }.max() ?? 0
        let order = comparison.strategies.map { "`\($0.strategy)`" }.joined(separator: ", ")
        var lines = [
            "Cumulative cost by month; lines in order: \(order).", "", "```mermaid", "xychart-beta",
            "    title \"Cumulative cost\"", "    x-axis \"Month\" 1 --> \(comparison.horizonMonths)",
            "    y-axis \"Cost\" 0 --> \(JSONWriter.format(max(1, top.rounded(.up))))",
        ]
        for cost in comparison.strategies {
            lines.append("    line [" + cost.cumulative.map { JSONWriter.format(cents($0)) }.joined(separator: ", ") + "]")
        }
        lines.append("```")
        return lines
    }
}
