/// What a ``SweepDiagram`` counts: the whole space's situations by winner, each class's
/// marginal and, when asked, the tallies of one layer's nodes.
struct DiagramCounts {
    /// The space's situations by winner.
    var tally: Tally
    /// Per level, per class: the situations with one given value of that class, by winner.
    var marginals: [[Tally]]
    /// Per node of the layer asked for: the situations of its subtree by winner.
    var layer: [Tally]
}

extension SweepDiagram {
    /// The counts, layer by layer from the winners up: a node's tally is its children's,
    /// each times its class's size, and a class's marginal adds, over the nodes of its level,
    /// the tally of the child it leads to times the situations of the outer levels that lead
    /// to the node. Only two layers of tallies are held at a time.
    /// - Parameters:
    ///   - weights: the ``pathWeights()``.
    ///   - keeping: the layer whose tallies to return, if any.
    /// - Complexity: O(*E*) for the *E* edges of the diagram.
    func counts(_ weights: [[Int]], keeping kept: Int? = nil) -> DiagramCounts {
        var below = winners[levelCount].map { winner in
            var tally = Tally.zero
            tally[Int(winner)] = 1
            return tally
        }
        var layer = kept == levelCount ? below : []
        var marginals = [[Tally]](repeating: [], count: levelCount)
        for level in stride(from: levelCount - 1, through: 0, by: -1) {
            let sizes = classSizes[level]
            let row = children[level]
            var levelMarginals = [Tally](repeating: .zero, count: sizes.count)
            for (node, weight) in weights[level].enumerated() where weight != 0 {
                for offset in sizes.indices {
                    levelMarginals[offset] &+= below[Int(row[node * sizes.count + offset])] &* weight
                }
            }
            marginals[level] = levelMarginals
            below = winners[level].indices.map { node in
                var tally = Tally.zero
                let winner = Int(winners[level][node])
                guard winner < 0 else {
                    tally[winner] = innerSizes[level]
                    return tally
                }
                for (offset, size) in sizes.enumerated() {
                    tally &+= below[Int(row[node * sizes.count + offset])] &* size
                }
                return tally
            }
            if kept == level { layer = below }
        }
        return DiagramCounts(tally: below[0], marginals: marginals, layer: layer)
    }

    /// Per layer, per node: the situations of the outer levels that lead to it, each level
    /// counted by its number of values.
    func pathWeights() -> [[Int]] {
        var weights = [[1]]
        for level in 0..<levelCount { weights.append(pathWeights(below: level, weights[level])) }
        return weights
    }

    /// The path weights of layer `level + 1` from those of layer `level`.
    private func pathWeights(below level: Int, _ weights: [Int]) -> [Int] {
        var below = [Int](repeating: 0, count: winners[level + 1].count)
        let sizes = classSizes[level]
        let row = children[level]
        for (node, weight) in weights.enumerated() where weight != 0 {
            for (offset, size) in sizes.enumerated() {
                below[Int(row[node * sizes.count + offset])] &+= weight &* size
            }
        }
        return below
    }

    /// The node of layer `path.count` reached by the classes `path` of the outermost levels.
    func node(at path: [Int]) -> Int {
        var node = 0
        for (level, offset) in path.enumerated() {
            node = Int(children[level][node * classSizes[level].count + offset])
        }
        return node
    }

