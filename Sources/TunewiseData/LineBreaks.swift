/// Finding line ends eight bytes at a time.
enum LineBreaks {
    /// The offset of the next line feed at or after `start`, before `count`, if any.
    static func next(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        var offset = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while offset + 8 <= count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) ^ (ones &* 0x0A)
            let zeros = (word &- ones) & ~word & (ones &* 0x80)
            // The lowest flagged byte is always a real zero byte (only bytes above one borrow).
            if zeros != 0 { return offset + zeros.trailingZeroBitCount / 8 }
            offset += 8
        }
        while offset < count {
            if base[offset] == 0x0A { return offset }
            offset += 1
        }
        return nil
    }

    /// The offset of the last line feed at or after `start`, before `count`, if any.
    static func last(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        var offset = count
        while offset > start {
            offset -= 1
            if base[offset] == 0x0A { return offset }
        }
        return nil
    }

    /// Whether `byte` is ASCII whitespace: space, tab, line feed, vertical tab, form feed or CR.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}

extension JSONLineScanner {
    /// Whether `text` is one JSON object or array, with only whitespace around it.
    static func isContainer(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var scanner = JSONLineScanner(base, count: text.count)
        scanner.skipWhitespace()
        guard scanner.next == UInt8(ascii: "{") || scanner.next == UInt8(ascii: "[") else { return false }
        do {
            try scanner.skipValue()
        } catch {
            return false
        }
        return scanner.isAtEndAfterWhitespace()
    }
}
