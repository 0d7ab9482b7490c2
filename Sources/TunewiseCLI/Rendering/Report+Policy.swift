import TunewiseKit

extension Report {
    /// Puts first among the risks the answers given over the policy's (`overridden`: the
    /// question, the answer given, the policy's), with what the policy's own answers would
    /// advise (`underPolicy`) and the gates they would bring; the overrides are also marked
    /// in the Markdown record's context.
    mutating func addPolicyRisk(overridden: [(question: String, given: String, policy: String)], underPolicy: Advice?) {
        guard let policy = rubric.policy, !overridden.isEmpty else { return }
        policyOverrides = Dictionary(uniqueKeysWithValues: overridden.map { ($0.question, $0.policy) })
        let answers = joinedClauses(overridden.map { "\($0.question) \($0.given) (the policy answers \($0.policy))" })
        var text = "Your answers override policy \(policy.id)'s: \(answers)."
        if let underPolicy {
            let gates = Set(advice.ranking.flatMap(\.exclusions).map(\.id))
            let added = underPolicy.ranking.flatMap(\.exclusions).map(\.id).reduce(into: [String]()) { ids, id in
                if !gates.contains(id), !ids.contains(id) { ids.append(id) }
            }
            let gatesApply = "gate\(added.count == 1 ? "" : "s") \(joinedClauses(added)) would apply"
            text +=
                underPolicy.strategy == advice.strategy
                ? " With the policy's answers the advice would be the same\(added.isEmpty ? "" : ", though \(gatesApply)")."
                : " With the policy's answers the advice would be \(strategyLabel(underPolicy.strategy))"
                    + (added.isEmpty ? "" : " (\(gatesApply))") + ": check that the override is allowed."
        }
        advice.risks.insert(Risk(kind: .policy, text: text, source: nil), at: 0)
    }
}
