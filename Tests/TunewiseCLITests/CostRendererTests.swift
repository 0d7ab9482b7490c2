import Foundation
import Testing
import TunewiseKit

@testable import TunewiseCLI

/// The cost report's three formats, from the template's example figures.
struct CostRendererTests {
    func report(_ inputs: CostInputs? = nil) throws -> CostReport {
        let inputs = try inputs ?? CostInputsDocument.decode(Array(CostInputsDocument.template.utf8))
        return CostReport(comparison: try CostModel.compare(inputs), toolVersion: "0.0.0-test")
    }

    @Test func textReport() throws {
        try expectMatchesGolden(CostTextRenderer(style: .plain, asciiOnly: false).render(report()), "cost.txt")
    }

    @Test func asciiTextReport() throws {
        let text = CostTextRenderer(style: .plain, asciiOnly: true).render(try report())
        try expectMatchesGolden(text, "cost-ascii.txt")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func markdownReport() throws {
        try expectMatchesGolden(CostMarkdownRenderer().render(report()), "cost.md")
    }

    /// Every line of every text report fits 80 columns, over horizons, volumes and a
    /// strategy that pays back late or never.
    @Test(arguments: [1.0, 2, 12, 36, 120], [0.0, 20_000, 1_000_000_000])
    func textFitsEightyColumns(horizon: Double, volume: Double) throws {
        let inputs = try CostInputsDocument.decode(Array(CostInputsDocument.template.utf8))
            .overlaid(with: CostInputs([.horizonMonths: horizon, .requestsPerDay: volume, .hostingPerMonth: 10, .promptTuningRunCost: 1_000_000]))
        for asciiOnly in [false, true] {
            let text = CostTextRenderer(style: .plain, asciiOnly: asciiOnly).render(try report(inputs))
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        }
    }

    @Test func theJSONReportHasTheContractsFixedNames() throws {
        let document = try JSONParser.parse(Array(CostJSONRenderer().render(report()).utf8))
        guard case .object(let members) = document else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["schemaVersion", "tool", "cost"])
        #expect(document["tool"]?["name"] == .string("tunewise"))
        let cost = try #require(document["cost"])
        #expect(cost["horizonMonths"] == .number(12))
        #expect(cost["requestsPerDay"] == .number(20_000))
        guard case .array(let strategies)? = cost["strategies"], case .array(let breakEven)? = cost["breakEven"] else {
            Issue.record("no strategies or breakEven")
            return
        }
        #expect(strategies.map { $0["strategy"] } == [.string("prompt-engineering"), .string("fine-tuning"), .string("hybrid")])
        #expect(strategies[0]["oneOff"] == .number(0))
        #expect(strategies[0]["monthly"] == .number(573))
        #expect(strategies[1]["oneOff"] == .number(1458))
        for strategy in strategies {
            guard case .array(let cumulative)? = strategy["cumulative"] else {
                Issue.record("no cumulative")
                continue
            }
            #expect(cumulative.count == 12)
        }
        #expect(breakEven.map { $0["strategy"] } == [.string("fine-tuning"), .string("hybrid")])
        #expect(breakEven[0]["requestsPerDay"] == .number(11_229))
        #expect(breakEven[0]["paybackMonth"] == .number(8))
        #expect(breakEven[1]["requestsPerDay"] == .null)
        #expect(breakEven[1]["paybackMonth"] == .null)
        #expect(breakEven[1]["paybackNever"] == .string("tuned-costs-more-per-request"))
        #expect(cost["notCosted"]?.kindDescription == "an array")
    }

    /// Amounts are rounded to the cent, never `0.30000000000000004`.
    @Test func amountsAreRoundedToTheCent() throws {
        let inputs = CostInputs([
            .requestsPerDay: 1, .promptTokens: 1, .outputTokens: 1, .inputPricePerMillion: 0.1, .outputPricePerMillion: 0.2,
            .tunedPromptTokens: 0, .tunedInputPricePerMillion: 0, .tunedOutputPricePerMillion: 0, .trainingTokens: 1_000_000,
            .epochs: 1, .trainingPricePerMillion: 0.1, .dataPrepHours: 0.1, .hourlyRate: 2, .retrainEveryMonths: 0,
        ])
        let json = CostJSONRenderer().render(try report(inputs))
        #expect(!json.contains("0000000"))
        #expect(money(0.1 + 0.2) == "0.30")
        #expect(money(1_234_567.891) == "1,234,567.89")
        #expect(money(-0.004) == "0.00")
        #expect(cents(0.1 + 0.2) == 0.3)
        #expect(wholeRequests(4200.000000001) == 4200)
        #expect(wholeRequests(4199.2) == 4200)
    }
}
