import TunewiseKit

/// The machine-readable report, schemaVersion 2.
///
/// The document is built field by field, so its shape is the contract's and does not
/// drift when internal types change; keys keep the order written here.
struct JSONRenderer {
    static let schemaVersion = 2

    func render(_ report: Report) -> String {
        JSONWriter.write(document(report))
    }

    func document(_ report: Report) -> JSONValue {
        let advice = report.advice
        return .object(
            [("schemaVersion", .number(Double(Self.schemaVersion)))] + report.provenanceMembers + report.weightMembers + [
                ("answers", .object(advice.answers.ordered(by: report.rubric).map { ($0.question, .string($0.option)) })),
                (
                    "recommendation",
                    .object(
                        [
                            ("strategy", .string(advice.strategy)),
                            ("label", .string(report.strategyLabel(advice.strategy))),
                            ("confidence", .string(advice.confidence.rawValue)),
                            // The contract's two values: gates that left one option are `limits`, and
                            // `gatesRuleOut` says whose they are (the team's limits, or the situation).
                            ("confidenceBasis", .string(advice.confidenceBasis == .margin ? "margin" : "limits")),
                        ]
                            + (advice.confidenceBasis == .margin ? [] : [("gatesRuleOut", .string(advice.confidenceBasis.rawValue))])
                            + [
                                ("risks", .array(advice.risks.map(risk))),
                                ("openQuestions", .array(advice.openQuestions.map(JSONValue.string))),
                                ("assumptions", .array(advice.assumptions.map(JSONValue.string))),
                                ("decidedBy", .array(advice.decidedBy.map(JSONValue.string))),
                                ("margin", .number(advice.margin)),
                                ("runnerUp", advice.runnerUp.map(JSONValue.string) ?? .null),
                                ("reasons", .array(advice.reasons.map(reason))),
                                ("counterpoints", .array(advice.counterpoints.map(reason))),
                                ("variants", .array(advice.variants.map(variant))),
                                ("caveats", .array(advice.caveats.map { .string($0.text) })),
                                ("nextSteps", .array(advice.nextSteps.map { .string($0.text) })),
                                ("citedCaveats", .array(advice.caveats.map(note))),
                                ("citedNextSteps", .array(advice.nextSteps.map(note))),
                            ])
                ),
                (
                    "plan",
                    .array(
                        advice.plan.map { stage in
                            var members: [(key: String, value: JSONValue)] = [
                                ("strategy", .string(stage.strategy)), ("label", .string(report.strategyLabel(stage.strategy))),
                                ("when", .string(stage.when)), ("after", .array(stage.after.map(JSONValue.string))),
                                ("variants", .array(stage.variants.map(variant))),
                            ]
                            if stage.when != PlanStage.now {
                                members.append(("conditions", .array(stage.conditions.map(JSONValue.string))))
                                members.append(("caveats", .array(stage.caveats.map { .string($0.text) })))
                                members.append(("citedCaveats", .array(stage.caveats.map(note))))
                            }
                            if let stageCost = report.stageCosts.first(where: { $0.stage == stage }) {
                                members.append(("cost", self.stageCost(stageCost)))
                            }
                            return .object(members)
                        })
                ),
                ("ranking", .array(advice.ranking.map(rankingEntry))),
                (
                    "sensitivity",
                    .array(
                        advice.sensitivity.map { change in
                            .object([
                                ("question", .string(change.question)), ("answer", .string(change.answer)),
                                ("strategy", .string(change.strategy)), ("kind", .string(change.kind.rawValue)),
                                ("rulesOutCurrent", .bool(change.rulesOutCurrent)), ("lead", .number(change.lead)),
                            ])
                        })
                ),
                ("weightSensitivity", advice.weightSensitivity.map(weightChange) ?? .null),
                ("references", .array(report.rubric.references(citedIn: advice.citedSources).map(Self.reference))),
            ] + costMembers(report) + (report.measured.map { [("measured", $0.json)] } ?? []))
    }

    /// A work the report cites: `year` and `url` are `null` when the rubric gives none.
    static func reference(_ reference: Reference) -> JSONValue {
        .object([
            ("id", .string(reference.id)), ("title", .string(reference.title)), ("author", .string(reference.author)),
            ("year", reference.year.map { .number(Double($0)) } ?? .null), ("url", reference.url.map(JSONValue.string) ?? .null),
        ])
    }

