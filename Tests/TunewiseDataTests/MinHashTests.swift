import Testing

@testable import TunewiseData

/// The MinHash sketch estimates how much two sets of features overlap, whatever their order.
struct MinHashTests {
    static func signature(_ features: [UInt64]) -> MinHashSignature {
        var accumulator = MinHashAccumulator()
        for feature in features { accumulator.add(feature) }
        return accumulator.signature()
    }

    /// `shared` features common to two sets and `own` features each of their own.
    static func pair(shared: Int, own: Int, using generator: inout SplitMix) -> ([UInt64], [UInt64]) {
        let common = (0..<shared).map { _ in generator.next() }
        return (common + (0..<own).map { _ in generator.next() }, common + (0..<own).map { _ in generator.next() })
    }

    /// Empty bins take the next full bin's value, shifted by how far it is, as a walk from
    /// each bin to the right finds it: sketches of 0 to 120 features, most with empty bins.
    @Test func fillsEmptyBinsAsAWalkToTheRightDoes() {
        var generator = SplitMix(seed: 0xB1)
        for count in 0...120 {
            var accumulator = MinHashAccumulator()
            for _ in 0..<count { accumulator.add(generator.next()) }
            var bins = [UInt32](repeating: .max, count: MinHashSignature.binCount)
            accumulator.withBins { for bin in bins.indices { bins[bin] = $0.base[bin] } }
            let walked = bins.indices.map { bin in
                var (source, distance) = (bin, UInt32(0))
                while bins[source] == .max, distance < UInt32(bins.count) {
                    source = (source + 1) % bins.count
                    distance += 1
                }
                return UInt8(truncatingIfNeeded: bins[source] &+ distance &* 0x9E37_79B9)
            }
            #expect(accumulator.signature().bins == walked, "\(count) features")
        }
    }

    @Test func dependsOnTheSetOfFeaturesOnly() {
        var generator = SplitMix(seed: 1)
        for count in [1, 2, 7, 23, 24, 25, 100, 1000] {
            let features = (0..<count).map { _ in generator.next() }
            let expected = Self.signature(features)
            #expect(Self.signature(features.reversed()) == expected, "\(count) features")
            #expect(Self.signature(features + features.prefix(count / 2)) == expected, "\(count) features, some twice")
        }
    }

    @Test(arguments: [(shared: 0, own: 60), (shared: 40, own: 40), (shared: 120, own: 30), (shared: 190, own: 5)])
    func binsAgreeAsOftenAsTheSetsOverlap(shared: Int, own: Int) {
        var generator = SplitMix(seed: UInt64(shared * 1000 + own))
        let trials = 400
        var agreeing = 0
        for _ in 0..<trials {
            let (first, second) = Self.pair(shared: shared, own: own, using: &generator)
            agreeing += Self.signature(first).matches(Self.signature(second))
        }
        let jaccard = Double(shared) / Double(shared + 2 * own)
        let measured = Double(agreeing) / Double(trials * MinHashSignature.binCount)
        #expect(abs(measured - jaccard) < 0.03, "Jaccard \(jaccard), bins agreeing \(measured)")
    }

    @Test func shortSetsFillEveryBin() {
        var generator = SplitMix(seed: 3)
        // Six features leave most bins empty; borrowed values still agree when the sets do.
        let (first, second) = Self.pair(shared: 6, own: 0, using: &generator)
        #expect(Self.signature(first).matches(Self.signature(second)) == MinHashSignature.binCount)
        let other = (0..<6).map { _ in generator.next() }
        #expect(Self.signature(first).matches(Self.signature(other)) < 6)
    }

    @Test func countsAgreeingBinsAsComparingThemOneByOne() {
        var generator = SplitMix(seed: 4)
        for _ in 0..<500 {
            let first = (0..<3).map { _ in generator.next() }
            // Some bytes equal, some not.
            let second = first.map { $0 ^ (generator.next() & generator.next() & generator.next()) }
            let signatures = [first, second].map { MinHashSignature(words: ($0[0], $0[1], $0[2])) }
            let plain = zip(signatures[0].bins, signatures[1].bins).count { $0 == $1 }
            #expect(signatures[0].matches(signatures[1]) == plain)
        }
    }
}

extension MinHashTests {
    /// The sketch as the bins define it, one bin at a time: each bin's least value, an empty
    /// bin (or one whose least value is the largest, which reads as empty) filled from the next
    /// full one to its right, shifted by how far it was.
    static func referenceSignature(_ features: [UInt64]) -> [UInt8] {
        let binCount = MinHashSignature.binCount
        var bins = [UInt32?](repeating: nil, count: binCount)
        for feature in features {
            let bin = Int(((feature >> 32) * UInt64(binCount)) >> 32)
            bins[bin] = min(bins[bin] ?? .max, UInt32(truncatingIfNeeded: feature))
        }
        bins = bins.map { $0 == UInt32.max ? nil : $0 }
        return (0..<binCount).map { bin in
            for distance in 0..<binCount {
                if let value = bins[(bin + distance) % binCount] { return UInt8(truncatingIfNeeded: value &+ UInt32(distance) &* 0x9E37_79B9) }
            }
            return UInt8(truncatingIfNeeded: UInt32.max &+ UInt32(binCount) &* 0x9E37_79B9)
        }
    }

    /// Sketches with every bin full (read with vector operations) and with some empty (filled
    /// by rotation) match the bin-by-bin reference, as do features whose value is the
    /// largest a bin holds.
    @Test func fullAndSparseSketchesMatchTheReference() {
        var generator = SplitMix(seed: 0x516)
        for count in [0, 1, 2, 5, 12, 23, 24, 40, 80, 200] {
            for _ in 0..<200 {
                var features = (0..<count).map { _ in generator.next() }
                if count > 0, generator.next() % 4 == 0 { features[0] |= 0xFFFF_FFFF }
                #expect(Self.signature(features).bins == Self.referenceSignature(features), "\(count) features")
            }
        }
    }
}
