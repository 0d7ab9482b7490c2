/// One pass over an example's texts that estimates their tokens, splits them into words for
/// the MinHash sketch of their triples, and notes whether they may hold personal data.
///
/// The bytes are read 64 at a time: ``ByteBlock`` classifies them with 16-byte vector
/// compares into one bit a byte, and tokens are counted from the bits. A word (a run of
/// letters, digits and non-ASCII characters) with its leading space is a token, a long one a
/// few more, digits go in threes, punctuation is about a token a mark, a run of line breaks
/// is one, and characters outside ASCII cost by their script (see ``TokenCosts``), as a
/// byte-pair tokenizer such as cl100k splits text.
struct TextScanner {
    /// The estimate so far, in sixteenths of a token.
    private(set) var tokenSixteenths = 0
    /// Words sketched, each adding the triple it ends to the sketch.
    var sketchedWords: Int { sketcher.sketch.featureCount }
    private var sketcher = WordSketcher()

    /// The estimated tokens, rounded to the nearest.
    var estimatedTokens: Int { (tokenSixteenths + 8) / 16 }

    /// The MinHash sketch of the word triples.
    func signature() -> MinHashSignature { sketcher.sketch.signature() }

    /// Scans JSON as a model is given it (the tools offered, tool calls) as ``scan(_:sketching:)``
    /// does, at three quarters of a text's cost: a byte-pair tokenizer joins JSON's quotes,
    /// colons and braces into fewer tokens than the punctuation of prose (fitted to cl100k on
    /// tool definitions and calls).
    mutating func scanJSON(_ json: UnsafeBufferPointer<UInt8>, sketching: Bool) -> Bool {
        let before = tokenSixteenths
        let mayHoldPersonalData = scan(json, sketching: sketching)
        tokenSixteenths = before + (tokenSixteenths - before) * 3 / 4
        return mayHoldPersonalData
    }

    /// Adds a fixed cost, such as a message's framing, in whole tokens.
    mutating func addTokens(_ tokens: Int) { tokenSixteenths += tokens * 16 }

    /// The length from which a word of ASCII letters and digits, with a digit, may be a key or
    /// token (``SecretShape``).
    static let keyLikeLength = 16

    /// A word that has started but not yet ended: where, and its bytes that are not letters in
    /// the blocks already read.
    private struct OpenWord {
        var start: Int
        var notLetters = 0
        var digits = 0

        /// Adds the bytes of `block` in `range` (one bit a byte), all of them in this word.
        @inline(__always)
        mutating func add(_ block: ByteBlock, range: UInt64) {
            let notLetters = block.notLetter & range
            guard notLetters != 0 else { return }
            self.notLetters &+= notLetters.nonzeroBitCount
            let digits = block.digit & range
            if digits != 0 { self.digits &+= digits.nonzeroBitCount }
        }
    }

