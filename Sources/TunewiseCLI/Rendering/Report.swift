import TunewiseKit

/// A report that names, in its footer, the tool and rubric it was made with.
protocol ProvenanceReporting {
    /// The rubric the report was made from.
    var rubric: Rubric { get }
    /// The version of `tunewise` that made it.
    var toolVersion: String { get }
}

extension ProvenanceReporting {
    /// The tool's and the rubric's versions, and the policy applied, for a footer.
    var provenance: String {
        let policy =
            rubric.policy.map { policy in
                let weights = policy.weights.sorted { $0.key < $1.key }.map { "\($0.key)=\(JSONWriter.format($0.value))" }
                return ", policy \(policy.id) \(policy.version)" + (policy.path.map { " (\(Tunewise.visible($0)))" } ?? "")
                    + (weights.isEmpty ? "" : " with weights \(weights.joined(separator: " "))")
            } ?? ""
        return "tunewise \(toolVersion), rubric \(rubric.id) \(rubric.version)\(policy)"
    }

    /// The `tool` and `rubric` members that follow `schemaVersion` in a JSON report, and the
    /// `policy` one when a policy was applied.
    var provenanceMembers: [(key: String, value: JSONValue)] {
        [
            ("tool", .object([("name", .string("tunewise")), ("version", .string(toolVersion))])),
            ("rubric", .object([("id", .string(rubric.id)), ("version", .string(rubric.version))])),
        ] + policyMembers(of: rubric)
    }
}

/// The `policy` member of a JSON report, `{"id", "version", "path"}` (with the policy's
/// default answers where `withAnswers`), when `rubric` carries a policy; none otherwise.
func policyMembers(of rubric: Rubric, withAnswers: Bool = false) -> [(key: String, value: JSONValue)] {
    guard let policy = rubric.policy else { return [] }
    var members: [(key: String, value: JSONValue)] = [
        ("id", .string(policy.id)), ("version", .string(policy.version)), ("path", policy.path.map(JSONValue.string) ?? .null),
    ]
    if !policy.weights.isEmpty {
        members.append(("weights", .object(policy.weights.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })))
    }
    if withAnswers {
        members.append(("answers", .object(policy.answers.ordered(by: rubric).map { ($0.question, .string($0.option)) })))
    }
    return [("policy", .object(members))]
}

/// Everything a report shows: the advice and what it was made from.
struct Report: ProvenanceReporting {
    /// The advice, with the cost risk first among its risks when the cost inputs raise one
    /// (``addCostRisk()``).
    var advice: Advice
    let rubric: Rubric
    let toolVersion: String
    /// Whether to show every reason and change rather than the top few.
    var explain = false
    /// What each strategy costs over time, when cost inputs were given.
    var cost: CostComparison? = nil
    /// The answers measured in a training file, with `--data`.
    var measured: MeasuredAnswers? = nil
    /// The question weights given in place of the rubric's (`--weight`), which the advice
    /// rests on as much as on the answers.
    var weightOverrides: [WeightOverride] = []
    /// The questions that only the policy answered (nothing given or measured did): a change
    /// to one of them names it as the policy's, which the team may not be free to change.
    var answeredByPolicy: Set<String> = []
    /// What the first risk says could change the advice, for the confidence line ("your
    /// file's distinct examples would change it"), when ``addDataRisk()`` or ``addCostRisk()``
    /// found it so.
    var firstRiskClause: String?
    /// Where the retrain cadence the plan is costed with came from, when it is costed.
    var retrainCadenceFrom: RetrainCadenceSource?

    /// Where a retrain cadence came from, as the JSON report names it.
    enum RetrainCadenceSource: String {
        /// Given: `--retrain-every-months` or the cost file.
        case input
        /// The pace of the facts a tuned model would hold.
        case transience
        /// A yearly retrain of a tune on a hosted service, whose base model retires
        /// (``AdviseCommand/retrainsForHostedBase(_:_:)``).
        case hostedBase = "hosted-base"
        /// No retraining.
        case none
    }

    /// Whether the trained stages are priced with a retrain each year because they tune on a
    /// hosted service whose base model retires.
    var pricesHostedBaseRetirement: Bool { retrainCadenceFrom == .hostedBase }
    /// The questions answered over the policy's answer, with the policy's (``addPolicyRisk(overridden:underPolicy:)``).
    var policyOverrides: [String: String] = [:]

