#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding line ends.
enum LineBreaks {
    /// The offset of the next line feed at or after `start`, before `count`, if any: the C
    /// library's `memchr`, which reads as many bytes at once as the processor can.
    static func next(in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        first(0x0A, in: base, from: start, count: count)
    }

    /// The offset of the first `byte` at or after `start`, before `count`, if any (`memchr`).
    static func first(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
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
    /// Whether `text` holds a JSON object or array with more around it: inside a Markdown code
    /// fence (three backticks and an optional language, then the JSON, then three backticks),
    /// or an object with words before it (within its first 200 bytes: "Here is the JSON: {…}",
    /// a reasoning model's `</think>{…}`) or after it.
    static func isWrappedContainer(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var start = 0
        var end = text.count
        while start < end, LineBreaks.isSpace(base[start]) { start += 1 }
        while end > start, LineBreaks.isSpace(base[end - 1]) { end -= 1 }
        let fence: StaticString = "```"
        if end - start >= 6, memoryEquals(base + start, fence.utf8Start, count: 3), memoryEquals(base + end - 3, fence.utf8Start, count: 3),
            let lineEnd = LineBreaks.next(in: base, from: start, count: end - 3)
        {
            return isContainer(UnsafeBufferPointer(rebasing: text[(lineEnd + 1)..<(end - 3)]))
        }
        // Words come before the object, not an array's bracket: an array that does not parse is broken, not wrapped.
        guard start < end, base[start] != UInt8(ascii: "["),
            let opening = LineBreaks.first(UInt8(ascii: "{"), in: base, from: start, count: min(end, start + 200))
        else { return false }
        var scanner = JSONLineScanner(base + opening, count: end - opening)
        do {
            try scanner.skipValue()
        } catch {
            return false
        }
        return opening > start || !scanner.isAtEndAfterWhitespace()
    }

    /// Whether `text`, an output whose ``answerAfterReasoning(_:)`` is `answer`, is a reasoning
    /// model's cut off: it opens with `<think>` and never closes it, or has nothing after its
    /// last `</think>` (the opening tag may be the chat template's).
    static func hasUnfinishedReasoning(_ text: UnsafeBufferPointer<UInt8>, answer: UnsafeBufferPointer<UInt8>?) -> Bool {
        if let answer { return answer.allSatisfy(LineBreaks.isSpace) }
        guard let base = text.baseAddress else { return false }
        var start = 0
        while start < text.count, LineBreaks.isSpace(base[start]) { start += 1 }
        let open: StaticString = "<think>"
        return text.count - start >= open.utf8CodeUnitCount && memoryEquals(base + start, open.utf8Start, count: open.utf8CodeUnitCount)
    }

    /// The part of an output after its last `</think>`, when it has one: the answer after a
    /// reasoning model's thoughts.
    static func answerAfterReasoning(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let base = text.baseAddress else { return nil }
        let close: StaticString = "</think>"
        let length = close.utf8CodeUnitCount
        // The tags, found from their `<` at the C library's speed; the answer follows the last.
        var answerStart: Int?
        var position = 0
        while let found = LineBreaks.first(UInt8(ascii: "<"), in: base, from: position, count: text.count) {
            if text.count - found >= length, memoryEquals(base + found, close.utf8Start, count: length) { answerStart = found + length }
            position = found + 1
        }
        return answerStart.map { UnsafeBufferPointer(rebasing: text[$0...]) }
    }

    /// Whether `text`, which is neither a JSON object or array nor one wrapped in more, starts
    /// as one (`{` then a key, or `[` then a value's first character) yet does not parse: cut
    /// off or malformed, as a model tuned on it would write it. A brace before anything else
    /// (a template's `{{name}}`, a message format's `{count, plural, …}`) is not JSON.
    static func isBrokenContainer(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = text.firstIndex(where: { !LineBreaks.isSpace($0) }) else { return false }
        if text[start] == UInt8(ascii: "{") { return opensAnObject(text[(start + 1)...]) }
        guard text[start] == UInt8(ascii: "["),
            let next = text[(start + 1)...].first(where: { !LineBreaks.isSpace($0) })
        else { return false }
        return next == UInt8(ascii: "{") || next == UInt8(ascii: "[") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "]")
    }

    /// Whether what follows an opening brace reads as an object's first key: nothing (cut off),
    /// a quote of either kind, the closing brace, or a bare name followed by a colon (`{x: 1}`,
    /// a script's object written for JSON).
    private static func opensAnObject(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = rest.firstIndex(where: { !LineBreaks.isSpace($0) }) else { return true }
        let byte = rest[first]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "}") { return true }
        let isNameByte = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        guard isNameByte(byte) else { return false }
        let afterName = rest[first...].firstIndex { !isNameByte($0) }
        let next = afterName.flatMap { index in rest[index...].first { !LineBreaks.isSpace($0) } }
        return next == nil || next == UInt8(ascii: ":")
    }

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
