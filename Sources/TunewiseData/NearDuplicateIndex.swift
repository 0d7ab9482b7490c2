/// SimHash fingerprints of a file's examples, kept in the order read (16 bytes an example),
/// and compared once the file is read.
///
/// Each fingerprint is split into four 16-bit bands; two fingerprints at most
/// ``maximumDistance`` bits apart share at least one band exactly. So for each band the
/// fingerprints are sorted by that band with a counting sort, and only those in the same
/// group are compared, in memory order: linear time, with no table lookups while reading.
public struct NearDuplicateIndex: Sendable {
    /// The most bits in which the fingerprints of near-duplicates differ.
    public static let maximumDistance = 3
    /// The most earlier fingerprints of the same band value each one is compared with, so that
    /// thousands of near-identical examples stay linear.
    static let comparisonLimit = 64
    private static let bandCount = 4

    private var fingerprints: [UInt64] = []
    /// The line of each fingerprint's example.
    private(set) var lines: [Int] = []

    public init() {}

    /// How many fingerprints are kept.
    public var count: Int { fingerprints.count }

    /// Keeps the fingerprint of the example at `line`; lines must increase.
    mutating func append(_ fingerprint: UInt64, line: Int) {
        fingerprints.append(fingerprint)
        lines.append(line)
    }

    /// For each fingerprint in order, the line of an earlier one within ``maximumDistance``
    /// bits, or 0.
    func earlierNearMatches() -> [Int] {
        var earlier = [Int](repeating: 0, count: count)
        for band in 0..<Self.bandCount where count > 1 {
            let groups = BandGroups(fingerprints, band: band)
            groups.forEachGroup { range in
                for later in range.dropFirst() where earlier[Int(groups.indices[later])] == 0 {
                    for candidate in max(range.lowerBound, later - Self.comparisonLimit)..<later
                    where Self.areNear(groups.sorted[candidate], groups.sorted[later]) {
                        earlier[Int(groups.indices[later])] = lines[Int(groups.indices[candidate])]
                        break
                    }
                }
            }
        }
        return earlier
    }

    /// How many of these fingerprints have one in `reference` within ``maximumDistance`` bits.
    func countNear(in reference: NearDuplicateIndex) -> Int {
        var matched = [Bool](repeating: false, count: count)
        for band in 0..<Self.bandCount where count > 0 && reference.count > 0 {
            let queries = BandGroups(fingerprints, band: band)
            let known = BandGroups(reference.fingerprints, band: band)
            for value in 0..<BandGroups.valueCount {
                let candidates = known.group(value).suffix(Self.comparisonLimit)
                guard !candidates.isEmpty else { continue }
                for query in queries.group(value) where !matched[Int(queries.indices[query])] {
                    if candidates.contains(where: { Self.areNear(known.sorted[$0], queries.sorted[query]) }) {
                        matched[Int(queries.indices[query])] = true
                    }
                }
            }
        }
        return matched.count { $0 }
    }

    @inline(__always)
    private static func areNear(_ first: UInt64, _ second: UInt64) -> Bool {
        (first ^ second).nonzeroBitCount <= maximumDistance
    }
}

/// Fingerprints sorted by one 16-bit band with a stable counting sort: each band value's
/// fingerprints together, in their original order.
private struct BandGroups {
    static let valueCount = 1 << 16
    /// The fingerprints in band order.
    var sorted: [UInt64]
    /// For each place in ``sorted``, the fingerprint's original index.
    var indices: [Int32]
    /// Where each band value's group starts in ``sorted``; one more entry ends the last.
    private var starts: [Int32]

    init(_ fingerprints: [UInt64], band: Int) {
        let shift = UInt64(band * 16)
        starts = [Int32](repeating: 0, count: Self.valueCount + 1)
        for fingerprint in fingerprints { starts[Int(truncatingIfNeeded: fingerprint >> shift & 0xFFFF) + 1] += 1 }
        for value in 0..<Self.valueCount { starts[value + 1] += starts[value] }
        var next = starts
        sorted = [UInt64](repeating: 0, count: fingerprints.count)
        indices = [Int32](repeating: 0, count: fingerprints.count)
        for (index, fingerprint) in fingerprints.enumerated() {
            let value = Int(truncatingIfNeeded: fingerprint >> shift & 0xFFFF)
            let place = Int(next[value])
            sorted[place] = fingerprint
            indices[place] = Int32(truncatingIfNeeded: index)
            next[value] += 1
        }
    }

    /// The places in ``sorted`` of the fingerprints with band `value`.
    func group(_ value: Int) -> Range<Int> { Int(starts[value])..<Int(starts[value + 1]) }

    /// Calls `body` with every group of two or more fingerprints.
    func forEachGroup(_ body: (Range<Int>) -> Void) {
        for value in 0..<Self.valueCount {
            let range = group(value)
            if range.count > 1 { body(range) }
        }
    }
}
