import Testing

@testable import TunewiseData

// The text scanner as it was before it read 64 bytes at a time: eight-byte masks and a word
// event at a time. Kept as the oracle that the faster scanner must agree with, byte for byte.

/// The eight-byte scanner: one pass over an example's texts that estimates their tokens, splits them into words for
/// the MinHash sketch, and notes whether they may hold personal data.
///
/// The bytes are classified eight at a time (``ReferenceByteMasks``), and tokens are counted from the
/// masks: a word (a run of letters, digits and non-ASCII characters) with its leading space
/// is a token, a long one a few more, digits go in threes, punctuation is about a token a
/// mark, a run of line breaks is one, and characters outside ASCII cost by their script (see
/// ``TokenCosts``), as a byte-pair tokenizer such as cl100k splits text.
struct ReferenceTextScanner {
    /// The estimate so far, in sixteenths of a token.
    private(set) var tokenSixteenths = 0
    /// Words seen, each adding its word triple to the sketch.
    var wordCount: Int { sketcher.sketch.featureCount }
    private var sketcher = WordSketcher()

    /// The estimated tokens, rounded to the nearest.
    var estimatedTokens: Int { (tokenSixteenths + 8) / 16 }

    /// The MinHash sketch of the word triples.
    func signature() -> MinHashSignature { sketcher.sketch.signature() }

    /// Adds a fixed cost, such as a message's framing, in whole tokens.
    mutating func addTokens(_ tokens: Int) { tokenSixteenths += tokens * 16 }

    /// Whether the text being scanned has a word of ASCII letters and digits as long as a key.
    private var sawKeyLikeWord = false

    /// Scans one text's UTF-8 bytes; returns whether it may hold personal data (it has an `@`,
    /// seven digits or a word as long as a key), which ``PersonalDataScanner`` then looks for.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        let count = text.count
        var units = 0
        var sawAt = false
        sawKeyLikeWord = false
        var previous = ReferenceByteMasks.Carry()
        var letters = 0
        var digits = 0
        // Where the current word started, with the letters and digits before it; -1 between words.
        var wordStart = -1
        var lettersBefore = 0
        var digitsBefore = 0
        var offset = 0
        while offset < count {
            let left = count - offset
            let masks = ReferenceByteMasks(
                left >= 8 ? UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) : Self.padded(base + offset, left))
            let valid: UInt64 = left >= 8 ? ~0 : (1 << UInt64(left &* 8)) &- 1
            units &+= masks.tokenSixteenths(after: previous, valid: valid)
            sawAt = sawAt || masks.at & valid != 0
            // Each byte's letters (low four bits) and digits (high four) up to it, in one multiply;
            // the padding of a short block is spaces, neither.
            let running = ((masks.letter >> 7) | (masks.digit >> 3)) &* 0x0101_0101_0101_0101
            let word = masks.word & valid
            let wordBefore = word << 8 | previous.word >> 56
            var events = (word & ~wordBefore) | (~word & wordBefore & ReferenceByteMasks.highBits & valid)
            if events != 0 {
                // Byte j: the letters and digits before byte j of the block.
                let before = running << 8
                repeat {
                    let bit = UInt64(events.trailingZeroBitCount)
                    let counts = Int(truncatingIfNeeded: before >> (bit &- 7) & 0xFF)
                    let lettersHere = letters &+ counts & 0xF
                    let digitsHere = digits &+ counts >> 4
                    if wordStart < 0 {
                        (wordStart, lettersBefore, digitsBefore) = (offset &+ Int(bit >> 3), lettersHere, digitsHere)
                    } else {
                        endWord(
                            base + wordStart, length: offset &+ Int(bit >> 3) &- wordStart, available: count &- wordStart,
                            letters: lettersHere &- lettersBefore, digits: digitsHere &- digitsBefore, units: &units)
                        wordStart = -1
                    }
                    events &= events &- 1
                } while events != 0
            }
            let total = Int(truncatingIfNeeded: running >> 56)
            letters &+= total & 0xF
            digits &+= total >> 4
            previous = masks.carry
            offset &+= 8
        }
        if wordStart >= 0 {
            endWord(
                base + wordStart, length: count - wordStart, available: count - wordStart, letters: letters - lettersBefore,
                digits: digits - digitsBefore, units: &units)
        }
        tokenSixteenths += units
        return sawAt || digits >= 7 || sawKeyLikeWord
    }

    /// The last `count` (under eight) bytes of a text, followed by spaces.
    private static func padded(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var word: UInt64 = 0x2020_2020_2020_2020
        for index in 0..<count { word = word & ~(0xFF << UInt64(index * 8)) | UInt64(bytes[index]) << UInt64(index * 8) }
        return word
    }

    /// Counts a word of `length` bytes at `start`, of which `available` bytes may be read.
    @inline(__always)
    private mutating func endWord(
        _ start: UnsafePointer<UInt8>, length: Int, available: Int, letters: Int, digits: Int, units: inout Int
    ) {
        if length >= TextScanner.keyLikeLength, digits > 0, letters + digits == length { sawKeyLikeWord = true }
        units += TokenCosts.word(letters: letters) + TokenCosts.digits(digits)
        sketcher.addSplittingWideCharacters(start, length: length, available: available)
    }
}

