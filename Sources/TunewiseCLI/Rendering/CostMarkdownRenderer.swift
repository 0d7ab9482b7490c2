import TunewiseKit

/// The cost report as Markdown for a CI job summary: a table of each strategy's costs and
/// one line per trained strategy on when it pays back.
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
        var notes =
            "Against `prompt-engineering`. Amounts in the currency of your prices; a month is \(JSONWriter.format(CostModel.daysPerMonth)) days."
        if let retrain = report.retrainText { notes += " " + retrain }
        lines.append(notes)
        lines.append("")
        lines.append("<sub>tunewise \(report.toolVersion)</sub>")
        return lines.joined(separator: "\n") + "\n"
    }
}
