/// Situations counted per winner: lanes 0 to 3 are the strategies in rubric order, lane 4
/// (``SweepPass/noStrategy``) counts situations in which the exclusions leave no strategy.
typealias Tally = SIMD8<Int>

/// One compiled enumeration of a ``SweepSpace``: nested loops, one per level, that add one
/// answer's weighted points to a running score vector at each level.
///
/// A rule is added, and an exclusion applied, at the level of its deepest varied question;
/// clauses on constant questions are settled once at compile time. Which rules and exclusions
/// can still hold is a bit mask narrowed at each level, so nothing is allocated per situation.
///
/// The winner rule is ``ScoringTable/winner(scores:excluded:)``'s: the highest score among the
/// strategies not excluded, ties to the lower index. Scores here are summed in a different
/// order than the table sums them; when every term is a multiple of 2^-24 small enough that
/// every partial sum is exact (true of the default rubric), the order cannot matter. Otherwise
/// a near tie is settled by scoring the situation again with the table itself.
final class SweepPass {
    /// The winner index of a situation in which every strategy is excluded.
    static let noStrategy = 4

    let table: ScoringTable
    let space: SweepSpace
    /// The situation being visited: one answer per rubric question.
    let situation: UnsafeMutableBufferPointer<Int>
    /// Per level, the index of its first class in the flat per-class buffers.
    let firstClass: [Int]
    /// Per class (flat), the situations with one given value of that class, by winner.
    let marginals: UnsafeMutableBufferPointer<Tally>

    private let levelCount: Int
    private let questions: UnsafeMutableBufferPointer<Int>
    private let classCounts: UnsafeMutableBufferPointer<Int>
    private let starts: UnsafeMutableBufferPointer<Int>
    private let options: UnsafeMutableBufferPointer<Int>
    private let classSizes: UnsafeMutableBufferPointer<Int>
    /// Per level, its number of values (the sum of its class sizes).
    private let levelSizes: UnsafeMutableBufferPointer<Int>
    /// Per level, the number of situations of the levels inside it (the product of their sizes).
    private let innerSizes: UnsafeMutableBufferPointer<Int>
    private let vectors: UnsafeMutableBufferPointer<SIMD4<Double>>
    private let ruleMasks: UnsafeMutableBufferPointer<UInt64>
    private let exclusionMasks: UnsafeMutableBufferPointer<UInt64>
    private let completingRules: UnsafeMutableBufferPointer<UInt64>
    private let completingExclusions: UnsafeMutableBufferPointer<UInt64>
    private let rulePoints: UnsafeMutableBufferPointer<SIMD4<Double>>
    private let exclusionStrategies: UnsafeMutableBufferPointer<UInt32>
    private let winners: UnsafeMutableBufferPointer<UInt8>
    private let stopped: UnsafeMutableBufferPointer<Bool>
    /// Per level above the innermost, the offset of the class being visited, for progress.
    private let offsets: UnsafeMutableBufferPointer<Int>
    /// Groups left to visit before progress is told next (`Int.max` when nobody listens).
    private let countdown: UnsafeMutableBufferPointer<Int>
    /// The owners of every buffer above: they live and die with the pass.
    private let owners: [AnyObject]
    /// Told the fraction of the pass done every ``progressInterval`` groups, when set.
    var progress: ProgressHandler?
    private let baseScore: SIMD4<Double>
    private let baseRules: UInt64
    private let baseExclusions: UInt64
    private let baseExcluded: UInt32
    /// How close two scores must be for the winner to be settled by ``table``; `nil` when
    /// the arithmetic is exact.
    private let tieTolerance: Double?

    /// How many groups of situations are visited between two reports of progress: often
    /// enough to redraw a progress line, rarely enough to cost nothing measurable.
    static let progressInterval = 4096

    /// The most rules, and the most exclusions, a sweep handles (one bit each in a mask).
    static let ruleLimit = 64

