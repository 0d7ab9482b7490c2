import TunewiseKit

/// A decision record in Markdown that a team can commit, post, or append to a CI job summary.
struct MarkdownRenderer {
    func render(_ report: Report) -> String {
        let advice = report.advice
        let label = report.strategyLabel(advice.strategy)
        var lines: [String] = []
        lines.append("# Decision: \(escape(label)) to customise our LLM")
        lines.append("")
        lines.append("*Recorded by \(report.reportProvenance). Confidence: **\(escape(report.confidenceText))**.*")
        if !advice.risks.isEmpty {
            lines.append("")
            lines.append("**Risks:**")
            lines.append("")
            lines += report.shownRisks.map { risk in
                let subject = report.riskSubject(risk).map { "**\(escape($0))**: " } ?? ""
                return "- \(subject)\(escape(risk.text))" + cite(risk.source, report)
            }
            if let summary = report.againstSummary { lines.append("- \(escape(summary))") }
        }
        lines.append("")
        lines.append("*\(escape(report.confidenceDefinition))*")

        lines.append("")
        lines.append("## Context")
        lines.append("")
        lines.append("| Question | Answer |")
        lines.append("|---|---|")
        for question in report.rubric.questions {
            let answer = advice.answers[question.id].flatMap { question.option($0) }
            var cell = answer.map { "`\($0.id)`: \(escape($0.label))" } ?? "*unknown*"
            if let policy = report.rubric.policy {
                if let overridden = report.policyOverrides[question.id] {
                    cell += " (overrides policy \(escape(policy.id))'s `\(overridden)`)"
                } else if report.answeredByPolicy.contains(question.id) {
                    cell += " (policy \(escape(policy.id))'s answer)"
                }
            }
            if answer != nil || question.isCore { lines.append("| \(escape(question.label)) | \(cell) |") }
        }

        lines.append("")
        lines.append("## Decision")
        lines.append("")
        lines.append("We will use **\(escape(label))** (`\(advice.strategy)`) now.")
        if let strategy = report.rubric.strategy(advice.strategy) {
            lines.append("")
            lines.append(escape(strategy.summary))
        }
        for variant in advice.variants {
            lines.append("")
            lines.append("- **\(escape(variant.label)):** \(escape(variant.choiceLabel)). \(escape(variant.reason))" + cite(variant.source, report))
        }

        if !report.decidingGates.isEmpty {
            lines.append("")
            lines.append(report.decidingGatesHeading)
            lines.append("")
            lines += report.decidingGates.map { "- `\($0.id)`: \(escape($0.citation.reason))" + cite($0.citation.source, report) }
        }

        lines.append("")
        lines.append("## Plan")
        lines.append("")
        for (index, stage) in advice.plan.enumerated() {
            let opening = report.stageOpening(stage)
            lines.append("\(index + 1). \(escape(opening.line))")
            lines += opening.conditions.map { "   - \(escape($0))" }
            lines += stage.caveats.map { "   - Watch: \(escape($0.text))" + cite($0.source, report) }
        }

        lines.append("")
        lines.append("## Reasons")
        lines.append("")
        if advice.reasons.isEmpty { lines.append("- The strategies are tied; ties go to the simpler one.") }
        lines += report.shownReasons.map { reasonItem($0, report) }
        if !advice.counterpoints.isEmpty {
            lines.append("")
            lines.append("Against it:")
            lines.append("")
            lines += report.shownCounterpoints.map {
                "- **\(escape(report.counterpointSubject($0)))**: \(escape($0.text))" + cite($0.source, report)
            }
        }
        if let hidden = report.hiddenReasonsLine {
            lines.append("")
            lines.append("*\(escape(hidden))*")
        }

        if report.cost != nil {
            lines.append("")
            lines.append("## Cost over time")
            lines.append("")
            lines.append("Our prices, \(escape(report.costScope)).")
            lines.append("")
            for stageCost in report.stageCosts {
                let when = stageCost.stage.when == PlanStage.now ? "Now" : "Then"
                lines.append("- **\(when), \(escape(report.strategyLabel(stageCost.stage.strategy))):** \(escape(report.costSentence(stageCost)))")
            }
            for line in report.costNotes + [report.costCheck].compactMap({ $0 }) {
                lines.append("")
                lines.append(escape(line))
            }
        }

        lines.append("")
        lines.append("## Alternatives")
        lines.append("")
        lines.append("| Strategy | Why it is not the advice |")
        lines.append("|---|---|")
        for entry in advice.ranking where entry.strategy != advice.strategy {
            let why =
                entry.excluded
                ? entry.exclusions.map { "Ruled out (`\($0.id)`): \(escape($0.reason))" }.joined(separator: " ")
                : entry.whyNot.prefix(3).map { "**\(escape(report.subject(of: $0)))**: \(escape($0.text))" }.joined(separator: " ")
            lines.append("| \(escape(report.strategyLabel(entry.strategy))) | \(why.isEmpty ? "Tied; ties go to the simpler strategy." : why) |")
        }

        if !advice.caveats.isEmpty {
            lines.append("")
            lines.append("## Consequences")
            lines.append("")
            lines += advice.caveats.map { "- \(escape($0.text))" + cite($0.source, report) }
        }
        if !advice.nextSteps.isEmpty {
            lines.append("")
            lines.append("## Next steps")
            lines.append("")
            lines += advice.nextSteps.enumerated().map { "\($0 + 1). \(escape($1.text))" + cite($1.source, report) }
        }

        lines.append("")
        lines.append("## What would change this decision")
        lines.append("")
        if advice.sensitivity.isEmpty { lines.append("- No single change of one answer changes it.") }
        let changes = report.shownChanges
        for (heading, groups) in [
            ("Worth answering (unanswered now)", changes.open), ("What we could change", changes.levers),
            ("If our situation were different", changes.facts),
        ] where !groups.isEmpty {
            lines.append("- \(heading):")
            lines += groups.map { group in
                let moves = group.changes.map { "`\($0.answer)` → \(escape(report.strategyLabel($0.strategy)))" }
                return "  - \(escape(report.changeSubject(group.question))): \(moves.joined(separator: "; "))"
            }
        }
        if changes.hidden > 0 { lines.append("- \(changes.hidden) more with `--explain`.") }
        if let change = advice.weightSensitivity {
            lines.append("- The advice would become \(escape(report.strategyLabel(change.strategy))) \(report.weightPhrase(change)).")
        }
        lines += report.measured?.reportLines.map { $0.isEmpty ? $0 : escape($0) } ?? []
        let references = report.rubric.references(citedIn: advice.citedSources)
        if !references.isEmpty {
            lines += ["", "## Sources", ""] + references.map { "- " + Self.entry($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A source in italics after the text it supports, each work it names linked to its
    /// reference's address where the rubric gives one; empty for no source.
    private func cite(_ source: String?, _ report: Report) -> String {
        guard let source else { return "" }
        let works = CitedWork.works(in: source).map { work in
            let text = escape(work.id + (work.locator.map { " § \($0)" } ?? ""))
            return report.rubric.reference(work.id)?.url.map { "[\(text)](\(Self.linkTarget($0)))" } ?? text
        }
        return " *(\(works.joined(separator: "; ")))*"
    }

    /// One bibliography entry: the linked title, its author and year, and its id as cited.
    static func entry(_ reference: Reference) -> String {
        let title = escapeText(reference.title)
        let linked = reference.url.map { "[\(title)](\(linkTarget($0)))" } ?? title
        return "\(linked), \(escapeText(reference.author))" + (reference.year.map { ", \($0)" } ?? "") + " — `\(reference.id)`"
    }

    /// An address as a link target: spaces and parentheses would end it early.
    private static func linkTarget(_ url: String) -> String {
        url.map { character in ["(": "%28", ")": "%29", " ": "%20"][character] ?? String(character) }.joined()
    }

    private func reasonItem(_ reason: Reason, _ report: Report) -> String {
        "- **\(escape(report.subject(of: reason)))**: \(escape(reason.text))" + cite(reason.source, report)
    }

    /// What `--why-not STRATEGY` prints: a heading and why that strategy is not the advice,
    /// one list item per reason with its source.
    func renderWhyNot(_ strategy: String, _ report: Report) -> String {
        let advice = report.advice
        let label = escape(report.strategyLabel(strategy))
        let item = { (reason: Reason) in reasonItem(reason, report) }
        guard strategy != advice.strategy, let entry = advice.ranking.first(where: { $0.strategy == strategy }) else {
            return (["## Why \(label)", "", "\(label) is the recommendation.", ""] + report.shownReasons.map(item)).joined(separator: "\n") + "\n"
        }
        let lead = report.whyNotLead(entry)
        var lines = ["## Why not \(label)", "", escape(lead.prefix(1).uppercased() + lead.dropFirst()) + ".", ""]
        lines += entry.whyNot.map(item)
        if let stage = report.laterStage(strategy) {
            lines += ["", "The plan moves to it \(escape(stage.when))."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String { Self.escapeText(text) }

    /// `text` as an inline code span that shows it as it is: fenced by one more backtick than
    /// its longest run of them, and padded with a space where it starts or ends with one.
    static func codeSpan(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// Escapes the characters that would break a table cell or start unintended formatting;
    /// backticks that pair up mark code, as the rubric's texts use them, and are kept.
    static func escapeText(_ text: String) -> String {
        let special = text.count { $0 == "`" } % 2 == 0 ? "|*_[]<>\\" : "|*_`[]<>\\"
        var escaped = ""
        for character in text {
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
