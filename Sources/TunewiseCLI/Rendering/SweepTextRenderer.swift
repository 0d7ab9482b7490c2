import TunewiseKit

/// The sweep report a person reads in a terminal: what was swept, how the advice splits,
/// which questions decide, the split by answer, and the map when asked for. Text wraps to
/// the style's width; tables keep their rows whole, as a wrapped row cannot be read.
struct SweepTextRenderer {
    let style: TextStyle

    func render(_ report: SweepReport) -> String {
        let result = report.result
        var lines: [String] = []
        lines.append(
            (style.bold("Sweep: \(grouped(result.situationCount)) situations") + ", every combination of answers to the varied questions")
                .wrapped(to: style.width))
        lines.append(wrapped(result.questions.map { "\($0.id) (\($0.values.count))" }, label: "  varied (answers): "))
        if !report.fixedSummary.isEmpty { lines.append(wrapped(report.fixedSummary, label: "  fixed:            ")) }
        if !report.weightSummary.isEmpty { lines.append(wrapped(report.weightSummary, label: "  weights:          ")) }
        if !report.unansweredQuestions.isEmpty { lines.append(wrapped(report.unansweredQuestions, label: "  unanswered:       ")) }

        lines.append("")
        lines.append(style.bold("Advice:"))
        var rows = zip(result.strategies, result.counts).map { [$0, grouped($1), percentage($1, of: result.situationCount)] }
        if result.unresolved > 0 {
            rows.append(["none (every strategy excluded)", grouped(result.unresolved), percentage(result.unresolved, of: result.situationCount)])
        }
        lines += columns(rows, rightAligned: [1, 2]).map { "  " + $0 }

        lines.append("")
        lines.append((style.bold("Deciding questions") + " (how often changing that one answer changes the advice):").wrapped(to: style.width))
        lines += columns(
            result.decidingQuestions.map { question in
                [question.id, grouped(question.deciding!), percentage(question.deciding!, of: result.situationCount)]
            }, rightAligned: [1, 2]
        ).map { "  " + $0 }

        lines.append("")
        lines.append((style.bold("Advice by answer") + " (share of the situations with that answer):").wrapped(to: style.width))
        var marginals = [[""] + result.strategies]
        for question in result.questions {
            marginals.append([question.id] + result.strategies.map { _ in "" })
            let total = result.situationsPerAnswer(of: question)
            for (value, counts) in zip(question.values, question.counts) {
                marginals.append(["  " + answerName(value)] + counts.map { percentage($0, of: total) })
            }
        }
        lines += columns(marginals, rightAligned: Set(1...result.strategies.count)).map { "  " + $0 }

        if let map = result.map {
            lines.append("")
            lines.append(style.bold("Map: \(map.row) (rows) by \(map.column) (columns)").wrapped(to: style.width))
            lines.append(
                "  The winner over the other \(report.otherVariedCount) varied questions, with its share when not 100%.".wrapped(to: style.width))
            let header = ["\(map.row) \\ \(map.column)"] + map.columnValues.map(answerName)
            let table = { (text: (MapCell) -> String) in
                columns([header] + zip(map.rowValues, map.cells).map { value, row in [answerName(value)] + row.map(text) }, rightAligned: [])
                    .map { "  " + $0 }
            }
            let full = table(cellText)
            // Too wide for the terminal: strategies by their initials, with a key.
            let short = Self.initials(result.strategies)
            if full.contains(where: { $0.count > style.width }), Set(short.values).count == short.count {
                lines += table { cell in
                    var text = cellText(cell)
                    if let winner = cell.winner, let initials = short[winner] { text = initials + text.dropFirst(winner.count) }
                    return text
                }
                let key = result.strategies.map { "\(short[$0]!) \($0)" }.joined(separator: ", ")
                lines.append("  (\(key))".wrapped(to: style.width, hangingIndent: 3))
            } else {
                lines += full
            }
        }

        if let name = report.against?.name {
            lines.append("")
            lines.append(style.bold(report.againstHeading(name) + ": each strategy's share").wrapped(to: style.width))
            lines += columns(report.againstRows, rightAligned: [1, 2, 3]).map { "  " + $0 }
            if !report.movedAnswers.isEmpty {
                lines.append("  Answers where the advice moved most:")
                lines += report.movedAnswers.map { "    " + $0 }
            }
        }

        lines.append("")
        lines.append(style.dim(report.provenance.wrapped(to: style.width, hangingIndent: 2)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `items` joined by ", " after `label`, wrapped with following lines indented to the
    /// label's width.
    private func wrapped(_ items: [String], label: String) -> String {
        (label + items.joined(separator: ", ")).wrapped(to: style.width, hangingIndent: label.count)
    }

    /// Each strategy id's initials in capitals: `prompt-engineering` is `PE`, `hybrid` `H`.
    static func initials(_ strategies: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: strategies.map { id in (id, String(id.split(separator: "-").compactMap(\.first)).uppercased()) })
    }
}
