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

    /// A 64-bit hash of `count` bytes at `base` (wyhash's construction, Wang Yi 2019): 16 bytes
    /// at a time, each pair of eight-byte words multiplied into 128 bits whose halves are
    /// folded, in three independent lanes over 48-byte stripes so that their multiplies
    /// overlap; up to 16 bytes in two loads. One full-width multiply (x86-64's `mul`, ARM64's
    /// `mul` and `umulh`) for every 16 bytes, where a byte at a time would be far slower.
    static func hash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        var seed = HashSecret.seed
        var (first, second): (UInt64, UInt64)
        if count <= 16 {
            if count >= 4 {
                // Four bytes from each end and from a quarter in from each end, overlapping.
                let quarter = (count &>> 3) &<< 2
                first = UInt64(load32(raw)) &<< 32 | UInt64(load32(raw + quarter))
                second = UInt64(load32(raw + (count &- 4))) &<< 32 | UInt64(load32(raw + (count &- 4 &- quarter)))
            } else if count > 0 {
                first = UInt64(base[0]) &<< 16 | UInt64(base[count &>> 1]) &<< 8 | UInt64(base[count &- 1])
                second = 0
            } else {
                (first, second) = (0, 0)
            }
        } else {
            var offset = 0
            var left = count
            if left >= 48 {
                var (seed1, seed2) = (seed, seed)
                repeat {
                    seed = fold(load64(raw + offset) ^ HashSecret.first, load64(raw + (offset &+ 8)) ^ seed)
                    seed1 = fold(load64(raw + (offset &+ 16)) ^ HashSecret.second, load64(raw + (offset &+ 24)) ^ seed1)
                    seed2 = fold(load64(raw + (offset &+ 32)) ^ HashSecret.third, load64(raw + (offset &+ 40)) ^ seed2)
                    offset &+= 48
                    left &-= 48
                } while left >= 48
                seed ^= seed1 ^ seed2
            }
            while left > 16 {
                seed = fold(load64(raw + offset) ^ HashSecret.first, load64(raw + (offset &+ 8)) ^ seed)
                offset &+= 16
                left &-= 16
            }
            // The last 16 bytes, which may overlap those hashed already.
            first = load64(raw + (count &- 16))
            second = load64(raw + (count &- 8))
        }
        let product = (first ^ HashSecret.first).multipliedFullWidth(by: second ^ seed)
        return fold(product.low ^ HashSecret.zeroth ^ UInt64(truncatingIfNeeded: count), product.high ^ HashSecret.first)
    }

    /// The two halves of the 128-bit product of `first` and `second`, folded by exclusive or.
    @inline(__always)
    static func fold(_ first: UInt64, _ second: UInt64) -> UInt64 {
        let product = first.multipliedFullWidth(by: second)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func load64(_ bytes: UnsafeRawPointer) -> UInt64 { bytes.loadUnaligned(as: UInt64.self) }

    @inline(__always)
    private static func load32(_ bytes: UnsafeRawPointer) -> UInt32 { bytes.loadUnaligned(as: UInt32.self) }
}

/// The constants of ``Hashing/hash(_:count:)``: wyhash's default secret, and the seed it
/// makes from 0 (``Hashing/fold(_:_:)`` of the first two, written out so that it is a constant).
enum HashSecret {
    static let zeroth: UInt64 = 0x2D35_8DCC_AA6C_78A5
    static let first: UInt64 = 0x8BB8_4B93_962E_ACC9
    static let second: UInt64 = 0x4B33_A62E_D433_D4A3
    static let third: UInt64 = 0x4D5A_2DA5_1DE1_AA47
    static let seed: UInt64 = 0xCA81_3BF4_C7AB_F0A9
}
