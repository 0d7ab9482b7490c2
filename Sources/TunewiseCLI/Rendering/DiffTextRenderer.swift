import TunewiseKit

/// The diff for people: the answers that differ, then each part of the advice, changed ones
/// as `before → after` (the next steps and caveats as how many changed, then each), wrapped to
/// `width` columns.
struct DiffTextRenderer {
    let width: Int

    func render(_ report: DiffReport) -> String {
        unwrapped(report).wrapped(to: width)
    }

    private func unwrapped(_ report: DiffReport) -> String {
        let diff = report.diff
        var text = "tunewise diff: \(report.a.answers) → \(report.b.answers)\n"
        if report.comparesRubrics { text += "  rubric \(report.a.rubric) → \(report.b.rubric)\n" }
        if diff.answers.isEmpty, !diff.adviceDiffers {
            return text
                + "No difference: the same answers and the same advice (\(diff.after.strategy), \(diff.after.confidence.rawValue) confidence).\n"
        }
        if diff.answers.isEmpty {
            text += "Answers: the same.\n"
        } else {
            text += "Answers (\(diff.answers.count == 1 ? "1 differs" : "\(diff.answers.count) differ")):\n"
            for answer in diff.answers {
                text += "  \(answer.question): \(answer.before ?? "(unanswered)") → \(answer.after ?? "(unanswered)")\n"
            }
        }
        guard diff.adviceDiffers else {
            return text + "Advice: no difference (\(diff.after.strategy), \(diff.after.confidence.rawValue) confidence).\n"
        }
        text += "Advice changes:\n"
        let width = AdviceDiff.Aspect.allCases.map { DiffReport.label($0).count }.max()! + 1
        for aspect in AdviceDiff.Aspect.allCases {
            let label = (DiffReport.label(aspect) + ":").padded(to: width)
            if diff.changes.contains(aspect) {
                text += "  \(label) \(DiffReport.change(aspect, diff))\n"
                text += DiffReport.noteChanges(aspect, diff).map { "    \($0.sign) \($0.text)\n" }.joined()
            } else {
                text += "  \(label) \(DiffReport.value(aspect, diff.before)) (unchanged)\n"
            }
        }
        return text
    }
}
