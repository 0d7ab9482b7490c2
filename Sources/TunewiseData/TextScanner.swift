/// One pass over an example's texts that estimates their tokens, splits them into words for
/// the MinHash sketch of their triples, and notes whether they may hold personal data.
///
/// The bytes are read 64 at a time: ``ByteBlock`` finds the bytes in words and what the
/// others cost with 16-byte vector compares, and each word is then read eight bytes at a time
/// for its letters, digits and hash. A word (a run of letters, digits and non-ASCII
/// characters) with its leading space is a token, a long one a few more, digits go in threes,
/// punctuation is about a token a mark, a run of line breaks is one, and characters outside
/// ASCII cost by their script (see ``TokenCosts``), as a byte-pair tokenizer such as cl100k
/// splits text.
struct TextScanner {
    /// The bytes after a text that ``scan(padded:sketching:)`` may read (and ignores).
    static let padding = ByteBlock.size
    /// ``padding`` zeros, to follow a copy of a text.
    static let zeroPadding = [UInt8](repeating: 0, count: padding)

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
    /// tool definitions and calls). With `padded`, ``padding`` bytes may be read after `json`.
    mutating func scanJSON(_ json: UnsafeBufferPointer<UInt8>, padded: Bool = false, sketching: Bool) -> Bool {
        let before = tokenSixteenths
        let mayHoldPersonalData = scan(json, padded: padded, sketching: sketching)
        tokenSixteenths = before + (tokenSixteenths - before) * 3 / 4
        return mayHoldPersonalData
    }

