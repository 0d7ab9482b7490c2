import Foundation
import Testing

@testable import TunewiseKit

/// `rubrics/rubric.schema.json` holds the contract's fixed ids and option orders, and names
/// every key a rubric file has, where `Rubric.document` (which the loader reads back as the
/// same rubric) writes them.
struct RubricSchemaTests {
    static let schema: JSONValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rubrics/rubric.schema.json")
        return try! JSONParser.parse(Array(try! Data(contentsOf: url)))
    }()

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    static func keys(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members)? = value else { return [] }
        return Set(members.map(\.key))
    }

    @Test func theFixedQuestionsAndStrategiesAreTheContracts() {
        guard case .array(let entries)? = Self.schema["properties"]?["questions"]?["allOf"] else {
            Issue.record("no fixed questions in the schema")
            return
        }
        let fixed = entries.map { entry -> (id: String, core: Bool, options: [String]) in
            let properties = entry["contains"]?["properties"]
            guard case .string(let id)? = properties?["id"]?["const"], case .bool(let core)? = properties?["core"]?["const"],
                case .array(let items)? = properties?["options"]?["prefixItems"]
            else { return ("", false, []) }
            return (id, core, items.compactMap { if case .string(let option)? = $0["properties"]?["id"]?["const"] { option } else { nil } })
        }
        let contract = Contract.coreQuestions.map { ($0.id, true, $0.options) } + Contract.refinementQuestions.map { ($0.id, false, $0.options) }
        #expect(fixed.map(\.id) == contract.map(\.0))
        #expect(fixed.map(\.core) == contract.map(\.1))
        #expect(fixed.map(\.options) == contract.map(\.2))
        #expect(Self.strings(Self.schema["$defs"]?["strategyId"]?["enum"]) == Contract.strategyIDs)
    }

    @Test func everyKeyARubricFileHasIsInTheSchema() {
        let document = defaultRubric.document
        let defs = Self.schema["$defs"]
        #expect(Self.keys(document).isSubset(of: Self.keys(Self.schema["properties"])))
        for (list, definition) in [
            ("strategies", "strategy"), ("questions", "question"), ("rules", "rule"), ("exclusions", "exclusion"), ("variants", "variant"),
            ("references", "reference"),
        ] {
            var union = Set<String>()
            if case .array(let items)? = document[list] { for item in items { union.formUnion(Self.keys(item)) } }
            #expect(!union.isEmpty)
            #expect(
                union.isSubset(of: Self.keys(defs?[definition]?["properties"])),
                "\(list): \(union.subtracting(Self.keys(defs?[definition]?["properties"])))")
        }
        var choiceKeys = Set<String>()
        if case .array(let variants)? = document["variants"] {
            for variant in variants {
                if case .array(let choices)? = variant["choices"] { for choice in choices { choiceKeys.formUnion(Self.keys(choice)) } }
            }
        }
        #expect(choiceKeys.isSubset(of: Self.keys(defs?["variantChoice"]?["properties"])))
    }
}