    /// Compiles `space` for `table`.
    /// - Precondition: four strategies, at most ``ruleLimit`` rules and exclusions, and at
    ///   least one level. ``Sweep`` checks these.
    init(table: ScoringTable, space: SweepSpace) {
        precondition(table.strategyCount == 4 && table.rules.count <= Self.ruleLimit)
        precondition(table.exclusions.count <= Self.ruleLimit && !space.levels.isEmpty)
        self.table = table
        self.space = space
        levelCount = space.levels.count
        let levelOf = space.levelOfQuestion
        let constants = space.constants

        var score = SIMD4<Double>(table.baseline)
        for (question, option) in constants.enumerated() where levelOf[question] == nil && option != ScoringTable.unanswered {
            score += Self.vector(table, question, option)
        }
        var rules: UInt64 = 0
        var completingRules = [UInt64](repeating: 0, count: levelCount)
        for (index, rule) in table.rules.enumerated() {
            let (holds, level) = space.settle(rule.clauses, levelOf: levelOf)
            guard holds else { continue }
            if let level {
                rules |= 1 << UInt64(index)
                completingRules[level] |= 1 << UInt64(index)
            } else {
                score += SIMD4(rule.points)
            }
        }
        let (exclusions, excluded, completingExclusions) = space.settleExclusions(of: table, levelOf: levelOf)
        baseScore = score
        baseRules = rules
        baseExclusions = exclusions
        baseExcluded = excluded

        // Per class: its points, and which rules and exclusions it leaves possible.
        var owners: [AnyObject] = []
        func copy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let owner = OwnedBuffer(elements)
            owners.append(owner)
            return owner.buffer
        }
        let flat = space.levels.flatMap { level in level.classes.map { (question: level.question, class: $0) } }
        let scored = flat.map { ($0.question, $0.class[0]) }
        firstClass = space.levels.indices.map { index in space.levels[..<index].reduce(0) { $0 + $1.classes.count } }
        questions = copy(space.levels.map(\.question))
        classCounts = copy(space.levels.map(\.classes.count))
        starts = copy(firstClass)
        options = copy(scored.map(\.1))
        classSizes = copy(flat.map(\.class.count))
        let sizes = space.levels.map { $0.classes.reduce(0) { $0 + $1.count } }
        levelSizes = copy(sizes)
        innerSizes = copy(sizes.indices.map { level in sizes[(level + 1)...].reduce(1, &*) })
        vectors = copy(scored.map { $1 == ScoringTable.unanswered ? .zero : Self.vector(table, $0, $1) })
        ruleMasks = copy(scored.map { SweepSpace.possible(table.rules.map(\.clauses), $0, $1) })
        exclusionMasks = copy(scored.map { SweepSpace.possible(table.exclusions.map(\.clauses), $0, $1) })
        self.completingRules = copy(completingRules)
        self.completingExclusions = copy(completingExclusions)
        rulePoints = copy(table.rules.map { SIMD4($0.points) })
        exclusionStrategies = copy(table.exclusions.map(\.strategies.rawValue))
        marginals = copy([Tally](repeating: .zero, count: flat.count))
        situation = copy(constants)
        winners = copy([UInt8](repeating: 0, count: space.levels.last!.classes.count))
        stopped = copy([false])
        offsets = copy([Int](repeating: 0, count: levelCount))
        countdown = copy([Int.max])
        tieTolerance = Self.tieTolerance(table)
        self.owners = owners
    }

    /// The innermost level's rubric question.
    var innermostQuestion: Int { questions[levelCount - 1] }

    /// The scored option (or ``ScoringTable/unanswered``) of the innermost level's `index`th class.
    func innermostOption(_ index: Int) -> Int { options[starts[levelCount - 1] + index] }

    /// The number of values in the innermost level's `index`th class.
    func innermostClassSize(_ index: Int) -> Int { classSizes[starts[levelCount - 1] + index] }

    /// Visits every situation (or until `visitor` stops it), filling ``marginals``.
    /// - Returns: the situations covered, by winner, and whether the visitor stopped early.
    func run<Visitor: SweepVisitor>(_ visitor: inout Visitor) -> (tally: Tally, stopped: Bool) {
        stopped[0] = false
        marginals.update(repeating: .zero)
        offsets.update(repeating: 0)
        countdown[0] = progress == nil ? Int.max : Self.progressInterval
        let tally = descend(0, baseScore, baseRules, baseExclusions, baseExcluded, 1, &visitor)
        return (tally, stopped[0])
    }

    /// Visits the subtree below one class of each outer level.
    /// - Parameter weight: the product of the outer levels' class sizes.
    /// - Returns: the subtree's situations by winner, counting this level's and inner levels'
    ///   class sizes but not the outer ones'.
    private func descend<Visitor: SweepVisitor>(
        _ level: Int, _ score: SIMD4<Double>, _ rules: UInt64, _ exclusions: UInt64, _ excluded: UInt32,
        _ weight: Int, _ visitor: inout Visitor
    ) -> Tally {
        let question = questions[level]
        let first = starts[level]
        let count = classCounts[level]
        let completingRules = completingRules[level]
        let completingExclusions = completingExclusions[level]
        var total = Tally.zero
        if level == levelCount - 1 {
            var wins = (0, 0, 0, 0, 0)
            for offset in 0..<count {
                let index = first + offset
                let (levelScore, _, _, levelExcluded) = choose(
                    index, score, rules, exclusions, excluded, completingRules, completingExclusions)
                situation[question] = options[index]
                var winner = Self.winner(levelScore, levelExcluded)
                if let tieTolerance, Self.isNearTie(levelScore, levelExcluded, winner, tieTolerance) {
                    winner = table.winner(Array(situation)) ?? Self.noStrategy
                }
                winners[offset] = UInt8(truncatingIfNeeded: winner)
                // Five conditional adds rather than `tally[winner] += size`, which stalls on the reload.
                let size = classSizes[index]
                wins.0 &+= winner == 0 ? size : 0
                wins.1 &+= winner == 1 ? size : 0
                wins.2 &+= winner == 2 ? size : 0
                wins.3 &+= winner == 3 ? size : 0
                wins.4 &+= winner == Self.noStrategy ? size : 0
                marginals[index][winner] &+= weight
            }
            if visitor.visit(winners, weight: weight, in: self) { stopped[0] = true }
            countdown[0] &-= 1
            if countdown[0] == 0 { reportProgress() }
            return Tally(wins.0, wins.1, wins.2, wins.3, wins.4, 0, 0, 0)
        }
        for offset in 0..<count {
            offsets[level] = offset
            let index = first + offset
            let (levelScore, levelRules, levelExclusions, levelExcluded) = choose(
                index, score, rules, exclusions, excluded, completingRules, completingExclusions)
            situation[question] = options[index]
            let size = classSizes[index]
            let subtotal: Tally
            if visitor.maySettle(below: level), let settled = settledWinner(levelExcluded, levelExclusions) {
                subtotal = countSettled(below: level, winner: settled, weight: weight &* size)
                if visitor.settle(settled, situations: weight &* size &* innerSizes[level], in: self) { stopped[0] = true }
            } else {
                subtotal = descend(level + 1, levelScore, levelRules, levelExclusions, levelExcluded, weight &* size, &visitor)
            }
            marginals[index] &+= subtotal &* weight
            total &+= subtotal &* size
            if stopped[0] { break }
        }
        return total
    }

    /// Tells ``progress`` the fraction of the pass done, reading the levels' offsets as the
    /// digits of a mixed-radix number (every scored group counted alike), and restarts the
    /// countdown.
    private func reportProgress() {
        countdown[0] = Self.progressInterval
        guard let progress else { return }
        var fraction = 0.0
        var share = 1.0
        for level in 0..<(levelCount - 1) {
            share /= Double(classCounts[level])
            fraction += Double(offsets[level]) * share
        }
        progress(fraction)
    }

    /// The one strategy left (or ``noStrategy``) when gates leave at most one and no gate that
    /// may still hold below could rule it out; `nil` otherwise.
    @inline(__always)
    private func settledWinner(_ excluded: UInt32, _ exclusions: UInt64) -> Int? {
        let left = ~excluded & 0b1111
        guard left.nonzeroBitCount <= 1 else { return nil }
        guard left != 0 else { return Self.noStrategy }
        var pending = exclusions
        while pending != 0 {
            if exclusionStrategies[pending.trailingZeroBitCount] & left != 0 { return nil }
            pending &= pending &- 1
        }
        return left.trailingZeroBitCount
    }

    /// Counts the subtree below `level` whose winner is `winner` throughout, without visiting
    /// it: every situation of the inner levels, and each inner class's marginal.
    /// - Complexity: O(*c*) for *c* classes in the inner levels.
    private func countSettled(below level: Int, winner: Int, weight: Int) -> Tally {
        for inner in (level + 1)..<levelCount {
            // Situations with one value of a class here: the other inner levels' sizes.
            let others = innerSizes[level] / levelSizes[inner]
            for index in starts[inner]..<(starts[inner] + classCounts[inner]) {
                marginals[index][winner] &+= weight &* others
            }
        }
        var subtotal = Tally.zero
        subtotal[winner] = innerSizes[level]
        return subtotal
    }

    /// The state after choosing the class at flat `index` at one level: the score with its
    /// points and those of the rules it completes, the rules and exclusions that can still
    /// hold below it, and the strategies excluded so far.
    @inline(__always)
    private func choose(
        _ index: Int, _ score: SIMD4<Double>, _ rules: UInt64, _ exclusions: UInt64, _ excluded: UInt32,
        _ completingRules: UInt64, _ completingExclusions: UInt64
    ) -> (score: SIMD4<Double>, rules: UInt64, exclusions: UInt64, excluded: UInt32) {
        var levelScore = score + vectors[index]
        let levelRules = rules & ruleMasks[index]
        var newRules = levelRules & completingRules
        while newRules != 0 {
            levelScore += rulePoints[newRules.trailingZeroBitCount]
            newRules &= newRules &- 1
        }
        var levelExcluded = excluded
        let levelExclusions = exclusions & exclusionMasks[index]
        var newExclusions = levelExclusions & completingExclusions
        while newExclusions != 0 {
            levelExcluded |= exclusionStrategies[newExclusions.trailingZeroBitCount]
            newExclusions &= newExclusions &- 1
        }
        return (levelScore, levelRules, levelExclusions, levelExcluded)
    }

    /// The best strategy not excluded, ties to the lower index; ``noStrategy`` when all are.
    @inline(__always)
    static func winner(_ scores: SIMD4<Double>, _ excluded: UInt32) -> Int {
        if excluded == 0 {
            var best = 0
            var top = scores[0]
            if scores[1] > top {
                best = 1
                top = scores[1]
            }
            if scores[2] > top {
                best = 2
                top = scores[2]
            }
            if scores[3] > top { best = 3 }
            return best
        }
        var best = noStrategy
        for strategy in 0..<4 where excluded & (1 << UInt32(strategy)) == 0 {
            if best == noStrategy || scores[strategy] > scores[best] { best = strategy }
        }
        return best
    }

    /// Whether another strategy that is not excluded scores within `tolerance` of `winner`.
    @inline(__always)
    private static func isNearTie(_ scores: SIMD4<Double>, _ excluded: UInt32, _ winner: Int, _ tolerance: Double) -> Bool {
        guard winner != noStrategy else { return false }
        for strategy in 0..<4 where strategy != winner && excluded & (1 << UInt32(strategy)) == 0 {
            if scores[strategy] >= scores[winner] - tolerance { return true }
        }
        return false
    }

    /// `nil` when every term of every score is a multiple of 2^-24 and their magnitudes sum
    /// below 2^28, so every partial sum is exact in any order; otherwise a tolerance far above
    /// the rounding error of summing them in another order.
    static func tieTolerance(_ table: ScoringTable) -> Double? {
        var terms = table.baseline + table.rules.flatMap(\.points)
        for (question, options) in table.points.enumerated() {
            for option in options.indices { terms += (0..<4).map { vector(table, question, option)[$0] } }
        }
        let scale = 16_777_216.0  // 2^24
        let magnitude = terms.reduce(0) { $0 + abs($1) }
        let isExact = magnitude < 268_435_456 && terms.allSatisfy { ($0 * scale).rounded() == $0 * scale }
        return isExact ? nil : 1e-9 * max(1, magnitude)
    }

    /// The weighted points of one answer, computed as ``ScoringTable/scores(_:)`` computes them.
    static func vector(_ table: ScoringTable, _ question: Int, _ option: Int) -> SIMD4<Double> {
        let weight = table.weights[question]
        let row = table.points[question][option]
        return SIMD4(weight * row[0], weight * row[1], weight * row[2], weight * row[3])
    }
}
