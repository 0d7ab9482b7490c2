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

    /// The Markdown carries the chart as a Mermaid block: one line of cumulative costs a
    /// strategy, one value a month.
    @Test func markdownCarriesAMermaidChart() throws {
        let markdown = CostMarkdownRenderer().render(try report())
        let block = try #require(markdown.split(separator: "```mermaid\n").last?.split(separator: "```").first)
        let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "xychart-beta")
        #expect(lines.contains("x-axis \"Month\" 1 --> 12"))
        let series = lines.filter { $0.hasPrefix("line [") }
        #expect(series.count == 3)
        let months: [String] = (1...12).map { String(2400 + 519 * $0) }
        let expected = "line [" + months.joined(separator: ", ") + "]"
        #expect(series.first == expected)
    }

    /// Hosting in units: how many the volume needs, and a break-even volume that is not a
    /// threshold above which every volume pays (CostModelPartsTests works the figures by hand).
    @Test func hostingUnitsAreShown() throws {
        let inputs = CostInputs(
            [
                .requestsPerDay: 1_266_667, .promptTokens: 1_000, .outputTokens: 0, .inputPricePerMillion: 1,
                .outputPricePerMillion: 0, .tunedPromptTokens: 0, .tunedInputPricePerMillion: 0, .tunedOutputPricePerMillion: 0,
                .hostingPerMonth: 1_000, .hostingCapacityPerDay: 100_000, .trainingTokens: 0, .epochs: 1,
                .trainingPricePerMillion: 0, .dataPrepHours: 3_000, .hourlyRate: 100,
            ], transience: .static)
        let text = CostTextRenderer(style: .plain, asciiOnly: true).render(try report(inputs))
        #expect(text.contains("Hosting: 13 units of 100,000 requests a day for fine-tuning."))
        let markdown = CostMarkdownRenderer().render(try report(inputs))
        #expect(markdown.contains("Hosting: 13 units of 100,000 requests a day for fine-tuning."))
        #expect(markdown.contains("from 1,266,667 requests a day (hosting grows in units, so not at every volume above)"))
    }

    /// Every line of every text report fits 80 columns, over horizons, volumes and a
    /// strategy that pays back late or never.
    @Test(arguments: [1.0, 2, 12, 36, 120], [0.0, 20_000, 1_000_000_000])
    func textFitsEightyColumns(horizon: Double, volume: Double) throws {
        let inputs = try CostInputsDocument.decode(Array(CostInputsDocument.template.utf8))
            .overlaid(
                with: CostInputs([
                    .horizonMonths: horizon, .requestsPerDay: volume, .hostingPerMonth: 10, .hostingCapacityPerDay: 5_000,
                    .promptTuningRunCost: 1_000_000, .tunedContextTokens: 0,
                ]))
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
        // The template's figures (CostModelPartsTests works their parts by hand): prompting
        // 1500 × (0.8 × 0.075 + 0.2 × 0.15) + 2000 × 0.15 + 300 × 0.6 = 615 per million, so
        // 600000 × 0.000615 + 150 = 519 a month; 40 build hours × 60 = 2400 once, for every
        // strategy. Fine-tuning keeps the 2000 context tokens: (2200 × 0.3 + 300 × 1.2) / 1e6
        // = 0.00102 a request, more than prompting: it never pays back.
        #expect(strategies[0]["oneOff"] == .number(2400))
        #expect(strategies[0]["monthly"] == .number(519))
        #expect(strategies[1]["oneOff"] == .number(3858))
        #expect(strategies[1]["monthly"] == .number(762))
        #expect(strategies[0]["retrieval"] == .string("rag") && strategies[0]["excluded"] == nil)
        #expect(cost["inputs"]?["cacheHitShare"] == .number(0.8))
        #expect(cost["inputs"]?["tunedContextTokens"] == nil)
        #expect(cost["tunedModelDropsContext"] == .bool(false))
        for strategy in strategies {
            guard case .array(let cumulative)? = strategy["cumulative"] else {
                Issue.record("no cumulative")
                continue
            }
            #expect(cumulative.count == 12)
        }
        #expect(breakEven.map { $0["strategy"] } == [.string("fine-tuning"), .string("hybrid")])
        #expect(breakEven[0]["requestsPerDay"] == .null)
        #expect(breakEven[0]["paybackMonth"] == .null)
        #expect(breakEven[0]["paybackNever"] == .string("tuned-costs-more-per-request"))
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
