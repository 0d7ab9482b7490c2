import Testing

@testable import TunewiseKit

/// Every figure of a sweep, found by scoring each situation of its space with the scoring
/// table, one at a time: the brute force the counting sweep must equal.
struct Reference {
    /// Per winner (the strategies, then none left), the situations.
    var counts = [Int](repeating: 0, count: 5)
    /// `marginals[position][value][winner]` for the varied question at `position`.
    var marginals: [[[Int]]]
    /// Per varied question, the situations in which another answer alone changes the winner.
    var deciding: [Int]
    /// `cells[row value][column value][winner]`, for the map questions' positions when given.
    var cells: [[[Int]]] = []

    init(_ sweep: Sweep, map: (row: Int, column: Int)? = nil) {
        let values = sweep.varied.map { Sweep.values(of: sweep.rubric.questions[$0]) }
        let strides = values.indices.map { position in values[(position + 1)...].reduce(1) { $0 * $1.count } }
        let total = values.reduce(1) { $0 * $1.count }
        let winners = (0..<total).map { index in
            var situation = sweep.constants
            for (position, question) in sweep.varied.enumerated() {
                situation[question] = values[position][index / strides[position] % values[position].count]
            }
            let excluded = excludedByTheRubric(sweep.rubric, situation)
            return ScoringTable.winner(scores: sweep.table.scores(situation), excluded: excluded) ?? SweepPass.noStrategy
        }
        marginals = values.map { Array(repeating: Array(repeating: 0, count: 5), count: $0.count) }
        deciding = Array(repeating: 0, count: values.count)
        if let map {
            cells = Array(repeating: Array(repeating: Array(repeating: 0, count: 5), count: values[map.column].count), count: values[map.row].count)
        }
        for (index, winner) in winners.enumerated() {
            counts[winner] += 1
            for position in values.indices {
                let digit = index / strides[position] % values[position].count
                marginals[position][digit][winner] += 1
                let base = index - digit * strides[position]
                if values[position].indices.contains(where: { winners[base + $0 * strides[position]] != winner }) {
                    deciding[position] += 1
                }
            }
            if let map {
                let row = index / strides[map.row] % values[map.row].count
                cells[row][index / strides[map.column] % values[map.column].count][winner] += 1
            }
        }
    }
}

/// The strategies `rubric`'s gates rule out in `situation`, read from the gates as written
/// (each `when` holds and none of its `unless` conditions does), not from the scoring table's
/// compiled clauses.
func excludedByTheRubric(_ rubric: Rubric, _ situation: [Int]) -> StrategySet {
    func holds(_ condition: Condition) -> Bool {
        condition.clauses.allSatisfy { clause in
            let index = rubric.questions.firstIndex { $0.id == clause.question }!
            return situation[index] != ScoringTable.unanswered && clause.options.contains(rubric.questions[index].options[situation[index]].id)
        }
    }
    let ruledOut = rubric.exclusions.filter { holds($0.when) && !$0.unless.contains(where: holds) }.flatMap(\.strategies)
    return StrategySet(ruledOut.map { id in rubric.strategies.firstIndex { $0.id == id }! })
}

/// Checks every figure of `sweep`'s result, with the map when asked, against the reference:
/// the result as counted (or visited, for a rubric whose scores are not exact), and with
/// `visiting` the result as visited whatever the rubric too.
func expectEqualToReference(_ sweep: Sweep, map: (row: String, column: String)? = nil, visiting: Bool = false, _ comment: Comment) {
    let positions = map.map { map in
        (row: sweep.variedQuestions.firstIndex(of: map.row)!, column: sweep.variedQuestions.firstIndex(of: map.column)!)
    }
    let reference = Reference(sweep, map: positions)
    for (result, how) in [(sweep.run(), "run")] + (visiting ? [(sweep.visitingRun(), "visited")] : []) {
        let comment: Comment = "\(comment), \(how)"
        #expect(result.counts + [result.unresolved] == reference.counts, comment)
        #expect(result.questions.map { $0.counts } == reference.marginals.map { $0.map { Array($0.prefix(4)) } }, comment)
        #expect(result.questions.map { $0.deciding } == reference.deciding, comment)
        if positions != nil {
            #expect(result.map?.cells.map { $0.map { $0.counts + [$0.unresolved] } } == reference.cells, comment)
        }
    }
}

