// Declared monotone properties hold.

extension RubricCheck.Checker {
    func propertyViolations() -> [RubricFinding] {
        rubric.properties.compactMap { property in
            violation(of: property).map(RubricFinding.propertyViolated)
        }
    }

    /// The smallest violation of `property`, or `nil` when it holds everywhere.
    ///
    /// Only the rules that involve the property's question make its steps depend on other
    /// answers, so the answers of the questions those rules name (unanswered included) are
    /// enumerated, fewest answered refinements and lowest options first.
    private func violation(of property: MonotoneProperty) -> PropertyViolation? {
        let question = rubric.knownQuestionIndex(property.question)
        let favours = rubric.knownStrategyIndex(property.favours)
        let over = rubric.knownStrategyIndex(property.over)
        let partners = Set(
            table.rules.filter { $0.clauses.contains { $0.question == question } }
                .flatMap { $0.clauses.map(\.question) }
        ).subtracting([question]).sorted()
        let contexts = partners.reduce([[Int]]([[]])) { partial, partner in
            partial.flatMap { prefix in values[partner].map { prefix + [$0] } }
        }.sorted { a, b in
            let answered = (a.filter { $0 != ScoringTable.unanswered }.count, b.filter { $0 != ScoringTable.unanswered }.count)
            return answered.0 != answered.1 ? answered.0 < answered.1 : a.lexicographicallyPrecedes(b)
        }
        let base = rubric.questions.map { $0.isCore ? 0 : ScoringTable.unanswered }
        for context in contexts {
            var situation = base
            for (partner, value) in zip(partners, context) { situation[partner] = value }
            let stepped = rubric.questions[question]
            let scale = property.scale.isEmpty ? Array(stepped.options.indices) : property.scale.map(stepped.knownOptionIndex)
            for (lowerOption, higherOption) in zip(scale, scale.dropFirst()) {
                situation[question] = lowerOption
                let before = table.scores(situation)
                situation[question] = higherOption
                let after = table.scores(situation)
                let fall = (before[favours] - before[over]) - (after[favours] - after[over])
                let tolerance = 1e-9 * (1 + abs(before[favours]) + abs(before[over]) + abs(after[favours]) + abs(after[over]))
                guard fall > tolerance else { continue }
                var lower = situation
                lower[question] = lowerOption
                return PropertyViolation(
                    property: property, before: rubric.answers(lower), after: rubric.answers(situation),
                    favoursBefore: before[favours], overBefore: before[over],
                    favoursAfter: after[favours], overAfter: after[over])
            }
        }
        return nil
    }
}