    /// For each level, the situations in which another value of its question alone would
    /// change the winner.
    ///
    /// A line is the situations that differ only in one level's answer. When its winners are
    /// not all the same, each of its situations has another value that changes the winner, so
    /// the level decides its whole line: the count is the lines with differing winners times
    /// the level's number of values. The lines through a node are those of its children's
    /// subtrees taken together: they differ below exactly where the set of nodes reached
    /// class by class holds two different nodes (distinct nodes of a layer are distinct
    /// states, and two settled ones differ everywhere below). So the sets of nodes are
    /// followed down layer by layer, each counted once with the situations of the outer
    /// levels that reach it, until they merge into one node or hold two settled ones.
    /// The nodes of a layer are followed in groups (``Limits/setsPerGroup``), so that the sets
    /// held stay few whatever the diagram.
    /// - Parameters:
    ///   - setsPerGroup: the most sets a group may hold in a layer before it is split in two.
    ///   - progress: told the fraction of the levels done.
    /// - Complexity: O(*S* · *c* · *m*) for the *S* distinct sets of nodes met, at most *c*
    ///   classes per level and *m* per deciding level (sets that split groups share counted once
    ///   a group); memory O(min(*S*, `setsPerGroup`)) for the two layers of sets at hand, and one
    ///   layer of path weights.
    /// - Returns: per level, the count; `nil` when a layer of sets from one node would exceed `setLimit`.
    func decidingCounts(setLimit: Int = Limits().sets, setsPerGroup: Int = Limits().setsPerGroup, progress: ProgressHandler? = nil)
        -> [Int]?
    {
        var weights = [1]
        var counts: [Int] = []
        for level in 0..<levelCount {
            guard let lines = lines(deciding: level, weights, setLimit: setLimit, setsPerGroup: setsPerGroup) else { return nil }
            counts.append(lines * (innerSizes[level] / innerSizes[level + 1]))
            weights = pathWeights(below: level, weights)
            progress?(Double(level + 1) / Double(levelCount))
        }
        return counts
    }

    /// The lines through `level` whose winners differ, from the path weights of its layer;
    /// `nil` when the sets one set of nodes leads to in a layer would exceed `setLimit`.
    ///
    /// The count is a sum over the sets followed, so they may be followed in groups: the first
    /// layer's sets are taken `setsPerGroup` at a time, and a group whose sets in the next layer
    /// would outgrow that is split in two, each half followed on its own (a set that two
    /// groups reach is then followed twice). So the sets held stay few whatever the diagram.
    private func lines(deciding level: Int, _ weights: [Int], setLimit: Int, setsPerGroup: Int) -> Int? {
        let width = classSizes[level].count
        guard width > 1 else { return 0 }
        var lines = 0
        var pending: [(sets: NodeSets, depth: Int)] = []
        var first = NodeSets(width: width, capacity: min(weights.count, setsPerGroup))
        var set = [Int32](repeating: -1, count: width)
        let row = children[level]
        for (node, weight) in weights.enumerated() where weight != 0 && winners[level][node] < 0 {
            set.withUnsafeMutableBufferPointer { NodeSets.clear($0) }
            for offset in 0..<width { set.withUnsafeMutableBufferPointer { NodeSets.insert(row[node * width + offset], into: $0) } }
            lines &+= count(set, depth: level + 1, weight: weight, orHoldIn: &first)
            if first.count >= setsPerGroup {
                pending.append((first, level + 1))
                first = NodeSets(width: width, capacity: setsPerGroup)
            }
        }
        pending.append((first, level + 1))
        while let (layer, depth) = pending.popLast() {
            guard depth < levelCount, layer.count > 0 else { continue }
            let limit = layer.count > 1 ? min(setLimit, setsPerGroup) : setLimit
            if let (next, counted) = follow(layer, below: depth, limit: limit) {
                lines &+= counted
                pending.append((next, depth + 1))
            } else {
                guard layer.count > 1 else { return nil }
                let (front, back) = layer.halves()
                pending += [(back, depth), (front, depth)]
            }
        }
        return lines
    }