    /// Scans one text's UTF-8 bytes; returns whether it may hold personal data (it has an `@`,
    /// seven digits, or an ASCII word of letters and digits as long as a key:
    /// ``keyLikeLength``), which ``PersonalDataScanner`` then looks for. With `sketching` false
    /// (instructions that every example may share) its words count as tokens only.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, sketching: Bool = true) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        let count = text.count
        var units = 0
        var digits = 0
        var sawAt = false
        var sawKeyLikeWord = false
        var previous = ByteBlock.Carry()
        var open: OpenWord?
        // The sketch is updated in a local and stored back once the text is read.
        var sketcher = self.sketcher
        defer { self.sketcher = sketcher }
        var offset = 0
        while offset < count {
            let left = count &- offset
            let block: ByteBlock
            if left >= ByteBlock.size {
                block = ByteBlock(UnsafeRawPointer(base + offset), valid: ~0)
            } else {
                block = ByteBlock(padding: UnsafeRawPointer(base + offset), count: left)
            }
            units &+= block.tokenSixteenths(after: previous)
            sawAt = sawAt || block.hasAt
            let word = block.word
            let wordBefore = word &<< 1 | previous.word &>> 63
            var starts = word & ~wordBefore
            var ends = ~word & wordBefore & block.valid
            // The word open from the last block ends at this block's first end, if it has one.
            if var carried = open {
                let end = ends == 0 ? ByteBlock.size : ends.trailingZeroBitCount
                let range = ends == 0 ? ~0 : (ends & (0 &- ends)) &- 1
                carried.add(block, range: range)
                if ends != 0 {
                    endWord(
                        carried, end: offset &+ end, base: base, count: count, sketching: sketching, sketcher: &sketcher, units: &units,
                        digits: &digits, sawKeyLikeWord: &sawKeyLikeWord)
                    ends &= ends &- 1
                    open = nil
                } else {
                    open = carried
                }
            }
            while starts != 0 {
                let startBit = starts & (0 &- starts)
                let start = offset &+ starts.trailingZeroBitCount
                starts &= starts &- 1
                guard ends != 0 else {
                    // The word runs on into the next block.
                    var started = OpenWord(start: start)
                    started.add(block, range: 0 &- startBit)
                    open = started
                    break
                }
                let endBit = ends & (0 &- ends)
                let length = ends.trailingZeroBitCount &+ offset &- start
                ends &= ends &- 1
                let range = endBit &- startBit
                if block.notLetter & range == 0 {
                    units &+= TokenCosts.word(letters: length)
                    if sketching { sketcher.add(base + start, length: length, available: count &- start) }
                } else {
                    var word = OpenWord(start: start)
                    word.add(block, range: range)
                    endWord(
                        word, end: start &+ length, base: base, count: count, sketching: sketching, sketcher: &sketcher, units: &units,
                        digits: &digits, sawKeyLikeWord: &sawKeyLikeWord)
                }
            }
            previous = block.carry
            offset &+= ByteBlock.size
        }
        if let open {
            endWord(
                open, end: count, base: base, count: count, sketching: sketching, sketcher: &sketcher, units: &units, digits: &digits,
                sawKeyLikeWord: &sawKeyLikeWord)
        }
        tokenSixteenths += units
        return sawAt || digits >= 7 || sawKeyLikeWord
    }

    /// Counts and sketches a word that ends at `end`.
    @inline(__always)
    private func endWord(
        _ word: OpenWord, end: Int, base: UnsafePointer<UInt8>, count: Int, sketching: Bool, sketcher: inout WordSketcher,
        units: inout Int, digits: inout Int, sawKeyLikeWord: inout Bool
    ) {
        let length = end &- word.start
        // Letters and digits only (every byte that is not a letter is a digit), as keys are.
        if length >= Self.keyLikeLength, word.digits > 0, word.notLetters == word.digits { sawKeyLikeWord = true }
        units &+= TokenCosts.word(letters: length &- word.notLetters) &+ TokenCosts.digits(word.digits)
        digits &+= word.digits
        if sketching { sketcher.addSplittingWideCharacters(base + word.start, length: length, available: count &- word.start) }
    }

}

/// The words of an example's texts, each adding the triple it ends to a MinHash sketch.
struct WordSketcher {
    var sketch = MinHashAccumulator()
    private var previousWords: (UInt64, UInt64) = (0, 0)

    /// Adds the triple that a word of `length` bytes at `start` ends; `available` bytes from
    /// `start` may be read.
    @inline(__always)
    mutating func add(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
        let hash = Self.wordHash(start, length: length, available: available)
        sketch.add(Hashing.shingle(previousWords.0, previousWords.1, hash))
        previousWords = (previousWords.1, hash)
    }

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

