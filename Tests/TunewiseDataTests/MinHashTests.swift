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
