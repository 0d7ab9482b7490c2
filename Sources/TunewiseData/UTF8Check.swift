/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF), 16 bytes at a time with vector compares and no branch on what they hold.
///
/// Each byte is checked against the three before it: a continuation byte (0x80 to 0xBF) must
/// stand exactly where a lead byte before it expects one, which three saturating subtracts
/// tell. That is all there is to check unless a line holds one of the rarer bytes after
/// which a character's second byte has a narrower range (E0, ED, F0 to F4) or that never
/// occur (C0, C1, F5 to FF): such a line is checked again against every range. The checks
/// see only a byte and the three before it, so blocks may overlap.
///
/// A line of JSON is JSON only if it is well-formed UTF-8 (its strings must be, and every byte
/// outside them is ASCII), so ``ExampleParser`` checks a line once here and scans its strings
/// without looking at the bytes outside ASCII again.
enum UTF8Check {
    typealias Vector = ByteVector.Vector

    /// Whether the `count` bytes at `base` are well-formed UTF-8.
    static func isValid(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        // The first characters one at a time, until three bytes are behind a character boundary.
        var position = 0
        while position < min(count, 3) {
            guard let length = scalarLength(base, at: position, count: count) else { return false }
            position += length
        }
        guard count - position >= 16 else {
            while position < count {
                guard let length = scalarLength(base, at: position, count: count) else { return false }
                position += length
            }
            return true
        }
        let start = position
        var (misplaced, rare) = (Vector(), Vector())
        // Unchecked arithmetic: `position` + 16 stays below `count`.
        while position &+ 16 <= count {
            Self.check(UnsafeRawPointer(base + position), misplaced: &misplaced, rare: &rare)
            position &+= 16
        }
        // The last bytes, in a block that overlaps the one before.
        if position < count { Self.check(UnsafeRawPointer(base + count - 16), misplaced: &misplaced, rare: &rare) }
        guard !ByteVector.any(misplaced) else { return false }
        // No character may run past the end.
        guard base[count - 1] < 0xC0 && base[count - 2] < 0xE0 && base[count - 3] < 0xF0 else { return false }
        return !ByteVector.any(~ByteVector.equal(rare, 0)) || hasRangesRight(base, from: start, count: count)
    }

    /// Notes, for the 16 bytes at `bytes` (the three bytes before them are read too), the
    /// continuation bytes out of place and the lines missing where a lead byte expects one
    /// (as 0xFF in `misplaced`), and the rarer bytes (as anything but 0 in `rare`).
    ///
    /// The lead bytes of four (F0 and above) are noted three bytes late, from the test of
    /// the bytes three before, which the blocks cover but for the line's last three bytes,
    /// where no such lead byte may stand (``isValid(_:count:)`` checks those apart).
    @inline(__always)
    private static func check(_ bytes: UnsafeRawPointer, misplaced: inout Vector, rare: inout Vector) {
        let current = bytes.loadUnaligned(as: Vector.self)
        let fourByteLeads = ByteVector.subtractingSaturated(bytes.loadUnaligned(fromByteOffset: -3, as: Vector.self), 0xEF)
        // Not 0 where a lead byte one, two or three before expects a continuation: from C0, E0, F0.
        let expected =
            ByteVector.subtractingSaturated(bytes.loadUnaligned(fromByteOffset: -1, as: Vector.self), 0xBF)
            | ByteVector.subtractingSaturated(bytes.loadUnaligned(fromByteOffset: -2, as: Vector.self), 0xDF) | fourByteLeads
        // Read as signed bytes, the continuation bytes 80 to BF are -128 to -65.
        let isContinuation = ByteVector.below(current, -64)
        // Wrong where both are set (a continuation not expected) or neither is (one missing).
        misplaced |= unsafeBitCast(isContinuation .== ByteVector.equal(expected, 0), to: Vector.self)
        rare |=
            ByteVector.equal(current & Vector(repeating: 0xFE), 0xC0) | ByteVector.equal(current, 0xE0) | ByteVector.equal(current, 0xED)
            | fourByteLeads
    }

    /// Whether the second bytes after E0, ED, F0 and F4 are in their narrower ranges and C0,
    /// C1 and F5 to FF occur nowhere, among the bytes from `start` (at least 3) on, which
    /// are `count` - `start` >= 16.
    private static func hasRangesRight(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Bool {
        var errors = Vector()
        var position = start
        while position + 16 <= count {
            errors |= outOfRange(UnsafeRawPointer(base + position))
            position += 16
        }
        if position < count { errors |= outOfRange(UnsafeRawPointer(base + count - 16)) }
        return !ByteVector.any(errors)
    }

    /// The bytes of the 16 at `bytes` (the byte before them is read too) that are out of
    /// their range, as 0xFF.
    @inline(__always)
    private static func outOfRange(_ bytes: UnsafeRawPointer) -> Vector {
        let current = bytes.loadUnaligned(as: Vector.self)
        let first = bytes.loadUnaligned(fromByteOffset: -1, as: Vector.self)
        let isNever = ByteVector.equal(current & Vector(repeating: 0xFE), 0xC0) | ByteVector.atLeast(current, 0xF5)
        // After E0 and F0 the second byte is at least A0 and 90; after ED and F4 below them
        // (read as signed bytes, the continuation bytes 80 to BF are -128 to -65).
        return ByteVector.equal(first, 0xE0) & ByteVector.below(current, -0x60) | ByteVector.equal(first, 0xED) & ByteVector.above(current, -0x61)
            | ByteVector.equal(first, 0xF0) & ByteVector.below(current, -0x70) | ByteVector.equal(first, 0xF4) & ByteVector.above(current, -0x71)
            | isNever
    }

    /// The length of the well-formed character at `position`, or `nil`.
    static func scalarLength(_ base: UnsafePointer<UInt8>, at position: Int, count: Int) -> Int? {
        let lead = base[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0..<0x80: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xE1...0xEF: length = 3
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard position + length <= count, secondRange.contains(base[position + 1]) else { return nil }
        for offset in 2..<length where base[position + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
