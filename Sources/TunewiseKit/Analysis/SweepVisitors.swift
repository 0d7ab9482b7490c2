/// Receives the situations of a sweep, one group at a time.
protocol SweepVisitor {
    /// Called once for each group of situations that differ only in the innermost answer.
    /// - Parameters:
    ///   - winners: the winner for each class of the innermost level, in visiting order
    ///     (a strategy index, or ``SweepPass/noStrategy``).
    ///   - weight: how many situations each scored one stands for through the outer levels'
    ///     classes (the product of their sizes).
    ///   - pass: the pass, whose ``SweepPass/situation`` holds the outer levels' answers.
    /// - Returns: `true` to stop the sweep.
    mutating func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool

    /// Whether the pass may count, without visiting it, the subtree below a class of `level`
    /// whose winner the gates already settle (one strategy left, and no gate below can rule
    /// it out); it then calls ``settle(_:situations:in:)`` instead of visiting its groups.
    func maySettle(below level: Int) -> Bool

    /// Told of a subtree counted without visiting it: `situations` situations, all won by
    /// `winner`, below the answers in `pass`'s ``SweepPass/situation`` at the outer levels.
    /// - Returns: `true` to stop the sweep.
    mutating func settle(_ winner: Int, situations: Int, in pass: SweepPass) -> Bool
}

extension SweepVisitor {
    func maySettle(below level: Int) -> Bool { false }

    func settle(_ winner: Int, situations: Int, in pass: SweepPass) -> Bool { false }
}

/// A visitor that only lets the pass count.
struct CountingVisitor: SweepVisitor {
    func maySettle(below level: Int) -> Bool { true }

    func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool { false }
}

/// Counts each group's winners into the cell of the map questions' answers. The map
/// questions have one value per class, and are the two outermost levels.
struct MapVisitor: SweepVisitor {
    let row: Int
    let column: Int
    let columnCount: Int
    var cells: [Tally]

    /// Below the second level both map answers are known, so a settled subtree has one cell.
    func maySettle(below level: Int) -> Bool { level >= 1 }

    mutating func settle(_ winner: Int, situations: Int, in pass: SweepPass) -> Bool {
        let cell = position(pass.situation[row], pass, row) * columnCount + position(pass.situation[column], pass, column)
        cells[cell][winner] += situations
        return false
    }

    mutating func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        let innermost = pass.innermostQuestion
        for (offset, winner) in winners.enumerated() {
            let rowOption = innermost == row ? pass.innermostOption(offset) : pass.situation[row]
            let columnOption = innermost == column ? pass.innermostOption(offset) : pass.situation[column]
            let cell = position(rowOption, pass, row) * columnCount + position(columnOption, pass, column)
            cells[cell][Int(winner)] += weight * pass.innermostClassSize(offset)
        }
        return false
    }

    /// The value's position among the question's values (unanswered is last).
    private func position(_ option: Int, _ pass: SweepPass, _ question: Int) -> Int {
        option == ScoringTable.unanswered ? pass.table.points[question].count : option
    }
}

/// Stops at the first group whose winners match. `isMatch` must not depend on how often a
/// winner occurs in a group: a subtree whose winner the gates settle is tested as a group
/// of that one winner.
struct SearchVisitor: SweepVisitor {
    let isMatch: (UnsafeMutableBufferPointer<UInt8>) -> Bool

    func maySettle(below level: Int) -> Bool { true }

    func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        isMatch(winners)
    }

    func settle(_ winner: Int, situations: Int, in pass: SweepPass) -> Bool {
        var group = [UInt8(truncatingIfNeeded: winner)]
        return group.withUnsafeMutableBufferPointer { isMatch($0) }
    }
}

/// Keeps the winners of one block of situations and counts, for each of the block's levels,
/// the groups of situations that differ only in that level's answer and whose winners differ.
///
/// The block is the innermost levels. A subtree settled outside it has one winner throughout,
/// so it decides nothing and the pass may skip it; inside the block every winner is kept.
struct DecidingVisitor: SweepVisitor {
    /// Per block level, outermost first, its classes' sizes; the last level is the innermost.
    let classSizes: [[Int]]
    /// Per block level, the groups with differing winners, each counted as the number of
    /// situations per value it stands for.
    private(set) var decidedGroups: [Int]
    /// The pass's level of the block's outermost level.
    private let blockStart: Int
    private let strides: [Int]
    private var winners: [UInt8]
    /// Per situation of the block, the product of its classes' sizes.
    private let weights: [Int]
    private var filled = 0
    /// The product of the class sizes of the levels outside the block.
    private var outerWeight = 0

    /// A visitor for the block of the innermost `classSizes.count` of `levelCount` levels.
    init(classSizes: [[Int]], levelCount: Int) {
        self.classSizes = classSizes
        blockStart = levelCount - classSizes.count
        decidedGroups = Array(repeating: 0, count: classSizes.count)
        let strides = classSizes.indices.map { classSizes[($0 + 1)...].reduce(1) { $0 * $1.count } }
        let size = classSizes.reduce(1) { $0 * $1.count }
        winners = Array(repeating: 0, count: size)
        weights = (0..<size).map { index in
            zip(classSizes, strides).reduce(1) { $0 * $1.0[index / $1.1 % $1.0.count] }
        }
        self.strides = strides
    }

    func maySettle(below level: Int) -> Bool { level < blockStart }

    mutating func visit(_ group: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        if filled == 0 {
            outerWeight = weight / classSizes.dropLast().reduce(1) { $0 * $1[0] }
        }
        let first = group[0]
        if group.contains(where: { $0 != first }) { decidedGroups[classSizes.count - 1] += weight }
        for (offset, winner) in group.enumerated() { winners[filled + offset] = winner }
        filled += group.count
        if filled == winners.count {
            countOuterLevels()
            filled = 0
        }
        return false
    }

    /// For each block level but the innermost, compares the winners `stride` apart.
    private mutating func countOuterLevels() {
        for level in 0..<(classSizes.count - 1) {
            let stride = strides[level]
            let span = stride * classSizes[level].count
            let firstClassSize = classSizes[level][0]
            var groups = 0
            for base in Swift.stride(from: 0, to: winners.count, by: span) {
                for start in base..<(base + stride) {
                    let first = winners[start]
                    var member = start + stride
                    while member < base + span {
                        if winners[member] != first {
                            groups += weights[start] / firstClassSize
                            break
                        }
                        member += stride
                    }
                }
            }
            decidedGroups[level] += groups * outerWeight
        }
    }
}
