import TunewiseKit

/// A small valid rubric built in code: the four fixed strategies and the sixteen fixed
/// questions, with no points, rules or exclusions until a test adds them.
///
/// ```swift
/// var builder = TestRubric()
/// builder.points["budget"] = ["minimal": ["prompt-engineering": 2]]
/// builder.rules.append(.init(id: "r", when: ["budget": ["minimal"], "consistency": ["critical"]], points: ["hybrid": 1]))
/// let rubric = try builder.load()
/// ```
struct TestRubric {
    struct Rule {
        var id: String
        var when: [String: [String]]
        var points: [String: Double]
    }

    struct Exclusion {
        var id: String
        var when: [String: [String]]
        /// Conditions of one question each that spare the gate.
        var unless: [[String: [String]]] = []
        var strategies: [String]
    }

    /// Strategy id to baseline points.
    var baselines: [String: Double] = [:]
    /// Question id to weight; 1 when absent.
    var weights: [String: Double] = [:]
    /// Questions the team can change (their `lever`, such as `upward`); none when absent.
    var levers: [String: String] = [:]
    /// `points[question][option][strategy]`.
    var points: [String: [String: [String: Double]]] = [:]
    var rules: [Rule] = []
    var exclusions: [Exclusion] = []
    /// Declared monotone properties: (question, favours, over).
    var properties: [(question: String, favours: String, over: String)] = []

    /// The rubric document.
    var json: JSONValue {
        let citation: [(key: String, value: JSONValue)] = [("reason", .string("A test reason.")), ("source", .string("test"))]
        func condition(_ when: [String: [String]]) -> JSONValue {
            .object(when.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSONValue.string))) })
        }
        func pointsObject(_ points: [String: Double]) -> JSONValue {
            .object(points.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
        }
        let strategies: [JSONValue] = Contract.strategyIDs.map { id in
            .object(
                [
                    ("id", .string(id)), ("label", .string(id)), ("summary", .string("The \(id) strategy.")),
                    ("baseline", .number(baselines[id] ?? 0)),
                ] + citation)
        }
        let fixed = Contract.coreQuestions.map { ($0, true) } + Contract.refinementQuestions.map { ($0, false) }
        let questions: [JSONValue] = fixed.map { question, isCore in
            .object(
                [
                    ("id", .string(question.id)), ("label", .string(question.id)), ("text", .string("\(question.id)?")),
                    ("help", .string("Help.")), ("core", .bool(isCore)), ("weight", .number(weights[question.id] ?? 1)),
                ] + (levers[question.id].map { [("lever", .string($0))] } ?? []) + [
                    (
                        "options",
                        .array(
                            question.options.map { option in
                                .object(
                                    [
                                        ("id", .string(option)), ("label", .string(option)), ("help", .string("Help.")),
                                        ("points", pointsObject(points[question.id]?[option] ?? [:])),
                                    ] + citation)
                            })
                    )
                ])
        }
        return .object([
            ("schemaVersion", .number(2)), ("id", .string("test")), ("version", .string("1")),
            ("title", .string("A test rubric")), ("confidence", .object([("high", .number(4)), ("medium", .number(1.5))])),
            ("strategies", .array(strategies)), ("questions", .array(questions)),
            (
                "rules",
                .array(
                    rules.map { rule in
                        .object([("id", .string(rule.id)), ("when", condition(rule.when)), ("points", pointsObject(rule.points))] + citation)
                    })
            ),
            (
                "exclusions",
                .array(
                    exclusions.map { exclusion in
                        .object(
                            [
                                ("id", .string(exclusion.id)), ("when", condition(exclusion.when)),
                            ] + (exclusion.unless.isEmpty ? [] : [("unless", .array(exclusion.unless.map(condition)))]) + [
                                ("strategies", .array(exclusion.strategies.map(JSONValue.string)))
                            ] + citation)
                    })
            ),
            (
                "properties",
                .array(
                    properties.map { property in
                        .object([
                            ("question", .string(property.question)), ("favours", .string(property.favours)),
                            ("over", .string(property.over)),
                        ])
                    })
            ),
        ])
    }

    /// The rubric, loaded and validated as a file would be.
    func load() throws -> Rubric { try RubricLoader.load(json) }
}
