import Testing

@testable import TunewiseKit

/// A test rubric in which every core question matters and every strategy wins somewhere:
/// option `i` of core question `q` gives one point to strategy `(i + q) % 4`. The
/// refinements give no points, so they are dead and sweep as one value each.
private func rotatingRubric() -> TestRubric {
    var builder = TestRubric()
    for (position, question) in Contract.coreQuestions.enumerated() {
        builder.points[question.id] = Dictionary(
            uniqueKeysWithValues: question.options.enumerated().map { index, option in
                (option, [Contract.strategyIDs[(index + position) % 4]: 1])
            })
    }
    return builder
}

private let deadRefinements = Contract.refinementQuestions.map { RubricFinding.deadOptions(question: $0.id, options: $0.options) }

struct RubricCheckTests {
    @Test func defaultRubricIsClean() throws {
        let findings = try RubricCheck.findings(in: defaultRubric)
        #expect(findings.isEmpty, "\(findings.map { $0.message(in: defaultRubric) })")
    }

    /// The rule probe finds prompt-tuning's narrow corner of the default rubric, which no
    /// random sample hits, and the advisor, given the probe's answers, advises prompt-tuning
    /// there; a strategy no rule favours is left to the search.
    @Test func theRuleProbeFindsARareWinnerTheAdvisorConfirms() throws {
        let checker = try RubricCheck.Checker(rubric: defaultRubric)
        let promptTuning = try #require(defaultRubric.strategies.firstIndex { $0.id == "prompt-tuning" })
        #expect(!checker.sampleWinners.contains(promptTuning))
        let situation = try #require(checker.situationWhereARuleForItHolds(promptTuning))
        #expect(try Advisor(rubric: defaultRubric).advise(defaultRubric.answers(situation)).strategy == "prompt-tuning")
        let rotating = try RubricCheck.Checker(rubric: rotatingRubric().load())
        #expect(rotating.table.rules.isEmpty)
        #expect(rotating.situationWhereARuleForItHolds(0) == nil)
    }

    @Test func rotatingRubricHasOnlyItsPointlessRefinementsAsFindings() throws {
        #expect(try RubricCheck.findings(in: rotatingRubric().load()) == deadRefinements)
    }

    /// A core question whose only points, a thousandth to prompt engineering, can never
    /// break a tie that prompt engineering does not already win: two classes of answers, so
    /// the exhaustive search, not the shortcut, proves it dead.
    @Test func findsAPlantedDeadOption() throws {
        var builder = rotatingRubric()
        builder.points["consistency"] = ["critical": ["prompt-engineering": 0.001]]
        let findings = try RubricCheck.findings(in: builder.load())
        #expect(findings == [.deadOptions(question: "consistency", options: ["flexible", "important", "critical"])] + deadRefinements)
    }

    @Test func findsAStrategyThatCanNeverWin() throws {
        var builder = rotatingRubric()
        builder.baselines["hybrid"] = -10
        let findings = try RubricCheck.findings(in: builder.load())
        #expect(findings.contains(.strategyNeverWins(strategy: "hybrid", situations: 3 * 4 * 243 * 262_144 * 75)))
        #expect(
            !findings.contains {
                if case .strategyNeverWins = $0 {
                    $0 != .strategyNeverWins(strategy: "hybrid", situations: 3 * 4 * 243 * 262_144 * 75)
                } else {
                    false
                }
            })
    }

    /// Fine-tuning over prompt engineering rises with data volume, except that two rules take
    /// five points from fine-tuning at `hundreds`: one with role-based governance, one with a
    /// corpus-sized context. The smallest counterexample needs no refinement answered.
    @Test func findsTheSmallestCounterexampleToAMonotoneProperty() throws {
        var builder = rotatingRubric()
        builder.points["data-volume"] = [
            "none": ["prompt-engineering": 2], "few": ["prompt-engineering": 1],
            "hundreds": ["fine-tuning": 1], "thousands": ["fine-tuning": 2],
        ]
        builder.rules = [
            .init(id: "corpus", when: ["data-volume": ["hundreds"], "context-size": ["corpus"]], points: ["fine-tuning": -5]),
            .init(id: "roles", when: ["data-volume": ["hundreds"], "governance": ["role-based"]], points: ["fine-tuning": -5]),
        ]
        builder.properties = [("data-volume", "fine-tuning", "prompt-engineering"), ("budget", "fine-tuning", "prompt-engineering")]
        let rubric = try builder.load()
        let findings = try RubricCheck.findings(in: rubric)

        let violations = findings.compactMap { if case .propertyViolated(let violation) = $0 { violation } else { nil } }
        let violation = try #require(violations.first)
        #expect(violations.count == 1)
        #expect(violation.property == MonotoneProperty(question: "data-volume", favours: "fine-tuning", over: "prompt-engineering"))
        let context = [
            "need": "knowledge", "transience": "static", "governance": "role-based", "budget": "minimal", "time-to-market": "days",
            "consistency": "flexible",
        ]
        #expect(violation.before == Answers(context.merging(["data-volume": "few"]) { a, _ in a }))
        #expect(violation.after == Answers(context.merging(["data-volume": "hundreds"]) { a, _ in a }))
        let before = referenceScores(rubric, violation.before)
        let after = referenceScores(rubric, violation.after)
        #expect([violation.favoursBefore, violation.overBefore] == [before["fine-tuning"]!, before["prompt-engineering"]!])
        #expect([violation.favoursAfter, violation.overAfter] == [after["fine-tuning"]!, after["prompt-engineering"]!])
        // Rotating points: fine-tuning gets static and flexible, prompt engineering knowledge and
        // minimal. Before: 2 - 3 (those and few); after: 2 + 1 (hundreds) - 5 (the rule) - 2.
        #expect(violation.favoursBefore - violation.overBefore == -1)
        #expect(violation.favoursAfter - violation.overAfter == -4)
    }

    @Test func everyFindingIsOneLine() throws {
        let property = MonotoneProperty(question: "data-volume", favours: "fine-tuning", over: "prompt-engineering")
        let findings: [RubricFinding] = [
            .deadOptions(question: "consistency", options: ["flexible", "important", "critical"]),
            .strategyNeverWins(strategy: "hybrid", situations: 972),
            .propertyViolated(
                PropertyViolation(
                    property: property, before: Answers(["data-volume": "few", "budget": "minimal"]),
                    after: Answers(["data-volume": "hundreds", "budget": "minimal"]),
                    favoursBefore: 0.5, overBefore: 1, favoursAfter: 0.25, overAfter: 1)),
        ]
        let messages = findings.map { $0.message(in: defaultRubric) }
        #expect(messages.allSatisfy { !$0.contains("\n") })
        #expect(
            messages[2]
                == "property broken: fine-tuning minus prompt-engineering should not fall as data-volume rises, but from data-volume=few to data-volume=hundreds it falls from -0.5 (fine-tuning 0.5, prompt-engineering 1) to -0.75 (fine-tuning 0.25, prompt-engineering 1), with budget=minimal"
        )
    }
}