    /// Adds the pieces of a word that holds wide characters: each of those, and each run between.
    private mutating func splitWideCharacters(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
        var runStart = 0
        var index = 0
        while index < length {
            let byte = start[index]
            guard byte >= 0xE0 else {
                index &+= 1
                continue
            }
            if index > runStart { add(start + runStart, length: index &- runStart, available: available &- runStart) }
            let end = min(length, index &+ (byte >= 0xF0 ? 4 : 3))
            add(start + index, length: end &- index, available: available &- index)
            (index, runStart) = (end, end)
        }
        if runStart < length { add(start + runStart, length: length &- runStart, available: available &- runStart) }
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

    /// The hash of a word, ASCII letters lowered, eight bytes at a time: its high bits are
    /// well mixed, and ``Hashing/shingle(_:_:_:)`` mixes the rest.
    @inline(__always)
    static func wordHash(_ start: UnsafePointer<UInt8>, length: Int, available: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        if length <= 8, available >= 8 {
            // Most words: one load.
            let word = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) & ~0 &>> UInt64(truncatingIfNeeded: 64 &- length &* 8)
            return (hash ^ (word | upperCase(word) &>> 2)) &* 0xC2B2_AE3D_27D4_EB4F
        }
        var offset = 0
        while offset < length {
            let word = eightBytes(start, at: offset, length: length, available: available)
            hash = (hash ^ (word | upperCase(word) &>> 2)) &* 0xC2B2_AE3D_27D4_EB4F
            offset &+= 8
        }
        return hash
    }

    /// The word's bytes from `offset`, up to eight of them and zeros after its end, in one load
    /// when eight bytes may be read there (`available` from `start`), else one at a time.
    @inline(__always)
    private static func eightBytes(_ start: UnsafePointer<UInt8>, at offset: Int, length: Int, available: Int) -> UInt64 {
        let left = length &- offset
        guard available &- offset >= 8 else {
            var word: UInt64 = 0
            for index in 0..<min(left, 8) { word |= UInt64(start[offset &+ index]) &<< UInt64(truncatingIfNeeded: index &* 8) }
            return word
        }
        let word = UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self)
        return left < 8 ? word & ((1 &<< UInt64(truncatingIfNeeded: left &* 8)) &- 1) : word
    }

    /// The top bit (0x80) of each byte of `bytes` that is an ASCII capital letter.
    @inline(__always)
    static func upperCase(_ bytes: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let ascii = bytes & ~highBits
        let atLeastA = ascii &+ ones &* (0x80 - 0x41)
        let aboveZ = ascii &+ ones &* (0x7F - 0x5A)
        return atLeastA & ~aboveZ & highBits & ~bytes
    }
}

/// The token estimate's costs, in sixteenths of a token, fitted against cl100k (see
/// `.ci/token-estimate/measure.py`).
enum TokenCosts {
    /// A character of two UTF-8 bytes: accented Latin, Greek, Cyrillic, Armenian.
    static let twoByteCharacter = 7
    /// A Hebrew character (lead bytes D6 and D7), which cl100k splits into more pieces.
    static let hebrewCharacter = 17
    /// An Arabic, Syriac or Thaana character (lead bytes D8 to DD).
    static let arabicCharacter = 13
    /// A character of three UTF-8 bytes: Chinese, Japanese, Korean, Indic scripts.
    static let threeByteCharacter = 17
    /// A character of four UTF-8 bytes: emoji and rare scripts.
    static let fourByteCharacter = 32
    static let punctuation = 16
    /// A punctuation mark right after another, which often shares its token.
    static let followingPunctuation = 8
    /// A run of spaces, such as indentation.
    static let spaceRun = 16
    /// A run of line breaks and tabs.
    static let lineBreaks = 16

    /// The cost of a word's ASCII letters: one token up to seven letters, then about one more
    /// each four.
    @inline(__always)
    static func word(letters: Int) -> Int {
        letters == 0 ? 0 : (letters <= 7 ? 16 : 16 &+ (letters &- 7) &* 4)
    }

    /// The cost of a word's digits: cl100k splits numbers into groups of up to three.
    @inline(__always)
    static func digits(_ count: Int) -> Int { count == 0 ? 0 : (count &+ 2) / 3 &* 16 }
}
