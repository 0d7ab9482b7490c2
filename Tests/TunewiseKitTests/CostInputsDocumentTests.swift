import Testing

@testable import TunewiseKit

struct CostInputsDocumentTests {
    func decode(_ text: String) throws(CostInputsDocumentError) -> CostInputs {
        try CostInputsDocument.decode(Array(text.utf8))
    }

    /// The template reads back as the example the model tests work by hand, with caching and
    /// build hours, and with the tuned model keeping its context (`tunedContextTokens` null);
    /// its `$schema`, comment and nulls are ignored.
    @Test func theTemplateReadsBackAsTheExample() throws {
        let inputs = try decode(CostInputsDocument.template)
        var expected = CostModelTests.example
        expected[.horizonMonths] = 12
        expected[.tunedContextTokens] = nil
        expected[.cachedInputPricePerMillion] = 0.075
        expected[.cacheHitShare] = 0.8
        expected[.batchDiscount] = 0
        expected[.promptBuildHours] = 40
        #expect(inputs == expected)
        #expect(CostInputsDocument.template.contains("\"tunedContextTokens\": null"))
        #expect(CostInputsDocument.template.contains("\"$schema\": \"\(CostInputsDocument.schemaID)\""))
        #expect(CostInputsDocument.template.contains("EXAMPLE FIGURES"))
        #expect(CostInputsDocument.template.contains(CostInputsDocument.examplesChecked))
        // Comments as answers and policy files write them are ignored too.
        #expect(try decode(#"{"$comment": "our Q3 figures", "_note": 1, "requestsPerDay": 5}"#)[.requestsPerDay] == 5)
    }

    @Test func everyProblemIsNamedWithItsPath() {
        let text = #"{"requestsPerDay": -5, "horizonMonths": 1.5, "promptTokenz": 3, "epochs": "3", "transience": "often"}"#
        #expect(
            throws: CostInputsDocumentError.invalid([
                "$.requestsPerDay: must not be negative; found -5; allowed: a number from 0 to 1000000000",
                "$.horizonMonths: must be a whole number; found 1.5; allowed: a whole number from 1 to 120",
                "$.promptTokenz: unknown key (did you mean 'promptTokens'?); known: "
                    + (CostField.allCases.map(\.rawValue) + ["transience"]).joined(separator: ", "),
                "$.epochs: expected a number or null; found a string",
                "$.transience: unknown transience \"often\"; allowed: static, periodic, frequent",
            ])
        ) { try decode(text) }
    }

    @Test func refusesWhatIsNotAnObjectOrNotJSON() {
        #expect(throws: CostInputsDocumentError.self) { try decode("[1]") }
        #expect(throws: CostInputsDocumentError.self) { try decode(#"{"requestsPerDay": 1e999}"#) }
        #expect(throws: CostInputsDocumentError.self) { try decode(#"{"requestsPerDay": 1, "requestsPerDay": 2}"#) }
    }

    @Test func flagsWinOverTheFile() throws {
        let file = try decode(#"{"requestsPerDay": 5, "transience": "static", "hourlyRate": 10}"#)
        let merged = file.overlaid(with: CostInputs([.requestsPerDay: 7], transience: .frequent))
        #expect(merged[.requestsPerDay] == 7 && merged[.hourlyRate] == 10 && merged.transience == .frequent)
    }
}
