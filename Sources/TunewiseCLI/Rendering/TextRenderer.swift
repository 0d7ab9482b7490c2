import TunewiseKit

/// The report a person reads in a terminal: one screen, most important first.
struct TextRenderer {
    let style: TextStyle

    func render(_ report: Report) -> String {
        let advice = report.advice
        var lines: [String] = []
        let strategy = report.rubric.strategy(advice.strategy)
        lines.append(style.bold("Recommendation: \(report.strategyLabel(advice.strategy))") + "  (confidence: \(advice.confidence.rawValue))")
        if let strategy { lines.append("  " + strategy.summary) }
        for variant in advice.variants {
            lines.append("  \(variant.label): \(style.bold(variant.choiceLabel)). \(variant.reason) [\(variant.source)]")
        }

        lines.append("")
        if let runnerUp = advice.runnerUp {
            lines.append(style.bold("Why") + " (ahead of \(report.strategyLabel(runnerUp)) by \(JSONWriter.format(advice.margin)) points):")
        } else {
            lines.append(style.bold("Why") + " (every other strategy is excluded):")
        }
        if advice.reasons.isEmpty { lines.append("  The two are tied; ties go to the simpler strategy.") }
        lines += advice.reasons.map(reasonLine)
        if !advice.counterpoints.isEmpty {
            lines.append(style.bold("Against it:"))
            lines += advice.counterpoints.map(reasonLine)
        }

        if !advice.caveats.isEmpty {
            lines.append("")
            lines.append(style.bold("Watch out for:"))
            lines += advice.caveats.map { "  - " + $0.text + ($0.source.map { " [\($0)]" } ?? "") }
        }
        if !advice.nextSteps.isEmpty {
            lines.append("")
            lines.append(style.bold("Next steps:"))
            lines += advice.nextSteps.enumerated().map { "  \($0 + 1). \($1.text)" }
        }

        lines.append("")
        lines.append(style.bold("Ranking:"))
        let width = advice.ranking.map { report.strategyLabel($0.strategy).count }.max() ?? 0
        for (index, entry) in advice.ranking.enumerated() {
            let label = report.strategyLabel(entry.strategy).padded(to: width)
            if entry.excluded {
                let why = entry.exclusions.map(\.reason).joined(separator: " ")
                lines.append("  -  \(label)  excluded: \(why)")
            } else {
                lines.append("  \(index + 1). \(label)  \(JSONWriter.format(entry.score))")
            }
        }

        lines.append("")
        lines.append(style.bold("What would change the advice:"))
        if advice.sensitivity.isEmpty { lines.append("  No single change of one answer changes it.") }
        for group in report.sensitivityByQuestion {
            let changes = group.changes.map { "\($0.answer) -> \($0.strategy)" }.joined(separator: "; ")
            lines.append("  - \(report.questionLabel(group.question)): \(changes)")
        }
        if let change = advice.weightSensitivity {
            lines.append("  - It would become \(change.strategy) \(report.weightPhrase(change)).")
        }
        lines.append("")
        lines.append(style.dim(report.provenance))
        return lines.joined(separator: "\n") + "\n"

        func reasonLine(_ reason: Reason) -> String {
            let points = signed(reason.points).padded(to: 5)
            return "  \(points) \(style.bold(report.subject(of: reason))). \(reason.text) [\(reason.source)]"
        }
    }
}
