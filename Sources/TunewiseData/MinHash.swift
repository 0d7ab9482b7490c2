/// A MinHash sketch of an example's word triples, built one feature at a time with one hash
/// a feature (one-permutation hashing, Li, Owen and Zhang 2012): the feature's top bits pick
/// one of ``binCount`` bins, which keeps the least of its features' other bits.
///
/// Two examples' sketches agree in a bin about as often as their sets of word triples
/// overlap (their Jaccard similarity), which is what near-duplicates are judged by.
struct MinHashAccumulator {
    /// The bins of a sketch.
    static let binCount = MinHashSignature.binCount
    private static let empty = UInt32.max

    /// The bins, then eight lanes past them that are never written: those hold 0, so that the
    /// bins are told empty or not with one compare of all the lanes.
    private var minimums = SIMD32<UInt32>(
        lowHalf: SIMD16<UInt32>(repeating: Self.empty),
        highHalf: SIMD16<UInt32>(lowHalf: SIMD8<UInt32>(repeating: Self.empty), highHalf: SIMD8<UInt32>(repeating: 0)))
    /// How many features were added.
    private(set) var featureCount = 0

    @inline(__always)
    mutating func add(_ feature: UInt64) {
        withBins { $0.add(feature) }
        featureCount &+= 1
    }

    /// Runs `body` with the bins in place, to add many features in one loop (the address of the
    /// bins taken once); the features added so are counted with ``countFeatures(_:)``.
    @inline(__always)
    mutating func withBins<Result>(_ body: (MinHashBins) -> Result) -> Result {
        withUnsafeMutableBytes(of: &minimums) { body(MinHashBins(base: $0.baseAddress!.assumingMemoryBound(to: UInt32.self))) }
    }

    /// Counts `count` features added through ``withBins(_:)``.
    mutating func countFeatures(_ count: Int) { featureCount &+= count }

    /// The sketch of the features added, with empty bins filled from the next full one to
    /// their right, shifted by how far it was (rotation, Shrivastava and Li 2014), so that
    /// every bin of a short example holds a value that a similar example's sketch shares.
    ///
    /// Each bin's low byte is gathered at once; then only the empty bins (most sketches have a
    /// few: filling all 24 takes some 90 features) are patched, each finding its next full bin
    /// as the trailing zeros of the full bins' mask, doubled so that it wraps around.
    func signature() -> MinHashSignature {
        // The bins read from memory: a vector indexed by a variable would be stored at each read.
        withUnsafeBytes(of: minimums) { raw in
            let minimums = raw.bindMemory(to: UInt32.self)
            var empty: UInt64 = 0
            for bin in 0..<Self.binCount { empty |= (minimums[bin] == Self.empty ? 1 : 0) &<< UInt64(bin) }
            var words = (Self.lowBytes(raw, from: 0), Self.lowBytes(raw, from: 8), Self.lowBytes(raw, from: 16))
            let full = ~empty & (1 &<< UInt64(Self.binCount) &- 1)
            let fullTwice = full | full &<< UInt64(Self.binCount)
            while empty != 0 {
                let bin = empty.trailingZeroBitCount
                empty &= empty &- 1
                // With no full bin, a bin's walk comes back to itself after all of them.
                let distance = full == 0 ? Self.binCount : (fullTwice &>> UInt64(bin)).trailingZeroBitCount
                let source = (bin &+ distance) % Self.binCount
                // The low bits of a minimum are as random as the rest; eight of them suffice.
                let byte = UInt64(UInt8(truncatingIfNeeded: minimums[source] &+ UInt32(distance) &* 0x9E37_79B9))
                let shift = UInt64(bin % 8 * 8)
                switch bin / 8 {
                case 0: words.0 = words.0 & ~(0xFF &<< shift) | byte &<< shift
                case 1: words.1 = words.1 & ~(0xFF &<< shift) | byte &<< shift
                default: words.2 = words.2 & ~(0xFF &<< shift) | byte &<< shift
                }
            }
            return MinHashSignature(words: words)
        }
    }
}

extension MinHashAccumulator {
    /// The low bytes of the eight bins from `first`, in order: each 64-bit load holds two bins,
    /// whose low bytes are its bytes 0 and 4.
    @inline(__always)
    fileprivate static func lowBytes(_ raw: UnsafeRawBufferPointer, from first: Int) -> UInt64 {
        var word: UInt64 = 0
        for pair in 0..<4 {
            let two = raw.loadUnaligned(fromByteOffset: (first + pair * 2) * 4, as: UInt64.self)
            word |= (two & 0xFF | two &>> 24 & 0xFF00) &<< UInt64(pair * 16)
        }
        return word
    }
}

/// The bins of a ``MinHashAccumulator`` in place, while ``MinHashAccumulator/withBins(_:)`` runs.
struct MinHashBins {
    let base: UnsafeMutablePointer<UInt32>

    /// Adds a feature: its top 32 bits scaled to a bin, which keeps the least of the low 32 bits.
    @inline(__always)
    func add(_ feature: UInt64) {
        // (top × bins) >> 32 as (top × bins / 8) >> 29, the bins being eight a word: for 24,
        // one address computation (× 3) and a shift.
        let place = base + Int(truncatingIfNeeded: ((feature &>> 32) &* UInt64(MinHashAccumulator.binCount / 8)) &>> 29)
        // Stored either way, so that no branch depends on the value.
        place.pointee = min(UInt32(truncatingIfNeeded: feature), place.pointee)
    }
}

/// The MinHash sketch of an example: ``binCount`` bins of eight bits (b-bit minwise hashing,
/// Li and König 2010), 24 bytes an example however long it is.
public struct MinHashSignature: Equatable, Hashable, Sendable {
    /// The bins of a sketch.
    public static let binCount = 24
    /// Bins that must agree for two examples to be near-duplicates: about 70% of their word
    /// triples shared.
    public static let matchingBins = 17
    /// The bins in groups of four; examples that agree on a whole band are compared.
    static let bandCount = 6

    private var words: (UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64)) { self.words = words }

    /// The bins' values, first to last.
    var bins: [UInt8] {
        [words.0, words.1, words.2].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word &>> UInt64($0 * 8)) } }
    }

    /// The four bins of band `band`, as one key.
    func band(_ band: Int) -> UInt32 {
        let word = band < 2 ? words.0 : (band < 4 ? words.1 : words.2)
        return UInt32(truncatingIfNeeded: word &>> UInt64(band % 2 * 32))
    }

    /// How many bins agree with `other`'s.
    @inline(__always)
    func matches(_ other: MinHashSignature) -> Int {
        Self.equalBytes(words.0 ^ other.words.0) &+ Self.equalBytes(words.1 ^ other.words.1)
            &+ Self.equalBytes(words.2 ^ other.words.2)
    }

    /// Whether `other` nearly repeats this example.
    @inline(__always)
    func isNear(_ other: MinHashSignature) -> Bool { matches(other) >= Self.matchingBins }

    /// The zero bytes of `difference`.
    @inline(__always)
    private static func equalBytes(_ difference: UInt64) -> Int {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let nonzero = ((difference & low) &+ low | difference) & ~low
        return 8 &- Int(truncatingIfNeeded: ((nonzero &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    public static func == (first: MinHashSignature, second: MinHashSignature) -> Bool {
        first.words == second.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }
}
