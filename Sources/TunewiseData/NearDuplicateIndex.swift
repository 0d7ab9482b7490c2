/// MinHash sketches of a file's examples, kept in the order read (32 bytes an example), and
/// compared once the file is read.
///
/// Locality-sensitive banding: each sketch is split into ``MinHashSignature/bandCount`` bands
/// of four bins, and only examples that agree on a whole band are compared. Two examples
/// sharing 70% of their word triples agree on some band about 96% of the time, unrelated
/// ones almost never; so for each band the sketches are grouped by that band and only those
/// in the same group are compared, in file order: close to linear time.
public struct NearDuplicateIndex: Sendable {
    /// The most earlier examples with the same band each one is compared with, so that
    /// thousands of near-identical examples stay linear.
    static let comparisonLimit = 64

    private var signatures = PagedArray<MinHashSignature>()
    /// The line of each example.
    private(set) var lines = PagedArray<Int>()

    public init() {}

    /// How many sketches are kept.
    public var count: Int { signatures.count }

    /// Keeps the sketch of the example at `line`; lines must increase.
    mutating func append(_ signature: MinHashSignature, line: Int) {
        signatures.append(signature)
        lines.append(line)
    }

    /// For each example in order, the line of an earlier one it nearly repeats, or 0.
    ///
    /// Each band's groups are sorted on two threads (``BandGroups``), and an example is in one
    /// bucket of each band (by its key's top 16 bits), so the two halves of the buckets are
    /// then searched on two threads at once. The bands stay in order, as an example keeps the
    /// match of the first band that finds one.
    func earlierNearMatches() -> [Int] {
        var earlier = [Int](repeating: 0, count: count)
        guard count > 1 else { return earlier }
        let buffers = BandGroups.Buffers(count: count)
        defer { buffers.deallocate() }
        earlier.withUnsafeMutableBufferPointer { earlier in
            let earlier = SharedMatches(earlier: earlier)
            let half = BandGroups.bucketCount / 2
            for band in 0..<MinHashSignature.bandCount {
                let groups = BandGroups(signatures, band: band, in: buffers)
                groups.inParallel(
                    { findEarlier(in: groups, buckets: 0..<half, earlier: earlier) },
                    { [self] in findEarlier(in: groups, buckets: half..<BandGroups.bucketCount, earlier: earlier) })
            }
        }
        return earlier
    }

    /// The matches the two threads of ``earlierNearMatches()`` share: each writes only the
    /// entries of the examples in its buckets.
    private struct SharedMatches: @unchecked Sendable {
        let earlier: UnsafeMutableBufferPointer<Int>
    }

    /// Notes, for the examples whose key is in `buckets` of `groups` and that no earlier band
    /// matched, the line of the first earlier example in their group that they nearly repeat.
    private func findEarlier(in groups: BandGroups, buckets: Range<Int>, earlier: SharedMatches) {
        groups.sort(buckets)
        let earlier = earlier.earlier
        groups.forEachGroup(in: groups.places(of: buckets)) { range in
            for later in range.dropFirst() {
                let laterIndex = groups.index(later)
                guard earlier[laterIndex] == 0 else { continue }
                for candidate in max(range.lowerBound, later - Self.comparisonLimit)..<later
                where signatures[groups.index(candidate)].isNear(signatures[laterIndex]) {
                    earlier[laterIndex] = lines[groups.index(candidate)]
                    break
                }
            }
        }
    }

    /// Those of these examples that nearly repeat one in `reference`, each as its line and
    /// the line of one it nearly repeats, in line order.
    func nearPairs(in reference: NearDuplicateIndex) -> [LinePair] {
        // For each example, the place in `reference` of one it nearly repeats, or -1: four bytes an example.
        var matched = [Int32](repeating: -1, count: count)
        guard count > 0, reference.count > 0 else { return [] }
        let queryBuffers = BandGroups.Buffers(count: count)
        let knownBuffers = BandGroups.Buffers(count: reference.count)
        defer {
            queryBuffers.deallocate()
            knownBuffers.deallocate()
        }
        for band in 0..<MinHashSignature.bandCount {
            let queries = BandGroups(signatures, band: band, in: queryBuffers)
            let known = BandGroups(reference.signatures, band: band, in: knownBuffers)
            queries.sort(0..<BandGroups.bucketCount)
            known.sort(0..<BandGroups.bucketCount)
            var knownPlace = 0
            queries.forEachGroup(in: 0..<queries.count, ofAtLeast: 1) { range in
                let key = queries.key(range.lowerBound)
                while knownPlace < known.count, known.key(knownPlace) < key { knownPlace += 1 }
                var knownEnd = knownPlace
                while knownEnd < known.count, known.key(knownEnd) == key { knownEnd += 1 }
                let candidates = max(knownPlace, knownEnd - Self.comparisonLimit)..<knownEnd
                guard !candidates.isEmpty else { return }
                for query in range where matched[queries.index(query)] < 0 {
                    let signature = signatures[queries.index(query)]
                    if let near = candidates.first(where: { reference.signatures[known.index($0)].isNear(signature) }) {
                        matched[queries.index(query)] = Int32(known.index(near))
                    }
                }
            }
        }
        return matched.indices.compactMap { place in
            matched[place] < 0 ? nil : LinePair(line: lines[place], earlierLine: reference.lines[Int(matched[place])])
        }.sorted { $0.line < $1.line }
    }
}