    /// Scans a text in place when `padded` (``padding`` bytes may be read after it), else from
    /// a padded copy.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, padded: Bool, sketching: Bool) -> Bool {
        padded ? scan(padded: text, sketching: sketching) : scan(text, sketching: sketching)
    }

    /// Adds a fixed cost, such as a message's framing, in whole tokens.
    mutating func addTokens(_ tokens: Int) { tokenSixteenths += tokens * 16 }

    /// The length from which a word of ASCII letters and digits, with a digit, may be a key or
    /// token (``SecretShape``).
    static let keyLikeLength = 16

    /// Scans one text's UTF-8 bytes, as ``scan(padded:sketching:)`` does, from a copy followed
    /// by ``padding`` bytes.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, sketching: Bool = true) -> Bool {
        var copy = [UInt8](repeating: 0, count: text.count + Self.padding)
        copy.withUnsafeMutableBufferPointer { copy in
            guard let base = text.baseAddress else { return }
            copy.baseAddress!.update(from: base, count: text.count)
        }
        return copy.withUnsafeBufferPointer { scan(padded: UnsafeBufferPointer(rebasing: $0[..<text.count]), sketching: sketching) }
    }

    /// What the words of one text add up to.
    private struct WordCounts {
        var units = 0
        var digits = 0
        var sawKeyLikeWord = false
    }

    /// Scans one text's UTF-8 bytes, after which ``padding`` more bytes may be read; returns
    /// whether it may hold personal data (it has an `@`, seven digits, or an ASCII word of
    /// letters and digits as long as a key: ``keyLikeLength``), which ``PersonalDataScanner``
    /// then looks for. With `sketching` false (instructions that every example may share) its
    /// words count as tokens only.
    mutating func scan(padded text: UnsafeBufferPointer<UInt8>, sketching: Bool = true) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        let count = text.count
        var counts = WordCounts()
        var units = 0
        var sawAt = false
        // The sketch is updated in a local and stored back once the text is read.
        var sketcher = self.sketcher
        defer { self.sketcher = sketcher }
        var previousWord: UInt64 = 0
        // The start of a word that runs on from an earlier block, or -1.
        var openStart = -1
        var offset = 0
        // Past the text, a block of padding ends a word that runs to its end.
        while offset < count || openStart >= 0 {
            let block = ByteBlock(UnsafeRawPointer(base + offset), count: count &- offset, followsOutside: offset > 0 && previousWord &>> 63 == 0)
            units &+= block.sixteenths
            if block.runs != 0 { units &+= TokenRuns.correction(block.runs, base: base, offset: offset) }
            sawAt = sawAt || block.hasAt
            let word = block.word
            let wordBefore = word &<< 1 | previousWord &>> 63
            var starts = word & ~wordBefore
            // Padding bytes read as spaces, so a word that ends with the text ends here too.
            var ends = ~word & wordBefore
            previousWord = word
            // Starts and ends alternate: each end closes the word open before it.
            while ends != 0 {
                let end = offset &+ ends.trailingZeroBitCount
                ends &= ends &- 1
                var start = openStart
                if start < 0 {
                    start = offset &+ starts.trailingZeroBitCount
                    starts &= starts &- 1
                }
                openStart = -1
                // A word within this block has only the classes the block has.
                let isWithin = start >= offset
                Self.readWord(
                    base + start, length: end &- start, mayHoldDigits: !isWithin || block.hasDigits, mayHoldHighs: !isWithin || block.hasHighs,
                    sketching: sketching, sketcher: &sketcher, counts: &counts)
            }
            if starts != 0 { openStart = offset &+ starts.trailingZeroBitCount }
            offset &+= ByteBlock.size
        }
        tokenSixteenths += units &+ counts.units
        return sawAt || counts.digits >= 7 || counts.sawKeyLikeWord
    }

    /// Counts the tokens of a word of `length` bytes at `start`, after which ``padding`` more
    /// bytes may be read, and sketches it: its letters, digits and hash eight bytes at a time.
    /// A word of up to eight bytes (most) is one load, looked at for digits and bytes outside
    /// ASCII only when its block holds some (`mayHoldDigits`, `mayHoldHighs`); one of up to 16
    /// is two loads, with no branch on what they hold, which a processor could not predict.
    @_transparent
    private static func readWord(
        _ start: UnsafePointer<UInt8>, length: Int, mayHoldDigits: Bool, mayHoldHighs: Bool, sketching: Bool,
        sketcher: inout WordSketcher, counts: inout WordCounts
    ) {
        var hash: UInt64
        // Digits and bytes outside ASCII are the bytes of a word that are not letters.
        var notLetters = 0
        var digitCount = 0
        var wideLeads: UInt64 = 0
        // The bytes of a word of up to eight, for its pieces.
        var bytes: UInt64 = 0
        if length <= 8 {
            // Most words: one load, and only the classes its block has looked for.
            bytes = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) & ~0 &>> UInt64(truncatingIfNeeded: 64 &- length &* 8)
            if mayHoldHighs {
                notLetters = WordBytes.count(WordBytes.ones(bytes & WordBytes.highBits))
                wideLeads = WordBytes.wideLeads(bytes)
            }
            if mayHoldDigits {
                digitCount = WordBytes.count(WordBytes.ones(WordBytes.digits(bytes)))
                notLetters &+= digitCount
            }
            hash = WordSketcher.hash(bytes, into: WordSketcher.hashSeed(length: length))
        } else if length <= 16 {
            let first = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) & WordBytes.mask(min(length, 8))
            let second = UnsafeRawPointer(start + 8).loadUnaligned(as: UInt64.self) & WordBytes.mask(max(length &- 8, 0))
            let (firstDigits, secondDigits) = (WordBytes.digits(first), WordBytes.digits(second))
            // Both halves' classes counted in one sum each.
            notLetters = WordBytes.count(
                WordBytes.ones(firstDigits | first & WordBytes.highBits) &+ WordBytes.ones(secondDigits | second & WordBytes.highBits))
            digitCount = WordBytes.count(WordBytes.ones(firstDigits) &+ WordBytes.ones(secondDigits))
            wideLeads = WordBytes.wideLeads(first) | WordBytes.wideLeads(second)
            let firstHash = WordSketcher.hash(first, into: WordSketcher.hashSeed(length: length))
            hash = length > 8 ? WordSketcher.hash(second, into: firstHash) : firstHash
        } else {
            (hash, notLetters, digitCount, wideLeads) = (WordSketcher.hashSeed(length: length), 0, 0, 0)
            var offset = 0
            while offset < length {
                let bytes = UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self) & WordBytes.mask(min(length &- offset, 8))
                let digits = WordBytes.digits(bytes)
                notLetters &+= WordBytes.count(WordBytes.ones(digits | bytes & WordBytes.highBits))
                digitCount &+= WordBytes.count(WordBytes.ones(digits))
                wideLeads |= WordBytes.wideLeads(bytes)
                hash = WordSketcher.hash(bytes, into: hash)
                offset &+= 8
            }
        }
        counts.units &+= TokenCosts.word(letters: length &- notLetters)
        if digitCount != 0 {
            counts.units &+= TokenCosts.digits(digitCount)
            counts.digits &+= digitCount
            // Letters and digits only, as keys are.
            if length >= Self.keyLikeLength, notLetters == digitCount { counts.sawKeyLikeWord = true }
        }
        guard sketching else { return }
        if wideLeads == 0 {
            sketcher.add(hash: hash)
        } else if length <= 8 {
            sketcher.splitWideCharacters(bytes, length: length, wideLeads: wideLeads)
        } else {
            sketcher.splitWideCharacters(start, length: length, available: length &+ 8)
        }
    }
}

