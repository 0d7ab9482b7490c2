import TunewiseKit

/// The few lines that end a text report after the questionnaire, so that the answer is on
/// screen when the questionnaire's long report has scrolled its top away: the recommendation,
/// its confidence, and the plan's stages, one item each.
struct RecapRenderer {
    let style: TextStyle

    func render(_ report: Report) -> String {
        let advice = report.advice
        var lines = ["", style.bold("In short:") + " \(report.strategyLabel(advice.strategy)) (confidence: \(advice.confidence.rawValue))"]
        for (index, stage) in advice.plan.enumerated() {
            let opening = report.stageOpening(stage)
            lines.append("  \(index + 1). \(opening.line)")
            lines += opening.conditions.map { "     - \($0)" }
        }
        return (lines.joined(separator: "\n") + "\n").wrapped(to: style.width)
    }
}
