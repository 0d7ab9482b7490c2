/// Checks a message's `tool_calls` as OpenAI's fine-tuning reads them: a list of calls, each
/// with a `function` whose `arguments` is a string that holds a JSON object.
enum ToolCallCheck {
    /// Whether the JSON value in `bytes` is such a list.
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var scanner = JSONLineScanner(base, count: bytes.count)
        do throws(JSONLineScanner.NotJSON) {
            guard scanner.consume(UInt8(ascii: "[")) else { return false }
            if scanner.consume(UInt8(ascii: "]")) { return true }
            var isWellFormed = true
            repeat {
                // Every call is read to its end, so the scanner stays in step.
                if try !isWellFormedMember(&scanner, named: "function", check: isWellFormedFunction) { isWellFormed = false }
            } while try scanner.continues(closing: UInt8(ascii: "]"))
            return isWellFormed
        } catch {
            return false
        }
    }

    /// Reads the value at the scanner, an object whose member `name` passes `check`; `false`
    /// for another value or an object without it.
    private static func isWellFormedMember(
        _ scanner: inout JSONLineScanner, named name: StaticString,
        check: (inout JSONLineScanner) throws(JSONLineScanner.NotJSON) -> Bool
    ) throws(JSONLineScanner.NotJSON) -> Bool {
        guard scanner.consume(UInt8(ascii: "{")) else {
            try scanner.skipValue()
            return false
        }
        if scanner.consume(UInt8(ascii: "}")) { return false }
        var isWellFormed = false
        repeat {
            let key = try scanner.scanKey()
            if key.equals(name, in: scanner.base) {
                isWellFormed = try check(&scanner)
            } else {
                try scanner.skipValue()
            }
        } while try scanner.continues(closing: UInt8(ascii: "}"))
        return isWellFormed
    }

    /// Reads a call's `function`: an object whose `arguments` is a string holding a JSON object.
    private static func isWellFormedFunction(_ scanner: inout JSONLineScanner) throws(JSONLineScanner.NotJSON) -> Bool {
        try isWellFormedMember(&scanner, named: "arguments") { scanner throws(JSONLineScanner.NotJSON) in
            scanner.skipWhitespace()
            guard scanner.next == UInt8(ascii: "\"") else {
                try scanner.skipValue()
                return false
            }
            var arguments: [UInt8] = []
            try scanner.scanString().decode(from: scanner.base, into: &arguments)
            return arguments.withUnsafeBufferPointer { text in
                guard let first = text.firstIndex(where: { !LineBreaks.isSpace($0) }), text[first] == UInt8(ascii: "{") else { return false }
                return JSONLineScanner.isContainer(text)
            }
        }
    }
}