    /// The sets of layer `depth + 1` that `layer`'s sets (of layer `depth`) lead to class by
    /// class, and the lines counted on the way; `nil` when they would be more than `limit`.
    private func follow(_ layer: NodeSets, below depth: Int, limit: Int) -> (NodeSets, Int)? {
        let width = layer.width
        let sizes = classSizes[depth]
        let row = children[depth]
        var next = NodeSets(width: width, capacity: layer.count)
        var lines = 0
        var set = [Int32](repeating: -1, count: width)
        for entry in 0..<layer.count {
            let weight = layer.weights[entry]
            for (offset, size) in sizes.enumerated() {
                set.withUnsafeMutableBufferPointer { set in
                    NodeSets.clear(set)
                    for position in 0..<width {
                        let node = layer.keys[entry * width + position]
                        guard node >= 0 else { break }
                        NodeSets.insert(row[Int(node) * sizes.count + offset], into: set)
                    }
                }
                lines &+= count(set, depth: depth + 1, weight: weight &* size, orHoldIn: &next)
                if next.count > limit { return nil }
            }
        }
        return (next, lines)
    }

    /// The lines `set` (of layer `depth`) stands for, `weight` of them, when its nodes are all
    /// settled or two of them are (or it is a leaf); else 0, and it is held in `sets` to be
    /// followed further. A set of one node (merged) counts nothing.
    private func count(_ set: [Int32], depth: Int, weight: Int, orHoldIn sets: inout NodeSets) -> Int {
        guard set[1] >= 0 else { return 0 }
        var settled = 0
        for node in set where node >= 0 && winners[depth][Int(node)] >= 0 { settled += 1 }
        if settled >= 2 || depth == levelCount || set.allSatisfy({ $0 < 0 || winners[depth][Int($0)] >= 0 }) {
            return weight &* innerSizes[depth]
        }
        sets.add(set, weight: weight)
        return 0
    }
}

/// Sets of nodes of one layer, each with a weight: each set at most `width` nodes, held in
/// increasing order and padded with -1, so that a set has one form; adding a set already
/// held adds to its weight.
private struct NodeSets {
    let width: Int
    /// `width` entries per set.
    private(set) var keys: [Int32] = []
    private(set) var weights: [Int] = []
    /// Open addressing: per slot, a set's index or -1.
    private var slots: [Int32]
    private var mask: Int

    init(width: Int, capacity: Int) {
        self.width = width
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity * width)
        weights.reserveCapacity(capacity)
    }

    var count: Int { weights.count }

    mutating func add(_ set: [Int32], weight: Int) {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for node in set { hash = (hash ^ UInt64(UInt32(bitPattern: node))) &* 0xBF58_476D_1CE4_E5B9 }
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if (0..<width).allSatisfy({ keys[entry * width + $0] == set[$0] }) {
                weights[entry] &+= weight
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(weights.count)
        keys.append(contentsOf: set)
        weights.append(weight)
        if weights.count * 4 > slots.count * 3 { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for entry in 0..<weights.count {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for position in 0..<width { hash = (hash ^ UInt64(UInt32(bitPattern: keys[entry * width + position]))) &* 0xBF58_476D_1CE4_E5B9 }
            var slot = Int(truncatingIfNeeded: hash >> 20) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// The sets split in two halves, in order, each with its weights.
    func halves() -> (NodeSets, NodeSets) {
        let middle = count / 2
        var front = NodeSets(width: width, capacity: middle)
        var back = NodeSets(width: width, capacity: count - middle)
        for entry in 0..<count {
            let set = Array(keys[entry * width..<(entry + 1) * width])
            if entry < middle { front.add(set, weight: weights[entry]) } else { back.add(set, weight: weights[entry]) }
        }
        return (front, back)
    }

    static func clear(_ set: UnsafeMutableBufferPointer<Int32>) {
        set.update(repeating: -1)
    }

    /// Inserts `node` into the ordered, padded `set` unless it holds it.
    static func insert(_ node: Int32, into set: UnsafeMutableBufferPointer<Int32>) {
        var position = 0
        while position < set.count, set[position] >= 0, set[position] < node { position += 1 }
        guard position < set.count, set[position] != node else { return }
        var index = set.count - 1
        while index > position {
            set[index] = set[index - 1]
            index -= 1
        }
        set[position] = node
    }
}
