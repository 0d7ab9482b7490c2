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

    /// A 64-bit hash of `count` bytes at `base`: 32 bytes at a time in four independent lanes
    /// (xxHash64's stripes), so that the lanes' multiplies overlap, then the rest eight at a time
    /// in one lane and the last bytes, mixed.
    static func hash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: count) &* HashPrimes.first ^ 0x27D4_EB2F_1656_67C5
        var offset = 0
        if count >= 32 {
            hash ^= stripes(base, count: count)
            offset = count & ~31
        }
        while offset + 8 <= count {
            hash = laneStep(hash, UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        if count >= 8 {
            // The last eight bytes in one load, the ones hashed already shifted out.
            let last = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
            let left = UInt64(truncatingIfNeeded: count - offset)
            tail = left == 0 ? 0 : last &>> (64 &- left &* 8)
        } else {
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
        }
        hash ^= rotate(tail &* HashPrimes.second, 31) &* HashPrimes.first
        return mix(hash)
    }

    /// One lane's step over eight bytes.
    @inline(__always)
    private static func laneStep(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        rotate(hash ^ rotate(word &* HashPrimes.second, 31) &* HashPrimes.first, 27) &* HashPrimes.first &+ 0x85EB_CA77_C2B2_AE63
    }

    /// The four lanes over the whole 32-byte stripes of `count` bytes at `base`, combined.
    @inline(__always)
    private static func stripes(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var lanes = (
            HashPrimes.first &+ HashPrimes.second, HashPrimes.second, UInt64(0x27D4_EB2F_1656_67C5), 0 &- HashPrimes.first
        )
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = stripeRound(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = stripeRound(lanes.1, raw.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self))
            lanes.2 = stripeRound(lanes.2, raw.loadUnaligned(fromByteOffset: offset &+ 16, as: UInt64.self))
            lanes.3 = stripeRound(lanes.3, raw.loadUnaligned(fromByteOffset: offset &+ 24, as: UInt64.self))
            offset &+= 32
        }
        var combined = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
        combined = mergeLane(combined, lanes.0)
        combined = mergeLane(combined, lanes.1)
        combined = mergeLane(combined, lanes.2)
        return mergeLane(combined, lanes.3)
    }

    /// xxHash64's merge of one lane into the combined hash.
    @inline(__always)
    private static func mergeLane(_ combined: UInt64, _ lane: UInt64) -> UInt64 {
        (combined ^ stripeRound(0, lane)) &* HashPrimes.first &+ 0x85EB_CA77_C2B2_AE63
    }

    /// xxHash64's round of one lane over eight bytes.
    @inline(__always)
    private static func stripeRound(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ word &* HashPrimes.second, 31) &* HashPrimes.first
    }
}

/// The multipliers of ``Hashing/hash(_:count:)`` (xxHash64's first two primes).
private enum HashPrimes {
    static let first: UInt64 = 0x9E37_79B1_85EB_CA87
    static let second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
}
