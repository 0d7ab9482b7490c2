#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// Small operations on 16 bytes at once, written so that the compiler emits single vector
/// instructions that every x86-64 and ARM64 processor has.
enum ByteVector {
    typealias Vector = SIMD16<UInt8>

    /// 0xFF for each byte below `limit` when both are read as signed, 0 for the others.
    @inline(__always)
    static func below(_ bytes: Vector, _ limit: Int8) -> Vector {
        unsafeBitCast(unsafeBitCast(bytes, to: SIMD16<Int8>.self) .< SIMD16<Int8>(repeating: limit), to: Vector.self)
    }

    /// 0xFF for each byte above `limit` when both are read as signed, 0 for the others.
    @inline(__always)
    static func above(_ bytes: Vector, _ limit: Int8) -> Vector {
        unsafeBitCast(SIMD16<Int8>(repeating: limit) .< unsafeBitCast(bytes, to: SIMD16<Int8>.self), to: Vector.self)
    }

    /// 0xFF for each byte at least `value` (both read as unsigned), 0 for the others.
    @inline(__always)
    static func atLeast(_ bytes: Vector, _ value: UInt8) -> Vector {
        unsafeBitCast(bytes .>= Vector(repeating: value), to: Vector.self)
    }

    /// Each byte less `value`, or 0 where it is smaller: a saturating subtract, one `psubusb`
    /// on x86-64 (elsewhere a maximum and a subtract, which compilers make one instruction too).
    @inline(__always)
    static func subtractingSaturated(_ bytes: Vector, _ value: UInt8) -> Vector {
        #if arch(x86_64)
            return unsafeBitCast(
                _mm_subs_epu8(unsafeBitCast(bytes, to: __m128i.self), unsafeBitCast(Vector(repeating: value), to: __m128i.self)), to: Vector.self)
        #else
            return plainSubtractingSaturated(bytes, value)
        #endif
    }

    /// ``subtractingSaturated(_:_:)`` in plain vector arithmetic.
    @inline(__always)
    static func plainSubtractingSaturated(_ bytes: Vector, _ value: UInt8) -> Vector {
        bytes.replacing(with: value, where: bytes .< Vector(repeating: value)) &- Vector(repeating: value)
    }

    /// 0xFF for each byte equal to `value`, 0 for the others.
    @inline(__always)
    static func equal(_ bytes: Vector, _ value: UInt8) -> Vector {
        unsafeBitCast(bytes .== Vector(repeating: value), to: Vector.self)
    }

    /// Whether any byte of a class vector is set: on x86-64, whether any top bit is (one
    /// `pmovmskb`), which is the same for a class vector, whose bytes are 0 or 0xFF.
    @inline(__always)
    static func any(_ vector: Vector) -> Bool {
        #if arch(x86_64)
            return _mm_movemask_epi8(unsafeBitCast(vector, to: __m128i.self)) != 0
        #else
            let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
            return halves[0] | halves[1] != 0
        #endif
    }

    /// One bit a byte of four class vectors: the first vector's bytes are bits 0–15.
    @inline(__always)
    static func bits(_ first: Vector, _ second: Vector, _ third: Vector, _ fourth: Vector) -> UInt64 {
        bits(first) | bits(second) &<< 16 | bits(third) &<< 32 | bits(fourth) &<< 48
    }

    /// One bit a byte of a class vector (whose bytes are 0 or 0xFF): on x86-64 its top bits,
    /// gathered by one `pmovmskb`; elsewhere ``gatheredBits(_:)``.
    @inline(__always)
    static func bits(_ vector: Vector) -> UInt64 {
        #if arch(x86_64)
            return UInt64(truncatingIfNeeded: UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(vector, to: __m128i.self))))
        #else
            return gatheredBits(vector)
        #endif
    }

    /// One bit a byte of a class vector, by a multiply that gathers the bits of eight bytes:
    /// plain arithmetic that any processor has.
    @inline(__always)
    static func gatheredBits(_ vector: Vector) -> UInt64 {
        let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        let diagonal: UInt64 = 0x8040_2010_0804_0201
        let gather: UInt64 = 0x0101_0101_0101_0101
        return ((halves[0] & diagonal) &* gather) &>> 56 | (((halves[1] & diagonal) &* gather) &>> 56) &<< 8
    }
}
