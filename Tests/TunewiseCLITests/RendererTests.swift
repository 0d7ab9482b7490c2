import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

struct RendererTests {
    let rubric = BuiltInRubric.load()

    func report(_ answers: [String: String]) throws -> Report {
        let advice = try Advisor(rubric: rubric).advise(rubric.resolve(Answers(answers)))
        return Report(advice: advice, rubric: rubric, toolVersion: "0.0.0-test")
    }

    /// IBM's law-firm case: extracting to a fixed legal pattern is a behaviour to learn.
    var lawFirm: [String: String] {
        [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "substantial",
            "time-to-market": "months", "consistency": "critical", "specialization": "niche",
        ]
    }

    /// An assistant that answers from documents each role may see only in part: a knowledge need.
    var roleBased: [String: String] {
        [
            "need": "knowledge", "data-volume": "thousands", "transience": "periodic", "governance": "role-based", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "important", "model-access": "api-tuning",
        ]
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

    /// A lead of nothing reads as a tie; gates that set aside options scoring above advice
    /// that leads the rest by points do not claim to have decided it, where limits that leave
    /// one option do.
    @Test func aTieAndGatesBesideALeadAreWordedAsSuch() throws {
        var tied = try report(lawFirm)
        tied.advice.margin = 0
        #expect(tied.confidenceText.contains(": level on points with the runner-up, Prompt-tuning, and ahead by the rubric's order"))
        let taxRules = try report([
            "need": "both", "data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "model-access": "api-tuning", "prompting-status": "plateaued",
            "context-size": "documents", "knowledge-size": "large", "model-size": "large", "ml-expertise": "some", "specialization": "niche",
            "output-style": "standard", "query-volume": "medium",
        ])
        #expect(taxRules.advice.strategy == "hybrid" && taxRules.advice.confidenceBasis == .margin)
        #expect(taxRules.decidingGates.map(\.id) == ["knowledge-in-retrieval"])
        #expect(taxRules.decidingGatesHeading == "These gates rule out options that scored higher:")
        #expect(try report(roleBased).decidingGatesHeading == "Decided by these gates, not by points:")
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
        guard case .object(let members) = document else {
            Issue.record("not an object")
            return
        }
        #expect(
            Array(members.map(\.key).prefix(8)) == ["schemaVersion", "tool", "rubric", "answers", "recommendation", "plan", "ranking", "sensitivity"])
        #expect(document["schemaVersion"] == .number(2))
        #expect(document["tool"]?["name"] == .string("tunewise"))
        #expect(document["rubric"]?["id"] == .string("default"))
        #expect(document["answers"]?["need"] == .string("knowledge"))
        let recommendation = document["recommendation"]!
        for key in ["strategy", "confidence", "confidenceBasis", "openQuestions", "decidedBy", "variants", "reasons", "caveats", "nextSteps"] {
            #expect(recommendation[key] != nil, "\(key)")
        }
        // Role-restricted facts are never trained into weights: the gates decide by the situation, and say so.
        #expect(recommendation["strategy"] == .string("prompt-engineering"))
        #expect(recommendation["confidenceBasis"] == .string("limits"))
        #expect(recommendation["gatesRuleOut"] == .string("situation"))
        guard case .array(let decidedBy)? = recommendation["decidedBy"] else {
            Issue.record("no decidedBy")
            return
        }
        #expect(decidedBy.contains(.string("knowledge-in-retrieval")))
        guard case .array(let variants)? = recommendation["variants"] else {
            Issue.record("no variants")
            return
        }
        #expect(variants.contains { $0["variant"] == .string("retrieval") && $0["choice"] == .string("rag") })
        guard case .array(let reasons)? = recommendation["reasons"], let first = reasons.first else {
            Issue.record("no reasons")
            return
        }
        for key in ["question", "answer", "points", "text", "source"] { #expect(first[key] != nil, "\(key)") }
        guard case .array(let plan)? = document["plan"], let now = plan.first else {
            Issue.record("no plan")
            return
        }
        #expect(now["strategy"] == recommendation["strategy"])
        #expect(now["when"] == .string("now"))
        for key in ["strategy", "label", "when", "after", "variants"] { #expect(now[key] != nil, "\(key)") }
        guard case .array(let ranking)? = document["ranking"] else {
            Issue.record("no ranking")
            return
        }
        #expect(ranking.count == 4)
        #expect(
            Set(
                ranking.compactMap { entry -> String? in
                    guard case .string(let id)? = entry["strategy"] else { return nil }
                    return id
                }) == Set(Contract.strategyIDs))
        let excluded = ranking.filter { $0["excluded"] == .bool(true) }
        #expect(
            Set(
                excluded.compactMap { entry -> String? in
                    guard case .string(let id)? = entry["strategy"] else { return nil }
                    return id
                }) == ["prompt-tuning", "fine-tuning", "hybrid"])
        for entry in excluded {
            guard case .array(let exclusions)? = entry["exclusions"], case .array(let whyNot)? = entry["whyNot"] else {
                Issue.record("no exclusions or whyNot in \(entry)")
                continue
            }
            #expect(!exclusions.isEmpty)
            #expect(!whyNot.isEmpty)
        }
    }

    /// Each sensitivity entry says what kind of change it is, whether it rules out the current
    /// advice, and by how much the new strategy would lead.
    @Test func sensitivityEntriesSayWhatKindOfChangeTheyAre() throws {
        let document = try JSONParser.parse(Array(JSONRenderer().render(report(lawFirm)).utf8))
        guard case .array(let sensitivity)? = document["sensitivity"], !sensitivity.isEmpty else {
            Issue.record("no sensitivity")
            return
        }
        for entry in sensitivity {
            guard case .object(let members) = entry else {
                Issue.record("not an object: \(entry)")
                continue
            }
            #expect(Array(members.map(\.key).prefix(6)) == ["question", "answer", "strategy", "kind", "rulesOutCurrent", "lead"])
            #expect(["lever", "fact", "unanswered"].map(JSONValue.string).contains(entry["kind"]!), "\(entry)")
        }
        func change(_ question: String, _ answer: String) -> JSONValue? {
            sensitivity.first { $0["question"] == .string(question) && $0["answer"] == .string(answer) }
        }
        // A deadline of days rules fine-tuning out; less time than the team has is another
        // situation, not a lever it would pull.
        let days = try #require(change("time-to-market", "days"))
        #expect(days["strategy"] == .string("prompt-engineering"))
        #expect(days["kind"] == .string("fact"))
        #expect(days["rulesOutCurrent"] == .bool(true))
        // What the model must gain is a fact about the situation, not a lever.
        #expect(change("need", "knowledge")?["kind"] == .string("fact"))
        // Model access is unanswered in this situation: answering it could change the advice.
        #expect(change("model-access", "api")?["kind"] == .string("unanswered"))
    }
}
