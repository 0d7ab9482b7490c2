/// The advice on one line, for scripts: the strategy, the confidence and the deciding reason.
///
/// `prompt-engineering high (ship-in-days: A first version is due within days…)`: the first
/// gate that decided the advice with its reason, or, when the scores decided, the subject of
/// the strongest reason; then, where the team's own figures (prices, a measured file) raise
/// the first risk, what it says in short.
struct SummaryRenderer {
    func render(_ report: Report) -> String {
        let advice = report.advice
        var line = "\(advice.strategy) \(advice.confidence.rawValue)"
        var reason = decidingReason(report) ?? ""
        if let risk = report.firstRiskClause {
            reason += reason.isEmpty ? "first risk: \(risk)" : reason.hasSuffix(".") ? " First risk: \(risk)." : "; first risk: \(risk)"
        }
        if !reason.isEmpty { line += " (\(reason))" }
        return Tunewise.visible(line) + "\n"
    }

    /// `--why-not STRATEGY` on one line: `hybrid ruled out by ship-in-days (advice: prompt-engineering)`,
    /// `fine-tuning behind on Budget: minimal (advice: ...)`, or `hybrid recommended`.
    func renderWhyNot(_ strategy: String, _ report: Report) -> String {
        let advice = report.advice
        guard strategy != advice.strategy, let entry = advice.ranking.first(where: { $0.strategy == strategy }) else {
            return "\(strategy) recommended\n"
        }
        let planned = report.laterStage(strategy).map { "; planned \($0.when)" } ?? ""
        return Tunewise.visible("\(strategy) \(report.placeSummary(entry)) (advice: \(advice.strategy)\(planned))") + "\n"
    }

    /// "gate-id: its reason" for the first gate that decided, else the top reason's subject.
    func decidingReason(_ report: Report) -> String? {
        if let gateID = report.advice.decidedBy.first {
            guard let gate = report.rubric.exclusions.first(where: { $0.id == gateID }) else { return gateID }
            return "\(gate.id): \(gate.citation.reason)"
        }
        return report.advice.reasons.first.map(report.subject(of:))
    }
}
