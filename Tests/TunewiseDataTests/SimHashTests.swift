import Testing

@testable import TunewiseData

/// The SimHash accumulator counts each lane as plainly counting its bits would.
struct SimHashTests {
    /// The fingerprint by counting each lane's bits one feature at a time.
    static func plainFingerprint(_ features: [UInt64]) -> UInt64 {
        var result: UInt64 = 0
        for lane in 0..<64 {
            let ones = features.count { $0 >> UInt64(lane) & 1 == 1 }
            if ones * 2 > features.count { result |= 1 << UInt64(lane) }
        }
        return result
    }

    @Test func countsEveryLaneOfAnyNumberOfFeatures() {
        var generator = SystemRandomNumberGenerator()
        for count in Array(0...40) + [247, 248, 255, 256, 257, 263, 264, 511, 600, 1000, 2049] {
            // Random features, and skewed ones whose lanes sit near the majority.
            let random = (0..<count).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
            let skewed = (0..<count).map { index in index % 3 == 0 ? UInt64.max : random[index] & random[(index + 1) % count] }
            for features in [random, skewed] {
                var accumulator = SimHashAccumulator()
                for feature in features { accumulator.add(feature) }
                #expect(accumulator.featureCount == features.count)
                #expect(accumulator.fingerprint() == Self.plainFingerprint(features), "\(count) features")
            }
        }
    }
}
