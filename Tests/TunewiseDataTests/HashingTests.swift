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
}
