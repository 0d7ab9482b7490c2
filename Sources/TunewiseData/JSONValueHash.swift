/// A hash of a JSON value by what it says: whitespace, the order of an object's members,
/// escapes and members that only name a call (``isIgnored(_:in:)``) do not change it, and a
/// string that holds JSON (a tool call's `arguments`) is hashed as the JSON it holds. Two
/// tool calls of the same function with the same arguments hash alike however they were
/// written and whatever ids their clients gave them.
enum JSONValueHash {
    /// The hash of the JSON value in `bytes`, or of the bytes as they are when they are not
    /// one JSON value.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        var scanner = JSONLineScanner(base, count: bytes.count)
        do throws(JSONLineScanner.NotJSON) {
            let hash = try value(&scanner, depth: 0)
            if scanner.isAtEndAfterWhitespace() { return hash }
        } catch {}
        return Hashing.mix(Hashing.hash(base, count: bytes.count) ^ Tag.text)
    }

    /// What keeps values of different kinds apart.
    private enum Tag {
        static let object: UInt64 = 0x9E37_79B9_7F4A_7C15
        static let array: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        static let text: UInt64 = 0x1656_67B1_9E37_79F9
        static let scalar: UInt64 = 0x27D4_EB2F_1656_67C5
        static let member: UInt64 = 0x85EB_CA77_C2B2_AE63
    }

    /// The hash of the value that starts after any whitespace at the scanner's position.
    private static func value(_ scanner: inout JSONLineScanner, depth: Int) throws(JSONLineScanner.NotJSON) -> UInt64 {
        scanner.skipWhitespace()
        guard let first = scanner.next else { throw JSONLineScanner.NotJSON() }
        guard depth < JSONLineScanner.depthLimit else { throw JSONLineScanner.NotJSON() }
        switch first {
        case UInt8(ascii: "{"):
            scanner.position += 1
            // Members are summed, so that their order does not count.
            var sum: UInt64 = 0
            if !scanner.consume(UInt8(ascii: "}")) {
                repeat {
                    let key = try scanner.scanKey()
                    if isIgnored(key, in: scanner.base) {
                        try scanner.skipValue()
                        continue
                    }
                    let member = try value(&scanner, depth: depth + 1)
                    sum &+= Hashing.mix(text(key, in: scanner.base) &* Tag.member ^ member)
                } while try scanner.continues(closing: UInt8(ascii: "}"))
            }
            return Hashing.mix(sum ^ Tag.object)
        case UInt8(ascii: "["):
            scanner.position += 1
            var hash = Tag.array
            if !scanner.consume(UInt8(ascii: "]")) {
                repeat {
                    hash = Hashing.mix(hash &* Tag.member ^ (try value(&scanner, depth: depth + 1)))
                } while try scanner.continues(closing: UInt8(ascii: "]"))
            }
            return hash
        case UInt8(ascii: "\""):
            let string = try scanner.scanString()
            return stringValue(string, in: scanner.base, depth: depth)
        default:
            let start = scanner.position
            try scanner.skipValue()
            return Hashing.mix(Hashing.hash(scanner.base + start, count: scanner.position - start) ^ Tag.scalar)
        }
    }

    /// A string's hash: of the JSON it holds when it holds an object or an array, else of its
    /// text, escapes decoded.
    private static func stringValue(_ string: StringSpan, in base: UnsafePointer<UInt8>, depth: Int) -> UInt64 {
        var decoded: [UInt8] = []
        if string.hasEscapes { string.decode(from: base, into: &decoded) }
        let holdsJSON = { (bytes: UnsafeBufferPointer<UInt8>) -> UInt64? in
            guard let first = bytes.first(where: { !LineBreaks.isSpace($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            else { return nil }
            var inner = JSONLineScanner(bytes.baseAddress!, count: bytes.count)
            guard let hash = try? value(&inner, depth: depth + 1), inner.isAtEndAfterWhitespace() else { return nil }
            return hash
        }
        if string.hasEscapes {
            return decoded.withUnsafeBufferPointer { bytes in holdsJSON(bytes) ?? textHash(bytes) }
        }
        let bytes = UnsafeBufferPointer(start: base + string.start, count: string.end - string.start)
        return holdsJSON(bytes) ?? textHash(bytes)
    }

    /// The hash of a key or string's text.
    private static func text(_ string: StringSpan, in base: UnsafePointer<UInt8>) -> UInt64 {
        guard string.hasEscapes else { return textHash(UnsafeBufferPointer(start: base + string.start, count: string.end - string.start)) }
        var decoded: [UInt8] = []
        string.decode(from: base, into: &decoded)
        return decoded.withUnsafeBufferPointer(textHash)
    }

    private static func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        Hashing.mix((bytes.baseAddress.map { Hashing.hash($0, count: bytes.count) } ?? 0) ^ Tag.text)
    }

    /// Whether a member only names a call or its result (`id`, `call_id`, `tool_use_id`,
    /// `tool_call_id`): ids a client makes up, not what the call does.
    private static func isIgnored(_ key: StringSpan, in base: UnsafePointer<UInt8>) -> Bool {
        key.equals("id", in: base) || key.equals("call_id", in: base) || key.equals("tool_use_id", in: base)
            || key.equals("tool_call_id", in: base)
    }
}
