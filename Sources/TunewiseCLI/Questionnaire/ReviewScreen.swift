import TunewiseKit

/// The review of every answer before the report: one numbered line a question, short enough
/// to fit one screen of 24 rows with the prompt (the rubric has at most 19 questions to show).
struct ReviewScreen {
    /// The questions shown, in order; the first is number 1.
    var questions: [Question]
    /// The answers to show.
    var situation: Situation
    var style: TextStyle

    /// What can be typed at the review.
    static let instructions = "type a number to change that answer, back (<) to return, quit (q) to leave, or Enter (ok) for the advice."

    /// The title, the numbered answers (`-` where unanswered), and the instructions.
    var text: String {
        let numberWidth = "\(questions.count)".count
        let idWidth = questions.map(\.id.count).max() ?? 0
        var lines = [style.bold("Your answers") + " (a refinement left unanswered is -):"]
        for (index, question) in questions.enumerated() {
            let number = String(repeating: " ", count: numberWidth - "\(index + 1)".count) + "\(index + 1)"
            lines.append("  \(number). \(question.id.padded(to: idWidth))  \(situation[question.id] ?? "-")")
        }
        lines.append("Type" + Self.instructions.dropFirst(4))
        return lines.joined(separator: "\n")
    }
}
