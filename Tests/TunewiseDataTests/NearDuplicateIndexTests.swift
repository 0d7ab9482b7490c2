import Testing

@testable import TunewiseData

/// The band groups, sorted by counting, insertion and radix sorts, find the near-duplicates
/// that a plain sort of each band's keys finds.
struct NearDuplicateIndexTests {
    /// The matches as the index found them before its sorts were specialised: each band's
    /// (key, index) pairs sorted by Swift's sort.
    static func plainMatches(_ signatures: [MinHashSignature], lines: [Int]) -> [Int] {
        var earlier = [Int](repeating: 0, count: signatures.count)
        for band in 0..<MinHashSignature.bandCount where signatures.count > 1 {
            let entries = signatures.indices.map { UInt64(signatures[$0].band(band)) << 32 | UInt64($0) }.sorted()
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count, entries[end] >> 32 == entries[start] >> 32 { end += 1 }
                for later in (start + 1)..<max(start + 1, end) {
                    let laterIndex = Int(entries[later] & 0xFFFF_FFFF)
                    guard earlier[laterIndex] == 0 else { continue }
                    for candidate in max(start, later - NearDuplicateIndex.comparisonLimit)..<later
                    where signatures[Int(entries[candidate] & 0xFFFF_FFFF)].isNear(signatures[laterIndex]) {
                        earlier[laterIndex] = lines[Int(entries[candidate] & 0xFFFF_FFFF)]
                        break
                    }
                }
                start = end
            }
        }
        return earlier
    }

    /// Sketches drawn from few bin values, so that band keys collide in buckets large and
    /// small, with keys that differ only in their low bits.
    @Test(arguments: [3, 16, 200])
    func findsWhatAPlainSortFinds(values: Int) {
        var generator = SplitMix(seed: UInt64(values))
        var index = NearDuplicateIndex()
        var signatures: [MinHashSignature] = []
        var lines: [Int] = []
        for line in 1...5_000 {
            func word() -> UInt64 {
                (0..<8).reduce(0) { word, byte in word | UInt64(generator.next() % UInt64(values)) << (8 * UInt64(byte)) }
            }
            let signature = MinHashSignature(words: (word(), word(), word()))
            signatures.append(signature)
            lines.append(line * 2)
            index.append(signature, line: line * 2)
        }
        #expect(index.earlierNearMatches() == Self.plainMatches(signatures, lines: lines))
    }
}
