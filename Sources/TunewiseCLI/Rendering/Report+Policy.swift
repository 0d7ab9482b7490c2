import TunewiseKit

extension Report {
    /// Puts first among the risks the answers given over the policy's (`overridden`: the
    /// question, the answer given, the policy's), with what the policy's own answers would
    /// advise (`underPolicy`) and the gates that would rule out the advice given; the overrides are also marked
    /// in the Markdown record's context.
    mutating func addPolicyRisk(overridden: [(question: String, given: String, policy: String)], underPolicy: Advice?) {
        guard let policy = rubric.policy, !overridden.isEmpty else { return }
        policyOverrides = Dictionary(uniqueKeysWithValues: overridden.map { ($0.question, $0.policy) })
        let answers = joinedClauses(overridden.map { "\($0.question) \($0.given) (the policy answers \($0.policy))" })
        var text = "Your answers override policy \(policy.id)'s: \(answers)."
        if let underPolicy {
            // The gates that would rule out the advice given: the reason it would change, where a gate is.
            let ruling = underPolicy.ranking.first { $0.strategy == advice.strategy }?.exclusions.map(\.id) ?? []
            text +=
                underPolicy.strategy == advice.strategy
                ? " With the policy's answers the advice would be the same."
                : " With the policy's answers the advice would be \(strategyLabel(underPolicy.strategy))"
                    + (ruling.isEmpty ? "" : " (\(joinedClauses(ruling)) would rule out \(strategyLabel(advice.strategy)))")
                    + ": check that the override is allowed."
        }
        advice.risks.insert(Risk(kind: .policy, text: text, source: nil), at: 0)
    }
}
