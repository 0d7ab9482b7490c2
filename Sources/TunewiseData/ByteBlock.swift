/// What the token estimate and the word split need of 64 bytes of text, found with 16-byte
/// vector compares that every x86-64 and ARM64 processor has: which bytes are in words (one
/// bit a byte), and what the bytes outside words and the characters outside ASCII cost.
///
/// Costs are summed in the vectors, one lane a byte, so only the word bits are ever turned
/// into a mask: a punctuation mark or line break costs ``TokenCosts/punctuation`` and a lead
/// byte its script's cost. What depends on the byte before (a mark after a mark, a run of
/// line breaks, a run of spaces) is corrected from ``runs``, the bytes outside words that
/// follow another, which most blocks of prose have few of.
struct ByteBlock {
    static let size = 64
    /// Letters, digits and every byte outside ASCII, in the text.
    let word: UInt64
    /// Bytes outside words (within the text) whose byte before is outside words too.
    let runs: UInt64
    /// What the bytes outside words and the characters outside ASCII cost, in sixteenths of a
    /// token, before the corrections for ``runs``.
    let sixteenths: Int
    /// Whether the block holds an `@`.
    let hasAt: Bool
    /// Whether the block holds a digit, and a byte outside ASCII: the words of a block with
    /// neither are letters only.
    let hasDigits: Bool
    let hasHighs: Bool

    /// The `count` bytes at `bytes` (all 64 when `count` is 64 or more; the rest read as spaces),
    /// after a block whose last byte was outside words when `followsOutside` (false for the
    /// text's first block). 64 bytes may be read from `bytes` whatever `count` is.
    @_transparent
    init(_ bytes: UnsafeRawPointer, count: Int, followsOutside: Bool) {
        var vectors = (
            bytes.loadUnaligned(as: Vector.self), bytes.loadUnaligned(fromByteOffset: 16, as: Vector.self),
            bytes.loadUnaligned(fromByteOffset: 32, as: Vector.self), bytes.loadUnaligned(fromByteOffset: 48, as: Vector.self)
        )
        let valid: UInt64
        if count < Self.size {
            valid = (1 &<< UInt64(truncatingIfNeeded: count)) &- 1
            vectors = (
                Self.padded(vectors.0, count), Self.padded(vectors.1, count &- 16), Self.padded(vectors.2, count &- 32),
                Self.padded(vectors.3, count &- 48)
            )
        } else {
            valid = ~0
        }
        let classes = (Classes(vectors.0), Classes(vectors.1), Classes(vectors.2), Classes(vectors.3))
        let word = ByteVector.bits(classes.0.word, classes.1.word, classes.2.word, classes.3.word)
        self.word = word
        let outside = ~word
        runs = outside & (outside &<< 1 | (followsOutside ? 1 : 0)) & valid
        var units = classes.0.marks &+ classes.1.marks &+ classes.2.marks &+ classes.3.marks
        hasHighs = ByteVector.any(classes.0.high | classes.1.high | classes.2.high | classes.3.high)
        hasDigits = ByteVector.any(classes.0.digit | classes.1.digit | classes.2.digit | classes.3.digit)
        if hasHighs {
            units &+=
                Self.characterSixteenths(vectors.0) &+ Self.characterSixteenths(vectors.1)
                &+ Self.characterSixteenths(vectors.2) &+ Self.characterSixteenths(vectors.3)
        }
        sixteenths = Self.sum(units)
        hasAt = ByteVector.any(classes.0.at | classes.1.at | classes.2.at | classes.3.at)
    }

    typealias Vector = ByteVector.Vector

