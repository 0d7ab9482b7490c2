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
