/// Writes a ``JSONValue`` as text, keeping object members in their given order.
///
/// Output is deterministic: the same value always gives the same bytes, so reports and
/// saved answers diff well. Integral numbers print without a fraction (`3`, not `3.0`),
/// slashes are not escaped, and non-ASCII text is written as UTF-8.
public enum JSONWriter {
    /// The text of `value`, indented by two spaces per level, with a final newline when `pretty`.
    public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
        var output = ""
        append(value, to: &output, indent: pretty ? 0 : nil)
        if pretty { output += "\n" }
        return output
    }

    /// The shortest text that reads back as `number`; integral values have no fraction.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    private static func append(_ value: JSONValue, to output: inout String, indent: Int?) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += format(number)
        case .string(let text): appendString(text, to: &output)
        case .array(let elements):
            appendContainer(elements.map { (nil, $0) }, open: "[", close: "]", to: &output, indent: indent)
        case .object(let members):
            appendContainer(members.map { ($0.key, $0.value) }, open: "{", close: "}", to: &output, indent: indent)
        }
    }

    private static func appendContainer(
        _ items: [(String?, JSONValue)], open: String, close: String, to output: inout String, indent: Int?
    ) {
        output += open
        guard !items.isEmpty else {
            output += close
            return
        }
        let inner = indent.map { $0 + 2 }
        for (position, (key, value)) in items.enumerated() {
            if position > 0 { output += "," }
            if let inner { output += "\n" + String(repeating: " ", count: inner) }
            if let key {
                appendString(key, to: &output)
                output += inner == nil ? ":" : ": "
            }
            append(value, to: &output, indent: inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    private static func appendString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
