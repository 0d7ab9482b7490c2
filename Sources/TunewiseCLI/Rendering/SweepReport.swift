import TunewiseKit

/// Everything a sweep report shows: the result and what it was made from.
///
/// Question, option and strategy ids are lowercase letters, digits and `-` (the rubric
/// loader refuses others), so they go into Markdown tables and CSV as they are.
struct SweepReport: ProvenanceReporting {
    let result: SweepResult
    let rubric: Rubric
    /// The weights in force, with the `--weight` overrides.
    let weights: Weights
    let toolVersion: String
    /// With `--against`: the other rubric ("default 3.0.0") and how the advice moves from it.
    var against: (name: String, comparison: SweepComparison)? = nil

    /// The heading of the comparison with the other rubric, which is swept without the
    /// policy's gates, rules and weights but with its answers held, as this one is.
    func againstHeading(_ name: String) -> String {
        "Against \(name) " + (rubric.policy == nil ? "(no policy)" : "(without the policy's gates, rules and weights; its answers held)")
    }

    /// The fixed answers as `question=option`, in rubric order.
    var fixedSummary: [String] {
        result.fixed.ordered(by: rubric).map { "\($0.question)=\($0.option)" }
    }

    /// The weight overrides in rubric order: "transience 2 (rubric: 1.25)".
    var weightSummary: [String] {
        rubric.questions.compactMap { question in
            weights.overrides[question.id].map {
                "\(question.id) \(JSONWriter.format($0)) (rubric: \(JSONWriter.format(question.weight)))"
            }
        }
    }

    /// The refinements neither varied nor fixed, which stay unanswered in every situation.
    var unansweredQuestions: [String] {
        let swept = Set(result.questions.map(\.id))
        return rubric.questions.filter { !swept.contains($0.id) && result.fixed[$0.id] == nil }.map(\.id)
    }

    /// With `--against`, each strategy's share on the other rubric and on this one, and the
    /// change in percentage points: one row a strategy, after a header row.
    var againstRows: [[String]] {
        guard let (name, comparison) = against else { return [] }
        let total = comparison.situationCount
        // This side is named by its policy when it has one: that is what the comparison shows.
        let this = rubric.policy.map { "with \($0.id) \($0.version)" } ?? "this rubric"
        return [["strategy", name, this, "change"]]
            + comparison.shares.map { share in
                // The change between the shares as shown, to a tenth of a point, so the three agree.
                func shown(_ count: Int) -> Double { (Double(count) / Double(max(total, 1)) * 1000).rounded() / 10 }
                let change = shown(share.after) - shown(share.before)
                return [
                    share.strategy, percentage(share.before, of: total), percentage(share.after, of: total),
                    (change > 0 ? "+" : "") + pointsPhrase((change * 10).rounded() / 10),
                ]
            }
    }

    /// With `--against`, the answers under which a strategy's share moved most:
    /// "model-access=api-tuning: fine-tuning 41.3% -> 0%".
    var movedAnswers: [String] {
        (against?.comparison.moved ?? []).map { moved in
            let before = percentage(Int((moved.before * 1000).rounded()), of: 1000)
            let after = percentage(Int((moved.after * 1000).rounded()), of: 1000)
            return "\(moved.question)=\(answerName(moved.answer)): \(moved.strategy) \(before) -> \(after)"
        }
    }

    /// The number of varied questions other than the map's two.
    var otherVariedCount: Int { result.questions.count - 2 }
}

/// `count` as a percentage of `total` with one decimal, never rounded to a misleading
/// `0%` or `100%`: "42.4%", "100%", "0%", "<0.1%", ">99.9%".
func percentage(_ count: Int, of total: Int) -> String {
    if count == 0 || total == 0 { return "0%" }
    if count == total { return "100%" }
    let tenths = (count * 1000 + total / 2) / total
    if tenths == 0 { return "<0.1%" }
    if tenths == 1000 { return ">99.9%" }
    return "\(tenths / 10).\(tenths % 10)%"
}

/// A count with its digits in groups of three for people to read: "764,411,904".
func grouped(_ count: Int) -> String {
    let digits = String(count)
    return digits.enumerated().map { index, digit in
        index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : "\(digit)"
    }.joined()
}

/// An answer as reports show it: its option id, or "unanswered" for an unanswered refinement.
func answerName(_ value: String?) -> String {
    value ?? "unanswered"
}

/// A map cell as text: its winner, with its share when it does not win every situation
/// ("fine-tuning (58.0%)"); "none" when the exclusions leave no strategy.
func cellText(_ cell: MapCell) -> String {
    guard let winner = cell.winner else { return "none" }
    let top = cell.counts.max()!
    return top == cell.situations ? winner : "\(winner) (\(percentage(top, of: cell.situations)))"
}
