import TunewiseKit

/// The machine-readable report, schemaVersion 1.
///
/// The document is built field by field, so its shape is the contract's and does not
/// drift when internal types change; keys keep the order written here.
struct JSONRenderer {
    static let schemaVersion = 1

    func render(_ report: Report) -> String {
        JSONWriter.write(document(report))
    }

    func document(_ report: Report) -> JSONValue {
        let advice = report.advice
        return .object([("schemaVersion", .number(Double(Self.schemaVersion)))] + report.provenanceMembers + [
            ("answers", .object(advice.answers.ordered(by: report.rubric).map { ($0.question, .string($0.option)) })),
            ("recommendation", .object([
                ("strategy", .string(advice.strategy)),
                ("label", .string(report.strategyLabel(advice.strategy))),
                ("confidence", .string(advice.confidence.rawValue)),
                ("margin", .number(advice.margin)),
                ("runnerUp", advice.runnerUp.map(JSONValue.string) ?? .null),
                ("reasons", .array(advice.reasons.map(reason))),
                ("counterpoints", .array(advice.counterpoints.map(reason))),
                ("variants", .array(advice.variants.map(variant))),
                ("caveats", .array(advice.caveats.map { .string($0.text) })),
                ("nextSteps", .array(advice.nextSteps.map { .string($0.text) })),
            ])),
            ("ranking", .array(advice.ranking.map(rankingEntry))),
            ("sensitivity", .array(advice.sensitivity.map { change in
                .object([
                    ("question", .string(change.question)), ("answer", .string(change.answer)),
                    ("strategy", .string(change.strategy)),
                ])
            })),
            ("weightSensitivity", advice.weightSensitivity.map(weightChange) ?? .null),
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
        if let rule = reason.rule {
            members.append(("rule", .string(rule)))
            members.append(("when", .object(reason.ruleAnswers.map { ($0.question, .string($0.answer)) })))
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
            ("exclusions", .array(entry.exclusions.map { exclusion in
                .object([
                    ("id", .string(exclusion.id)), ("reason", .string(exclusion.reason)),
                    ("source", .string(exclusion.source)),
                ])
            })),
        ])
    }

    private func weightChange(_ change: WeightChange) -> JSONValue {
        .object([
            ("question", .string(change.question)),
            ("weight", .number(change.weight)),
            ("newWeight", .number(change.newWeight)),
            ("factor", change.factor.map { .number(rounded($0)) } ?? .null),
            ("strategy", .string(change.strategy)),
        ])
    }
}