/// Classes of eight bytes of a word at once, each as its byte's top bit (0x80) in a mask.
enum WordBytes {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let onesPerByte: UInt64 = 0x0101_0101_0101_0101

    /// The ASCII digits.
    @inline(__always)
    static func digits(_ bytes: UInt64) -> UInt64 {
        let ascii = bytes & ~highBits
        return (ascii &+ onesPerByte &* (0x80 - 0x30)) & ~(ascii &+ onesPerByte &* (0x7F - 0x39)) & highBits & ~bytes
    }

    /// The lead bytes of three and four (0xE0 and above): a byte's top three bits, each moved to its top bit.
    @inline(__always)
    static func wideLeads(_ bytes: UInt64) -> UInt64 { bytes & bytes &<< 1 & bytes &<< 2 & highBits }

    /// The first `count` (0 to 8) bytes of a word.
    @inline(__always)
    static func mask(_ count: Int) -> UInt64 {
        // Two shifts of at most 32, so that a count of 0 shifts all 64 bits out.
        let shift = UInt64(truncatingIfNeeded: 32 &- count &* 4)
        return (~0 &>> shift) &>> shift
    }

    /// A mask of top bits as ones in the low bits of their bytes, to be summed with
    /// ``count(_:)``.
    @inline(__always)
    static func ones(_ mask: UInt64) -> UInt64 { mask &>> 7 }

    /// The sum of the bytes of `perByte` (at most 255): how many bytes a mask of ``ones(_:)``
    /// marks, or the sum of two such masks.
    @inline(__always)
    static func count(_ perByte: UInt64) -> Int { Int(truncatingIfNeeded: (perByte &* WordBytes.onesPerByte) &>> 56) }
}

/// The words of an example's texts, each adding the triple it ends to a MinHash sketch.
struct WordSketcher {
    var sketch = MinHashAccumulator()
    private var previousWords: (UInt64, UInt64) = (0, 0)

    /// Adds the triple that a word of `length` bytes at `start` ends; `available` bytes from
    /// `start` may be read.
    @inline(__always)
    mutating func add(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
        add(hash: Self.wordHash(start, length: length, available: available))
    }

    /// Adds the triple that a word whose ``wordHash(_:length:available:)`` is `hash` ends.
    @inline(__always)
    mutating func add(hash: UInt64) {
        sketch.add(Hashing.shingle(previousWords.0, previousWords.1, hash))
        previousWords = (previousWords.1, hash)
    }

