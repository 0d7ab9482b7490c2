import TunewiseKit

/// The cost report a person reads in a terminal: a table of each strategy's costs, when
/// each trained strategy pays back, and a chart of the cumulative costs. Text wraps to the
/// style's width; the table and the chart, 80 columns wide at most, keep their rows whole.
struct CostTextRenderer {
    let style: TextStyle
    /// Plain ASCII for the chart (`TERM=dumb`, `NO_COLOR`, `--no-color`); box-drawing and
    /// geometric characters otherwise.
    let asciiOnly: Bool

    func render(_ report: CostReport) -> String {
        let comparison = report.comparison
        var lines: [String] = []
        lines.append(style.bold("Cost over \(report.horizonText) at \(requests(comparison.requestsPerDay)) requests a day").wrapped(to: style.width))
        lines.append("Amounts in the currency of your prices; a month is \(JSONWriter.format(CostModel.daysPerMonth)) days.".wrapped(to: style.width))
        lines.append("")

        var rows = [["Strategy", "One-off", "Monthly", report.horizonText, "Payback"]]
        for cost in comparison.strategies {
            rows.append([cost.strategy, money(cost.oneOff), money(cost.monthly), money(cost.total), report.paybackCell(cost.strategy)])
        }
        lines += columns(rows, rightAligned: [1, 2, 3]).map { "  " + $0 }
        for uncosted in comparison.notCosted {
            let needs = uncosted.missing.map(\.suppliedBy).joined(separator: ", ")
            lines.append("  \(uncosted.strategy): not costed; needs \(needs)".wrapped(to: style.width, hangingIndent: 4))
        }
        for note in report.notes {
            lines.append("")
            lines.append(note.wrapped(to: style.width))
        }

        lines.append("")
        lines.append(style.bold("Break-even") + " against prompt-engineering:")
        for breakEven in comparison.breakEven {
            lines.append("  \(breakEven.strategy) \(report.breakEvenSentence(breakEven))".wrapped(to: style.width, hangingIndent: 4))
        }

        lines.append("")
        lines += CostChart(report: report, asciiOnly: asciiOnly).lines(title: style.bold("Cumulative cost"))
        lines.append("")
        lines.append(style.dim("tunewise \(report.toolVersion)"))
        return lines.joined(separator: "\n") + "\n"
    }

}

/// A small chart of the cumulative costs, month by month, that fits 80 columns and marks
/// each trained strategy's payback month.
struct CostChart {
    let report: CostReport
    let asciiOnly: Bool

    /// Columns of the plot area and rows of it; the middle row is half the top value.
    static let width = 60
    static let height = 11

    /// Each strategy's mark, Unicode and ASCII.
    static func mark(_ strategy: String, ascii: Bool) -> Character {
        switch StrategyID(rawValue: strategy) {
        case .promptEngineering: return ascii ? "P" : "●"
        case .promptTuning: return ascii ? "T" : "▲"
        case .fineTuning: return ascii ? "F" : "■"
        case .hybrid, nil: return ascii ? "H" : "◆"
        }
    }

    func lines(title: String) -> [String] {
        let strategies = report.comparison.strategies
        let horizon = report.horizon
        let top = strategies.map { max($0.total, $0.oneOff) }.max() ?? 0
        let (width, height) = (Self.width, Self.height)
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)

        // Payback months, each marked by a dotted column at the end of its month.
        var paybacks: [(column: Int, month: Int, strategies: [String])] = []
        for breakEven in report.comparison.breakEven {
            guard let month = breakEven.paybackMonth else { continue }
            let column = min(width - 1, max(0, month * width / horizon - 1))
            if let index = paybacks.firstIndex(where: { $0.month == month }) {
                paybacks[index].strategies.append(breakEven.strategy)
            } else {
                paybacks.append((column, month, [breakEven.strategy]))
            }
        }
        for payback in paybacks {
            for row in 0..<height { grid[row][payback.column] = asciiOnly ? ":" : "┊" }
        }