    /// What `--why-not STRATEGY --format json` prints.
    func renderWhyNot(_ strategy: String, _ report: Report) -> String {
        let entry = report.advice.ranking.first { $0.strategy == strategy }
        return JSONWriter.write(
            .object(
                [("schemaVersion", .number(Double(Self.schemaVersion)))] + report.provenanceMembers + [
                    ("strategy", .string(strategy)),
                    ("recommendation", .string(report.advice.strategy)),
                    ("whyNot", .array((entry?.whyNot ?? []).map(reason))),
                    // When the staged plan moves to this strategy later: "once the first version ships".
                    ("plannedWhen", report.laterStage(strategy).map { .string($0.when) } ?? .null),
                ]))
    }

    /// The `cost` object of `tunewise cost` and the one-line check, when cost inputs were given.
    private func costMembers(_ report: Report) -> [(key: String, value: JSONValue)] {
        guard let cost = report.cost else { return [] }
        return [
            ("cost", CostJSONRenderer.costObject(cost, excluded: report.advice.excludedStrategies, cadenceFrom: report.retrainCadenceFrom?.rawValue)),
            ("costCheck", report.costCheck.map(JSONValue.string) ?? .null), ("costNotes", .array(report.costNotes.map(JSONValue.string))),
        ]
    }

    /// A caveat or next step with its source (`null` when it rests on none).
    private func note(_ note: AdviceNote) -> JSONValue {
        .object([("text", .string(note.text)), ("source", note.source.map(JSONValue.string) ?? .null)])
    }

    /// A plan stage's cost: `null` figures when the inputs do not cover its strategy.
    private func stageCost(_ stageCost: Report.StageCost) -> JSONValue {
        let cost = stageCost.cost
        func amount(_ value: Double?) -> JSONValue { value.map { .number(cents($0)) } ?? .null }
        return .object([
            ("oneOff", amount(cost?.oneOff)), ("monthly", amount(cost?.monthly)), ("total", amount(cost?.total)),
            ("paybackMonth", stageCost.breakEven?.paybackMonth.map { .number(Double($0)) } ?? .null),
            ("missing", .array(stageCost.missing.map(JSONValue.string))),
        ])
    }

    private func reason(_ reason: Reason) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("question", reason.question.map(JSONValue.string) ?? .null),
            ("answer", reason.answer.map(JSONValue.string) ?? .null),
            ("points", .number(reason.points)),
            ("text", .string(reason.text)),
            ("source", .string(reason.source)),
            ("kind", .string(reason.kind.rawValue)),
        ]
        if let favours = reason.favours {
            members.append(("favours", .string(favours)))
        }
        if reason.kind == .gate, let gate = reason.rule {
            members.append(("gate", .string(gate)))
        } else if let rule = reason.rule {
            members.append(("rule", .string(rule)))
            members.append(("when", .object(reason.ruleAnswers.map { ($0.question, .string($0.answer)) })))
        }
        return .object(members)
    }

    /// A risk: its kind and text, with the strategy it favours and the gates, or the answer
    /// that weighs against the recommendation, where it has them.
    private func risk(_ risk: Risk) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string(risk.kind.rawValue)), ("text", .string(risk.text)),
            ("source", risk.source.map(JSONValue.string) ?? .null),
        ]
        if let strategy = risk.strategy {
            members.append(("strategy", .string(strategy)))
            members.append(("gates", .array(risk.gates.map(JSONValue.string))))
        }
        if let reason = risk.reason {
            members.append(("reason", self.reason(reason)))
        }
        return .object(members)
    }

    private func variant(_ variant: VariantDecision) -> JSONValue {
        .object([
            ("variant", .string(variant.variant)), ("choice", .string(variant.choice)),
            ("label", .string(variant.choiceLabel)), ("reason", .string(variant.reason)),
            ("source", .string(variant.source)),
        ])
    }

    private func rankingEntry(_ entry: RankedStrategy) -> JSONValue {
        .object([
            ("strategy", .string(entry.strategy)),
            ("score", .number(entry.score)),
            ("excluded", .bool(entry.excluded)),
            (
                "exclusions",
                .array(
                    entry.exclusions.map { exclusion in
                        .object([
                            ("id", .string(exclusion.id)), ("reason", .string(exclusion.reason)),
                            ("source", .string(exclusion.source)),
                        ])
                    })
            ),
            ("whyNot", .array(entry.whyNot.map(reason))),
        ])
    }

    private func weightChange(_ change: WeightChange) -> JSONValue {
        .object([
            ("question", .string(change.question)),
            ("weight", .number(change.weight)),
            ("newWeight", .number(change.newWeight)),
            ("factor", .number(rounded(change.factor))),
            ("strategy", .string(change.strategy)),
        ])
    }
}
