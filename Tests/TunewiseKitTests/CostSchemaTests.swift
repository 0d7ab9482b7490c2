import Foundation
import Testing
import TunewiseKit

/// `rubrics/cost.schema.json` describes the fields the reader accepts, with the same bounds.
struct CostSchemaTests {
    @Test func theSchemaMatchesTheFields() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rubrics/cost.schema.json")
        let schema = try JSONParser.parse(Array(try Data(contentsOf: url)))
        #expect(schema["$id"] == .string(CostInputsDocument.schemaID))
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        guard case .object(let properties)? = schema["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(properties.map(\.key) == ["$schema", "transience"] + CostField.allCases.map(\.rawValue))
        for field in CostField.allCases {
            let property = schema["properties"]?[field.rawValue]
            #expect(property?["minimum"] == .number(field.minimum), "\(field)")
            #expect(property?["maximum"] == .number(field.maximum), "\(field)")
            let type: JSONValue = .string(field.isWholeNumber ? "integer" : "number")
            #expect(property?["type"] == .array([type, .string("null")]), "\(field)")
        }
        #expect(schema["properties"]?["transience"]?["enum"] == .array(CostTransience.allCases.map { .string($0.rawValue) } + [.null]))
    }
}