    /// The footer's provenance, with the weights given, so that a saved report says
    /// everything its advice was made from.
    var reportProvenance: String {
        provenance
            + (weightOverrides.isEmpty
                ? "" : ", weights " + weightOverrides.map { "\($0.question)=\(JSONWriter.format($0.weight))" }.joined(separator: " "))
    }

    /// The `weights` member of a JSON report, when weights were given.
    var weightMembers: [(key: String, value: JSONValue)] {
        weightOverrides.isEmpty ? [] : [("weights", .object(weightOverrides.map { ($0.question, .number($0.weight)) }))]
    }

    /// How many reasons, counterpoints and changes a report shows without ``explain``.
    static let reasonLimit = 6
    static let counterpointLimit = 3
    static let changeLimit = 5

    func strategyLabel(_ id: String) -> String { rubric.strategy(id)?.label ?? id }

    func questionLabel(_ id: String) -> String { rubric.question(id)?.label ?? id }

    /// How "What would change the advice" names a question: its label, and whose answer it
    /// is when the policy gave it ("Data governance (policy acme's answer)").
    func changeSubject(_ question: String) -> String {
        guard answeredByPolicy.contains(question), let policy = rubric.policy else { return questionLabel(question) }
        return "\(questionLabel(question)) (policy \(policy.id)'s answer)"
    }

    /// The reasons to show: all with ``explain``, else the strongest few.
    var shownReasons: [Reason] { explain ? advice.reasons : Array(advice.reasons.prefix(Self.reasonLimit)) }

    /// The risks to show one by one: all with ``explain``; else every one but the answers that
    /// weigh against the only option left, which ``againstSummary`` sums up in one line.
    var shownRisks: [Risk] {
        explain ? advice.risks : advice.risks.filter { $0.kind != .against }
    }

    /// Without ``explain``, the answers that favour what the gates rule out, in one line, the
    /// strongest ``againstLimit`` of them, each once however many of the reasons it is part of:
    /// "Some of your answers lean towards PEFT / fine-tuning (ruled out): Data volume:
    /// thousands; Output style: custom (--explain shows why)". Each answer leans so on its
    /// own or with another; the evidence as a whole may not.
    var againstSummary: String? {
        let against = advice.risks.compactMap(\.reason)
        guard !explain, !against.isEmpty else { return nil }
        let favoured = orderedUnique(against.compactMap(\.favours)).map(strategyLabel)
        let whom = favoured.isEmpty ? "the options ruled out" : joinedClauses(favoured) + " (ruled out)"
        let answers = orderedUnique(against.flatMap(answerSubjects(of:)))
        let more = answers.count - Self.againstLimit
        let subjects = answers.prefix(Self.againstLimit).joined(separator: "; ")
        return "Some of your answers lean towards \(whom): \(subjects)"
            + (more > 0 ? "; and \(more) more (--explain shows them all and why)." : " (--explain shows why).")
    }

    /// The answers ``againstSummary`` names before it counts the rest.
    static let againstLimit = 4

    /// The counterpoints to show: all with ``explain``, else the strongest few.
    var shownCounterpoints: [Reason] {
        explain ? advice.counterpoints : Array(advice.counterpoints.prefix(Self.counterpointLimit))
    }

    /// "3 more reasons for it and 1 more against it with --explain.", for the reasons and
    /// counterpoints left out (said whose, as the line follows the counterpoints); `nil` when none is.
    var hiddenReasonsLine: String? {
        let reasons = advice.reasons.count - shownReasons.count
        let against = advice.counterpoints.count - shownCounterpoints.count
        let parts = [
            reasons > 0 ? "\(reasons) more \(reasons == 1 ? "reason" : "reasons") for it" : nil, against > 0 ? "\(against) more against it" : nil,
        ].compactMap { $0 }
        return parts.isEmpty ? nil : joinedClauses(parts) + " with --explain."
    }

    /// The answers a reason rests on, each as "Question label: answer" (the starting points
    /// and a gate as ``subject(of:)`` names them).
    func answerSubjects(of reason: Reason) -> [String] {
        guard reason.kind == .rule else { return [subject(of: reason)] }
        return reason.ruleAnswers.map { "\(questionLabel($0.question)): \($0.answer)" }
    }

    /// A reason's subject: "Data volume: thousands", the rule's answers joined by " + ", or a
    /// gate's id.
    func subject(of reason: Reason) -> String {
        switch reason.kind {
        case .answer: return "\(questionLabel(reason.question ?? "")): \(reason.answer ?? "")"
        case .rule: return answerSubjects(of: reason).joined(separator: " + ")
        case .baseline: return "Starting points"
        case .gate: return "Ruled out (\(reason.rule ?? ""))"
        }
    }

