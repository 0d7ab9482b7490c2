/// The advice over a ``SweepSpace`` as a layered decision diagram: one layer of nodes per
/// level, each node a state of the scoring that the answers chosen so far leave, and one
/// edge per class of the level's question to the state that class leads to.
///
/// Situations whose outer answers leave the same state have the same winners below, so the
/// diagram merges them: the space is counted, not visited. A state is what still matters for
/// the winner: the scores of the strategies not excluded (less the first one's, since only
/// their differences count), the strategies excluded, and the rules and exclusions that may
/// still hold. A state whose winner no answer below can change (every other strategy excluded
/// or too far behind to catch up, and no gate left that could rule the leader out) is
/// settled: a terminal node that stands for its whole subtree.
///
/// Scores are integers in units of 2^-24, so sums are exact in any order and states compare
/// exactly; a rubric whose points and weights are not such multiples (or whose sums could
/// exceed 2^28) has no diagram, and is swept by visiting (``SweepPass``).
struct SweepDiagram {
    /// The space, outermost level first.
    let space: SweepSpace
    /// Per level, its classes' sizes (values per class).
    let classSizes: [[Int]]
    /// Per level (and one past the last), the situations of the levels from it inward:
    /// the product of their numbers of values; 1 past the last.
    let innerSizes: [Int]
    /// Per layer (one per level, and the last of winners), per node: its winner when settled
    /// (a strategy index or ``SweepPass/noStrategy``), or -1.
    let winners: [[Int8]]
    /// Per level, per node and class (`node * classCount + class`): the node it leads to in
    /// the next layer.
    let children: [[Int32]]

    /// How large a diagram may grow before the sweep gives way to visiting, whose memory
    /// does not grow with the space (over the built-in rubric's full space, the largest
    /// layer holds 18,188 nodes, and the deciding counts follow up to 219,083 sets of nodes a
    /// layer, in groups of at most ``Limits/setsPerGroup``).
    struct Limits: Sendable {
        /// The most nodes a layer may hold.
        var nodes = 1 << 20
        /// The most sets of nodes the deciding counts may follow in one layer from one node.
        var sets = 1 << 21
        /// The most sets of nodes the deciding counts follow in one layer from a group of
        /// nodes before the group is split in two: about 2 MiB of sets a layer.
        var setsPerGroup = 1 << 16
    }

    /// The number of levels.
    var levelCount: Int { classSizes.count }

    /// The diagram of `space` scored by `table`; `nil` when the table's scores are not exact
    /// integers of 2^-24 or a layer would exceed `nodeLimit` nodes.
    init?(table: ScoringTable, space: SweepSpace, nodeLimit: Int = Limits().nodes) {
        guard table.strategyCount == 4, SweepPass.tieTolerance(table) == nil, !space.levels.isEmpty else { return nil }
        let compiled = Compiled(table: table, space: space)
        let levelCount = space.levels.count
        var layer = [compiled.normalize(compiled.base, level: 0)]
        var winners: [[Int8]] = []
        var children: [[Int32]] = []
        for level in 0..<levelCount {
            let classCount = space.levels[level].classes.count
            let first = compiled.firstClass[level]
            var next = Layer(capacity: layer.count)
            var row = [Int32](repeating: 0, count: layer.count * classCount)
            for (node, state) in layer.enumerated() {
                for offset in 0..<classCount {
                    let child = state.isSettled ? state : compiled.normalize(compiled.choose(first + offset, state, level: level), level: level + 1)
                    row[node * classCount + offset] = next.id(of: child)
                    guard next.states.count <= nodeLimit else { return nil }
                }
            }
            winners.append(layer.map(\.winner))
            children.append(row)
            layer = next.states
        }
        winners.append(layer.map(\.winner))
        self.space = space
        self.winners = winners
        self.children = children
        classSizes = space.levels.map { $0.classes.map(\.count) }
        let sizes = classSizes.map { $0.reduce(0, +) }
        innerSizes = (0...levelCount).map { level in sizes[level...].reduce(1, *) }
    }
}