struct SweepCountingTests {
    /// Sub-spaces of the built-in rubric with most of its gates varied, so that the gates
    /// settle most subtrees, with a fixed answer, included refinements and a map.
    @Test func subspacesOfTheBuiltInRubricMatchEverySituation() throws {
        let fixed = try defaultRubric.resolve(Answers(["governance": "confidential", "consistency": "important", "transience": "static"]))
        let gates = try Sweep(
            rubric: defaultRubric,
            scope: SweepScope(included: ["prompting-status", "query-volume", "model-access", "ml-expertise"], fixed: fixed))
        #expect(gates.isCounted)
        expectEqualToReference(gates, visiting: true, "gates")
        let mapped = try Sweep(
            rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: ["need": 1.1]),
            scope: SweepScope(included: ["output-style", "task-diversity"], fixed: fixed, map: (row: "prompting-status", column: "data-volume")))
        expectEqualToReference(mapped, map: (row: "prompting-status", column: "data-volume"), "map")
    }

    /// Small random rubrics: random points and weights (on some, fractions that are not exact
    /// in binary, so the sweep visits), rules and exclusions over random questions, some
    /// varied and some fixed; each counted or visited, and visited.
    @Test(arguments: 0..<24)
    func randomRubricsMatchEverySituation(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x5357_4545_50 &+ seed)
        let questions = Contract.coreQuestions + Contract.refinementQuestions
        let step = seed % 3 == 0 ? 0.1 : 0.5
        var builder = TestRubric()
        func points() -> [String: Double] {
            Dictionary(
                uniqueKeysWithValues: Contract.strategyIDs.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)).map {
                    ($0, Double(Int.random(in: -4...4, using: &random)) * step)
                })
        }
        func condition(questionCount: ClosedRange<Int>) -> [String: [String]] {
            Dictionary(
                questions.shuffled(using: &random).prefix(Int.random(in: questionCount, using: &random)).map { question in
                    (question.id, Array(question.options.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))))
                }, uniquingKeysWith: { first, _ in first })
        }
        for strategy in Contract.strategyIDs { builder.baselines[strategy] = Double(Int.random(in: -2...2, using: &random)) * step }
        for question in questions where Bool.random(using: &random) {
            builder.weights[question.id] = (step == 0.1 ? [1, 1.5, 0.3] : [1, 1.5, 0.25]).randomElement(using: &random)!
            builder.points[question.id] = Dictionary(uniqueKeysWithValues: question.options.map { ($0, points()) })
        }
        builder.rules = (0..<Int.random(in: 0...5, using: &random)).map {
            TestRubric.Rule(id: "rule-\($0)", when: condition(questionCount: 2...3), points: points())
        }
        // Exclusions never rule out the first strategy: a rubric must leave one in every situation.
        builder.exclusions = (0..<Int.random(in: 1...6, using: &random)).map { index in
            let strategies = Contract.strategyIDs.dropFirst().shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
            // Some gates are spared by answers to one question each, a refinement's often left unanswered.
            let unless = (0..<Int.random(in: 0...2, using: &random)).map { _ in condition(questionCount: 1...1) }
            return TestRubric.Exclusion(id: "gate-\(index)", when: condition(questionCount: 1...3), unless: unless, strategies: Array(strategies))
        }
        let rubric = try builder.load()
        // Seven varied questions, at least two of them refinements; the others are fixed or
        // left unanswered.
        let varied = Set(
            Contract.refinementQuestions.shuffled(using: &random).prefix(2).map(\.id)
                + questions.shuffled(using: &random).prefix(5).map(\.id))
        var fixed = Situation(unanswered: rubric)
        for (index, question) in rubric.questions.enumerated() where !varied.contains(question.id) {
            if question.isCore || Bool.random(using: &random) {
                fixed = fixed.answering(index, with: Int.random(in: question.options.indices, using: &random))
            }
        }
        let included = rubric.questions.filter { !$0.isCore && varied.contains($0.id) }.map(\.id)
        let map = varied.sorted().shuffled(using: &random).prefix(2)
        let sweep = try Sweep(rubric: rubric, scope: SweepScope(included: included, fixed: fixed, map: (row: map.first!, column: map.last!)))
        // Points of 0.1 are not exact in binary: those rubrics are visited, the others counted.
        #expect(sweep.isCounted == (step != 0.1), "seed \(seed)")
        expectEqualToReference(sweep, map: (row: map.first!, column: map.last!), visiting: true, "seed \(seed)")
        expectEqualToReference(try Sweep(rubric: rubric, scope: SweepScope(included: included, fixed: fixed)), "seed \(seed), no map")
    }
}
