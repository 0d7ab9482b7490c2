/// 64-bit fingerprints, each with the line it was first seen on, in one open-addressed table
/// (linear probing, at most 3/4 full): 16 to 32 bytes an entry, whatever the examples' size.
public struct FingerprintIndex: Sendable {
    private var slots: [UInt64]
    /// The line of the fingerprint in the same slot.
    private var lines: [Int]
    private var mask: Int
    /// How many fingerprints the index holds.
    public private(set) var count = 0

    public init() {
        slots = [UInt64](repeating: 0, count: 1024)
        lines = [Int](repeating: 0, count: 1024)
        mask = 1023
    }

    /// Adds `fingerprint`, seen on `line`; returns the line it was first seen on when it was
    /// already there (and keeps that line), else `nil`.
    mutating func insert(_ fingerprint: UInt64, line: Int) -> Int? {
        let key = fingerprint == 0 ? 1 : fingerprint
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot == key { return lines[index] }
            if slot == 0 {
                slots[index] = key
                lines[index] = line
                count += 1
                return nil
            }
            index = (index + 1) & mask
        }
    }

    /// Whether the index holds `fingerprint`.
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
        let (oldSlots, oldLines) = (slots, lines)
        slots = [UInt64](repeating: 0, count: oldSlots.count * 2)
        lines = [Int](repeating: 0, count: oldSlots.count * 2)
        mask = slots.count - 1
        count = 0
        for (key, line) in zip(oldSlots, oldLines) where key != 0 { _ = insert(key, line: line) }
    }
}
