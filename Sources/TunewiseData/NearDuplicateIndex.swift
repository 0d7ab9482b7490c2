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
    /// An example is in one bucket of each band (by its key's top 16 bits), so each band's
    /// buckets are split in two halves searched on two threads at once, in one buffer: the
    /// first half's entries at its start, the second's at its end. The bands stay in order, as
    /// an example keeps the match of the first band that finds one.
    func earlierNearMatches() -> [Int] {
        var earlier = [Int](repeating: 0, count: count)
        guard count > 1 else { return earlier }
        let storage = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { storage.deallocate() }
        earlier.withUnsafeMutableBufferPointer { earlier in
            let shared = SharedBuffers(storage: storage, earlier: earlier)
            let half = BandGroups.bucketCount / 2
            for band in 0..<MinHashSignature.bandCount {
                inParallel(
                    { findEarlier(band: band, buckets: 0..<half, in: shared) },
                    { [self] in findEarlier(band: band, buckets: half..<BandGroups.bucketCount, in: shared) })
            }
        }
        return earlier
    }

    /// The buffers the two threads of ``earlierNearMatches()`` share: each writes only its own
    /// part of `storage` and the entries of `earlier` of the examples in its buckets.
    private struct SharedBuffers: @unchecked Sendable {
        let storage: UnsafeMutableBufferPointer<UInt64>
        let earlier: UnsafeMutableBufferPointer<Int>
    }

    /// Notes, for the examples whose key of `band` is in `buckets` and that no earlier band
    /// matched, the line of the first earlier example in their group that they nearly repeat.
    private func findEarlier(band: Int, buckets: Range<Int>, in shared: SharedBuffers) {
        let groups = BandGroups(signatures, band: band, buckets: buckets, in: shared.storage, atEnd: buckets.lowerBound > 0)
        let earlier = shared.earlier
        groups.forEachGroup { range in
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
        let queryStorage = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        let knownStorage = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: reference.count)
        defer {
            queryStorage.deallocate()
            knownStorage.deallocate()
        }
        for band in 0..<MinHashSignature.bandCount {
            let queries = BandGroups(signatures, band: band, in: queryStorage)
            let known = BandGroups(reference.signatures, band: band, in: knownStorage)
            var knownPlace = 0
            queries.forEachGroup(ofAtLeast: 1) { range in
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
/// sort by the key's top 16 bits, then each bucket (a few examples) sorted: linear time, and
/// eight bytes an example, in a buffer the caller owns.
private struct BandGroups {
    static let bucketCount = 1 << 16
    /// Each example's band key (the high 32 bits) and index (the low 32), in sorted order.
    private let entries: UnsafeMutableBufferPointer<UInt64>

    /// The examples whose key's top 16 bits are in `buckets`, sorted in `storage` (which holds
    /// them all): at its start, or at its end when `atEnd`.
    init(
        _ signatures: PagedArray<MinHashSignature>, band: Int, buckets: Range<Int> = 0..<bucketCount,
        in storage: UnsafeMutableBufferPointer<UInt64>, atEnd: Bool = false
    ) {
        // Offsets of 32 bits, as the entries hold an index of 32 bits; the bucket counts and
        // then each bucket's next place, in buffers (an array would be checked for sharing at
        // every count).
        let starts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: buckets.count + 1)
        let next = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: buckets.count + 1)
        defer {
            starts.deallocate()
            next.deallocate()
        }
        starts.initialize(repeating: 0)
        signatures.visit { _, signature in
            let bucket = Int(signature.band(band) &>> 16)
            if buckets.contains(bucket) { starts[bucket &- buckets.lowerBound &+ 1] &+= 1 }
        }
        for bucket in 0..<buckets.count { starts[bucket + 1] &+= starts[bucket] }
        let total = Int(starts[buckets.count])
        let first = atEnd ? storage.count - total : 0
        let entries = UnsafeMutableBufferPointer(rebasing: storage[first..<(first + total)])
        _ = next.initialize(from: starts)
        signatures.visit { index, signature in
            let key = signature.band(band)
            let bucket = Int(key &>> 16)
            guard buckets.contains(bucket) else { return }
            entries[Int(next[bucket &- buckets.lowerBound])] = UInt64(key) &<< 32 | UInt64(truncatingIfNeeded: index)
            next[bucket &- buckets.lowerBound] &+= 1
        }
        for bucket in 0..<buckets.count where starts[bucket + 1] - starts[bucket] > 1 {
            Self.sort(UnsafeMutableBufferPointer(rebasing: entries[Int(starts[bucket])..<Int(starts[bucket + 1])]))
        }
        self.entries = entries
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

    /// Calls `body` with the places of every group of at least `size` examples with one key.
    func forEachGroup(ofAtLeast size: Int = 2, _ body: (Range<Int>) -> Void) {
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, key(end) == key(start) { end += 1 }
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

    /// Calls `body` with each index and element, in order, a page at a time.
    func visit(_ body: (Int, Element) -> Void) {
        for (pageIndex, page) in pages.enumerated() {
            page.withUnsafeBufferPointer { page in
                for (offset, element) in page.enumerated() { body(pageIndex &* Self.pageSize &+ offset, element) }
            }
        }
    }
}
