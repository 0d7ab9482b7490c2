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

    /// Scans one text's UTF-8 bytes, after which ``padding`` more bytes may be read; returns
    /// whether it may hold personal data (it has an `@`, seven digits, or an ASCII word of
    /// letters and digits as long as a key: ``keyLikeLength``), which ``PersonalDataScanner``
    /// then looks for. With `sketching` false (instructions that every example may share) its
    /// words count as tokens only.
    ///
    /// Each block's words are read first, their hashes queued, and then added to the sketch
    /// in a loop of their own: the word loop keeps fewer values at once (registers, not the
    /// stack), and the sketch's loop is a short chain with nothing else in it.
    mutating func scan(padded text: UnsafeBufferPointer<UInt8>, sketching: Bool = true) -> Bool {
        guard let base = text.baseAddress, !text.isEmpty else { return false }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: WordTally.queueCapacity) { queue in
            scan(base, count: text.count, sketching: sketching, queue: queue.baseAddress!)
        }
    }

    /// ``scan(padded:sketching:)`` with a queue of ``WordTally/queueCapacity`` hashes.
    @inline(__always)
    private mutating func scan(_ base: UnsafePointer<UInt8>, count: Int, sketching: Bool, queue: UnsafeMutablePointer<UInt64>) -> Bool {
        var words = WordTally(queue: queue)
        var units = 0
        var sawAt = false
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
            if openStart >= 0, ends != 0 {
                // The word that runs on from an earlier block ends at this block's first end;
                // the block's classes do not tell what its bytes before the block hold.
                let length = offset &+ ends.trailingZeroBitCount &- openStart
                if length <= 8 {
                    words.readShort(base + openStart, length: length, mayHoldDigits: true, mayHoldWideCharacters: true)
                } else if length > 16 || !words.readMedium(base + openStart, length: length) {
                    readElsewhere(base + openStart, length: length, sketching: sketching, words: &words)
                }
                ends &= ends &- 1
                openStart = -1
            }
            // The other words lie within the block: starts and ends alternate.
            let blockStart = base + offset
            while ends != 0 {
                let start = blockStart + starts.trailingZeroBitCount
                let length = ends.trailingZeroBitCount &- starts.trailingZeroBitCount
                starts &= starts &- 1
                ends &= ends &- 1
                if length <= 8 {
                    words.readShort(start, length: length, mayHoldDigits: block.hasDigits, mayHoldWideCharacters: block.hasWideCharacters)
                } else if length > 16 || !words.readMedium(start, length: length) {
                    readElsewhere(start, length: length, sketching: sketching, words: &words)
                }
            }
            if starts != 0 { openStart = offset &+ starts.trailingZeroBitCount }
            // Emptied when another block's words might not fit, and at the end.
            if words.queued > WordTally.queueCapacity &- WordTally.mostQueuedInABlock {
                if sketching { sketcher.add(queue, count: words.queued) }
                words.empty()
            }
            offset &+= ByteBlock.size
        }
        if sketching { sketcher.add(queue, count: words.queued) }
        tokenSixteenths += units &+ words.units
        return sawAt || words.digits >= 7 || words.sawKeyLikeWord
    }

    /// Reads a word that ``WordTally`` does not (one of 17 bytes or more, or of nine or more
    /// with wide characters) after the words queued before it.
    @inline(__always)
    private mutating func readElsewhere(_ start: UnsafePointer<UInt8>, length: Int, sketching: Bool, words: inout WordTally) {
        if sketching { sketcher.add(words.queue, count: words.queued) }
        words.empty()
        // The counts come back by value, so the tally is never passed by address (which would
        // keep it in memory rather than registers for the whole scan).
        words.count(WordCounts(start, length: length))
        if sketching { sketcher.splitWideCharactersIfAny(start, length: length) }
    }
}

/// What a word of any length adds to the token estimate, read eight bytes at a time
/// (``WordBytes/Classes``).
struct WordCounts {
    /// Its tokens, in sixteenths.
    var units: Int
    var digits: Int
    /// Whether it has the shape of a key: letters and digits only (a digit among them), as long as one.
    var isKeyLike: Bool

