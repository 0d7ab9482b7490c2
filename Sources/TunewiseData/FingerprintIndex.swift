/// 64-bit fingerprints, each with the line it was first seen on, in one open-addressed table
/// (linear probing, at most 3/4 full): 12 to 24 bytes an entry, whatever the examples' size.
public struct FingerprintIndex: Sendable {
    private var slots: [UInt64]
    /// The line of the fingerprint in the same slot; ``unknownLine`` past what 32 bits hold.
    private var lines: [UInt32]
    private static let unknownLine = UInt32.max
    private var mask: Int
    /// How many fingerprints the index holds.
    public private(set) var count = 0

    public init() {
        slots = [UInt64](repeating: 0, count: 1024)
        lines = [UInt32](repeating: 0, count: 1024)
        mask = 1023
    }

    /// Adds `fingerprint`, seen on `line`; when it was already there, keeps the line it was
    /// first seen on and returns ``Insertion/repeats(_:)`` with it.
    mutating func insert(_ fingerprint: UInt64, line: Int) -> Insertion {
        insert(fingerprint, storedLine: line < Self.unknownLine ? UInt32(line) : Self.unknownLine)
    }

    /// What ``insert(_:line:)`` found.
    enum Insertion: Equatable {
        /// The fingerprint is new.
        case new
        /// The fingerprint was first seen on this line, or on one past 4,294,967,294 (`nil`).
        case repeats(Int?)
    }

    private mutating func insert(_ fingerprint: UInt64, storedLine line: UInt32) -> Insertion {
        let key = fingerprint == 0 ? 1 : fingerprint
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot == key { return .repeats(lines[index] == Self.unknownLine ? nil : Int(lines[index])) }
            if slot == 0 {
                slots[index] = key
                lines[index] = line
                count += 1
                return .new
            }
            index = (index + 1) & mask
        }
    }

    /// What ``warm(_:)`` read, kept so that the reads are not left out.
    private var warmth: UInt64 = 0

    /// Reads the slots where `fingerprints` would go, so that inserting them soon after finds
    /// the slots in the cache: the reads of the batch, one after another with nothing between,
    /// overlap, where one insert after another into a table larger than the cache would wait
    /// for memory each time.
    @inline(__always)
    mutating func warm<Fingerprints: Sequence<UInt64>>(_ fingerprints: Fingerprints) {
        var read: UInt64 = 0
        for fingerprint in fingerprints {
            let index = Int(truncatingIfNeeded: fingerprint == 0 ? 1 : fingerprint) & mask
            read &+= slots[index] &+ UInt64(lines[index])
        }
        warmth &+= read
    }

    /// Whether the index holds `fingerprint`.
    func contains(_ fingerprint: UInt64) -> Bool { lookUp(fingerprint) != .new }

    /// Whether the index holds `fingerprint`, and if so the line it was first seen on, as
    /// ``insert(_:line:)`` would say without adding it.
    func lookUp(_ fingerprint: UInt64) -> Insertion {
        let key = fingerprint == 0 ? 1 : fingerprint
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[index]
            if slot == key { return .repeats(lines[index] == Self.unknownLine ? nil : Int(lines[index])) }
            if slot == 0 { return .new }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let (oldSlots, oldLines) = (slots, lines)
        slots = [UInt64](repeating: 0, count: oldSlots.count * 2)
        lines = [UInt32](repeating: 0, count: oldSlots.count * 2)
        mask = slots.count - 1
        count = 0
        for (key, line) in zip(oldSlots, oldLines) where key != 0 { _ = insert(key, storedLine: line) }
    }
}
