/// Hashes of bytes and features.
enum Hashing {
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

    /// The feature of three words in a row, from their hashes
    /// (``WordSketcher/wordHash(_:length:available:)``), mixed with one multiply: enough for
    /// MinHash, which takes a bin from its high half and a value from its low half.
    @inline(__always)
    static func shingle(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        var value = third ^ rotate(second, 21) ^ rotate(first, 42)
        value ^= value &>> 29
        value &*= 0xBF58_476D_1CE4_E5B9
        return value ^ value &>> 32
    }

    @inline(__always)
    static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { value &<< count | value &>> (64 &- count) }

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
