import TunewiseKit

/// The report a person reads in a terminal: the decision and its plan first, then why, what
/// to watch, what to do, and what would change it. No bare point sums: every line says why.
/// Lines wrap to the style's width.
struct TextRenderer {
    let style: TextStyle

    func render(_ report: Report) -> String {
        let advice = report.advice
        var lines: [String] = []
        let heading = "Recommendation: \(report.strategyLabel(advice.strategy))"
        let recommendation = style.bold(heading) + "  (confidence: \(report.confidenceText))"
        // Continuations hang under the confidence, or, after a long strategy name, under the heading.
        lines.append(heading.count + 2 > style.width / 2 ? recommendation.wrapped(to: style.width, hangingIndent: 2) : recommendation)
        if let strategy = report.rubric.strategy(advice.strategy) { lines.append("  " + strategy.summary) }
        for variant in advice.variants {
            lines.append("  \(variant.label): \(style.bold(variant.choiceLabel)). \(variant.reason) [\(variant.source)]")
        }
        // What confidence means belongs to the recommendation, before the risks it points to.
        lines.append(style.dim("  " + report.confidenceDefinition))
        if !advice.risks.isEmpty {
            lines.append("")
            lines.append(style.bold("Risks:"))
            lines += report.shownRisks.map(riskLine)
            if let summary = report.againstSummary { lines.append("  ! " + summary) }
        }
        if !report.decidingGates.isEmpty {
            lines.append("")
            lines.append(style.bold(report.decidingGatesHeading))
            lines += report.decidingGates.map { "  - \($0.id): \($0.citation.reason) [\($0.citation.source)]" }
        }

        lines.append("")
        lines.append(style.bold("Plan:"))
        for (index, stage) in advice.plan.enumerated() {
            let opening = report.stageOpening(stage)
            lines.append("  \(index + 1). \(opening.line)")
            lines += opening.conditions.map { "     - \($0)" }
            lines += stage.caveats.map { "     Watch: " + $0.text + ($0.source.map { " [\($0)]" } ?? "") }
        }

        lines.append("")
        lines.append(style.bold("Why:"))
        if advice.reasons.isEmpty { lines.append("  The strategies are tied; ties go to the simpler one.") }
        lines += report.shownReasons.map { reasonLine($0, mark: "+") }
        if !advice.counterpoints.isEmpty {
            lines.append(style.bold("Against it:"))
            lines += report.shownCounterpoints.map {
                "  - \(style.bold(report.counterpointSubject($0))). \($0.text) [\($0.source)]"
            }
        }
        if let hidden = report.hiddenReasonsLine { lines.append(style.dim("  " + hidden)) }

        if !advice.caveats.isEmpty {
            lines.append("")
            lines.append(style.bold("Watch out for:"))
            lines += advice.caveats.map { "  - " + $0.text + ($0.source.map { " [\($0)]" } ?? "") }
        }
        if !advice.nextSteps.isEmpty {
            lines.append("")
            lines.append(style.bold("Next steps:"))
            lines += advice.nextSteps.enumerated().map { "  \($0 + 1). \($1.text)" + ($1.source.map { " [\($0)]" } ?? "") }
        }

        if report.cost != nil {
            lines.append("")
            lines.append(style.bold("Cost over time") + " (your prices; \(report.costScope)):")
            for stageCost in report.stageCosts {
                let when = stageCost.stage.when == PlanStage.now ? "Now" : "Then"
                lines.append("  \(when), \(report.strategyLabel(stageCost.stage.strategy)): \(report.costSentence(stageCost))")
            }
            lines += report.costNotes.map { "  " + $0 }
            if let check = report.costCheck { lines.append("  " + check) }
        }

        lines.append("")
        lines.append(style.bold("Ranking:"))
        let width = advice.ranking.map { report.strategyLabel($0.strategy).count }.max() ?? 0
        var place = 0
        for entry in advice.ranking {
            let label = report.strategyLabel(entry.strategy).padded(to: width)
            if !entry.excluded { place += 1 }
            lines.append("  \(entry.excluded ? "- " : "\(place).") \(label)  \(report.placeSummary(entry))")
        }
        lines.append(style.dim("  For the full reasons against one: --why-not STRATEGY-ID."))

        lines.append("")
        lines.append(style.bold("What would change the advice:"))
        let changes = report.shownChanges
        if advice.sensitivity.isEmpty { lines.append("  No single change of one answer changes it.") }
        for (heading, groups) in [
            ("Worth answering (unanswered now):", changes.open), ("What you could change:", changes.levers),
            ("If your situation were different:", changes.facts),
        ] where !groups.isEmpty {
            lines.append("  " + heading)
            lines += groups.map { group in
                let moves = group.changes.map { "\($0.answer) -> \(report.strategyLabel($0.strategy))" }
                return "    - \(report.changeSubject(group.question)): \(moves.joined(separator: "; "))"
            }
        }
        if changes.hidden > 0 { lines.append(style.dim("  \(changes.hidden) more with --explain.")) }
        if let change = advice.weightSensitivity {
            lines.append("  It would become \(report.strategyLabel(change.strategy)) \(report.weightPhrase(change)).")
        }
        lines += report.measured?.reportLines ?? []
        lines.append("")
        lines.append(style.dim((report.reportProvenance + "; the works it cites: tunewise sources").wrapped(to: style.width, hangingIndent: 2)))
        return (lines.joined(separator: "\n") + "\n").wrapped(to: style.width)

        func reasonLine(_ reason: Reason, mark: String) -> String { self.reasonLine(reason, mark: mark, report) }
        func riskLine(_ risk: Risk) -> String {
            let subject = report.riskSubject(risk).map { style.bold($0) + ". " } ?? ""
            return "  ! " + subject + risk.text + (risk.source.map { " [\($0)]" } ?? "")
        }
    }

    /// "  + Subject. text [source]": one reason, counterpoint or "why not".
    private func reasonLine(_ reason: Reason, mark: String, _ report: Report) -> String {
        "  \(mark) \(style.bold(report.subject(of: reason))). \(reason.text) [\(reason.source)]"
    }

    /// What `--why-not STRATEGY` prints: why that strategy is not the advice.
    func renderWhyNot(_ strategy: String, _ report: Report) -> String {
        let advice = report.advice
        let label = report.strategyLabel(strategy)
        guard strategy != advice.strategy, let entry = advice.ranking.first(where: { $0.strategy == strategy }) else {
            let reasons = report.shownReasons.map { reasonLine($0, mark: "+", report) }
            return (([style.bold("\(label) is the recommendation.") + " Why:"] + reasons).joined(separator: "\n") + "\n").wrapped(to: style.width)
        }
        var lines = [style.bold("Why not \(label)") + " (\(report.whyNotLead(entry))):"]
        lines += entry.whyNot.map { reasonLine($0, mark: "-", report) }
        if let stage = report.laterStage(strategy) {
            lines.append("  The plan moves to it \(stage.when).")
        }
        return (lines.joined(separator: "\n") + "\n").wrapped(to: style.width)
    }
}