/// One node's state: see ``SweepDiagram``.
private struct State: Hashable {
    /// The scores in units of 2^-24, less the first strategy left's; zero for an excluded
    /// strategy. A settled state holds its winner in lane 0.
    var score: SIMD4<Int64>
    /// The strategies excluded (bit per strategy); all bits for a settled state.
    var excluded: UInt32
    /// The rules that may still hold and are not yet added.
    var rules: UInt64
    /// The exclusions that may still hold, are not yet applied and could exclude a strategy left.
    var exclusions: UInt64

    static func settled(_ winner: Int) -> State {
        State(score: SIMD4(Int64(winner), 0, 0, 0), excluded: .max, rules: 0, exclusions: 0)
    }

    var isSettled: Bool { excluded == .max }

    /// The winner of a settled state, -1 for another.
    var winner: Int8 { isSettled ? Int8(score[0]) : -1 }
}

/// The distinct states of one layer, in the order first met, each found by its index in an
/// open-addressing table: a state is held once, not again as a dictionary's key.
private struct Layer {
    private(set) var states: [State] = []
    /// Per slot, a state's index or -1.
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    /// The index of `state`, added when new.
    mutating func id(of state: State) -> Int32 {
        var slot = state.hashValue & (slots.count - 1)
        while slots[slot] >= 0 {
            if states[Int(slots[slot])] == state { return slots[slot] }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(states.count)
        slots[slot] = id
        states.append(state)
        if states.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (index, state) in states.enumerated() {
                var slot = state.hashValue & (slots.count - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
                slots[slot] = Int32(index)
            }
        }
        return id
    }
}

/// A table and space compiled for the diagram, as ``SweepPass`` compiles them: clauses on
/// constant questions settled, each rule added and each exclusion applied at the level of
/// its deepest varied question.
private struct Compiled {
    /// The state before any level.
    let base: State
    /// Per level, the index of its first class in the flat per-class arrays.
    let firstClass: [Int]
    private let vectors: [SIMD4<Int64>]
    private let ruleMasks: [UInt64]
    private let exclusionMasks: [UInt64]
    private let completingRules: [UInt64]
    private let completingExclusions: [UInt64]
    private let rulePoints: [SIMD4<Int64>]
    private let exclusionStrategies: [UInt32]
    /// `gains[level * 16 + leader * 4 + other]`: the most that `other` can gain on `leader`
    /// from the levels from `level` inward (their points and the rules they complete).
    private let gains: [Int64]

    init(table: ScoringTable, space: SweepSpace) {
        let levelCount = space.levels.count
        let levelOf = space.levelOfQuestion
        let constants = space.constants
        func scaled(_ values: SIMD4<Double>) -> SIMD4<Int64> {
            let units = (values * 16_777_216).rounded(.toNearestOrEven)
            return SIMD4(Int64(units[0]), Int64(units[1]), Int64(units[2]), Int64(units[3]))
        }
        var score = scaled(SIMD4(table.baseline))
        for (question, option) in constants.enumerated() where levelOf[question] == nil && option != ScoringTable.unanswered {
            score &+= scaled(SweepPass.vector(table, question, option))
        }
        let rulePoints = table.rules.map { scaled(SIMD4($0.points)) }
        self.rulePoints = rulePoints
        exclusionStrategies = table.exclusions.map(\.strategies.rawValue)
        var rules: UInt64 = 0
        var ruleLevels = [Int?](repeating: nil, count: table.rules.count)
        var completingRules = [UInt64](repeating: 0, count: levelCount)
        for (index, rule) in table.rules.enumerated() {
            let (holds, level) = space.settle(rule.clauses, levelOf: levelOf)
            guard holds else { continue }
            if let level {
                rules |= 1 << UInt64(index)
                completingRules[level] |= 1 << UInt64(index)
                ruleLevels[index] = level
            } else {
                score &+= rulePoints[index]
            }
        }
        let (exclusions, excluded, completingExclusions) = space.settleExclusions(of: table, levelOf: levelOf)
        base = State(score: score, excluded: excluded, rules: rules, exclusions: exclusions)
        self.completingRules = completingRules
        self.completingExclusions = completingExclusions

        let scored = space.levels.flatMap { level in level.classes.map { (question: level.question, option: $0[0]) } }
        let firstClass = space.levels.indices.map { index in space.levels[..<index].reduce(0) { $0 + $1.classes.count } }
        self.firstClass = firstClass
        let vectors = scored.map { $0.option == ScoringTable.unanswered ? .zero : scaled(SweepPass.vector(table, $0.question, $0.option)) }
        self.vectors = vectors
        ruleMasks = scored.map { SweepSpace.possible(table.rules.map(\.clauses), $0.question, $0.option) }
        exclusionMasks = scored.map { SweepSpace.possible(table.exclusions.map(\.clauses), $0.question, $0.option) }

        var gains = [Int64](repeating: 0, count: (levelCount + 1) * 16)
        for level in stride(from: levelCount - 1, through: 0, by: -1) {
            let classes = firstClass[level]..<(firstClass[level] + space.levels[level].classes.count)
            let completing = rulePoints.indices.filter { ruleLevels[$0] == level }.map { rulePoints[$0] }
            for leader in 0..<4 {
                for other in 0..<4 {
                    let points = classes.map { vectors[$0][other] - vectors[$0][leader] }.max() ?? 0
                    let rules = completing.reduce(Int64(0)) { $0 + max(0, $1[other] - $1[leader]) }
                    gains[level * 16 + leader * 4 + other] = gains[(level + 1) * 16 + leader * 4 + other] + points + rules
                }
            }
        }
        self.gains = gains
    }

