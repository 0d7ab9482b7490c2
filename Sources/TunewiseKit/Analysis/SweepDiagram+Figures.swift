extension SweepDiagram {
    /// Per layer, per node: the situations of its subtree by winner, each of the levels from
    /// that layer inward counted by its number of values.
    /// - Complexity: O(*E*) for the *E* edges of the diagram.
    func tallies() -> [[Tally]] {
        var tallies = [[Tally]](repeating: [], count: levelCount + 1)
        tallies[levelCount] = winners[levelCount].map { winner in
            var tally = Tally.zero
            tally[Int(winner)] = 1
            return tally
        }
        for level in stride(from: levelCount - 1, through: 0, by: -1) {
            let sizes = classSizes[level]
            let row = children[level]
            let below = tallies[level + 1]
            tallies[level] = winners[level].indices.map { node in
                let winner = Int(winners[level][node])
                guard winner < 0 else {
                    var tally = Tally.zero
                    tally[winner] = innerSizes[level]
                    return tally
                }
                var tally = Tally.zero
                for (offset, size) in sizes.enumerated() {
                    tally &+= below[Int(row[node * sizes.count + offset])] &* size
                }
                return tally
            }
        }
        return tallies
    }

    /// Per layer, per node: the situations of the outer levels that lead to it, each level
    /// counted by its number of values.
    func pathWeights() -> [[Int]] {
        var weights = winners.map { [Int](repeating: 0, count: $0.count) }
        weights[0][0] = 1
        for level in 0..<levelCount {
            let sizes = classSizes[level]
            let row = children[level]
            for node in weights[level].indices where weights[level][node] != 0 {
                for (offset, size) in sizes.enumerated() {
                    weights[level + 1][Int(row[node * sizes.count + offset])] &+= weights[level][node] &* size
                }
            }
        }
        return weights
    }

    /// Per level, per class: the situations with one given value of that class, by winner.
    func marginals(_ tallies: [[Tally]], _ weights: [[Int]]) -> [[Tally]] {
        (0..<levelCount).map { level in
            let sizes = classSizes[level]
            let row = children[level]
            var marginals = [Tally](repeating: .zero, count: sizes.count)
            for (node, weight) in weights[level].enumerated() where weight != 0 {
                for offset in sizes.indices {
                    marginals[offset] &+= tallies[level + 1][Int(row[node * sizes.count + offset])] &* weight
                }
            }
            return marginals
        }
    }

    /// The situations below the node reached by the classes `path` of the outermost levels.
    func tally(_ tallies: [[Tally]], at path: [Int]) -> Tally {
        var node = 0
        for (level, offset) in path.enumerated() {
            node = Int(children[level][node * classSizes[level].count + offset])
        }
        return tallies[path.count][node]
    }

    /// For each level, the situations in which another value of its question alone would
    /// change the winner.
    ///
    /// A line is the situations that differ only in one level's answer. When its winners are
    /// not all the same, each of its situations has another value that changes the winner, so
    /// the level decides its whole line: the count is the lines with differing winners times
    /// the level's number of values. The lines through a node are those of its children's
    /// subtrees taken together; they differ below exactly where the set of nodes reached
    /// class by class holds two different nodes (distinct nodes of a layer are distinct
    /// states, and two settled ones differ everywhere), so each set of nodes is followed
    /// down once and remembered.
    /// - Parameter progress: told the fraction of the levels done.
    /// - Complexity: O(*S* · *c*) for the *S* distinct sets of nodes met and at most *c*
    ///   classes per level; memory O(*S*).
    func decidingCounts(_ weights: [[Int]], progress: ProgressHandler? = nil) -> [Int] {
        var memo: [NodeSet: Int] = [:]
        func differing(_ set: NodeSet) -> Int {
            guard set.count > 1 else { return 0 }
            let level = Int(set.level)
            guard level < levelCount else { return 1 }
            var settled: Int8 = -1
            var isFollowed = false
            set.forEach { node in
                let winner = winners[level][node]
                if winner < 0 {
                    isFollowed = true
                } else if settled >= 0 {
                    settled = Int8.max
                } else {
                    settled = winner
                }
            }
            // Two settled nodes differ throughout the subtree.
            if settled == Int8.max || !isFollowed { return innerSizes[level] }
            if let known = memo[set] { return known }
            let sizes = classSizes[level]
            var total = 0
            for (offset, size) in sizes.enumerated() {
                var next = NodeSet(level: level + 1)
                set.forEach { next.insert(children[level][$0 * sizes.count + offset]) }
                total &+= size &* differing(next)
            }
            memo[set] = total
            return total
        }
        return (0..<levelCount).map { level in
            defer { progress?(Double(level + 1) / Double(levelCount)) }
            let sizes = classSizes[level]
            guard sizes.count > 1 else { return 0 }
            var lines = 0
            for (node, weight) in weights[level].enumerated() where weight != 0 && winners[level][node] < 0 {
                var set = NodeSet(level: level + 1)
                for offset in sizes.indices { set.insert(children[level][node * sizes.count + offset]) }
                lines &+= weight &* differing(set)
            }
            return lines &* (innerSizes[level] / innerSizes[level + 1])
        }
    }
}

/// A set of nodes of one layer, in one form whatever the order of insertion: up to eight
/// held inline in order, more in an array in order.
private struct NodeSet: Hashable {
    var level: Int32
    private(set) var count: Int32 = 0
    private var small = SIMD8<Int32>(repeating: -1)
    private var large: [Int32] = []

    init(level: Int) {
        self.level = Int32(level)
    }

    mutating func insert(_ node: Int32) {
        if count < 8 {
            var position = Int(count)
            for index in 0..<Int(count) {
                if small[index] == node { return }
                if small[index] > node {
                    position = index
                    break
                }
            }
            var index = Int(count)
            while index > position {
                small[index] = small[index - 1]
                index -= 1
            }
            small[position] = node
            count += 1
            return
        }
        if count == 8 {
            guard !(0..<8).contains(where: { small[$0] == node }) else { return }
            large = (0..<8).map { small[$0] } + [node]
            large.sort()
            small = SIMD8(repeating: -1)
        } else {
            guard !large.contains(node) else { return }
            large.append(node)
            large.sort()
        }
        count += 1
    }

    func forEach(_ body: (Int) -> Void) {
        if count <= 8 {
            for index in 0..<Int(count) { body(Int(small[index])) }
        } else {
            for node in large { body(Int(node)) }
        }
    }
}
