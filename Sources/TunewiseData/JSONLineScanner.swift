/// A pull scanner over one line's bytes: it validates JSON as it goes and hands back the
/// places of the strings the caller asks for, without building a tree.
///
/// The scanner follows RFC 8259: strings must be UTF-8 without raw control characters,
/// numbers have no leading zeros, and `NaN` or `Infinity` are not JSON. Nesting deeper than
/// ``depthLimit`` is refused as not JSON, so no input can exhaust the stack or memory.
struct JSONLineScanner {
    /// The failure of any scan: the line is not JSON.
    struct NotJSON: Error {}

    /// The deepest nesting of arrays and objects accepted.
    static let depthLimit = JSONLineScannerLimits.depth

    /// The bytes, which must be well-formed UTF-8 (as a line is once ``UTF8Check`` has
    /// checked it, and anything taken or decoded from one), so that strings need not be
    /// checked for it.
    let base: UnsafePointer<UInt8>
    let count: Int
    /// The offset of the next byte to read.
    var position = 0

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The next byte, or `nil` at the end of the line.
    var next: UInt8? { position < count ? base[position] : nil }

    /// Whether only JSON whitespace is left.
    mutating func isAtEndAfterWhitespace() -> Bool {
        skipWhitespace()
        return position == count
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < count {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after any whitespace.
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(NotJSON) {
        skipWhitespace()
        guard position < count, base[position] == byte else { throw NotJSON() }
        position += 1
    }

    /// Consumes `byte` after any whitespace when it is next; says whether it was.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < count, base[position] == byte else { return false }
        position += 1
        return true
    }

    /// After an element of an array (`closing` `]`) or object (`closing` `}`): `true` when
    /// another element follows a comma, `false` when the container closed.
    @inline(__always)
    mutating func continues(closing: UInt8) throws(NotJSON) -> Bool {
        skipWhitespace()
        guard position < count else { throw NotJSON() }
        let byte = base[position]
        position += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        throw NotJSON()
    }

    /// Scans an object key and its colon.
    @inline(__always)
    mutating func scanKey() throws(NotJSON) -> StringSpan {
        skipWhitespace()
        guard position < count, base[position] == UInt8(ascii: "\"") else { throw NotJSON() }
        let key = try scanString()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Scans a string whose opening quote is next, checking its escapes and that it holds no
    /// control byte; its bytes outside ASCII are passed over, being UTF-8 already.
    mutating func scanString() throws(NotJSON) -> StringSpan {
        position += 1
        let start = position
        var hasEscapes = false
        while true {
            position = Self.firstStop(in: base, from: position, count: count)
            guard position < count else { throw NotJSON() }
            switch base[position] {
            case UInt8(ascii: "\""):
                position += 1
                return StringSpan(start: start, end: position - 1, hasEscapes: hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                try scanEscape()
            case 0..<0x20:
                throw NotJSON()
            default:
                position += 1
            }
        }
    }

    /// The offset of the first quote, backslash or control byte from `start`, 32 and then 16
    /// bytes at a time (in locals, not the scanner's fields, which would be stored at each
    /// step); `count` - 15 or more when the last 15 bytes are left to read one at a time.
    @inline(__always)
    private static func firstStop(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var position = start
        let raw = UnsafeRawPointer(base)
        while position &+ 32 <= count {
            let first = stops(raw.loadUnaligned(fromByteOffset: position, as: ByteVector.Vector.self))
            let second = stops(raw.loadUnaligned(fromByteOffset: position &+ 16, as: ByteVector.Vector.self))
            let bits = ByteVector.bits(first) | ByteVector.bits(second) &<< 16
            if bits != 0 { return position &+ bits.trailingZeroBitCount }
            position &+= 32
        }
        if position &+ 16 <= count {
            let bits = ByteVector.bits(stops(raw.loadUnaligned(fromByteOffset: position, as: ByteVector.Vector.self)))
            if bits != 0 { return position &+ bits.trailingZeroBitCount }
            position &+= 16
        }
        return position
    }

    /// The quotes, backslashes and control bytes of 16 bytes, as 0xFF: with bit 1 flipped, the
    /// control bytes (0 to 0x1F) and the quote (0x22) are the bytes up to 0x20, one compare.
    @inline(__always)
    static func stops(_ bytes: ByteVector.Vector) -> ByteVector.Vector {
        unsafeBitCast(bytes ^ ByteVector.Vector(repeating: 0x02) .<= ByteVector.Vector(repeating: 0x20), to: ByteVector.Vector.self)
            | ByteVector.equal(bytes, UInt8(ascii: "\\"))
    }

    private mutating func scanEscape() throws(NotJSON) {
        guard position + 1 < count else { throw NotJSON() }
        switch base[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            guard position + 6 <= count else { throw NotJSON() }
            for offset in 2..<6 where Self.hexValue(base[position + offset]) == nil { throw NotJSON() }
            position += 6
        default:
            throw NotJSON()
        }
    }

    /// The value of a hexadecimal digit, or `nil`.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Skips one value of any kind after any whitespace, checking it, without recursion.
    mutating func skipValue() throws(NotJSON) {
        // One bit a level: set for an object, clear for an array.
        var objects = SIMD4<UInt64>()
        var depth = 0
        while true {
            skipWhitespace()
            guard position < count else { throw NotJSON() }
            switch base[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = base[position] == UInt8(ascii: "{")
                position += 1
                if consume(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { break }
                guard depth < Self.depthLimit else { throw NotJSON() }
                let bit = UInt64(1) << UInt64(depth % 64)
                objects[depth / 64] = isObject ? objects[depth / 64] | bit : objects[depth / 64] & ~bit
                depth += 1
                if isObject { _ = try scanKey() }
                continue
            case UInt8(ascii: "\""): _ = try scanString()
            case UInt8(ascii: "t"): try scanLiteral("true")
            case UInt8(ascii: "f"): try scanLiteral("false")
            case UInt8(ascii: "n"): try scanLiteral("null")
            default: try scanNumber()
            }
            // After a value: close containers until one continues with a comma.
            while depth > 0 {
                let isObject = objects[(depth - 1) / 64] & (UInt64(1) << UInt64((depth - 1) % 64)) != 0
                if try continues(closing: isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    if isObject { _ = try scanKey() }
                    break
                }
                depth -= 1
            }
            if depth == 0 { return }
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(NotJSON) {
        let length = literal.utf8CodeUnitCount
        guard position + length <= count else { throw NotJSON() }
        for offset in 0..<length where base[position + offset] != literal.utf8Start[offset] { throw NotJSON() }
        position += length
    }

    private mutating func scanNumber() throws(NotJSON) {
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard let first = next, Self.isDigit(first) else { throw NotJSON() }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if next == UInt8(ascii: ".") {
            position += 1
            guard let digit = next, Self.isDigit(digit) else { throw NotJSON() }
            skipDigits()
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            position += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
            guard let digit = next, Self.isDigit(digit) else { throw NotJSON() }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while let byte = next, Self.isDigit(byte) { position += 1 }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}

/// The limits of the line scanner that users meet.
public enum JSONLineScannerLimits {
    /// The deepest nesting of arrays and objects in a line read as JSON.
    public static let depth = 256
}

/// Where a string's contents lie in a line: the bytes between its quotes.
struct StringSpan {
    var start: Int
    var end: Int
    /// Whether the contents hold a backslash escape, so they must be decoded before use.
    var hasEscapes: Bool

    var isEmpty: Bool { start == end }

    /// Whether the contents, which have no escapes, are `text`'s bytes. Contents of up to 16
    /// bytes (keys and roles) are compared eight bytes at a time, in one or two loads, with
    /// the text's bytes packed as the compiler finds them.
    @inline(__always)
    func equals(_ text: StaticString, in base: UnsafePointer<UInt8>) -> Bool {
        let count = end &- start
        guard !hasEscapes, count == text.utf8CodeUnitCount else { return false }
        // The eight bytes that end the contents lie in the line when it has eight before their end.
        guard count > 0, count <= 16, end >= 8 else { return memoryEquals(base + start, text.utf8Start, count: count) }
        let last = UnsafeRawPointer(base + (end &- 8)).loadUnaligned(as: UInt64.self)
        guard count > 8 else { return last &>> UInt64(truncatingIfNeeded: 64 &- count &* 8) == Self.packed(text, from: 0, count: count) }
        return last == Self.packed(text, from: count &- 8, count: 8)
            && UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) == Self.packed(text, from: 0, count: 8)
    }

    /// The `count` (at most eight) bytes of `text` from `offset`, the first in the low bits.
    @inline(__always)
    private static func packed(_ text: StaticString, from offset: Int, count: Int) -> UInt64 {
        var packed: UInt64 = 0
        for index in 0..<count { packed |= UInt64(text.utf8Start[offset &+ index]) &<< UInt64(truncatingIfNeeded: index &* 8) }
        return packed
    }
}

/// Whether `count` bytes at `first` and `second` are equal.
@inline(__always)
func memoryEquals(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, count: Int) -> Bool {
    for offset in 0..<count where first[offset] != second[offset] { return false }
    return true
}
