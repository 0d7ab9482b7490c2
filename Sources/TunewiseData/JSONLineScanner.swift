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

    let base: UnsafePointer<UInt8>
    let count: Int
    /// Whether the bytes are known to be well-formed UTF-8 (``UTF8Check``), so that strings
    /// need not be checked for it.
    let isUTF8: Bool
    /// The offset of the next byte to read.
    var position = 0

    init(_ base: UnsafePointer<UInt8>, count: Int, isUTF8: Bool = false) {
        self.base = base
        self.count = count
        self.isUTF8 = isUTF8
    }

    /// The next byte, or `nil` at the end of the line.
    var next: UInt8? { position < count ? base[position] : nil }

    /// Whether only JSON whitespace is left.
    mutating func isAtEndAfterWhitespace() -> Bool {
        skipWhitespace()
        return position == count
    }

    mutating func skipWhitespace() {
        while position < count {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` after any whitespace.
    mutating func expect(_ byte: UInt8) throws(NotJSON) {
        skipWhitespace()
        guard position < count, base[position] == byte else { throw NotJSON() }
        position += 1
    }

    /// Consumes `byte` after any whitespace when it is next; says whether it was.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < count, base[position] == byte else { return false }
        position += 1
        return true
    }

    /// After an element of an array (`closing` `]`) or object (`closing` `}`): `true` when
    /// another element follows a comma, `false` when the container closed.
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
    mutating func scanKey() throws(NotJSON) -> StringSpan {
        skipWhitespace()
        guard position < count, base[position] == UInt8(ascii: "\"") else { throw NotJSON() }
        let key = try scanString()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Scans a string whose opening quote is next, checking its escapes and UTF-8.
    mutating func scanString() throws(NotJSON) -> StringSpan {
        position += 1
        let start = position
        var hasEscapes = false
        if isUTF8 {
            while true {
                // Sixteen bytes at a time, straight to the first quote, backslash or control byte.
                while position + 16 <= count {
                    let stops = Self.stops(UnsafeRawPointer(base + position).loadUnaligned(as: ByteVector.Vector.self))
                    if ByteVector.any(stops) {
                        position &+= ByteVector.bits(stops).trailingZeroBitCount
                        break
                    }
                    position &+= 16
                }
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
        while true {
            // Eight plain ASCII bytes at a time (none a quote, a backslash, a control or non-ASCII
            // byte), then straight to the first that is not.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let attention = Self.attention(word)
                if attention != 0 {
                    position &+= attention.trailingZeroBitCount >> 3
                    break
                }
                position &+= 8
            }
            guard position < count else { throw NotJSON() }
            let byte = base[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return StringSpan(start: start, end: position - 1, hasEscapes: hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                try scanEscape()
            case 0..<0x20:
                throw NotJSON()
            case 0x80...:
                // Characters outside ASCII come in words: check them one after another here.
                repeat {
                    try scanMultibyteScalar()
                } while position < count && base[position] >= 0x80
            default:
                position += 1
            }
        }
    }

    /// The quotes, backslashes and control bytes of 16 bytes, as 0xFF.
    @inline(__always)
    static func stops(_ bytes: ByteVector.Vector) -> ByteVector.Vector {
        ByteVector.equal(bytes, UInt8(ascii: "\"")) | ByteVector.equal(bytes, UInt8(ascii: "\\")) | ~ByteVector.atLeast(bytes, 0x20)
    }

    /// The top bits of bytes in `word` that may be a quote, a backslash, below 0x20 or above
    /// 0x7F; the lowest one set is always such a byte (only bytes above one may be flagged
    /// by a borrow).
    @inline(__always)
    static func attention(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
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

    /// Checks the well-formed UTF-8 sequence that starts at a byte above 0x7F.
    @inline(__always)
    private mutating func scanMultibyteScalar() throws(NotJSON) {
        let lead = base[position]
        // The commonest cases first: two bytes (Latin, Greek, Cyrillic…), and three bytes
        // without the overlong and surrogate ranges of E0 and ED.
        if lead &- 0xC2 < 0x1E, position &+ 1 < count, base[position &+ 1] & 0xC0 == 0x80 {
            position &+= 2
            return
        }
        if lead &- 0xE1 < 0x0F, lead != 0xED, position &+ 2 < count, base[position &+ 1] & 0xC0 == 0x80,
            base[position &+ 2] & 0xC0 == 0x80
        {
            position &+= 3
            return
        }
        // The rest (E0, ED, four bytes, anything malformed) by the full table.
        guard let length = UTF8Check.scalarLength(base, at: position, count: count) else { throw NotJSON() }
        position += length
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
