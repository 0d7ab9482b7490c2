extension StringSpan {
    /// Appends the contents' UTF-8 bytes to `decoded`, with escapes replaced by what they
    /// stand for; a lone surrogate becomes U+FFFD. The span must have been scanned as valid.
    ///
    /// The contents are appended at once and decoded in place: what an escape stands for is
    /// never longer than the escape, so the bytes written never overtake those still to read,
    /// and the array is not checked for room at every escape.
    func decode(from base: UnsafePointer<UInt8>, into decoded: inout [UInt8]) {
        let first = decoded.count
        let count = end &- start
        decoded.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count))
        let written = decoded.withUnsafeMutableBufferPointer { Self.decodeInPlace($0.baseAddress! + first, count: count) }
        decoded.removeLast(count &- written)
    }

    /// Decodes the `count` bytes of a string's contents at `bytes` into their own place, and
    /// returns how many bytes they decode to.
    private static func decodeInPlace(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var (position, written) = (0, 0)
        while position < count {
            // The bytes up to the next backslash, found with `memchr`, moved at once (not at
            // all before the first escape).
            let runEnd = LineBreaks.first(UInt8(ascii: "\\"), in: bytes, from: position, count: count) ?? count
            if runEnd > position {
                if written != position { UnsafeMutableRawPointer(bytes + written).copyMemory(from: bytes + position, byteCount: runEnd &- position) }
                written &+= runEnd &- position
                position = runEnd
                if position == count { break }
            }
            let escape = bytes[position + 1]
            position += 2
            var character = escape
            switch escape {
            case UInt8(ascii: "b"): character = 0x08
            case UInt8(ascii: "f"): character = 0x0C
            case UInt8(ascii: "n"): character = 0x0A
            case UInt8(ascii: "r"): character = 0x0D
            case UInt8(ascii: "t"): character = 0x09
            case UInt8(ascii: "u"):
                var scalar = Self.hexQuad(bytes + position)
                position += 4
                if (0xD800..<0xDC00).contains(scalar), position + 6 <= count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    let low = Self.hexQuad(bytes + position + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                for byte in (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8 {
                    bytes[written] = byte
                    written &+= 1
                }
                continue
            default: break
            }
            bytes[written] = character
            written &+= 1
        }
        return written
    }

    private static func hexQuad(_ digits: UnsafePointer<UInt8>) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (JSONLineScanner.hexValue(digits[offset]) ?? 0) }
        return value
    }
}
