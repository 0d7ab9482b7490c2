import Testing
import TunewiseBuiltIn

@testable import TunewiseCLI
@testable import TunewiseKit

struct SweepRendererTests {
    let rubric = BuiltInRubric.load()

    /// 432 situations: four core questions (need among them) and one refinement varied, three answers fixed,
    /// one weight overridden, and a map of two of the varied questions when asked for.
    func report(map: Bool) throws -> SweepReport {
        let weights = ["governance": 0.5]
        let scope = SweepScope(
            included: ["model-access"],
            fixed: try rubric.resolve(Answers(["budget": "moderate", "time-to-market": "weeks", "consistency": "important"])),
            map: map ? (row: "data-volume", column: "model-access") : nil)
        let result = try Sweep(rubric: rubric, weights: try Weights(of: rubric, overriding: weights), scope: scope).run()
        return SweepReport(result: result, rubric: rubric, weights: try Weights(of: rubric, overriding: weights), toolVersion: "0.0.0-test")
    }

    @Test func textReport() throws {
        try expectMatchesGolden(SweepTextRenderer(style: .plain).render(report(map: true)), "sweep.txt")
    }

    @Test func markdownReport() throws {
        try expectMatchesGolden(SweepMarkdownRenderer().render(report(map: true)), "sweep.md")
    }

    @Test func jsonReport() throws {
        try expectMatchesGolden(SweepJSONRenderer().render(report(map: true)), "sweep.json")
    }

    @Test func csvHasOneRowPerAnswerOrPerMapCell() throws {
        try expectMatchesGolden(SweepCSVRenderer().render(report(map: false)), "sweep.csv")
        try expectMatchesGolden(SweepCSVRenderer().render(report(map: true)), "sweep-map.csv")
    }

    @Test func colourOnlyWhenTheStyleAllowsIt() throws {
        let sweep = try report(map: false)
        #expect(SweepTextRenderer(style: TextStyle(isEnabled: true)).render(sweep).contains("\u{1B}[1mAdvice:"))
        #expect(!SweepTextRenderer(style: .plain).render(sweep).contains("\u{1B}"))
    }

    @Test func theJSONCountsAddUp() throws {
        let document = try JSONParser.parse(Array(SweepJSONRenderer().render(report(map: true)).utf8))
        #expect(document["situations"] == .number(432))
        guard case .array(let strategies)? = document["strategies"], case .array(let cells)? = document["map"]?["cells"] else {
            Issue.record("no strategies or map cells")
            return
        }
        let total = strategies.compactMap { entry -> Double? in
            guard case .number(let count)? = entry["situations"] else { return nil }
            return count
        }.reduce(0, +)
        #expect(total == 432)
        #expect(cells.count == 4 * 4)
        #expect(cells.last?["column"] == .null, "the last column is an unanswered model-access")
    }

    @Test(arguments: [
        (0, 10, "0%"), (10, 10, "100%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (1, 8, "12.5%"),
        (1, 100_000, "<0.1%"), (99_999, 100_000, ">99.9%"), (49, 1_000, "4.9%"),
    ])
    func percentagesAreNeverRoundedToNoneOrAll(count: Int, total: Int, text: String) {
        #expect(percentage(count, of: total) == text)
    }

    @Test(arguments: [(0, "0"), (972, "972"), (1_000, "1,000"), (764_411_904, "764,411,904"), (12_345_678, "12,345,678")])
    func countsAreGroupedInThousands(count: Int, text: String) {
        #expect(grouped(count) == text)
    }

    @Test func aMapCellGivesItsShareOnlyWhenNotUnanimous() {
        #expect(cellText(MapCell(strategies: Contract.strategyIDs, counts: [0, 0, 3, 0], unresolved: 0)) == "fine-tuning")
        #expect(cellText(MapCell(strategies: Contract.strategyIDs, counts: [1, 0, 2, 0], unresolved: 0)) == "fine-tuning (66.7%)")
        #expect(cellText(MapCell(strategies: Contract.strategyIDs, counts: [0, 0, 0, 0], unresolved: 2)) == "none")
    }
}
