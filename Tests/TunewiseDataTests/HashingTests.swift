import Testing

@testable import TunewiseData

/// The byte hash behind exact duplicates: four lanes over 32-byte stripes, then one lane over
/// the rest. It must depend on every byte and on the length, and not on where the bytes lie.
struct HashingTests {
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { Hashing.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
    }

    /// Random bytes of every length up to 200, at every offset from the start of a buffer:
    /// the same bytes hash alike wherever they are, and changing any one byte changes the hash.
    @Test func dependsOnEveryByteAndNotOnPlace() {
        var generator = SplitMix(seed: 0x4A5)
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Self.hash(bytes[...])
            for offset in 1..<8 {
                let shifted = [UInt8](repeating: 0xAA, count: offset) + bytes
                #expect(Self.hash(shifted[offset...]) == expected, "\(length) at \(offset)")
            }
            for place in bytes.indices {
                var changed = bytes
                changed[place] ^= UInt8(1) << UInt8(place % 8)
                #expect(Self.hash(changed[...]) != expected, "\(length): byte \(place)")
            }
        }
    }

    /// The prefixes of one text, and texts of zeros, hash apart at every length: the length is
    /// part of the hash, and lanes of equal bytes do not cancel out.
    @Test func tellsLengthsApart() {
        let text = Array(String(repeating: "abcdefgh ", count: 40).utf8)
        let prefixes = (0...text.count).map { Self.hash(text[..<$0]) }
        #expect(Set(prefixes).count == prefixes.count)
        let zeros = (0...300).map { Self.hash([UInt8](repeating: 0, count: $0)[...]) }
        #expect(Set(zeros).count == zeros.count)
    }

    /// ``Hashing/hash(_:count:)`` written plainly, its last bytes read one at a time.
    static func referenceHash(_ bytes: [UInt8]) -> UInt64 {
        let (first, second): (UInt64, UInt64) = (0x9E37_79B1_85EB_CA87, 0xC2B2_AE3D_27D4_EB4F)
        func word(_ offset: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << UInt64($1 * 8) } }
        func round(_ lane: UInt64, _ word: UInt64) -> UInt64 { Hashing.rotate(lane &+ word &* second, 31) &* first }
        var hash = UInt64(bytes.count) &* first ^ 0x27D4_EB2F_1656_67C5
        var offset = 0
        if bytes.count >= 32 {
            var lanes = [first &+ second, second, 0x27D4_EB2F_1656_67C5, 0 &- first]
            while offset + 32 <= bytes.count {
                for lane in 0..<4 { lanes[lane] = round(lanes[lane], word(offset + lane * 8)) }
                offset += 32
            }
            var combined = zip(lanes, [1, 7, 12, 18]).reduce(0) { $0 &+ Hashing.rotate($1.0, UInt64($1.1)) }
            for lane in lanes { combined = (combined ^ round(0, lane)) &* first &+ 0x85EB_CA77_C2B2_AE63 }
            hash ^= combined
        }
        while offset + 8 <= bytes.count {
            hash ^= Hashing.rotate(word(offset) &* second, 31) &* first
            hash = Hashing.rotate(hash, 27) &* first &+ 0x85EB_CA77_C2B2_AE63
            offset += 8
        }
        let tail = bytes[offset...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
        hash ^= Hashing.rotate(tail &* second, 31) &* first
        return Hashing.mix(hash)
    }

    /// Every length up to 200, whose last bytes the hash reads in one load from eight bytes on.
    @Test func agreesWithThePlainReference() {
        var generator = SplitMix(seed: 0x7A1)
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.hash(bytes[...]) == Self.referenceHash(bytes), "\(length)")
        }
    }
}