        // The baseline last, so that it stays visible where curves meet.
        for cost in strategies.dropFirst() + strategies.prefix(1) {
            let mark = Self.mark(cost.strategy, ascii: asciiOnly)
            for column in 0..<width {
                let value = valueAt(cost, column: column, width: width, horizon: horizon)
                let row = top > 0 ? Int(((1 - value / top) * Double(height - 1)).rounded()) : height - 1
                grid[min(max(row, 0), height - 1)][column] = mark
            }
        }

        let labels = [compactAmount(top), compactAmount(top / 2), "0"]
        let labelWidth = labels.map(\.count).max()!
        let (tick, bar, corner, rule, up) = asciiOnly ? ("+", "|", "+", "-", "^") : ("┤", "│", "└", "─", "↑")
        var lines = [title + " (" + strategies.map { "\(Self.mark($0.strategy, ascii: asciiOnly)) \($0.strategy)" }.joined(separator: "  ") + ")"]
        for row in 0..<height {
            let label = row == 0 ? labels[0] : (row == height / 2 ? labels[1] : (row == height - 1 ? labels[2] : ""))
            let padded = String(repeating: " ", count: labelWidth - label.count) + label
            lines.append(String((padded + " " + (label.isEmpty ? bar : tick) + String(grid[row])).reversed().drop { $0 == " " }.reversed()))
        }
        var axis = Array(repeating: Character(rule), count: width)
        for payback in paybacks { axis[payback.column] = asciiOnly ? "+" : "┬" }
        let indent = String(repeating: " ", count: labelWidth + 1)
        lines.append(indent + corner + String(axis))
        let last = "\(horizon)"
        lines.append(indent + " 1" + String(repeating: " ", count: max(1, width - 1 - last.count)) + last + "  month")
        for payback in paybacks.sorted(by: { $0.column < $1.column }) {
            let text = "\(joinedClauses(payback.strategies)) \(payback.strategies.count == 1 ? "pays" : "pay") back in month \(payback.month)"
            let start = labelWidth + 2 + payback.column
            if start + 2 + text.count <= 80 {
                lines.append(String(repeating: " ", count: start) + up + " " + text)
            } else {
                let left = max(0, start - text.count - 1)
                lines.append(String(repeating: " ", count: left) + text + " " + up)
            }
        }
        return lines + hiddenCurves(drawn: Array(strategies.dropFirst()) + Array(strategies.prefix(1)))
    }

    /// A line for each strategy whose curve one drawn after it covers whole (the same costs
    /// every month), which the chart alone would hide.
    private func hiddenCurves(drawn: [StrategyCost]) -> [String] {
        drawn.enumerated().compactMap { place, cost in
            guard let cover = drawn[(place + 1)...].last(where: { $0.cumulative == cost.cumulative && $0.oneOff == cost.oneOff })
            else { return nil }
            return
                "\(Self.mark(cost.strategy, ascii: asciiOnly)) \(cost.strategy) costs the same as \(cover.strategy) and lies under its \(Self.mark(cover.strategy, ascii: asciiOnly))."
        }
    }

    /// The cumulative cost at the middle of plot column `column`, linear between month
    /// ends; before month 1 ends it runs from the one-off cost.
    private func valueAt(_ cost: StrategyCost, column: Int, width: Int, horizon: Int) -> Double {
        let position = (Double(column) + 1) / Double(width) * Double(horizon)
        let before = Int(position.rounded(.down))
        let fraction = position - Double(before)
        func at(_ month: Int) -> Double { month <= 0 ? cost.oneOff : cost.cumulative[min(month, horizon) - 1] }
        return at(before) + (at(before + 1) - at(before)) * fraction
    }

    /// An axis label: "950", "12.5k", "3.2M".
    private func compactAmount(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (size, suffix) in units where value >= size {
            let scaled = value / size
            return (scaled >= 100 ? JSONWriter.format(scaled.rounded()) : JSONWriter.format((scaled * 10).rounded() / 10)) + suffix
        }
        return JSONWriter.format(value.rounded())
    }
}
