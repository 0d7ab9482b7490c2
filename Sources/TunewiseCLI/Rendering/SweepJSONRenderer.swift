import TunewiseKit

/// The machine-readable sweep report.
///
/// Counts are numbers of situations; shares are fractions from 0 to 1, rounded to four
/// decimals; an unanswered refinement's answer is `null`. Strategy counts are objects keyed
/// by strategy id, in rubric order.
struct SweepJSONRenderer {
    static let schemaVersion = 1

    func render(_ report: SweepReport) -> String {
        JSONWriter.write(document(report))
    }

    func document(_ report: SweepReport) -> JSONValue {
        let result = report.result
        let total = result.situationCount
        return .object(
            [("schemaVersion", .number(Double(Self.schemaVersion)))] + report.provenanceMembers + [
                (
                    "scope",
                    .object([
                        ("varied", .array(result.questions.map { .string($0.id) })),
                        ("fixed", .object(result.fixed.ordered(by: report.rubric).map { ($0.question, .string($0.option)) })),
                        (
                            "weights",
                            .object(
                                report.rubric.questions.compactMap { question in
                                    report.weights.overrides[question.id].map { (question.id, .number($0)) }
                                })
                        ),
                        ("unanswered", .array(report.unansweredQuestions.map(JSONValue.string))),
                    ])
                ),
                ("situations", .number(Double(total))),
                ("unresolved", .number(Double(result.unresolved))),
                (
                    "strategies",
                    .array(
                        zip(result.strategies, result.counts).map { strategy, count in
                            .object([("strategy", .string(strategy)), ("situations", .number(Double(count))), ("share", share(count, total))])
                        })
                ),
                (
                    "deciding",
                    .array(
                        result.decidingQuestions.map { question in
                            .object([
                                ("question", .string(question.id)), ("situations", .number(Double(question.deciding!))),
                                ("share", share(question.deciding!, total)),
                            ])
                        })
                ),
                (
                    "marginals",
                    .array(
                        result.questions.flatMap { question in
                            zip(question.values, question.counts).map { value, counts in
                                .object([
                                    ("question", .string(question.id)), ("answer", value.map(JSONValue.string) ?? .null),
                                    ("situations", .number(Double(result.situationsPerAnswer(of: question)))),
                                    ("strategies", strategyCounts(result.strategies, counts)),
                                ])
                            }
                        })
                ),
                ("map", result.map.map(map) ?? .null),
            ] + againstMembers(report))
    }

    /// With `--against`: the other rubric, each strategy's situations on both sides, and the
    /// answers under which a strategy's share moved most.
    private func againstMembers(_ report: SweepReport) -> [(key: String, value: JSONValue)] {
        guard let (name, comparison) = report.against else { return [] }
        return [
            (
                "against",
                .object([
                    ("rubric", .string(name)),
                    (
                        "strategies",
                        .array(
                            comparison.shares.map {
                                .object([
                                    ("strategy", .string($0.strategy)), ("before", .number(Double($0.before))),
                                    ("after", .number(Double($0.after))),
                                ])
                            })
                    ),
                    (
                        "moved",
                        .array(
                            comparison.moved.map {
                                .object([
                                    ("question", .string($0.question)), ("answer", $0.answer.map(JSONValue.string) ?? .null),
                                    ("strategy", .string($0.strategy)), ("before", .number(($0.before * 1000).rounded() / 1000)),
                                    ("after", .number(($0.after * 1000).rounded() / 1000)),
                                ])
                            })
                    ),
                ])
            )
        ]
    }

    private func map(_ map: DecisionMap) -> JSONValue {
        .object([
            ("row", .string(map.row)),
            ("column", .string(map.column)),
            (
                "cells",
                .array(
                    zip(map.rowValues, map.cells).flatMap { rowValue, row in
                        zip(map.columnValues, row).map { columnValue, cell in
                            .object([
                                ("row", rowValue.map(JSONValue.string) ?? .null),
                                ("column", columnValue.map(JSONValue.string) ?? .null),
                                ("winner", cell.winner.map(JSONValue.string) ?? .null),
                                ("share", .number((cell.share * 10_000).rounded() / 10_000)),
                                ("situations", .number(Double(cell.situations))),
                                ("strategies", strategyCounts(cell.strategies, cell.counts)),
                            ])
                        }
                    })
            ),
        ])
    }

    private func strategyCounts(_ strategies: [String], _ counts: [Int]) -> JSONValue {
        .object(zip(strategies, counts).map { ($0, .number(Double($1))) })
    }

    private func share(_ count: Int, _ total: Int) -> JSONValue {
        .number(total == 0 ? 0 : (Double(count) / Double(total) * 10_000).rounded() / 10_000)
    }
}
