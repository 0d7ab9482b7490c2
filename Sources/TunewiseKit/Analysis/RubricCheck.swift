/// The checks a rubric author runs in CI (`tunewise rubric check`), over every situation:
/// all questions, each refinement answered or unanswered.
///
/// - **Dead options**: a question whose answer never changes the advice, in any situation,
///   has only dead options. A witness (a situation where some other answer changes the
///   winner) is looked for among random situations first, then by an exhaustive sweep.
/// - **Unreachable options**: an answer with which every strategy is always excluded.
/// - **Every strategy wins somewhere**: looked for among random situations, then by an
///   exhaustive sweep that tries the answers most favourable to the strategy first.
/// - **Hard exclusions are never overridden**: for each exclusion and each strategy it
///   excludes, a situation where the exclusion holds and that strategy has the best score is
///   looked for (the most favourable answers, then random ones); there ``Advisor`` must not
///   recommend it, nor any strategy that a holding exclusion lists.
/// - **Declared monotone properties hold**: exactly, by enumerating the answers of the
///   questions that share a rule with the property's question; every other answer adds the
///   same points to both sides of each step.
/// - **No rank reversal**: removing a strategy that was not recommended never changes the
///   recommendation, recomputed with the strategy deleted from the rubric, over every
///   combination of the core answers and over the random situations.
///
/// Random situations come from a fixed seed, so a run is reproducible; an exhaustive sweep
/// runs only when sampling found no witness, that is for a likely finding.
public enum RubricCheck {
    /// How many random situations the sampling stages draw.
    static let sampleCount = 2_000

    /// Every finding, in the order of the checks above; empty when the rubric is clean.
    /// - Throws: ``SweepError/tooManyRules(limit:)`` for a rubric too large to sweep.
    public static func findings(in rubric: Rubric) throws(SweepError) -> [RubricFinding] {
        let checker = try Checker(rubric: rubric)
        return try checker.deadOptions() + checker.unreachableOptions() + checker.strategiesThatNeverWin()
            + checker.overriddenExclusions() + checker.propertyViolations() + checker.rankReversals()
    }
}

private struct Checker {
    let sweep: Sweep
    let rubric: Rubric
    let table: ScoringTable
    /// Each question's values: its options, then unanswered for a refinement.
    let values: [[Int]]
    let samples: [[Int]]
    let sampleWinners: [Int?]

