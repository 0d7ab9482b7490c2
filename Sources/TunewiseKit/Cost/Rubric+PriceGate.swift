extension Rubric {
    /// The id of the gate ``rulingOutDistilling(_:reason:)`` adds.
    public static let pricesGateID = "distilling-does-not-pay-back"

    /// This rubric with one gate more, for a team whose own prices undo a step's purpose: where
    /// the prompted model already meets the bar, `strategy` (a model distilled from it to cut
    /// cost, which at those prices never pays back, ``CostReview/Check/distillingDoesNotPayBack(strategy:fromRequestsPerDay:)``)
    /// is ruled out, so the advice is made from what is left. The gate holds for now: a
    /// later stage moves to the strategy if the prices change or latency, not cost, is what
    /// must improve.
    /// - Parameter reason: the gate's reason, in the report's words (from the prices).
    public func rulingOutDistilling(_ strategy: String, reason: String) -> Rubric {
        var rubric = self
        let gate = Exclusion(
            id: Self.pricesGateID, when: Condition(clauses: [(Contract.promptingStatusQuestion, [Contract.meetsBarStatus])]),
            strategies: [strategy], citation: Citation(reason: reason, source: Self.pricesSource))
        rubric.exclusions.append(gate)
        return rubric
    }

    /// The gates that hold only because prompting already meets the bar, so that training could
    /// buy only cost or speed: the team's own prices can settle them (the price gate among them).
    public var gatesPricesSettle: Set<String> {
        let meetsBar = (question: Contract.promptingStatusQuestion, options: [Contract.meetsBarStatus])
        return Set(
            exclusions.filter { gate in gate.when.clauses.contains { $0.question == meetsBar.question && $0.options == meetsBar.options } }
                .map(\.id))
    }

    /// What the price gate rests on: the team's own cost inputs, not a work the rubric cites.
    public static let pricesSource = "your cost inputs (tunewise cost)"
}