/// Sketches sorted by one band: each band key's examples together, in file order. A counting
/// sort by the key's top 16 bits on two threads, each of which counts and places half of the
/// examples (in each bucket the first half's before the second's, so file order holds) with
/// no branch on the bucket, which a processor could not predict; then each bucket (a few
/// examples) sorted with ``sort(_:)``: linear time, and eight bytes an example, in buffers
/// the caller owns.
private struct BandGroups: @unchecked Sendable {
    static let bucketCount = 1 << 16
    /// Each example's band key (the high 32 bits) and index (the low 32), in bucket order.
    private let entries: UnsafeMutableBufferPointer<UInt64>
    /// Two places a bucket (``Buffers/places``); once the examples are placed, the second
    /// ones are where the buckets end.
    private let places: UnsafeMutableBufferPointer<UInt32>
    /// Whether there are enough examples that a second thread saves more than it costs.
    private let isWorthAThread: Bool

    /// The buffers of the groups of `count` examples, which each band's groups use in turn.
    struct Buffers {
        let entries: UnsafeMutableBufferPointer<UInt64>
        /// Two places a bucket: those of the first half of the examples, then the second's.
        let places: UnsafeMutableBufferPointer<UInt32>

        init(count: Int) {
            entries = .allocate(capacity: count)
            places = .allocate(capacity: 2 * BandGroups.bucketCount)
        }

        func deallocate() {
            entries.deallocate()
            places.deallocate()
        }
    }

    /// The examples placed in their buckets by the key of `band`, in `buffers`; each bucket
    /// must be sorted (``sort(_:)``) before its groups are read.
    init(_ signatures: PagedArray<MinHashSignature>, band: Int, in buffers: Buffers) {
        // Offsets of 32 bits, as the entries hold an index of 32 bits, in buffers (an array
        // would be checked for sharing at every count).
        entries = UnsafeMutableBufferPointer(rebasing: buffers.entries[..<signatures.count])
        places = buffers.places
        isWorthAThread = signatures.count >= 1 << 12
        places.initialize(repeating: 0)
        let halves = (0..<(signatures.count / 2), (signatures.count / 2)..<signatures.count)
        inParallel({ count(signatures, halves.0, band: band, half: 0) }, { [self] in count(signatures, halves.1, band: band, half: 1) })
        // Each bucket's first place for each half's examples: the first half's, then the second's.
        var next: UInt32 = 0
        for bucket in 0..<Self.bucketCount {
            let (first, second) = (places[bucket], places[Self.bucketCount + bucket])
            (places[bucket], places[Self.bucketCount + bucket]) = (next, next &+ first)
            next &+= first &+ second
        }
        // Each half's places move on as its examples are placed: the second half's end where
        // their buckets end.
        inParallel({ place(signatures, halves.0, band: band, half: 0) }, { [self] in place(signatures, halves.1, band: band, half: 1) })
    }

    /// Counts the examples in `range` (half `half` of them) in their buckets.
    private func count(_ signatures: PagedArray<MinHashSignature>, _ range: Range<Int>, band: Int, half: Int) {
        let counts = places.baseAddress! + half &* Self.bucketCount
        signatures.visit(range) { _, signature in counts[Int(signature.band(band) &>> 16)] &+= 1 }
    }

    /// Places the examples in `range` (half `half` of them) at their buckets' next places.
    private func place(_ signatures: PagedArray<MinHashSignature>, _ range: Range<Int>, band: Int, half: Int) {
        let next = places.baseAddress! + half &* Self.bucketCount
        signatures.visit(range) { index, signature in
            let key = signature.band(band)
            let bucket = Int(key &>> 16)
            entries[Int(next[bucket])] = UInt64(key) &<< 32 | UInt64(truncatingIfNeeded: index)
            next[bucket] &+= 1
        }
    }