    @inline(never)
    init(_ start: UnsafePointer<UInt8>, length: Int) {
        var (letters, digits, highs): (Int, Int, UInt64) = (0, 0, 0)
        var offset = 0
        while offset < length {
            let mask = WordBytes.mask(min(length &- offset, 8))
            let bytes = UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self) & mask
            let classes = WordBytes.Classes(bytes, within: WordBytes.highBits & mask)
            letters &+= WordBytes.count(WordBytes.ones(classes.letters))
            digits &+= WordBytes.count(WordBytes.ones(classes.digits))
            highs |= bytes & WordBytes.highBits
            offset &+= 8
        }
        units = TokenCosts.word(letters: letters) &+ TokenCosts.digits(digits)
        self.digits = digits
        isKeyLike = digits != 0 && highs == 0 && length >= TextScanner.keyLikeLength
    }
}

/// What the words of one text add up to as ``TextScanner`` reads them: their tokens, their
/// digits and whether one looks like a key, and the hashes of the words of the last blocks
/// read, queued for the sketch. A word of up to 16 bytes (nearly all) is read here, in one
/// or two loads with no branch on what they hold.
struct WordTally {
    /// The most hashes queued, emptied once it holds more than this less
    /// ``mostQueuedInABlock``: 1 KiB, which `withUnsafeTemporaryAllocation` keeps on the stack
    /// (twice as much went to the heap).
    static let queueCapacity = 2 * ByteBlock.size
    /// The most hashes one block queues: a piece of a word takes a byte at least, so the words
    /// within the block give at most 64, and a word of up to eight bytes that runs on from the
    /// block before at most eight.
    static let mostQueuedInABlock = ByteBlock.size + 8
    /// The hashes of the words read since the queue was last emptied, up to `queueEnd`.
    let queue: UnsafeMutablePointer<UInt64>
    private var queueEnd: UnsafeMutablePointer<UInt64>
    /// The words' tokens, in sixteenths.
    private(set) var units = 0
    private(set) var digits = 0
    private(set) var sawKeyLikeWord = false

    init(queue: UnsafeMutablePointer<UInt64>) {
        self.queue = queue
        queueEnd = queue
    }

    /// How many hashes are queued.
    var queued: Int { queue.distance(to: queueEnd) }

    /// Empties the queue, once its hashes are in the sketch.
    @inline(__always)
    mutating func empty() { queueEnd = queue }

    /// Adds the counts of a word read elsewhere.
    @inline(__always)
    mutating func count(_ counts: WordCounts) {
        units &+= counts.units
        digits &+= counts.digits
        sawKeyLikeWord = sawKeyLikeWord || counts.isKeyLike
    }

