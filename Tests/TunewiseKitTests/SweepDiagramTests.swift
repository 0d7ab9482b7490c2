import Testing

@testable import TunewiseKit

/// The built-in rubric as rubrics/default.json states it.
private let fileRubric = try! RubricLoader.load(Array(BuiltInRubric.json.utf8))

/// A sub-space of the built-in rubric: refinements varied, answers fixed, weights changed
/// (by multiples of 2^-24, so the sweep is still counted) and a map.
struct BuiltInSubspace: Sendable, CustomTestStringConvertible {
    var name: String
    var included: [String]
    var fixed: [String: String]
    var weights: [String: Double] = [:]
    var map: (row: String, column: String)?

    var testDescription: String { name }

    static let all = [
        BuiltInSubspace(
            name: "gates, rules and points",
            included: ["model-access", "prompting-status", "output-style", "explainability"],
            fixed: ["need": "behavior", "governance": "open", "transience": "static", "consistency": "important"]),
        BuiltInSubspace(
            name: "the gates fixed: rules and points only",
            included: ["context-size", "explainability", "training-signal", "knowledge-size", "output-style"],
            fixed: ["need": "both", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months"]),
        BuiltInSubspace(
            name: "reweighted, with a map",
            included: ["ml-expertise", "query-volume", "task-diversity"],
            fixed: ["transience": "periodic", "governance": "confidential", "consistency": "critical"],
            weights: ["need": 2, "budget": 0.5], map: (row: "ml-expertise", column: "data-volume")),
    ]
}

struct SweepDiagramTests {
    /// Every figure of sub-spaces of the rubric file, counted by the diagram, equals scoring
    /// every situation one at a time.
    @Test(arguments: BuiltInSubspace.all)
    func subspacesOfTheRubricFileAreCountedLikeBruteForce(_ subspace: BuiltInSubspace) throws {
        let fixed = try fileRubric.resolve(Answers(subspace.fixed))
        let sweep = try Sweep(
            rubric: fileRubric, weights: try Weights(of: fileRubric, overriding: subspace.weights),
            scope: SweepScope(included: subspace.included, fixed: fixed, map: subspace.map))
        #expect(sweep.isCounted)
        expectEqualToReference(sweep, map: subspace.map, "\(subspace.name)")
    }

    /// A question that only scores points, mapped: the map's questions are outermost, so it
    /// is no longer innermost where its points fold into the winners.
    @Test func aPointsOnlyQuestionInTheMapIsCountedLikeBruteForce() throws {
        let fixed = try fileRubric.resolve(Answers(["need": "knowledge", "governance": "role-based", "consistency": "flexible"]))
        let map = (row: "explainability", column: "time-to-market")
        let sweep = try Sweep(
            rubric: fileRubric, scope: SweepScope(included: ["explainability", "specialization", "model-access"], fixed: fixed, map: map))
        #expect(sweep.isCounted)
        expectEqualToReference(sweep, map: map, "explainability mapped")
    }

    /// Most of the full space (eight answers fixed, 2.4 × 10^7 situations): counting and
    /// visiting give the same result, every figure, deciding counts included.
    @Test func countingEqualsVisitingOnMostOfTheFullSpace() throws {
        let fixed = try fileRubric.resolve(
            Answers([
                "need": "behavior", "data-volume": "thousands", "budget": "moderate", "time-to-market": "weeks",
                "model-access": "api-tuning", "prompting-status": "plateaued", "ml-expertise": "some", "query-volume": "high",
            ]))
        let sweep = try Sweep(rubric: fileRubric, scope: SweepScope(includesAll: true, fixed: fixed))
        #expect(sweep.isCounted)
        let counted = sweep.run()
        #expect(counted == sweep.visitingRun())
        #expect(counted.counts.reduce(counted.unresolved, +) == counted.situationCount)
        #expect(counted.questions.contains { ($0.deciding ?? 0) > 0 })
    }

    /// Random rubrics without gates, every question scoring: no state is settled by a gate,
    /// only by a lead no answer below can overturn, and the diagram still counts exactly.
    @Test(arguments: 0..<8)
    func rubricsWithoutGatesAreCountedLikeBruteForce(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x4741_5445 &+ seed)
        var builder = TestRubric()
        let questions = Contract.coreQuestions + Contract.refinementQuestions
        for strategy in Contract.strategyIDs { builder.baselines[strategy] = Double(Int.random(in: -4...4, using: &random)) * 0.25 }
        for question in questions {
            builder.weights[question.id] = [1, 0.5, 2].randomElement(using: &random)!
            builder.points[question.id] = Dictionary(
                uniqueKeysWithValues: question.options.map { option in
                    (
                        option,
                        Dictionary(uniqueKeysWithValues: Contract.strategyIDs.map { ($0, Double(Int.random(in: -3...3, using: &random)) * 0.25) })
                    )
                })
        }
        builder.rules = (0..<3).map { index in
            let pair = questions.shuffled(using: &random).prefix(2)
            return TestRubric.Rule(
                id: "rule-\(index)", when: Dictionary(uniqueKeysWithValues: pair.map { ($0.id, [$0.options[0]]) }),
                points: [Contract.strategyIDs.randomElement(using: &random)!: 1.5])
        }
        let rubric = try builder.load()
        let included = Contract.refinementQuestions.shuffled(using: &random).prefix(2).map(\.id)
        var fixed = Situation(unanswered: rubric)
        // Two core questions fixed: 3^4 × 4 to 3^5 × 4 core situations, times 16 to 25 refinements'.
        for id in Contract.coreQuestions.shuffled(using: &random).prefix(2).map(\.id) {
            fixed = fixed.answering(rubric.knownQuestionIndex(id), with: 0)
        }
        let sweep = try Sweep(rubric: rubric, scope: SweepScope(included: included, fixed: fixed))
        #expect(sweep.isCounted, "seed \(seed)")
        expectEqualToReference(sweep, "seed \(seed)")
    }

    /// A diagram that outgrows its limits gives way to visiting, with the same figures: all of
    /// the sweep when a layer holds too many nodes, the deciding counts when a layer holds
    /// too many sets of nodes to follow.
    @Test func aDiagramThatOutgrowsItsLimitsGivesWayToVisiting() throws {
        let subspace = BuiltInSubspace.all[0]
        var sweep = try Sweep(
            rubric: fileRubric, scope: SweepScope(included: subspace.included, fixed: try fileRubric.resolve(Answers(subspace.fixed))))
        let diagram = try #require(SweepDiagram(table: sweep.table, space: sweep.space()))
        #expect(diagram.decidingCounts(setLimit: 2) == nil)
        let deciding = try #require(diagram.decidingCounts())
        // Followed in groups small enough to split again and again, the counts are the same.
        for setsPerGroup in [1, 3, 16] { #expect(diagram.decidingCounts(setsPerGroup: setsPerGroup) == deciding, "\(setsPerGroup)") }
        sweep.diagramLimits.sets = 2
        #expect(sweep.isCounted)
        expectEqualToReference(sweep, "deciding visited")
        sweep.diagramLimits.nodes = 4
        #expect(!sweep.isCounted)
        expectEqualToReference(sweep, "all visited")
    }

    /// A diagram whose layers would outgrow their limit gives way to visiting, as does a
    /// rubric whose scores are not exact in binary.
    @Test func aSweepThatCannotBeCountedIsVisited() throws {
        let sweep = try Sweep(rubric: fileRubric)
        #expect(SweepDiagram(table: sweep.table, space: sweep.space(), nodeLimit: 4) == nil)
        #expect(SweepDiagram(table: sweep.table, space: sweep.space()) != nil)
        #expect(try !Sweep(rubric: fileRubric, weights: try Weights(of: fileRubric, overriding: ["need": 1.1])).isCounted)
        #expect(try Sweep(rubric: fileRubric, weights: try Weights(of: fileRubric, overriding: ["need": 1.25])).isCounted)
    }
}
