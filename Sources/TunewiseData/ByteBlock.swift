/// The classes of 64 bytes of text, one bit a byte (bit `i` for byte `i`), found with 16-byte
/// vector compares that every x86-64 and ARM64 processor has.
///
/// Classes that most blocks lack (digits, characters outside ASCII, line breaks) are only
/// turned into bits when a block has them.
struct ByteBlock {
    static let size = 64

    /// The bytes of the text: all 64, or the first few of its last block.
    let valid: UInt64
    /// Letters, digits and every byte outside ASCII.
    let word: UInt64
    let space: UInt64
    /// Digits and bytes outside ASCII: the bytes of words that are not letters.
    let notLetter: UInt64
    let digit: UInt64
    /// Tabs, line feeds, vertical tabs, form feeds and carriage returns.
    let lineBreak: UInt64
    /// Bytes that are none of the above: punctuation, symbols and other control characters.
    let punctuation: UInt64
    let hasAt: Bool
    /// What the characters outside ASCII cost, in sixteenths of a token, by their lead bytes.
    let characterSixteenths: Int

    /// What the next block needs from this one: its last bytes' classes.
    struct Carry {
        var word: UInt64 = 0
        /// Before a text, as if after spaces: leading spaces are not a run of their own.
        var space: UInt64 = ~0
        var lineBreak: UInt64 = 0
        var punctuation: UInt64 = 0
    }

    var carry: Carry { Carry(word: word, space: space, lineBreak: lineBreak, punctuation: punctuation) }

    /// The last `count` (under 64) bytes of a text, followed by spaces.
    init(padding bytes: UnsafeRawPointer, count: Int) {
        var padded = SIMD64<UInt8>(repeating: 0x20)
        withUnsafeMutableBytes(of: &padded) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        let valid = (1 &<< UInt64(truncatingIfNeeded: count)) &- 1
        self = withUnsafeBytes(of: padded) { ByteBlock($0.baseAddress!, valid: valid) }
    }

    /// The 64 bytes at `bytes`, of which those in `valid` belong to the text.
    @inline(__always)
    init(_ bytes: UnsafeRawPointer, valid: UInt64) {
        let vectors = (
            Classes(bytes.loadUnaligned(as: Vector.self)),
            Classes(bytes.loadUnaligned(fromByteOffset: 16, as: Vector.self)),
            Classes(bytes.loadUnaligned(fromByteOffset: 32, as: Vector.self)),
            Classes(bytes.loadUnaligned(fromByteOffset: 48, as: Vector.self))
        )
        self.valid = valid
        word = ByteVector.bits(vectors.0.word, vectors.1.word, vectors.2.word, vectors.3.word)
        space = ByteVector.bits(vectors.0.space, vectors.1.space, vectors.2.space, vectors.3.space)
        let digits = vectors.0.digit | vectors.1.digit | vectors.2.digit | vectors.3.digit
        let highs = vectors.0.high | vectors.1.high | vectors.2.high | vectors.3.high
        let breaks = vectors.0.lineBreak | vectors.1.lineBreak | vectors.2.lineBreak | vectors.3.lineBreak
        let ats = vectors.0.at | vectors.1.at | vectors.2.at | vectors.3.at
        hasAt = ByteVector.any(ats)
        let hasDigits = ByteVector.any(digits)
        let hasHighs = ByteVector.any(highs)
        if hasDigits || hasHighs {
            notLetter = ByteVector.bits(
                vectors.0.digit | vectors.0.high, vectors.1.digit | vectors.1.high, vectors.2.digit | vectors.2.high,
                vectors.3.digit | vectors.3.high)
        } else {
            notLetter = 0
        }
        digit = hasDigits ? ByteVector.bits(vectors.0.digit, vectors.1.digit, vectors.2.digit, vectors.3.digit) : 0
        lineBreak = ByteVector.any(breaks) ? ByteVector.bits(vectors.0.lineBreak, vectors.1.lineBreak, vectors.2.lineBreak, vectors.3.lineBreak) : 0
        punctuation = ~(word | space | lineBreak) & valid
        // The costs of characters outside ASCII, only for the blocks that have some.
        characterSixteenths =
            hasHighs
            ? Self.sum(
                Self.characterSixteenths(bytes.loadUnaligned(as: Vector.self))
                    &+ Self.characterSixteenths(bytes.loadUnaligned(fromByteOffset: 16, as: Vector.self))
                    &+ Self.characterSixteenths(bytes.loadUnaligned(fromByteOffset: 32, as: Vector.self))
                    &+ Self.characterSixteenths(bytes.loadUnaligned(fromByteOffset: 48, as: Vector.self))) : 0
    }

    /// The tokens of these bytes outside words, and of the characters outside ASCII, in sixteenths.
    @inline(__always)
    func tokenSixteenths(after previous: Carry) -> Int {
        let spaces = space & valid
        let breaks = lineBreak & valid
        // A run of two or more spaces (indentation) is one token of its own; the last space
        // joins the next word.
        let spaceRuns = spaces & (spaces &<< 1 | previous.space &>> 63) & ~(spaces &<< 2 | previous.space &>> 62)
        let breakRuns = breaks & ~(breaks &<< 1 | previous.lineBreak &>> 63)
        let following = punctuation & (punctuation &<< 1 | previous.punctuation &>> 63)
        var units = characterSixteenths
        if following != 0 { units &-= following.nonzeroBitCount &* (TokenCosts.punctuation - TokenCosts.followingPunctuation) }
        if TokenCosts.spaceRun == TokenCosts.punctuation, TokenCosts.lineBreaks == TokenCosts.punctuation {
            // The classes are apart, so one count of the three costs the same.
            let counted = spaceRuns | breakRuns | punctuation
            if counted != 0 { units &+= counted.nonzeroBitCount &* TokenCosts.punctuation }
        } else {
            units &+= spaceRuns.nonzeroBitCount &* TokenCosts.spaceRun &+ breakRuns.nonzeroBitCount &* TokenCosts.lineBreaks
            units &+= punctuation.nonzeroBitCount &* TokenCosts.punctuation
        }
        return units
    }

    typealias Vector = ByteVector.Vector

    /// The classes of 16 bytes, each byte of a class 0xFF and the others 0.
    private struct Classes {
        var word: Vector
        var space: Vector
        var digit: Vector
        var high: Vector
        var lineBreak: Vector
        var at: Vector

        @inline(__always)
        init(_ bytes: Vector) {
            high = ByteVector.below(bytes, 0)
            // Byte ranges by one signed compare after an add that moves the range's start to -128.
            let letter = ByteVector.below((bytes | Vector(repeating: 0x20)) &+ Vector(repeating: 0x80 - 0x61), -128 + 26)
            digit = ByteVector.below(bytes &+ Vector(repeating: 0x80 - 0x30), -128 + 10)
            lineBreak = ByteVector.below(bytes &+ Vector(repeating: 0x80 - 0x09), -128 + 5)
            word = letter | digit | high
            space = ByteVector.equal(bytes, 0x20)
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

    /// The sum of a vector's bytes, each at most 128 (four lead-byte costs).
    @inline(__always)
    private static func sum(_ vector: Vector) -> Int {
        let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        let pairs = (halves[0] & evenBytes) &+ (halves[0] &>> 8 & evenBytes) &+ (halves[1] & evenBytes) &+ (halves[1] &>> 8 & evenBytes)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }
}
