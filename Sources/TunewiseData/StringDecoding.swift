extension StringSpan {
    /// Appends the contents' UTF-8 bytes to `decoded`, with escapes replaced by what they
    /// stand for; a lone surrogate becomes U+FFFD. The span must have been scanned as valid.
    func decode(from base: UnsafePointer<UInt8>, into decoded: inout [UInt8]) {
        var position = start
        while position < end {
            // The bytes up to the next backslash, found with `memchr`, at once.
            let runEnd = LineBreaks.first(UInt8(ascii: "\\"), in: base, from: position, count: end) ?? end
            if runEnd > position {
                decoded.append(contentsOf: UnsafeBufferPointer(start: base + position, count: runEnd &- position))
                position = runEnd
                if position == end { break }
            }
            let escape = base[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = Self.hexQuad(base + position)
                position += 4
                if (0xD800..<0xDC00).contains(scalar), position + 6 <= end, base[position] == UInt8(ascii: "\\"),
                    base[position + 1] == UInt8(ascii: "u")
                {
                    let low = Self.hexQuad(base + position + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                Self.appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &decoded)
            default: decoded.append(escape)
            }
        }
    }

    private static func hexQuad(_ digits: UnsafePointer<UInt8>) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (JSONLineScanner.hexValue(digits[offset]) ?? 0) }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: scalar.utf8)
    }
}
