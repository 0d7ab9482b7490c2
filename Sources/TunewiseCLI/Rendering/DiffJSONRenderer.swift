import TunewiseKit

/// The diff for scripts and CI: each side's source, the answers that differ, which parts
/// of the advice change, and each side's strategy, confidence, deciding gates and plan.
struct DiffJSONRenderer {
    func render(_ report: DiffReport) -> String {
        let diff = report.diff
        func side(_ side: DiffReport.Side) -> JSONValue {
            .object(
                [
                    ("answers", .string(side.answers)),
                    ("rubric", .object([("id", .string(side.rubricModel.id)), ("version", .string(side.rubricModel.version))])),
                ] + policyMembers(of: side.rubricModel))
        }
        func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        func notes(_ changes: AdviceDiff.NoteChanges) -> JSONValue {
            .object([
                ("added", .array(changes.added.map(JSONValue.string))), ("removed", .array(changes.removed.map(JSONValue.string))),
                ("reworded", .array(changes.reworded.map { .object([("a", .string($0.before)), ("b", .string($0.after))]) })),
            ])
        }
        func advice(_ advice: Advice) -> JSONValue {
            .object([
                ("strategy", .string(advice.strategy)),
                ("confidence", .string(advice.confidence.rawValue)),
                ("decidedBy", .array(advice.decidedBy.map { .string($0) })),
                (
                    "plan",
                    .array(
                        advice.plan.map { stage in
                            .object([
                                ("strategy", .string(stage.strategy)), ("when", .string(stage.when)),
                                ("variants", .object(stage.variants.map { ($0.variant, .string($0.choice)) })),
                            ])
                        })
                ),
            ])
        }
        return JSONWriter.write(
            .object([
                ("schemaVersion", .number(Double(DiffReport.schemaVersion))),
                ("tool", .object([("name", .string("tunewise")), ("version", .string(report.toolVersion))])),
                ("a", side(report.a)),
                ("b", side(report.b)),
                ("differs", .bool(diff.adviceDiffers)),
                ("changes", .array(diff.changes.map { .string($0.rawValue) })),
                (
                    "answers",
                    .array(
                        diff.answers.map {
                            .object([("question", .string($0.question)), ("a", optional($0.before)), ("b", optional($0.after))])
                        })
                ),
                ("advice", .object([("a", advice(diff.before)), ("b", advice(diff.after))])),
                ("steps", notes(diff.steps)),
                ("caveats", notes(diff.caveats)),
            ]))
    }
}
