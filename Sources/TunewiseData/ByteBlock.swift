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
    /// Whether the block holds an ASCII digit, and a lead byte of three or four (0xE0 and
    /// above): the words of a block without are read without looking for them.
    let hasDigits: Bool
    let hasWideCharacters: Bool

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
        hasDigits = ByteVector.any(classes.0.digit | classes.1.digit | classes.2.digit | classes.3.digit)
        if ByteVector.any(classes.0.high | classes.1.high | classes.2.high | classes.3.high) {
            let leads = LeadBytes(vectors)
            units &+= leads.sixteenths
            hasWideCharacters = leads.hasWideCharacters
        } else {
            hasWideCharacters = false
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

    /// The sum of a vector's bytes, each at most 128 (four vectors' costs of at most 32).
    @inline(__always)
    private static func sum(_ vector: Vector) -> Int {
        let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        let pairs = (halves[0] & evenBytes) &+ (halves[0] &>> 8 & evenBytes) &+ (halves[1] & evenBytes) &+ (halves[1] &>> 8 & evenBytes)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }
}

/// The lead bytes of 64 bytes that hold some outside ASCII, and what their characters cost
/// (see ``TokenCosts``): 7 sixteenths a lead byte from C0, 10 more from E0 and 15 more from
/// F0, each threshold one signed compare of the bytes with their top bit flipped (ASCII then
/// reads as negative) and counted lane by lane. Hebrew (D6, D7) and Arabic (D8 to DD) letters,
/// rarer, are counted apart when there are any.
struct LeadBytes {
    typealias Vector = ByteVector.Vector
    /// What the characters cost in each lane, in sixteenths (at most 128).
    let sixteenths: Vector
    let hasWideCharacters: Bool

    @inline(__always)
    init(_ vectors: (Vector, Vector, Vector, Vector)) {
        var counts = (Vector(), Vector(), Vector())
        var semitic = Vector()
        Self.count(vectors.0, into: &counts, semitic: &semitic)
        Self.count(vectors.1, into: &counts, semitic: &semitic)
        Self.count(vectors.2, into: &counts, semitic: &semitic)
        Self.count(vectors.3, into: &counts, semitic: &semitic)
        hasWideCharacters = ByteVector.any(ByteVector.above(counts.1, 0))
        var sixteenths = (counts.0 &<< 3 &- counts.0) &+ (counts.1 &<< 3 &+ counts.1 &<< 1) &+ (counts.2 &<< 4 &- counts.2)
        if ByteVector.any(semitic) { sixteenths &+= Self.semiticSixteenths(vectors) }
        self.sixteenths = sixteenths
    }

    /// Counts the lead bytes of `vector` from C0, E0 and F0, lane by lane, and notes Hebrew
    /// and Arabic ones (D6 to DD).
    @inline(__always)
    private static func count(_ vector: Vector, into counts: inout (Vector, Vector, Vector), semitic: inout Vector) {
        let flipped = vector ^ Vector(repeating: 0x80)
        // A compare's lanes are 0 or 0xFF: subtracting it counts one.
        counts.0 &-= atLeast(flipped, 0xC0)
        counts.1 &-= atLeast(flipped, 0xE0)
        counts.2 &-= atLeast(flipped, 0xF0)
        semitic |= ByteVector.below(vector &+ Vector(repeating: 0x80 &- 0xD6), -128 + 8)
    }

    /// 0xFF for each byte of `flipped` (a vector's bytes with their top bit flipped) that was at
    /// least `value` (0x80 or more) before.
    @inline(__always)
    private static func atLeast(_ flipped: Vector, _ value: UInt8) -> Vector {
        ByteVector.above(flipped, Int8(truncatingIfNeeded: value &- 0x81))
    }

    /// What Hebrew and Arabic lead bytes cost beyond a two-byte character's 7 sixteenths: 10
    /// more from D6, 4 less from D8 and 6 less from DE (so D6 and D7 cost 17, D8 to DD 13).
    @inline(__always)
    private static func semiticSixteenths(_ vectors: (Vector, Vector, Vector, Vector)) -> Vector {
        func sixteenths(_ vector: Vector) -> Vector {
            let flipped = vector ^ Vector(repeating: 0x80)
            return (atLeast(flipped, 0xD6) & Vector(repeating: 10)) &- (atLeast(flipped, 0xD8) & Vector(repeating: 4))
                &- (atLeast(flipped, 0xDE) & Vector(repeating: 6))
        }
        return sixteenths(vectors.0) &+ sixteenths(vectors.1) &+ sixteenths(vectors.2) &+ sixteenths(vectors.3)
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
