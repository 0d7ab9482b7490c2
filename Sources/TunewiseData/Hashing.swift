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
