import TunewiseKit

/// What `rubric check` found in one rubric.
struct RubricCheckReport {
    /// The rubric's file, or the built-in rubric's name.
    var name: String
    var rubric: Rubric
    var findings: [RubricFinding]
}

/// `rubric check`: a one-line `FILE: clean (...)` summary, or one `FILE: finding` line per finding.
struct RubricCheckRenderer: ReportRenderer {
    func render(_ report: RubricCheckReport) -> String {
        guard !report.findings.isEmpty else {
            let banned = report.rubric.strategiesPolicyRulesOutEverywhere
            let strategies = banned.isEmpty ? "every strategy" : "every strategy but \(joinedClauses(banned)), which the policy rules out everywhere,"
            return "\(report.name): clean (every question can change the advice, \(strategies) wins somewhere, every declared property holds)\n"
        }
        return report.findings.map { "\(report.name): \($0.message(in: report.rubric))\n" }.joined()
    }
}
