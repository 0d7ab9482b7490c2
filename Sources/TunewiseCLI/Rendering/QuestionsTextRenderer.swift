import TunewiseKit

/// `questions` for people: each question with its flag, kind and text, then its options with
/// their help, wrapped to `width` columns.
struct QuestionsTextRenderer: ReportRenderer {
    let width: Int

    func render(_ rubric: Rubric) -> String {
        var lines = ["\(rubric.title) (\(rubric.id) \(rubric.version)\(rubric.policy.map { ", policy \($0.id) \($0.version)" } ?? ""))"]
        for question in rubric.questions {
            lines.append("")
            let kind = question.isCore ? "core" : "refinement"
            lines.append("--\(question.id)  (\(kind)) \(question.label): \(question.text)")
            let idWidth = question.options.map(\.id.count).max() ?? 0
            let policyAnswer = rubric.policy?.answers[question.id]
            for option in question.options {
                let marker =
                    if let policy = rubric.policy, let policyAnswer {
                        option.id == policyAnswer ? " (policy \(policy.id)'s answer: not asked)" : ""
                    } else {
                        option.id == question.defaultOption ? " (preselected when asked)" : ""
                    }
                lines.append("    \(option.id.padded(to: idWidth))  \(option.help)\(marker)")
            }
        }
        return (lines.joined(separator: "\n") + "\n").wrapped(to: width)
    }
}
