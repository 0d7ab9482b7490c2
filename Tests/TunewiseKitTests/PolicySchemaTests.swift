import Foundation
import Testing
import TunewiseKit

/// `rubrics/policy.schema.json` describes the keys the policy loader accepts, and every
/// definition it borrows exists in the rubric's schema.
struct PolicySchemaTests {
    static let rubrics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rubrics")

    static func schema(_ name: String) throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: rubrics.appendingPathComponent(name))))
    }

    @Test func theSchemaListsTheLoadersKeys() throws {
        let schema = try Self.schema("policy.schema.json")
        guard case .object(let properties)? = schema["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(properties.map(\.key) == PolicyLoader.keys)
        #expect(schema["additionalProperties"] == .bool(false))
    }

    @Test func everyBorrowedDefinitionExists() throws {
        let text = try String(contentsOf: Self.rubrics.appendingPathComponent("policy.schema.json"), encoding: .utf8)
        let rubricSchema = try Self.schema("rubric.schema.json")
        let prefix = "rubric.schema.json#/$defs/"
        var rest = Substring(text)
        var borrowed: Set<String> = []
        while let start = rest.range(of: prefix) {
            let name = rest[start.upperBound...].prefix { $0 != "\"" }
            borrowed.insert(String(name))
            rest = rest[start.upperBound...]
        }
        #expect(borrowed == ["id", "text", "condition", "exclusion", "points", "strategyId"])
        for name in borrowed { #expect(rubricSchema["$defs"]?[name] != nil, "\(name)") }
    }
}