    /// Reads a word of one to eight bytes at `start`, in one load, looked at for digits and
    /// wide characters only when its block holds some.
    @_transparent
    mutating func readShort(_ start: UnsafePointer<UInt8>, length: Int, mayHoldDigits: Bool, mayHoldWideCharacters: Bool) {
        let shift = UInt64(truncatingIfNeeded: 64 &- length &* 8)
        let bytes = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) & ~0 &>> shift
        let classes = WordBytes.Classes(bytes, within: WordBytes.highBits &>> shift)
        units &+= TokenCosts.word(upToEightLetters: WordBytes.count(WordBytes.ones(classes.letters)))
        if mayHoldDigits, classes.digits != 0 {
            countDigits(WordBytes.count(WordBytes.ones(classes.digits)), length: length, highs: bytes & WordBytes.highBits)
        }
        if mayHoldWideCharacters, WordBytes.wideLeads(bytes) != 0 {
            // Two characters of three bytes (a word of Chinese or Japanese, say) are its pieces
            // as they lie; any other mix is split by the general rule.
            if length == 6, WordBytes.wideLeads(bytes) | bytes & 0x1000_0010 == 0x8000_0080 {
                queueEnd[0] = WordSketcher.hash(lowered: classes.lowered & 0xFF_FFFF, into: WordSketcher.hashSeed(length: 3))
                queueEnd[1] = WordSketcher.hash(lowered: classes.lowered &>> 24, into: WordSketcher.hashSeed(length: 3))
                queueEnd += 2
            } else {
                queueEnd = Self.queuePieces(of: classes.lowered, length: length, wideLeads: WordBytes.wideLeads(bytes), at: queueEnd)
            }
        } else {
            queueEnd.pointee = WordSketcher.hash(lowered: classes.lowered, into: WordSketcher.hashSeed(length: length))
            queueEnd += 1
        }
    }

    /// Reads a word of nine to 16 bytes at `start`, in two loads; returns false, having read
    /// nothing, when it holds wide characters.
    @_transparent
    mutating func readMedium(_ start: UnsafePointer<UInt8>, length: Int) -> Bool {
        let shift = UInt64(truncatingIfNeeded: 128 &- length &* 8)
        let first = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
        let second = UnsafeRawPointer(start + 8).loadUnaligned(as: UInt64.self) & ~0 &>> shift
        guard WordBytes.wideLeads(first) | WordBytes.wideLeads(second) == 0 else { return false }
        let firstClasses = WordBytes.Classes(first, within: WordBytes.highBits)
        let secondClasses = WordBytes.Classes(second, within: WordBytes.highBits &>> shift)
        // Both halves' classes counted in one sum each.
        units &+= TokenCosts.word(letters: WordBytes.count(WordBytes.ones(firstClasses.letters) &+ WordBytes.ones(secondClasses.letters)))
        if firstClasses.digits | secondClasses.digits != 0 {
            countDigits(
                WordBytes.count(WordBytes.ones(firstClasses.digits) &+ WordBytes.ones(secondClasses.digits)), length: length,
                highs: (first | second) & WordBytes.highBits)
        }
        let hash = WordSketcher.hash(lowered: firstClasses.lowered, into: WordSketcher.hashSeed(length: length))
        queueEnd.pointee = WordSketcher.hash(lowered: secondClasses.lowered, into: hash)
        queueEnd += 1
        return true
    }

    /// Counts a word's `count` digits (not 0), which is a key's shape when it is as long as one
    /// and has no byte outside ASCII (its top bits `highs`).
    @inline(__always)
    private mutating func countDigits(_ count: Int, length: Int, highs: UInt64) {
        units &+= TokenCosts.digits(count)
        digits &+= count
        if length >= TextScanner.keyLikeLength, highs == 0 { sawKeyLikeWord = true }
    }

    /// Queues the hashes of the pieces of a word of up to eight bytes that holds wide
    /// characters (``WordHashSink/splitWideCharacters(lowered:length:wideLeads:)``) at `queueEnd`;
    /// returns where the queue ends then.
    @inline(never)
    private static func queuePieces(
        of lowered: UInt64, length: Int, wideLeads: UInt64, at queueEnd: UnsafeMutablePointer<UInt64>
    ) -> UnsafeMutablePointer<UInt64> {
        var pieces = QueuedPieces(end: queueEnd)
        pieces.splitWideCharacters(lowered: lowered, length: length, wideLeads: wideLeads)
        return pieces.end
    }

    /// The pieces of a word, queued.
    private struct QueuedPieces: WordHashSink {
        var end: UnsafeMutablePointer<UInt64>

        mutating func add(hash: UInt64) {
            end.pointee = hash
            end += 1
        }
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

    /// ``word(letters:)`` for at most eight letters, in one shift of a table of nibbles (in
    /// fours of sixteenths: 0 for none, 4 for one to seven, 5 for eight), with no branch.
    @inline(__always)
    static func word(upToEightLetters letters: Int) -> Int {
        Int(truncatingIfNeeded: 0x5_4444_4440 as UInt64 &>> UInt64(truncatingIfNeeded: letters &* 4) & 0xF) &* 4
    }

    /// The cost of a word's digits: cl100k splits numbers into groups of up to three.
    @inline(__always)
    static func digits(_ count: Int) -> Int { count == 0 ? 0 : (count &+ 2) / 3 &* 16 }
}
