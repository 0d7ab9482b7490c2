import TunewiseKit

/// A decision record in Markdown that a team can commit, post, or append to a CI job summary.
struct MarkdownRenderer {
    func render(_ report: Report) -> String {
        let advice = report.advice
        let label = report.strategyLabel(advice.strategy)
        var lines: [String] = []
        lines.append("# Decision: \(escape(label)) to customise our LLM")
        lines.append("")
        lines.append("*Recorded by \(report.provenance). Confidence: **\(advice.confidence.rawValue)**.*")

        lines.append("")
        lines.append("## Context")
        lines.append("")
        lines.append("| Question | Answer |")
        lines.append("|---|---|")
        for question in report.rubric.questions {
            let answer = advice.answers[question.id].flatMap { question.option($0) }
            let cell = answer.map { "`\($0.id)`: \(escape($0.label))" } ?? "*unknown*"
            if answer != nil || question.isCore { lines.append("| \(escape(question.label)) | \(cell) |") }
        }

        lines.append("")
        lines.append("## Decision")
        lines.append("")
        var decision = "We will use **\(escape(label))** (`\(advice.strategy)`)"
        if let runnerUp = advice.runnerUp {
            decision += ", ahead of \(escape(report.strategyLabel(runnerUp))) by \(JSONWriter.format(advice.margin)) points"
        }
        lines.append(decision + ".")
        if let strategy = report.rubric.strategy(advice.strategy) { lines.append(""); lines.append(escape(strategy.summary)) }
        for variant in advice.variants {
            lines.append("")
            lines.append("- **\(escape(variant.label)):** \(escape(variant.choiceLabel)). \(escape(variant.reason)) *(\(escape(variant.source)))*")
        }

        lines.append("")
        lines.append("## Reasons")
        lines.append("")
        if advice.reasons.isEmpty { lines.append("- The scores are tied; ties go to the simpler strategy.") }
        lines += advice.reasons.map { reasonItem($0, report) }
        if !advice.counterpoints.isEmpty {
            lines.append("")
            lines.append("Against it:")
            lines.append("")
            lines += advice.counterpoints.map { reasonItem($0, report) }
        }

        lines.append("")
        lines.append("## Ranking")
        lines.append("")
        lines.append("| # | Strategy | Score | Excluded because |")
        lines.append("|---|---|---|---|")
        for (index, entry) in advice.ranking.enumerated() {
            let why = entry.exclusions.map { escape($0.reason) }.joined(separator: " ")
            let place = entry.excluded ? "-" : "\(index + 1)"
            lines.append("| \(place) | \(escape(report.strategyLabel(entry.strategy))) | \(JSONWriter.format(entry.score)) | \(why) |")
        }

        if !advice.caveats.isEmpty {
            lines.append("")
            lines.append("## Consequences")
            lines.append("")
            lines += advice.caveats.map { "- \(escape($0.text))" + ($0.source.map { " *(\(escape($0)))*" } ?? "") }
        }
        if !advice.nextSteps.isEmpty {
            lines.append("")
            lines.append("## Next steps")
            lines.append("")
            lines += advice.nextSteps.enumerated().map { "\($0 + 1). \(escape($1.text))" }
        }

        lines.append("")
        lines.append("## What would change this decision")
        lines.append("")
        if advice.sensitivity.isEmpty { lines.append("- No single change of one answer changes it.") }
        for group in report.sensitivityByQuestion {
            let changes = group.changes.map { "`\($0.answer)` → \(escape(report.strategyLabel($0.strategy)))" }
            lines.append("- \(escape(report.questionLabel(group.question))): \(changes.joined(separator: "; "))")
        }
        if let change = advice.weightSensitivity {
            lines.append("- The advice would become \(escape(report.strategyLabel(change.strategy))) \(report.weightPhrase(change)).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func reasonItem(_ reason: Reason, _ report: Report) -> String {
        "- **\(escape(report.subject(of: reason)))** (\(signed(reason.points))): \(escape(reason.text)) *(\(escape(reason.source)))*"
    }

    /// Escapes the characters that would break a table cell or start unintended formatting.
    private func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "|*_`[]<>\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
