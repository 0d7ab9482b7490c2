/// A set of 64-bit fingerprints in one open-addressed table (linear probing, at most 3/4
/// full): 8 to 16 bytes an entry, whatever the examples' size.
public struct FingerprintSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    /// How many fingerprints the set holds.
    public private(set) var count = 0

    public init() {
        slots = [UInt64](repeating: 0, count: 1024)
        mask = 1023
    }

    /// Adds `fingerprint`; returns `false` when it was already there.
    @discardableResult
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint == 0 ? 1 : fingerprint
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot == key { return false }
            if slot == 0 {
                slots[index] = key
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    /// Whether the set holds `fingerprint`.
    func contains(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint == 0 ? 1 : fingerprint
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot == key { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for key in old where key != 0 { insert(key) }
    }
}

/// SimHash fingerprints of the examples seen, indexed for near-duplicate search.
///
/// Each fingerprint is split into four 16-bit bands; two fingerprints at most
/// ``maximumDistance`` bits apart share at least one band exactly, so only the fingerprints
/// filed under one of a new one's four bands are compared. 28 bytes an example.
public struct NearDuplicateIndex: Sendable {
    /// The most bits in which two fingerprints of near-duplicates differ.
    public static let maximumDistance = 3
    private static let bandCount = 4
    /// The most entries compared under one band value.
    static let searchLimit = 64

    private var fingerprints: [UInt64] = []
    private var lines: [Int32] = []
    /// For each band, the latest entry filed under each band value, as an index plus one.
    private var heads = [Int32](repeating: 0, count: bandCount << 16)
    /// For each entry and band, the previous entry under the same band value, plus one.
    private var chains: [Int32] = []

    public init() {}

    /// How many fingerprints are indexed.
    public var count: Int { fingerprints.count }

    /// The line of an indexed fingerprint within ``maximumDistance`` bits of `fingerprint`, the
    /// latest filed under the first band that has one, if any.
    ///
    /// At most ``searchLimit`` entries a band are compared, the latest first, so a file of
    /// thousands of near-identical examples stays linear.
    func nearest(to fingerprint: UInt64) -> Int? {
        for band in 0..<Self.bandCount {
            var entry = Int(heads[band << 16 | Self.bandValue(fingerprint, band)])
            var compared = 0
            while entry > 0, compared < Self.searchLimit {
                let index = entry - 1
                if (fingerprints[index] ^ fingerprint).nonzeroBitCount <= Self.maximumDistance { return Int(lines[index]) }
                entry = Int(chains[index * Self.bandCount + band])
                compared += 1
            }
        }
        return nil
    }

    /// Files `fingerprint` of the example at `line`.
    mutating func insert(_ fingerprint: UInt64, line: Int) {
        let index = fingerprints.count
        fingerprints.append(fingerprint)
        lines.append(Int32(truncatingIfNeeded: line))
        for band in 0..<Self.bandCount {
            let head = band << 16 | Self.bandValue(fingerprint, band)
            chains.append(heads[head])
            heads[head] = Int32(truncatingIfNeeded: index + 1)
        }
    }

    @inline(__always)
    private static func bandValue(_ fingerprint: UInt64, _ band: Int) -> Int {
        Int(truncatingIfNeeded: fingerprint >> UInt64(band * 16)) & 0xFFFF
    }
}