    /// Runs `body` and `other` with ``inParallel(_:_:)`` when there are enough examples,
    /// else one after the other.
    func inParallel(_ body: () -> Void, _ other: @escaping @Sendable () -> Void) {
        guard isWorthAThread else {
            body()
            other()
            return
        }
        TunewiseData.inParallel(body, other)
    }

    /// The places of the entries of `buckets`.
    func places(of buckets: Range<Int>) -> Range<Int> {
        guard !buckets.isEmpty else { return 0..<0 }
        let bucketEnds = places.baseAddress! + Self.bucketCount
        let start = buckets.lowerBound == 0 ? 0 : Int(bucketEnds[buckets.lowerBound - 1])
        return start..<Int(bucketEnds[buckets.upperBound - 1])
    }

    /// Sorts the entries of each of `buckets`, so that their groups are together in file order.
    func sort(_ buckets: Range<Int>) {
        for bucket in buckets {
            let places = self.places(of: bucket..<(bucket + 1))
            if places.count > 1 { Self.sort(UnsafeMutableBufferPointer(rebasing: entries[places])) }
        }
    }

    /// Sorts a bucket: by insertion when it is small, as nearly all are (a few examples).
    private static func sort(_ bucket: UnsafeMutableBufferPointer<UInt64>) {
        guard bucket.count <= 32 else {
            radixSort(bucket)
            return
        }
        for place in 1..<bucket.count {
            let entry = bucket[place]
            var hole = place
            while hole > 0, bucket[hole - 1] > entry {
                bucket[hole] = bucket[hole - 1]
                hole -= 1
            }
            bucket[hole] = entry
        }
    }

    /// Sorts a large bucket by the low 16 bits of its keys (its entries share the high 16), a
    /// byte at a time with counting sorts: stable, so equal keys stay in file order, as the
    /// counting sort into buckets left them.
    private static func radixSort(_ bucket: UnsafeMutableBufferPointer<UInt64>) {
        let other = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: bucket.count)
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 257)
        defer {
            other.deallocate()
            starts.deallocate()
        }
        other.initialize(repeating: 0)
        for (from, to, shift) in [(bucket, other, UInt64(32)), (other, bucket, UInt64(40))] {
            starts.initialize(repeating: 0)
            for entry in from { starts[Int(truncatingIfNeeded: entry &>> shift & 0xFF) + 1] += 1 }
            for digit in 0..<256 { starts[digit + 1] += starts[digit] }
            for entry in from {
                let digit = Int(truncatingIfNeeded: entry &>> shift & 0xFF)
                to[starts[digit]] = entry
                starts[digit] += 1
            }
        }
    }

    var count: Int { entries.count }

    /// The band key at `place`.
    func key(_ place: Int) -> UInt32 { UInt32(truncatingIfNeeded: entries[place] &>> 32) }

    /// The index of the example at `place`.
    func index(_ place: Int) -> Int { Int(truncatingIfNeeded: entries[place] & 0xFFFF_FFFF) }

    /// Calls `body` with the places of every group among `places`, which must hold whole
    /// buckets, of at least `size` examples with one key.
    func forEachGroup(in places: Range<Int>, ofAtLeast size: Int = 2, _ body: (Range<Int>) -> Void) {
        var start = places.lowerBound
        while start < places.upperBound {
            var end = start + 1
            while end < places.upperBound, key(end) == key(start) { end += 1 }
            if end - start >= size { body(start..<end) }
            start = end
        }
    }
}

/// An array kept in pages of a fixed size, so that growing it never copies what it holds:
/// its memory is its elements', rounded up to a page.
struct PagedArray<Element: Sendable>: Sendable {
    private static var pageSize: Int { 1 << 14 }
    private var pages: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count % Self.pageSize == 0 {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        pages[pages.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element { pages[index / Self.pageSize][index % Self.pageSize] }

    /// Calls `body` with each index in `range` and its element, in order, a page at a time.
    func visit(_ range: Range<Int>, _ body: (Int, Element) -> Void) {
        var start = range.lowerBound
        while start < range.upperBound {
            let pageStart = start / Self.pageSize * Self.pageSize
            let end = min(range.upperBound, pageStart + Self.pageSize)
            pages[pageStart / Self.pageSize].withUnsafeBufferPointer { page in
                for index in start..<end { body(index, page[index &- pageStart]) }
            }
            start = end
        }
    }
}