/// The classes of eight bytes at once, each as its byte's top bit (0x80) in a mask.
struct ReferenceByteMasks {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    var letter: UInt64
    var digit: UInt64
    /// Letters, digits and every byte outside ASCII.
    var word: UInt64
    var space: UInt64
    var lineBreak: UInt64
    var punctuation: UInt64
    var at: UInt64
    /// Lead bytes of two, three and four-byte characters.
    var lead2: UInt64
    /// Lead bytes of Hebrew (D6, D7) and of Arabic, Syriac and Thaana (D8 to DD), among ``lead2``.
    var hebrew: UInt64
    var arabic: UInt64
    var lead3: UInt64
    var lead4: UInt64

    /// What the next eight bytes need from these: which of the last were in a word, spaces,
    /// line breaks or punctuation.
    struct Carry {
        var word: UInt64 = 0
        var space: UInt64 = highBits
        var lineBreak: UInt64 = 0
        var punctuation: UInt64 = 0
    }

    @inline(__always)
    init(_ bytes: UInt64) {
        let high = bytes & Self.highBits
        let ascii = bytes & ~Self.highBits
        let lowered = ascii | Self.ones &* 0x20
        letter = Self.inRange(lowered, 0x61, 0x7A) & ~high
        digit = Self.inRange(ascii, 0x30, 0x39) & ~high
        word = letter | digit | high
        space = Self.equal(bytes, 0x20)
        lineBreak = Self.inRange(ascii, 0x09, 0x0D) & ~high
        at = Self.equal(bytes, 0x40)
        punctuation = ~(word | space | lineBreak) & Self.highBits
        guard high != 0 else {
            (lead2, hebrew, arabic, lead3, lead4) = (0, 0, 0, 0, 0)
            return
        }
        let continuation = high & ~(bytes << 1)
        let lead = high & ~continuation
        let bit5 = bytes << 2 & Self.highBits
        let bit4 = bytes << 3 & Self.highBits
        lead2 = lead & ~bit5
        hebrew = lead2 & Self.equal(bytes & (Self.ones &* 0xFE), 0xD6)
        arabic = lead2 & Self.inRange(ascii, 0xD8 & 0x7F, 0xDD & 0x7F)
        lead3 = lead & bit5 & ~bit4
        lead4 = lead & bit5 & bit4
    }

    /// How many bytes a mask of top bits marks: a multiply, as the baseline x86-64 has no
    /// population count instruction.
    @inline(__always)
    static func count(_ mask: UInt64) -> Int { Int(truncatingIfNeeded: ((mask >> 7) &* ones) >> 56) }

