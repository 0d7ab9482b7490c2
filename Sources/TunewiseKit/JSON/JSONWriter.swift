/// Writes a ``JSONValue`` as text, keeping object members in their given order.
///
/// Output is deterministic: the same value always gives the same bytes, so reports and
/// saved answers diff well. Integral numbers print without a fraction (`3`, not `3.0`),
/// slashes are not escaped, and non-ASCII text is written as UTF-8.
public enum JSONWriter {
    /// The text of `value`, indented by two spaces per level, with a final newline when `pretty`.
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        // Written as UTF-8 bytes and made a string once: appending to a string piece by piece
        // costs more than the whole of the advice.
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        append(value, to: &output, indent: pretty ? 0 : nil)
        if pretty { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The shortest text that reads back as `number`; integral values have no fraction.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    private static func append(_ value: JSONValue, to output: inout [UInt8], indent: Int?) {
        switch value {
        case .null: appendASCII("null", to: &output)
        case .bool(let flag): appendASCII(flag ? "true" : "false", to: &output)
        case .number(let number): output += format(number).utf8
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            appendContainer("[", "]", count: elements.count, indent: indent, to: &output) { position, inner, output in
                append(elements[position], to: &output, indent: inner)
            }
        case .object(let members):
            appendContainer("{", "}", count: members.count, indent: indent, to: &output) { position, inner, output in
                appendString(members[position].key, to: &output)
                appendASCII(inner == nil ? ":" : ": ", to: &output)
                append(members[position].value, to: &output, indent: inner)
            }
        }
    }

    /// The bytes of an ASCII literal, copied as one block.
    private static func appendASCII(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A container of `count` members, written in place (without a copy of its members) by
    /// `member`, which is given a member's position, the indent inside, and the output.
    private static func appendContainer(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, count: Int, indent: Int?, to output: inout [UInt8],
        member: (Int, Int?, inout [UInt8]) -> Void
    ) {
        guard count > 0 else {
            output.append(UInt8(ascii: open))
            output.append(UInt8(ascii: close))
            return
        }
        let inner = indent.map { $0 + 2 }
        output.append(UInt8(ascii: open))
        for position in 0..<count {
            separate(position, indent: inner, in: &output)
            member(position, inner, &output)
        }
        Self.close(close, indent: indent, in: &output)
    }

    /// What goes before a container's member at `position`: a comma after the first, and
    /// when indenting, a new line.
    private static func separate(_ position: Int, indent: Int?, in output: inout [UInt8]) {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        if let indent { newline(indentedBy: indent, in: &output) }
    }

    /// A container's closing bracket, on a line of its own when indenting.
    private static func close(_ bracket: Unicode.Scalar, indent: Int?, in output: inout [UInt8]) {
        if let indent { newline(indentedBy: indent, in: &output) }
        output.append(UInt8(ascii: bracket))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A line break and 64 spaces: a new line and its indent are copied from it as one block.
    private static let lineBreakAndSpaces: StaticString = "\n                                                                "

    /// A line break and `indent` spaces.
    private static func newline(indentedBy indent: Int, in output: inout [UInt8]) {
        let copied = min(indent, lineBreakAndSpaces.utf8CodeUnitCount - 1)
        output.append(contentsOf: UnsafeBufferPointer(start: lineBreakAndSpaces.utf8Start, count: 1 + copied))
        if indent > copied { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent - copied)) }
    }

    /// `text` quoted, with `"`, `\\` and control characters escaped; other bytes of its UTF-8
    /// (all at least 0x20, multi-byte sequences included) are copied as they are, a run
    /// between escapes at a time, found eight bytes at a time.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let flagged = mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    guard flagged != 0 else {
                        index += 8
                        continue
                    }
                    index += flagged.trailingZeroBitCount >> 3
                }
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                    appendEscape(byte, to: &output)
                    runStart = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The top bits of the bytes of `word` that may be a quote, a backslash or a control
    /// character; the lowest one set is always such a byte (a borrow may flag bytes above it).
    private static func mayNeedEscape(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let found = (quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word
        return found & (ones &* 0x80)
    }

    /// The escape of a quote, a backslash or a control character.
    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): appendASCII(#"\""#, to: &output)
        case UInt8(ascii: "\\"): appendASCII(#"\\"#, to: &output)
        case UInt8(ascii: "\n"): appendASCII(#"\n"#, to: &output)
        case UInt8(ascii: "\r"): appendASCII(#"\r"#, to: &output)
        case UInt8(ascii: "\t"): appendASCII(#"\t"#, to: &output)
        default:
            appendASCII(#"\u00"#, to: &output)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0xF)])
        }
    }
}