    /// "high, forced: your limits leave no other option open now; the evidence favours
    /// Fine-tuning, ruled out for now", or "medium: ahead of the runner-up, Hybrid, by 2.5
    /// points; answering Model size could change it".
    var confidenceText: String {
        var text = advice.confidence.rawValue
        switch advice.confidenceBasis {
        case .limits where advice.decidedBy.contains(Rubric.pricesGateID), .situation where advice.decidedBy.contains(Rubric.pricesGateID):
            text += ", decided by your prices, at which the trained steps it would take do not pay back"
        case .limits:
            text += ", forced: your limits leave no other option open now"
        case .situation:
            text += ", decided by your situation: no other option fits it now, whatever your limits"
        case .margin:
            let runnerUp = advice.runnerUp.map(strategyLabel) ?? ""
            text +=
                advice.margin == 0
                ? ": level on points with the runner-up, \(runnerUp), and ahead by the rubric's order"
                : ": ahead of the runner-up, \(runnerUp), by \(pointsPhrase(advice.margin))"
        }
        // At most one risk names a strategy: the best of those the evidence favours but gates rule out.
        if let favoured = advice.risks.lazy.compactMap(\.strategy).first {
            let later = advice.plan.dropFirst().contains { $0.strategy == favoured }
            text += "; the evidence favours \(strategyLabel(favoured)), ruled out \(later ? "for now" : rulerOut(of: favoured))"
        }
        if advice.restsOnAnUntriedBaseline { text += "; prompting not yet measured, which could change it" }
        if !advice.openQuestions.isEmpty {
            text += "; answering \(advice.openQuestions.map(questionLabel).joined(separator: ", ")) could change it"
        }
        if !advice.assumptions.isEmpty {
            text += ", and most answers to \(advice.assumptions.map(questionLabel).joined(separator: " or ")) would"
        }
        if let firstRiskClause { text += "; \(firstRiskClause) (the first risk)" }
        if let cost, case .distillingDoesNotPayBack = CostReview(advice: advice, cost: cost).check {
            text += ", but at your prices this step does not pay back (the first risk)"
        }
        return text
    }

    /// Who rules `strategy` out for good: the policy, where its own exclusions alone do
    /// ("by policy acme-llm-policy"), else "by your answers".
    private func rulerOut(of strategy: String) -> String {
        let gates = advice.ranking.first { $0.strategy == strategy }?.exclusions.map(\.id) ?? []
        guard let policy = rubric.policy, !gates.isEmpty, gates.allSatisfy(policy.exclusionIDs.contains) else {
            return "by your answers"
        }
        return "by policy \(policy.id)"
    }

    /// What "confidence" means, for every report that shows it: in one sentence with the leads
    /// in points that the rubric counts as high and medium, and with ``explain`` the whole rule
    /// (the headline already says which part of it decided this report's level).
    var confidenceDefinition: String {
        let high = pointsPhrase(rubric.confidence.high)
        let medium = JSONWriter.format(rubric.confidence.medium)
        guard explain else {
            return "Confidence is how clearly your answers point to this first step (a lead of \(high) or more is high, "
                + "of \(medium) or more medium, less while an unanswered question could change it; --explain gives the whole rule), "
                + "not a forecast of success."
        }
        return "Confidence is how clearly your answers point to this first step: by how far the evidence leads "
            + "(a lead of \(high) or more is high, of \(medium) or more medium; medium at most while an unanswered question could "
            + "change it or a trained step rests on prompting not yet measured, and low while most answers to one would, or where your "
            + "own prices undo the step's purpose), or, where your limits or the facts of your "
            + "situation leave one option, by those, and never high while the evidence as a whole favours an option your limits alone "
            + "rule out (one your situation rules out, such as training facts into weights, does not count). "
            + "It is not a forecast of success; the risks say what may stand in the way."
    }

    /// "Against it" subjects name what the counterpoint favours: "Query volume: high (favours Fine-tuning)".
    func counterpointSubject(_ reason: Reason) -> String {
        subject(of: reason) + (reason.favours.map { " (favours \(strategyLabel($0)))" } ?? "")
    }

    /// A risk's subject, for one that an answer or rule carries: "Budget: substantial (favours
    /// Fine-tuning, ruled out now)".
    func riskSubject(_ risk: Risk) -> String? {
        risk.reason.map { reason in
            subject(of: reason) + (reason.favours.map { " (favours \(strategyLabel($0)), ruled out now)" } ?? "")
        }
    }

