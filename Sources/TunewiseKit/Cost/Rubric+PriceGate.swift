extension Rubric {
    /// The id of the gate ``rulingOutForCost(_:reason:)`` adds.
    public static let pricesGateID = "training-does-not-pay-back"

    /// This rubric with one gate more, for a team whose own prices undo what training is for:
    /// where the prompted model already meets the bar, `strategies` (trained models that could
    /// buy only cost or speed, and at those prices do not pay back, ``CostReview/Check/trainedStepNotPayingBack``)
    /// are ruled out, so the advice is made from what is left.
    /// - Parameter reason: the gate's reason, in the report's words (from the prices).
    public func rulingOutForCost(_ strategies: [String], reason: String) -> Rubric {
        var rubric = self
        let gate = Exclusion(
            id: Self.pricesGateID, when: Condition(clauses: [(Contract.promptingStatusQuestion, [Contract.meetsBarStatus])]),
            strategies: strategies, citation: Citation(reason: reason, source: Self.pricesSource))
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
