/// A 64-bit SimHash built from features one at a time: each bit of the result is the
/// majority of that bit over the features' hashes, so texts sharing most features get
/// fingerprints a few bits apart.
///
/// The bits are counted for 64 lanes at once in eight bit-sliced planes, the bits of each
/// lane's count. Features wait in eights, which a carry-save adder tree (Harley and Seal's)
/// adds in about six operations a feature; the counts move to wide totals before they pass 255.
struct SimHashAccumulator {
    /// The count planes, lowest first: ones, twos and fours, then the eights as a binary number.
    private var ones: UInt64 = 0
    private var twos: UInt64 = 0
    private var fours: UInt64 = 0
    private var eights0: UInt64 = 0
    private var eights1: UInt64 = 0
    private var eights2: UInt64 = 0
    private var eights3: UInt64 = 0
    private var eights4: UInt64 = 0
    /// Features not yet in the planes.
    private var waiting = SIMD8<UInt64>()
    private var waitingCount = 0
    /// Features in the planes, at most 255.
    private var counted = 0
    private var totals = SIMD64<Int32>()
    private var hasTotals = false
    /// How many features were added.
    private(set) var featureCount = 0

    private var planes: SIMD8<UInt64> { SIMD8(ones, twos, fours, eights0, eights1, eights2, eights3, eights4) }

    @inline(__always)
    mutating func add(_ feature: UInt64) {
        waiting[waitingCount] = feature
        waitingCount &+= 1
        featureCount &+= 1
        if waitingCount == 8 { addWaiting() }
    }

    /// The sum and carry of three planes.
    @inline(__always)
    private static func carrySave(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> (sum: UInt64, carry: UInt64) {
        let partial = first ^ second
        return (partial ^ third, (first & second) | (partial & third))
    }

    private mutating func addWaiting() {
        if counted > 255 - 8 { flush() }
        var (twosA, twosB, foursA, foursB, eights): (UInt64, UInt64, UInt64, UInt64, UInt64)
        (ones, twosA) = Self.carrySave(ones, waiting[0], waiting[1])
        (ones, twosB) = Self.carrySave(ones, waiting[2], waiting[3])
        (twos, foursA) = Self.carrySave(twos, twosA, twosB)
        (ones, twosA) = Self.carrySave(ones, waiting[4], waiting[5])
        (ones, twosB) = Self.carrySave(ones, waiting[6], waiting[7])
        (twos, foursB) = Self.carrySave(twos, twosA, twosB)
        (fours, eights) = Self.carrySave(fours, foursA, foursB)
        var carry = eights0 & eights
        eights0 ^= eights
        var next = eights1 & carry
        eights1 ^= carry
        carry = next
        next = eights2 & carry
        eights2 ^= carry
        carry = next
        next = eights3 & carry
        eights3 ^= carry
        eights4 ^= next
        counted &+= 8
        waitingCount = 0
    }

    /// Adds one feature to the planes, carrying from the lowest.
    private mutating func addOne(_ feature: UInt64) {
        if counted == 255 { flush() }
        var carry = feature
        var next = ones & carry
        ones ^= carry
        carry = next
        next = twos & carry
        twos ^= carry
        carry = next
        next = fours & carry
        fours ^= carry
        carry = next
        next = eights0 & carry
        eights0 ^= carry
        carry = next
        next = eights1 & carry
        eights1 ^= carry
        carry = next
        next = eights2 & carry
        eights2 ^= carry
        carry = next
        next = eights3 & carry
        eights3 ^= carry
        eights4 ^= next
        counted &+= 1
    }

    private mutating func flush() {
        let planes = planes
        for lane in 0..<64 {
            var count: Int32 = 0
            for plane in 0..<8 { count |= Int32(truncatingIfNeeded: planes[plane] >> UInt64(lane) & 1) << Int32(plane) }
            totals[lane] += count
        }
        (ones, twos, fours, eights0, eights1, eights2, eights3, eights4) = (0, 0, 0, 0, 0, 0, 0, 0)
        counted = 0
        hasTotals = true
    }

    /// The fingerprint of the features added.
    mutating func fingerprint() -> UInt64 {
        for index in 0..<waitingCount { addOne(waiting[index]) }
        waitingCount = 0
        guard hasTotals else { return majority(over: UInt64(featureCount / 2)) }
        flush()
        var result: UInt64 = 0
        for lane in 0..<64 where Int(totals[lane]) * 2 > featureCount { result |= 1 << UInt64(lane) }
        return result
    }

    /// The lanes whose count in the planes is above `half`, compared bit-sliced from the top
    /// bit down: 64 lanes in a few dozen operations.
    private func majority(over half: UInt64) -> UInt64 {
        var greater: UInt64 = 0
        var equal = UInt64.max
        let planes = planes
        for plane in (0..<8).reversed() {
            let threshold: UInt64 = half >> UInt64(plane) & 1 == 1 ? .max : 0
            greater |= equal & planes[plane] & ~threshold
            equal &= ~(planes[plane] ^ threshold)
        }
        return greater
    }
}

/// Hashes of bytes and features.
enum Hashing {
    /// The FNV-1a 64-bit offset basis, the hash of no bytes.
    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01B3

    /// A well-mixed 64-bit value from `value` (MurmurHash3's finaliser).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    /// The feature of three words in a row, from their hashes.
    @inline(__always)
    static func shingle(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        mix(third ^ rotate(second &* 0x9E37_79B9_7F4A_7C15, 23) ^ rotate(first &* 0xC2B2_AE3D_27D4_EB4F, 47))
    }

    @inline(__always)
    static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { value << count | value >> (64 - count) }

    /// A 64-bit hash of `count` bytes at `base`, eight at a time (xxHash64's mixing of one lane).
    static func hash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var hash = UInt64(truncatingIfNeeded: count) &* prime1 ^ 0x27D4_EB2F_1656_67C5
        var offset = 0
        while offset + 8 <= count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            hash ^= rotate(word &* prime2, 31) &* prime1
            hash = rotate(hash, 27) &* prime1 &+ 0x85EB_CA77_C2B2_AE63
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        hash ^= rotate(tail &* prime2, 31) &* prime1
        return mix(hash)
    }
}