    /// The top bit of each byte of `ascii` (top bits clear) from `low` to `high`.
    @inline(__always)
    private static func inRange(_ ascii: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let atLeastLow = ascii &+ ones &* (0x80 - low)
        let aboveHigh = ascii &+ ones &* (0x7F - high)
        return atLeastLow & ~aboveHigh & highBits
    }

    /// The top bit of each byte of `bytes` equal to `value`, exactly.
    @inline(__always)
    private static func equal(_ bytes: UInt64, _ value: UInt64) -> UInt64 {
        let difference = bytes ^ ones &* value
        return ~((difference & ~highBits) &+ ~highBits | difference) & highBits
    }

    var carry: Carry { Carry(word: word, space: space, lineBreak: lineBreak, punctuation: punctuation) }

    /// The tokens of these bytes outside words, and of the characters outside ASCII, in sixteenths.
    @inline(__always)
    func tokenSixteenths(after previous: Carry, valid: UInt64) -> Int {
        let validHigh = valid & Self.highBits
        let spaces = space & validHigh
        let breaks = lineBreak & validHigh
        let marks = punctuation & validHigh
        // A run of two or more spaces (indentation) is one token of its own; the last space
        // joins the next word.
        let spaceRuns = spaces & (spaces << 8 | previous.space >> 56) & ~(spaces << 16 | previous.space >> 48)
        let breakRuns = breaks & ~(breaks << 8 | previous.lineBreak >> 56)
        let followingMarks = ReferenceByteMasks.count(marks & (marks << 8 | previous.punctuation >> 56))
        var units = -followingMarks &* (TokenCosts.punctuation - TokenCosts.followingPunctuation)
        if TokenCosts.spaceRun == TokenCosts.punctuation, TokenCosts.lineBreaks == TokenCosts.punctuation {
            // The classes are apart, so one count of the three costs the same.
            units &+= ReferenceByteMasks.count(spaceRuns | breakRuns | marks) &* TokenCosts.punctuation
        } else {
            units &+= ReferenceByteMasks.count(spaceRuns) &* TokenCosts.spaceRun &+ ReferenceByteMasks.count(breakRuns) &* TokenCosts.lineBreaks
            units &+= ReferenceByteMasks.count(marks) &* TokenCosts.punctuation
        }
        guard (lead2 | lead3 | lead4) & validHigh != 0 else { return units }
        units &+= ReferenceByteMasks.count(lead2 & ~hebrew & ~arabic & validHigh) &* TokenCosts.twoByteCharacter
        units &+= ReferenceByteMasks.count(hebrew & validHigh) &* TokenCosts.hebrewCharacter
        units &+= ReferenceByteMasks.count(arabic & validHigh) &* TokenCosts.arabicCharacter
        units &+= ReferenceByteMasks.count(lead3 & validHigh) &* TokenCosts.threeByteCharacter
        return units &+ ReferenceByteMasks.count(lead4 & validHigh) &* TokenCosts.fourByteCharacter
    }
}

/// How the scanner split words before it read them eight bytes at a time: a look for wide
/// characters over the word's bytes, then the split.
extension WordSketcher {
    /// Adds a word that may hold characters of three or four bytes (Chinese, Japanese, Thai,
    /// emoji): each of those is a word of its own, as those scripts put no spaces between words.
    @inline(__always)
    mutating func addSplittingWideCharacters(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
        guard Self.holdsWideCharacters(start, length: length, available: available) else {
            add(start, length: length, available: available)
            return
        }
        splitWideCharacters(start, length: length, available: available)
    }

    /// Whether a word holds a lead byte of three or four (0xE0 and above), eight bytes at a time.
    @inline(__always)
    static func holdsWideCharacters(_ start: UnsafePointer<UInt8>, length: Int, available: Int) -> Bool {
        var offset = 0
        while offset < length {
            let word = eightBytes(start, at: offset, length: length, available: available)
            // A byte's top three bits, each moved to its top bit.
            if word & word &<< 1 & word &<< 2 & 0x8080_8080_8080_8080 != 0 { return true }
            offset &+= 8
        }
        return false
    }
}