    /// The advice a `--why-not` list is measured against and, where the list holds answers
    /// rather than the gates that rule `entry` out, that each counts more for the advice than
    /// for it (a reason for training, say, counts for both trained methods, more for one).
    func whyNotLead(_ entry: RankedStrategy) -> String {
        let advised = "the advice is \(strategyLabel(advice.strategy))"
        return !entry.excluded && entry.whyNot.allSatisfy { $0.points > 0 } ? advised + ", for which each answer below counts more" : advised
    }

    /// The gates that decided the advice, with their reasons, in rubric order.
    var decidingGates: [Exclusion] {
        rubric.exclusions.filter { advice.decidedBy.contains($0.id) }
    }

    /// The heading of ``decidingGates``: where gates (limits or the situation) left one option, they decided it;
    /// where the advice also leads the options left open by points, the gates only set aside
    /// options that scored higher.
    var decidingGatesHeading: String {
        advice.confidenceBasis == .margin ? "These gates rule out options that scored higher:" : "Decided by these gates, not by points:"
    }

    /// "Hybrid, tuning method: PEFT (…), retrieval: retrieval-augmented generation (RAG)": a
    /// stage's strategy and how to carry it out.
    func stageDescription(_ stage: PlanStage) -> String {
        ([strategyLabel(stage.strategy)] + stage.variants.map { "\($0.label.lowercased()): \($0.choiceLabel)" })
            .joined(separator: ", ")
    }

    /// A plan stage's first line, and the conditions to list beneath it: "Now: …", "Then, once
    /// …: …" for a later stage with one condition, and "Then: …, when all of these hold:" for
    /// one with several, each then an item of its own (read as one sentence, their "and"s and
    /// "or"s ran together).
    func stageOpening(_ stage: PlanStage) -> (line: String, conditions: [String]) {
        let description = stageDescription(stage)
        if stage.when == PlanStage.now { return ("Now: \(description)", []) }
        guard stage.conditions.count > 1 else { return ("Then, \(stage.when): \(description)", []) }
        return ("Then: \(description), when all of these hold:", stage.conditions)
    }

    /// The plan's later stage that moves to `strategy`, if the plan has one.
    func laterStage(_ strategy: String) -> PlanStage? {
        advice.plan.dropFirst().first { $0.strategy == strategy }
    }

    /// Why an alternative ranks where it does, in a few words: the gates that rule it out, or
    /// the subjects of the strongest reasons against it.
    func placeSummary(_ entry: RankedStrategy) -> String {
        if entry.strategy == advice.strategy { return "recommended" }
        if entry.excluded { return "ruled out by " + entry.exclusions.map(\.id).joined(separator: ", ") }
        let subjects = entry.whyNot.prefix(2).map(subject(of:))
        return subjects.isEmpty ? "tied; ties go to the simpler strategy" : "behind on " + subjects.joined(separator: "; ")
    }

    /// The changes that would alter the advice, grouped by question, strongest first, split
    /// into unanswered refinements, what the team can change, and facts about its situation;
    /// at most ``changeLimit`` groups in all without ``explain``.
    var shownChanges: (open: [ChangeGroup], levers: [ChangeGroup], facts: [ChangeGroup], hidden: Int) {
        // The questions worth answering come first, as the confidence line names them all.
        let ranked = advice.rankedChanges
        let groups = ranked.filter { $0.kind == .unanswered } + ranked.filter { $0.kind != .unanswered }
        let shown = explain ? groups : Array(groups.prefix(Self.changeLimit))
        return (
            shown.filter { $0.kind == .unanswered }, shown.filter { $0.kind == .lever }, shown.filter { $0.kind == .fact },
            groups.count - shown.count
        )
    }

    /// "if transience counted 1.8× as much as this rubric weighs it", for the weight
    /// sensitivity line; a weight given with `--weight` or by the policy is named as such.
    func weightPhrase(_ change: WeightChange) -> String {
        let question = questionLabel(change.question).lowercased()
        let factor = JSONWriter.format(rounded(change.factor))
        let weigher =
            if weightOverrides.contains(where: { $0.question == change.question }) {
                "your --weight weighs it"
            } else if let policy = rubric.policy, let weight = policy.weights[change.question] {
                "policy \(policy.id) weighs it (\(JSONWriter.format(weight)))"
            } else {
                "this rubric weighs it"
            }
        return "if \(question) counted \(factor)× as much as \(weigher)"
    }
}
