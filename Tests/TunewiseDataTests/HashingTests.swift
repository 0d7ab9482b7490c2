import Testing

@testable import TunewiseData

/// The byte hash behind exact duplicates: three lanes over 48-byte stripes, then 16 bytes at a
/// time, each pair of words multiplied in full width. It must depend on every byte and on the
/// length, and not on where the bytes lie.
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

    /// ``Hashing/hash(_:count:)`` written plainly (wyhash's steps), every word read a byte at a time.
    static func referenceHash(_ bytes: [UInt8]) -> UInt64 {
        let secret: [UInt64] = [HashSecret.zeroth, HashSecret.first, HashSecret.second, HashSecret.third]
        func word(_ offset: Int, _ size: Int) -> UInt64 { (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << UInt64($1 * 8) } }
        func fold(_ first: UInt64, _ second: UInt64) -> UInt64 {
            let product = first.multipliedFullWidth(by: second)
            return product.high ^ product.low
        }
        let count = bytes.count
        var seed = fold(secret[0], secret[1])
        var first: UInt64 = 0
        var second: UInt64 = 0
        if count <= 16 {
            if count >= 4 {
                let quarter = (count >> 3) << 2
                first = word(0, 4) << 32 | word(quarter, 4)
                second = word(count - 4, 4) << 32 | word(count - 4 - quarter, 4)
            } else if count > 0 {
                first = UInt64(bytes[0]) << 16 | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1])
            }
        } else {
            var offset = 0
            if count - offset >= 48 {
                var lanes = [seed, seed, seed]
                while count - offset >= 48 {
                    for lane in 0..<3 {
                        lanes[lane] = fold(word(offset + lane * 16, 8) ^ secret[lane + 1], word(offset + lane * 16 + 8, 8) ^ lanes[lane])
                    }
                    offset += 48
                }
                seed = lanes[0] ^ lanes[1] ^ lanes[2]
            }
            while count - offset > 16 {
                seed = fold(word(offset, 8) ^ secret[1], word(offset + 8, 8) ^ seed)
                offset += 16
            }
            first = word(count - 16, 8)
            second = word(count - 8, 8)
        }
        let product = (first ^ secret[1]).multipliedFullWidth(by: second ^ seed)
        return fold(product.low ^ secret[0] ^ UInt64(count), product.high ^ secret[1])
    }

    /// Every length up to 200: the short ones read in overlapping loads, the stripes, the last 16 bytes.
    @Test func agreesWithThePlainReference() {
        let secret = HashSecret.zeroth.multipliedFullWidth(by: HashSecret.first)
        #expect(HashSecret.seed == secret.high ^ secret.low)
        var generator = SplitMix(seed: 0x7A1)
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.hash(bytes[...]) == Self.referenceHash(bytes), "\(length)")
        }
    }
}