    init(rubric: Rubric) throws(SweepError) {
        sweep = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true))
        self.rubric = rubric
        table = sweep.table
        let values = rubric.questions.map(Sweep.values(of:))
        var generator = SplitMix64(seed: 0x7475_6E65_7769_7365)
        samples = (0..<RubricCheck.sampleCount).map { _ in values.map { $0.randomElement(using: &generator)! } }
        sampleWinners = samples.map(table.winner)
        self.values = values
    }

    // MARK: Dead and unreachable options

    func deadOptions() -> [RubricFinding] {
        rubric.questions.indices.compactMap { question in
            let matters =
                sweep.classes[question]!.count > 1
                && (samplesShowADecision(by: question)
                    || sweep.containsGroup(order: [question]) { winners in winners.contains { $0 != winners[0] } })
            return matters ? nil : .deadOptions(question: rubric.questions[question].id, options: rubric.questions[question].options.map(\.id))
        }
    }

    private func samplesShowADecision(by question: Int) -> Bool {
        zip(samples, sampleWinners).contains { situation, winner in
            values[question].contains { value in
                var changed = situation
                changed[question] = value
                return value != situation[question] && table.winner(changed) != winner
            }
        }
    }

    func unreachableOptions() throws(SweepError) -> [RubricFinding] {
        var findings: [RubricFinding] = []
        for (index, question) in rubric.questions.enumerated() {
            for (option, optionValue) in question.options.enumerated() {
                let sampled = zip(samples, sampleWinners).contains { $0[index] == option && $1 != nil }
                if sampled { continue }
                let fixed = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true, fixed: Answers([question.id: optionValue.id])))
                if fixed.containsGroup(where: { $0.contains { Int($0) != SweepPass.noStrategy } }) { continue }
                findings.append(.unreachableOption(question: question.id, option: optionValue.id))
            }
        }
        return findings
    }

    // MARK: Strategies and exclusions

    func strategiesThatNeverWin() -> [RubricFinding] {
        rubric.strategies.indices.compactMap { strategy in
            if sampleWinners.contains(strategy) { return nil }
            let arrange = { (question: Int, classes: [[Int]]) in
                classes.sorted { favour(strategy, question, $0[0], counting: true) > favour(strategy, question, $1[0], counting: true) }
            }
            if sweep.containsGroup(arrange: arrange, where: { $0.contains(UInt8(strategy)) }) { return nil }
            return .strategyNeverWins(strategy: rubric.strategies[strategy].id, situations: sweep.situationCount)
        }
    }

    /// How much `value` of `question` adds to `strategy`'s lead over the best other strategy,
    /// ignoring rules; with `counting` exclusions, far less when it alone excludes the strategy.
    private func favour(_ strategy: Int, _ question: Int, _ value: Int, counting exclusions: Bool) -> Double {
        guard value != ScoringTable.unanswered else { return 0 }
        let points = table.points[question][value].map { table.weights[question] * $0 }
        let lead = points[strategy] - points.indices.filter { $0 != strategy }.map { points[$0] }.max()!
        let excludes =
            exclusions
            && table.exclusions.contains { exclusion in
                exclusion.strategies.contains(strategy) && exclusion.clauses.count == 1
                    && exclusion.clauses[0].question == question && exclusion.clauses[0].options & (1 << UInt64(value)) != 0
            }
        return excludes ? lead - 1e6 : lead
    }

    func overriddenExclusions() -> [RubricFinding] {
        let advisor = Advisor(rubric: rubric)
        var findings: [RubricFinding] = []
        for (exclusion, compiled) in zip(rubric.exclusions, table.exclusions) {
            for strategyID in exclusion.strategies {
                let strategy = rubric.strategies.firstIndex { $0.id == strategyID }!
                guard let situation = bitingSituation(compiled, strategy) else { continue }
                let answers = rubric.answers(situation)
                guard let advice = try? advisor.advise(answers) else { continue }
                let holding = rubric.exclusions.filter { $0.when.isSatisfied(by: answers) }
                if let overridden = holding.first(where: { $0.strategies.contains(advice.strategy) }) {
                    findings.append(.exclusionOverridden(exclusion: overridden.id, strategy: advice.strategy, answers: answers))
                }
            }
        }
        return findings
    }

    /// A situation where `exclusion` holds and `strategy` would have the best score without
    /// exclusions: the answers most favourable to it, or else a random situation so adjusted.
    private func bitingSituation(_ exclusion: ScoringTable.CompiledExclusion, _ strategy: Int) -> [Int]? {
        func allowed(_ question: Int) -> [Int]? {
            exclusion.clauses.first { $0.question == question }.map { clause in
                rubric.questions[question].options.indices.filter { clause.options & (1 << UInt64($0)) != 0 }
            }
        }
        let favourable = values.indices.map { question in
            (allowed(question) ?? values[question]).max {
                favour(strategy, question, $0, counting: false) < favour(strategy, question, $1, counting: false)
            }!
        }
        let adjusted = samples.enumerated().map { index, sample in
            sample.indices.map { question in allowed(question).map { $0[index % $0.count] } ?? sample[question] }
        }
        return ([favourable] + adjusted).first { ScoringTable.winner(scores: table.scores($0), excluded: StrategySet()) == strategy }
    }

    // MARK: Monotone properties

    func propertyViolations() -> [RubricFinding] {
        rubric.properties.compactMap { property in
            violation(of: property).map(RubricFinding.propertyViolated)
        }
    }

    /// The smallest violation of `property`, or `nil` when it holds everywhere.
    ///
    /// Only the rules that involve the property's question make its steps depend on other
    /// answers, so the answers of the questions those rules name (unanswered included) are
    /// enumerated, fewest answered refinements and lowest options first.
    private func violation(of property: MonotoneProperty) -> PropertyViolation? {
        let question = rubric.questions.firstIndex { $0.id == property.question }!
        let favours = rubric.strategies.firstIndex { $0.id == property.favours }!
        let over = rubric.strategies.firstIndex { $0.id == property.over }!
        let partners = Set(
            table.rules.filter { $0.clauses.contains { $0.question == question } }
                .flatMap { $0.clauses.map(\.question) }
        ).subtracting([question]).sorted()
        let contexts = partners.reduce([[Int]]([[]])) { partial, partner in
            partial.flatMap { prefix in values[partner].map { prefix + [$0] } }
        }.sorted { a, b in
            let answered = (a.filter { $0 != ScoringTable.unanswered }.count, b.filter { $0 != ScoringTable.unanswered }.count)
            return answered.0 != answered.1 ? answered.0 < answered.1 : a.lexicographicallyPrecedes(b)
        }
        let base = rubric.questions.map { $0.isCore ? 0 : ScoringTable.unanswered }
        for context in contexts {
            var situation = base
            for (partner, value) in zip(partners, context) { situation[partner] = value }
            let options = rubric.questions[question].options
            let scale = property.scale.isEmpty ? Array(options.indices) : property.scale.map { id in options.firstIndex { $0.id == id }! }
            for (lowerOption, higherOption) in zip(scale, scale.dropFirst()) {
                situation[question] = lowerOption
                let before = table.scores(situation)
                situation[question] = higherOption
                let after = table.scores(situation)
                let fall = (before[favours] - before[over]) - (after[favours] - after[over])
                let tolerance = 1e-9 * (1 + abs(before[favours]) + abs(before[over]) + abs(after[favours]) + abs(after[over]))
                guard fall > tolerance else { continue }
                var lower = situation
                lower[question] = lowerOption
                return PropertyViolation(
                    property: property, before: rubric.answers(lower), after: rubric.answers(situation),
                    favoursBefore: before[favours], overBefore: before[over],
                    favoursAfter: after[favours], overAfter: after[over])
            }
        }
        return nil
    }

    // MARK: Rank reversal

    /// Recomputes the winner with each strategy that did not win deleted from the rubric
    /// (and from its exclusions), over every combination of the core answers and the samples.
    func rankReversals() -> [RubricFinding] {
        let reduced = rubric.strategies.indices.map { removed in
            var smaller = rubric
            let id = smaller.strategies.remove(at: removed).id
            smaller.exclusions = smaller.exclusions.compactMap { exclusion in
                var exclusion = exclusion
                exclusion.strategies.removeAll { $0 == id }
                return exclusion.strategies.isEmpty ? nil : exclusion
            }
            return ScoringTable(rubric: smaller, weights: sweep.weights)
        }
        let core = rubric.questions.indices.filter { rubric.questions[$0].isCore }
        let coreSpace = core.reduce([rubric.questions.map { _ in ScoringTable.unanswered }]) { partial, question in
            partial.flatMap { situation in
                values[question].map { value in
                    var extended = situation
                    extended[question] = value
                    return extended
                }
            }
        }
        var findings: [RubricFinding] = []
        var reported = Set<Int>()
        for situation in coreSpace + samples {
            guard let winner = table.winner(situation) else { continue }
            for removed in rubric.strategies.indices where removed != winner && !reported.contains(removed) {
                let without = reduced[removed].winner(situation).map { $0 >= removed ? $0 + 1 : $0 }
                guard without != winner else { continue }
                reported.insert(removed)
                findings.append(
                    .rankReversal(
                        removed: rubric.strategies[removed].id, answers: rubric.answers(situation),
                        winner: rubric.strategies[winner].id, winnerWithout: without.map { rubric.strategies[$0].id }))
            }
        }
        return findings
    }
}

/// A small, fast generator with a fixed seed, so that checks are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