    /// The state after choosing the class at flat `index` of `level` in `state`: its points
    /// and those of the rules it completes added, the exclusions it completes applied.
    @inline(__always)
    func choose(_ index: Int, _ state: State, level: Int) -> State {
        var next = state
        next.score &+= vectors[index]
        next.rules &= ruleMasks[index]
        var completed = next.rules & completingRules[level]
        next.rules &= ~completed
        while completed != 0 {
            next.score &+= rulePoints[completed.trailingZeroBitCount]
            completed &= completed &- 1
        }
        next.exclusions &= exclusionMasks[index]
        completed = next.exclusions & completingExclusions[level]
        next.exclusions &= ~completed
        while completed != 0 {
            next.excluded |= exclusionStrategies[completed.trailingZeroBitCount]
            completed &= completed &- 1
        }
        return next
    }

    /// `state` before `level` in its one form: settled when its winner is, with what cannot
    /// change the winner dropped (exclusions of strategies already excluded, rules that add
    /// the same to every strategy left) and scores taken relative to the first strategy left.
    func normalize(_ state: State, level: Int) -> State {
        let left = ~state.excluded & 0b1111
        guard left != 0 else { return .settled(SweepPass.noStrategy) }
        var next = state
        var pending = state.exclusions
        while pending != 0 {
            let index = pending.trailingZeroBitCount
            if exclusionStrategies[index] & left == 0 { next.exclusions &= ~(1 << UInt64(index)) }
            pending &= pending &- 1
        }
        let reference = left.trailingZeroBitCount
        pending = state.rules
        while pending != 0 {
            let index = pending.trailingZeroBitCount
            let points = rulePoints[index]
            if (0..<4).allSatisfy({ left & (1 << UInt32($0)) == 0 || points[$0] == points[reference] }) {
                next.rules &= ~(1 << UInt64(index))
            }
            pending &= pending &- 1
        }
        var threatened: UInt32 = 0
        pending = next.exclusions
        while pending != 0 {
            threatened |= exclusionStrategies[pending.trailingZeroBitCount]
            pending &= pending &- 1
        }
        for leader in 0..<4 where left & (1 << UInt32(leader)) != 0 && threatened & (1 << UInt32(leader)) == 0 {
            if isSettled(next.score, left: left, leader: leader, level: level) { return .settled(leader) }
        }
        var score = SIMD4<Int64>.zero
        for strategy in 0..<4 where left & (1 << UInt32(strategy)) != 0 {
            score[strategy] = next.score[strategy] - next.score[reference]
        }
        next.score = score
        return next
    }

    /// Whether `leader` wins whatever the levels from `level` inward add: ahead of every other
    /// strategy left by more than it can gain, or by exactly that and earlier in the rubric.
    private func isSettled(_ score: SIMD4<Int64>, left: UInt32, leader: Int, level: Int) -> Bool {
        for other in 0..<4 where other != leader && left & (1 << UInt32(other)) != 0 {
            let margin = score[leader] - score[other] - gains[level * 16 + leader * 4 + other]
            if margin < 0 || (margin == 0 && other < leader) { return false }
        }
        return true
    }
}
