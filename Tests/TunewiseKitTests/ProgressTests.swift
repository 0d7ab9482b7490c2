import Testing

@testable import TunewiseKit

/// Long work tells how far it has got, without changing what it finds.
struct ProgressTests {
    @Test func aSweepReportsRisingFractionsEndingAtOneAndTheSameResult() throws {
        let sweep = try Sweep(rubric: defaultRubric, scope: SweepScope(included: ["model-access", "ml-expertise"]))
        var fractions: [Double] = []
        let result = sweep.run { fractions.append($0) }
        #expect(result == sweep.run())
        #expect(fractions.count >= 2, "\(fractions)")
        #expect(fractions == fractions.sorted())
        #expect(fractions.allSatisfy { (0...1).contains($0) })
        #expect(fractions.last == 1)
    }

    @Test func theRubricCheckReportsEachCheckAndTheSameFindings() throws {
        var fractions: [Double] = []
        let findings = try RubricCheck.findings(in: defaultRubric) { fractions.append($0) }
        #expect(findings == (try RubricCheck.findings(in: defaultRubric)))
        #expect(fractions == fractions.sorted())
        #expect(fractions.first == 0)
        #expect(fractions.last == 1)
        // Each of the three checks reports at least its start.
        for check in 0..<3 { #expect(fractions.contains { $0 >= Double(check) / 3 && $0 < Double(check + 1) / 3 }) }
    }

    @Test func partsMapOntoTheWhole() {
        var told: [Double] = []
        let handler = progressHandler({ told.append($0) }, part: 1, of: 4)
        handler?(0)
        handler?(0.5)
        handler?(2)
        #expect(told == [0.25, 0.375, 0.5])
        #expect(progressHandler(nil, part: 0, of: 2) == nil)
    }
}