    /// Adds the pieces of a word that holds wide characters: each of those, and each run between.
    mutating func splitWideCharacters(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
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

    /// Adds the pieces of a word of at most eight bytes, held in `bytes`, whose lead bytes of
    /// three and four are `wideLeads` (as top bits), as ``splitWideCharacters(_:length:available:)``
    /// does: a lead byte within the character before is not one.
    mutating func splitWideCharacters(_ bytes: UInt64, length: Int, wideLeads: UInt64) {
        var leads = wideLeads
        var runStart = 0
        while leads != 0 {
            let index = leads.trailingZeroBitCount &>> 3
            leads &= leads &- 1
            guard index >= runStart else { continue }
            if index > runStart { addPiece(of: bytes, from: runStart, to: index) }
            let end = min(length, index &+ (bytes &>> UInt64(truncatingIfNeeded: index &* 8) & 0xF0 == 0xF0 ? 4 : 3))
            addPiece(of: bytes, from: index, to: end)
            runStart = end
        }
        if runStart < length { addPiece(of: bytes, from: runStart, to: length) }
    }

    /// Adds the bytes `start..<end` of a word held in `bytes` as a word of their own.
    @inline(__always)
    private mutating func addPiece(of bytes: UInt64, from start: Int, to end: Int) {
        let piece = bytes &>> UInt64(truncatingIfNeeded: start &* 8) & ~0 &>> UInt64(truncatingIfNeeded: 64 &- (end &- start) &* 8)
        add(hash: Self.hash(piece, into: Self.hashSeed(length: end &- start)))
    }

    /// The hash of a word, ASCII letters lowered, eight bytes at a time: its high bits are
    /// well mixed, and ``Hashing/shingle(_:_:_:)`` mixes the rest.
    @inline(__always)
    static func wordHash(_ start: UnsafePointer<UInt8>, length: Int, available: Int) -> UInt64 {
        var hash = hashSeed(length: length)
        if length <= 8, available >= 8 {
            // Most words: one load.
            return Self.hash(
                UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) & ~0 &>> UInt64(truncatingIfNeeded: 64 &- length &* 8), into: hash)
        }
        var offset = 0
        while offset < length {
            hash = Self.hash(eightBytes(start, at: offset, length: length, available: available), into: hash)
            offset &+= 8
        }
        return hash
    }

    /// The start of ``wordHash(_:length:available:)`` for a word of `length` bytes.
    @inline(__always)
    static func hashSeed(length: Int) -> UInt64 { UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15 }

    /// `hash` with eight bytes of a word (zeros after its end) added, ASCII letters lowered.
    @inline(__always)
    static func hash(_ bytes: UInt64, into hash: UInt64) -> UInt64 { (hash ^ (bytes | upperCase(bytes) &>> 2)) &* 0xC2B2_AE3D_27D4_EB4F }

    /// The word's bytes from `offset`, up to eight of them and zeros after its end, in one load
    /// when eight bytes may be read there (`available` from `start`), else one at a time.
    @inline(__always)
    static func eightBytes(_ start: UnsafePointer<UInt8>, at offset: Int, length: Int, available: Int) -> UInt64 {
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
        // letters == 0 ? 0 : (letters <= 7 ? 16 : 16 + (letters - 7) * 4), without a branch:
        // the sign bits of -letters and of letters - 8 tell the cases apart.
        let beyondSeven = letters &- 7
        return 16 &* Int(truncatingIfNeeded: UInt(bitPattern: 0 &- letters) &>> 63) &+ 4 &* (beyondSeven & ~(beyondSeven &>> 63))
    }

    /// The cost of a word's digits: cl100k splits numbers into groups of up to three.
    @inline(__always)
    static func digits(_ count: Int) -> Int { count == 0 ? 0 : (count &+ 2) / 3 &* 16 }
}
