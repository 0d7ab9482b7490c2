/// Counts each group's winners into the cell of the map questions' answers. The map
/// questions have one value per class.
struct MapVisitor: SweepVisitor {
    let row: Int
    let column: Int
    let columnCount: Int
    var cells: [Tally]

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

/// Stops at the first group whose winners match.
struct SearchVisitor: SweepVisitor {
    let isMatch: (UnsafeMutableBufferPointer<UInt8>) -> Bool

    func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        isMatch(winners)
    }
}

/// Keeps the winners of one block of situations and counts, for each of the block's levels,
/// the groups of situations that differ only in that level's answer and whose winners differ.
struct DecidingVisitor: SweepVisitor {
    /// Per block level, outermost first, its classes' sizes; the last level is the innermost.
    let classSizes: [[Int]]
    /// Per block level, the groups with differing winners, each counted as the number of
    /// situations per value it stands for.
    private(set) var decidedGroups: [Int]
    private let strides: [Int]
    private let winners: UnsafeMutableBufferPointer<UInt8>
    /// Per situation of the block, the product of its classes' sizes.
    private let weights: UnsafeMutableBufferPointer<Int>
    private var filled = 0
    /// The product of the class sizes of the levels outside the block.
    private var outerWeight = 0

    init(classSizes: [[Int]]) {
        self.classSizes = classSizes
        decidedGroups = Array(repeating: 0, count: classSizes.count)
        strides = classSizes.indices.map { classSizes[($0 + 1)...].reduce(1) { $0 * $1.count } }
        let size = classSizes.reduce(1) { $0 * $1.count }
        winners = .allocate(capacity: size)
        weights = .allocate(capacity: size)
        for index in 0..<size {
            weights[index] = zip(classSizes, strides).reduce(1) { $0 * $1.0[index / $1.1 % $1.0.count] }
        }
    }

    func release() {
        winners.deallocate()
        weights.deallocate()
    }

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
