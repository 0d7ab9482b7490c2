/// Eight bytes of a word at once, each class as its byte's top bit (0x80) in a mask.
enum WordBytes {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let onesPerByte: UInt64 = 0x0101_0101_0101_0101

    /// The classes of up to eight bytes of a word, which holds nothing but ASCII letters,
    /// ASCII digits and bytes outside ASCII: below 0x80, a byte with bit 6 set is a letter
    /// (0x41 to 0x7A) and one without is a digit (0x30 to 0x39), so each class is a shift
    /// and a mask, with no compare.
    struct Classes {
        /// The letters and the digits, among the bytes of `within`.
        let letters: UInt64
        let digits: UInt64
        /// The bytes with their letters lowered, as ``WordSketcher/hash(_:into:)`` lowers them: a
        /// digit has the case bit (0x20) already, so every ASCII byte of a word takes it.
        let lowered: UInt64

        /// The classes of `bytes`, whose bytes outside `within` (top bits of the word's bytes) are 0.
        @inline(__always)
        init(_ bytes: UInt64, within: UInt64) {
            let ascii = ~bytes & within
            let bitSix = bytes &<< 1
            letters = ascii & bitSix
            digits = ascii & ~bitSix
            lowered = bytes | ascii &>> 2
        }
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

/// What takes the hashes of a text's words in order, each ending a triple for a MinHash
/// sketch: the pieces of words that hold wide characters are split here, for every taker alike.
protocol WordHashSink {
    /// Adds the triple that a word whose ``WordSketcher/wordHash(_:length:available:)`` is `hash` ends.
    mutating func add(hash: UInt64)
}

extension WordHashSink {
    /// Adds the triple that a word of `length` bytes at `start` ends; `available` bytes from
    /// `start` may be read.
    @inline(__always)
    mutating func add(_ start: UnsafePointer<UInt8>, length: Int, available: Int) {
        add(hash: WordSketcher.wordHash(start, length: length, available: available))
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

    /// Adds the pieces of a word of at most eight bytes, held lowered (``WordBytes/Classes/lowered``)
    /// in `lowered`, whose lead bytes of three and four are `wideLeads` (as top bits), as
    /// ``splitWideCharacters(_:length:available:)`` does: a lead byte within the character
    /// before is not one.
    mutating func splitWideCharacters(lowered: UInt64, length: Int, wideLeads: UInt64) {
        var leads = wideLeads
        var runStart = 0
        while leads != 0 {
            let index = leads.trailingZeroBitCount &>> 3
            leads &= leads &- 1
            guard index >= runStart else { continue }
            if index > runStart { addPiece(of: lowered, from: runStart, to: index) }
            let end = min(length, index &+ (lowered &>> UInt64(truncatingIfNeeded: index &* 8) & 0xF0 == 0xF0 ? 4 : 3))
            addPiece(of: lowered, from: index, to: end)
            runStart = end
        }
        if runStart < length { addPiece(of: lowered, from: runStart, to: length) }
    }

    /// Adds the bytes `start..<end` of a lowered word held in `lowered` as a word of their own.
    @inline(__always)
    private mutating func addPiece(of lowered: UInt64, from start: Int, to end: Int) {
        let piece = lowered &>> UInt64(truncatingIfNeeded: start &* 8) & ~0 &>> UInt64(truncatingIfNeeded: 64 &- (end &- start) &* 8)
        add(hash: WordSketcher.hash(lowered: piece, into: WordSketcher.hashSeed(length: end &- start)))
    }
}

/// The words of an example's texts, each adding the triple it ends to a MinHash sketch: what
/// a ``TextScanner`` keeps from one text to the next.
struct WordSketcher: WordHashSink {
    var sketch = MinHashAccumulator()
    /// The hashes of the last two words, which start the triple of the next.
    var previousWords: (UInt64, UInt64) = (0, 0)

    @inline(__always)
    mutating func add(hash: UInt64) {
        sketch.add(Hashing.shingle(previousWords.0, previousWords.1, hash))
        previousWords = (previousWords.1, hash)
    }

    /// Adds the words whose hashes are the first `count` at `hashes`, in order: a short chain
    /// of a few multiplies and a store each, the last two words in registers.
    @inline(__always)
    mutating func add(_ hashes: UnsafePointer<UInt64>, count: Int) {
        guard count > 0 else { return }
        var (first, second) = previousWords
        sketch.withBins { bins in
            // Two words a step, so that the last two words move along without copies.
            var index = 0
            while index &+ 2 <= count {
                let (third, fourth) = (hashes[index], hashes[index &+ 1])
                bins.add(Hashing.shingle(first, second, third))
                bins.add(Hashing.shingle(second, third, fourth))
                (first, second) = (third, fourth)
                index &+= 2
            }
            if index < count {
                let third = hashes[index]
                bins.add(Hashing.shingle(first, second, third))
                (first, second) = (second, third)
            }
        }
        previousWords = (first, second)
        sketch.countFeatures(count)
    }

    /// Adds a word of `length` bytes at `start`, after which ``TextScanner/padding`` more bytes
    /// may be read, or its pieces when it holds wide characters.
    @inline(never)
    mutating func splitWideCharactersIfAny(_ start: UnsafePointer<UInt8>, length: Int) {
        var offset = 0
        while offset < length {
            if WordBytes.wideLeads(UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self) & WordBytes.mask(min(length &- offset, 8))) != 0 {
                splitWideCharacters(start, length: length, available: length &+ 8)
                return
            }
            offset &+= 8
        }
        add(start, length: length, available: length &+ 8)
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
    static func hash(_ bytes: UInt64, into hash: UInt64) -> UInt64 { Self.hash(lowered: bytes | upperCase(bytes) &>> 2, into: hash) }

    /// `hash` with eight bytes of a word added whose letters are lowered already.
    @inline(__always)
    static func hash(lowered bytes: UInt64, into hash: UInt64) -> UInt64 { (hash ^ bytes) &* 0xC2B2_AE3D_27D4_EB4F }

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
        let ascii = bytes & ~WordBytes.highBits
        let atLeastA = ascii &+ WordBytes.onesPerByte &* (0x80 - 0x41)
        let aboveZ = ascii &+ WordBytes.onesPerByte &* (0x7F - 0x5A)
        return atLeastA & ~aboveZ & WordBytes.highBits & ~bytes
    }
}
