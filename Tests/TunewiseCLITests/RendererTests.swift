import Foundation
import Testing
import TunewiseKit
@testable import TunewiseCLI

/// Compares `actual` with a checked-in file under `Golden/`; `RECORD_SNAPSHOTS=1` rewrites it.
func expectMatchesGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let diff = actualLines.difference(from: expectedLines).map { change -> String in
        switch change {
        case let .insert(offset, line, _): return "+\(offset + 1): \(line)"
        case let .remove(offset, line, _): return "-\(offset + 1): \(line)"
        }
    }
    Issue.record("\(name) differs from the golden file (RECORD_SNAPSHOTS=1 re-records):\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

struct RendererTests {
    let rubric = BuiltInRubric.load()

    func report(_ answers: [String: String]) throws -> Report {
        let advice = try Advisor(rubric: rubric).advise(Answers(answers))
        return Report(advice: advice, rubric: rubric, toolVersion: "0.0.0-test")
    }

    var lawFirm: [String: String] {
        ["data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "substantial",
         "time-to-market": "months", "consistency": "critical", "specialization": "niche"]
    }

    var roleBased: [String: String] {
        ["data-volume": "thousands", "transience": "periodic", "governance": "role-based", "budget": "moderate",
         "time-to-market": "weeks", "consistency": "important", "model-access": "api-tuning"]
    }

    @Test func textReport() throws {
        try expectMatchesGolden(TextRenderer(style: .plain).render(report(lawFirm)), "law-firm.txt")
        try expectMatchesGolden(TextRenderer(style: .plain).render(report(roleBased)), "role-based.txt")
    }

    @Test func jsonReport() throws {
        try expectMatchesGolden(JSONRenderer().render(report(lawFirm)), "law-firm.json")
    }

    @Test func markdownReport() throws {
        try expectMatchesGolden(MarkdownRenderer().render(report(roleBased)), "role-based.md")
    }

    @Test func colourIsUsedOnlyForATerminalWithoutOptOuts() throws {
        #expect(TextStyle.forStream(isTerminal: true, noColorFlag: false, environment: [:]).isEnabled)
        #expect(!TextStyle.forStream(isTerminal: false, noColorFlag: false, environment: [:]).isEnabled)
        #expect(!TextStyle.forStream(isTerminal: true, noColorFlag: true, environment: [:]).isEnabled)
        #expect(!TextStyle.forStream(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(TextStyle.forStream(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": ""]).isEnabled)
        #expect(!TextStyle.forStream(isTerminal: true, noColorFlag: false, environment: ["TERM": "dumb"]).isEnabled)
        let coloured = TextRenderer(style: TextStyle(isEnabled: true)).render(try report(lawFirm))
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(!TextRenderer(style: .plain).render(try report(lawFirm)).contains("\u{1B}"))
    }

    @Test func theJSONReportHasTheContractsShape() throws {
        let document = try JSONParser.parse(Array(JSONRenderer().render(report(roleBased)).utf8))
        guard case let .object(members) = document else {
            Issue.record("not an object")
            return
        }
        #expect(Array(members.map(\.key).prefix(7)) == ["schemaVersion", "tool", "rubric", "answers", "recommendation", "ranking", "sensitivity"])
        #expect(document["schemaVersion"] == .number(1))
        #expect(document["tool"]?["name"] == .string("tunewise"))
        #expect(document["rubric"]?["id"] == .string("default"))
        let recommendation = document["recommendation"]!
        for key in ["strategy", "confidence", "reasons", "caveats", "nextSteps"] { #expect(recommendation[key] != nil, "\(key)") }
        guard case let .array(reasons)? = recommendation["reasons"], let first = reasons.first else {
            Issue.record("no reasons")
            return
        }
        for key in ["question", "answer", "points", "text", "source"] { #expect(first[key] != nil, "\(key)") }
        guard case let .array(ranking)? = document["ranking"] else {
            Issue.record("no ranking")
            return
        }
        #expect(ranking.count == 4)
        let excluded = ranking.filter { $0["excluded"] == .bool(true) }
        #expect(excluded.map { $0["strategy"] } == [.string("prompt-tuning")])
        guard case let .array(exclusions)? = excluded.first?["exclusions"] else {
            Issue.record("no exclusions")
            return
        }
        #expect(!exclusions.isEmpty)
    }
}
