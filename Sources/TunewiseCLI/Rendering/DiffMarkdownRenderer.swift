import TunewiseKit

/// The diff for a pull request or a CI summary: a table of the answers that differ and one
/// of the advice, changed parts in bold.
struct DiffMarkdownRenderer {
    func render(_ report: DiffReport) -> String {
        let diff = report.diff
        var text = "## Tunewise diff: `\(cell(report.a.answers))` → `\(cell(report.b.answers))`\n\n"
        if report.comparesRubrics { text += "Rubric \(cell(report.a.rubric)) → \(cell(report.b.rubric)).\n\n" }
        if diff.answers.isEmpty, !diff.adviceDiffers {
            return text
                + "No difference: the same answers and the same advice (\(diff.after.strategy), \(diff.after.confidence.rawValue) confidence).\n"
        }
        if diff.answers.isEmpty {
            text += "The answers are the same.\n\n"
        } else {
            text += "| Question | A | B |\n|---|---|---|\n"
            for answer in diff.answers {
                text += "| \(answer.question) | \(answer.before ?? "_unanswered_") | \(answer.after ?? "_unanswered_") |\n"
            }
            text += "\n"
        }
        guard diff.adviceDiffers else {
            return text + "The advice does not change (\(diff.after.strategy), \(diff.after.confidence.rawValue) confidence).\n"
        }
        text += "| Advice | A | B |\n|---|---|---|\n"
        for aspect in AdviceDiff.Aspect.allCases {
            let (before, after) = (cell(DiffReport.value(aspect, diff.before)), cell(DiffReport.value(aspect, diff.after)))
            if diff.changes.contains(aspect) {
                let changed = DiffReport.notes(aspect, diff) == nil ? after : "\(after) (\(DiffReport.change(aspect, diff)))"
                text += "| **\(DiffReport.label(aspect))** | \(before) | **\(changed)** |\n"
            } else {
                text += "| \(DiffReport.label(aspect)) | \(before) | \(after) |\n"
            }
        }
        for aspect in AdviceDiff.Aspect.allCases {
            let notes = DiffReport.noteChanges(aspect, diff)
            guard !notes.isEmpty else { continue }
            text += "\n\(aspect == .steps ? "Next steps" : "Watch out for"), added (+), removed (-) and reworded (~):\n\n"
            text += notes.map { "- `\($0.sign)` \(cell($0.text))\n" }.joined()
        }
        return text
    }

    /// `text` safe in a table cell: pipes escaped, line breaks as spaces.
    private func cell(_ text: String) -> String {
        var cell = ""
        for character in text {
            switch character {
            case "|": cell += "\\|"
            case "\n", "\r": cell += " "
            default: cell.append(character)
            }
        }
        return cell
    }
}
