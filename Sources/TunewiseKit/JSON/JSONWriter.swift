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
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .number(let number): output += format(number).utf8
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            appendContainer("[", "]", count: elements.count, indent: indent, to: &output) { position, inner, output in
                append(elements[position], to: &output, indent: inner)
            }
        case .object(let members):
            appendContainer("{", "}", count: members.count, indent: indent, to: &output) { position, inner, output in
                appendString(members[position].key, to: &output)
                output += (inner == nil ? ":" : ": ").utf8
                append(members[position].value, to: &output, indent: inner)
            }
        }
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

    private static func newline(indentedBy indent: Int, in output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { output.append(UInt8(ascii: " ")) }
    }

    /// `text` quoted, with `"`, `\\` and control characters escaped; other bytes of its UTF-8
    /// (all at least 0x20, multi-byte sequences included) are copied as they are.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        defer { output.append(UInt8(ascii: "\"")) }
        // Most text needs no escape and is copied whole, as one block of its UTF-8.
        var text = text
        let isPlain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        guard !isPlain else { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case UInt8(ascii: "\n"): output += #"\n"#.utf8
            case UInt8(ascii: "\r"): output += #"\r"#.utf8
            case UInt8(ascii: "\t"): output += #"\t"#.utf8
            case ..<0x20:
                output += #"\u00"#.utf8
                output += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
    }
}