    /// `bytes` with the lanes from `count` on (all of them when `count` is 0 or less) spaces.
    @inline(__always)
    private static func padded(_ bytes: Vector, _ count: Int) -> Vector {
        let lanes = Vector(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let kept = lanes .< Vector(repeating: UInt8(truncatingIfNeeded: max(0, min(16, count))))
        return bytes.replacing(with: 0x20, where: .!kept)
    }

    /// The classes of 16 bytes: words and `@` as 0xFF a byte, what marks cost as sixteenths.
    private struct Classes {
        var word: Vector
        var high: Vector
        var digit: Vector
        /// ``TokenCosts/punctuation`` for each byte that is neither in a word nor a space.
        var marks: Vector
        var at: Vector

        @inline(__always)
        init(_ bytes: Vector) {
            high = ByteVector.below(bytes, 0)
            // Byte ranges by one signed compare after an add that moves the range's start to -128.
            let letter = ByteVector.below((bytes | Vector(repeating: 0x20)) &+ Vector(repeating: 0x80 - 0x61), -128 + 26)
            digit = ByteVector.below(bytes &+ Vector(repeating: 0x80 - 0x30), -128 + 10)
            word = letter | digit | high
            let space = ByteVector.equal(bytes, 0x20)
            marks = ~(word | space) & Vector(repeating: UInt8(TokenCosts.punctuation))
            at = ByteVector.equal(bytes, 0x40)
        }
    }

    /// Each lead byte's cost (see ``TokenCosts``); continuation bytes and ASCII cost nothing.
    @inline(__always)
    private static func characterSixteenths(_ bytes: Vector) -> Vector {
        let hebrew = ByteVector.equal(bytes & Vector(repeating: 0xFE), 0xD6)
        let arabic = ByteVector.below(bytes &+ Vector(repeating: UInt8(truncatingIfNeeded: 0x80 - 0xD8)), -128 + 6)
        let lead2 = ByteVector.equal(bytes & Vector(repeating: 0xE0), 0xC0) & ~hebrew & ~arabic
        let lead3 = ByteVector.equal(bytes & Vector(repeating: 0xF0), 0xE0)
        let lead4 = ByteVector.equal(bytes & Vector(repeating: 0xF0), 0xF0)
        return lead2 & Vector(repeating: UInt8(TokenCosts.twoByteCharacter))
            | hebrew & Vector(repeating: UInt8(TokenCosts.hebrewCharacter))
            | arabic & Vector(repeating: UInt8(TokenCosts.arabicCharacter))
            | lead3 & Vector(repeating: UInt8(TokenCosts.threeByteCharacter))
            | lead4 & Vector(repeating: UInt8(TokenCosts.fourByteCharacter))
    }

    /// The sum of a vector's bytes, each at most 128 (four vectors' costs of at most 32).
    @inline(__always)
    private static func sum(_ vector: Vector) -> Int {
        let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        let pairs = (halves[0] & evenBytes) &+ (halves[0] &>> 8 & evenBytes) &+ (halves[1] & evenBytes) &+ (halves[1] &>> 8 & evenBytes)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }
}

/// The token corrections for the bytes outside words that follow another (``ByteBlock/runs``).
enum TokenRuns {
    /// What a byte outside words is, for runs: a space, a line break (tab to carriage
    /// return) or a mark.
    @inline(__always)
    private static func kind(_ byte: UInt8) -> Int {
        byte == 0x20 ? 0 : (byte &- 0x09 < 5 ? 1 : 2)
    }

    /// The correction, in sixteenths, for the bytes of `runs` (bit `i`: byte `offset + i` of
    /// the text at `base`, not its first, whose byte before is outside words too): a mark
    /// after a mark costs ``TokenCosts/followingPunctuation`` rather than a whole mark, a line
    /// break after a line break nothing (a run is one token), and the second space of a run
    /// of spaces is a token, unless the run starts the text.
    @inline(__always)
    static func correction(_ runs: UInt64, base: UnsafePointer<UInt8>, offset: Int) -> Int {
        var runs = runs
        var units = 0
        while runs != 0 {
            let at = offset &+ runs.trailingZeroBitCount
            runs &= runs &- 1
            let kind = Self.kind(base[at])
            guard kind == Self.kind(base[at &- 1]) else { continue }
            switch kind {
            case 0: if at >= 2, base[at &- 2] != 0x20 { units &+= TokenCosts.spaceRun }
            case 1: units &-= TokenCosts.lineBreaks
            default: units &-= TokenCosts.punctuation &- TokenCosts.followingPunctuation
            }
        }
        return units
    }
}
