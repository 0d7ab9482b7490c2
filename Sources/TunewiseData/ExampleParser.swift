/// What one non-blank line turned out to be.
enum LineOutcome {
    /// Not an example: its first fault, and the other layout it looks like, if any.
    case invalid(DataFault, OtherLayout? = nil)
    case valid(ParsedExample)
}

/// A valid example's shape; its texts are in ``ExampleParser/spans``.
struct ParsedExample {
    var format: DataFormat
    /// Messages in its lists; 0 when its texts are plain strings.
    var messageCount: Int
    var warnings: WarningSet
    /// Its `label` when that is `true` or `false`: a rating of its answer (KTO's layout).
    var rating: Bool? = nil
    /// Whether it is a prompt without an answer beside a reference for a grader
    /// (``DataMeasurement/gradedExamples``).
    var isGraded = false
    /// The assistant messages of a chat example.
    var assistantTurns = 0
    /// Whether an assistant message carries its reasoning beside its content.
    var hasReasoning = false
    /// Whether a preference example names its answers `preferred_output` and
    /// `non_preferred_output` (OpenAI's layout) rather than `chosen` and `rejected` (TRL's).
    var writesPreferredOutputs = false
}

/// Reads one line as a chat, prompt-completion or preference example with a pull scanner:
/// only the fields that matter are looked into, and their texts are kept as places in the line.
///
/// One parser is reused for every line, so its buffers are allocated once.
struct ExampleParser {
    /// The texts of the line last parsed, in the order they appear.
    var spans: [TextSpan] = []
    /// The tool calls, tools and media of the line last parsed, in order: part of what an
    /// example says, though not text.
    var structuredParts: [StructuredPart] = []
    private var values = [FieldValue](repeating: .absent, count: ExampleField.allCases.count)
    /// Whether the line last parsed has a top-level key that names a reference for a grader
    /// (``ExampleField/referenceKeys``), with a value that is neither null nor empty.
    private var hasReferenceField: Bool { referenceRange != nil }
    /// Where the value of that key lies in the line: part of what a graded example says, so
    /// that prompts graded against different references are not duplicates.
    private(set) var referenceRange: Range<Int>?
    private var scratch: [UInt8] = []
    /// The scanner of the line being parsed; it is only read during ``parse(_:count:)``.
    var scanner = JSONLineScanner(UnsafePointer(bitPattern: 1)!, count: 0)

    init() { spans.reserveCapacity(64) }

    /// Parses the line of `count` bytes at `base` (no line break, no byte-order mark).
    mutating func parse(_ base: UnsafePointer<UInt8>, count: Int) -> LineOutcome {
        spans.removeAll(keepingCapacity: true)
        structuredParts.removeAll(keepingCapacity: true)
        for index in values.indices { values[index] = .absent }
        referenceRange = nil
        // JSON is UTF-8 throughout: a line that is not is not JSON, and one that is need not be
        // checked string by string.
        guard UTF8Check.isValid(base, count: count) else { return .invalid(.notJSON) }
        scanner = JSONLineScanner(base, count: count)
        do throws(JSONLineScanner.NotJSON) {
            scanner.skipWhitespace()
            guard scanner.next == UInt8(ascii: "{") else {
                try scanner.skipValue()
                return .invalid(scanner.isAtEndAfterWhitespace() ? .notAnObject : .notJSON)
            }
            scanner.position += 1
            if !scanner.consume(UInt8(ascii: "}")) {
                repeat {
                    let key = try scanner.scanKey()
                    if let field = field(named: key) {
                        try parse(field)
                    } else {
                        let isReference = !hasReferenceField && namesReference(key)
                        scanner.skipWhitespace()
                        let start = scanner.position
                        try scanner.skipValue()
                        if isReference, !Self.isEmptyValue(scanner.base + start, count: scanner.position - start) {
                            referenceRange = start..<scanner.position
                        }
                    }
                } while try scanner.continues(closing: UInt8(ascii: "}"))
            }
            guard scanner.isAtEndAfterWhitespace() else { return .invalid(.notJSON) }
        } catch {
            return .invalid(.notJSON)
        }
        if !isAbsent(.messages) || !isAbsent(.prompt) {
            // An instruction or input beside messages or a prompt is not what the model sees.
            if spans.contains(where: { $0.field == .instruction || $0.field == .inputText }) {
                spans.removeAll { $0.field == .instruction || $0.field == .inputText }
            }
        }
        return ExampleClassifier(values: values, hasReferenceField: hasReferenceField).outcome
    }

    private func isAbsent(_ field: ExampleField) -> Bool {
        if case .absent = values[field.rawValue] { return true }
        return false
    }

    private mutating func parse(_ field: ExampleField) throws(JSONLineScanner.NotJSON) {
        if !isAbsent(field) {
            // A repeated key: the last one counts, as in most JSON readers.
            spans.removeAll { $0.field == field || (field == .input && $0.field == .inputText) }
            structuredParts.removeAll { $0.field == field }
        }
        scanner.skipWhitespace()
        switch field {
        case .messages, .preferredOutput, .nonPreferredOutput:
            values[field.rawValue] = .list(try parseMessageList(field))
        case .input:
            values[field.rawValue] = try parseInput()
        case .system:
            // Counted as text, never a fault: the format is decided by the other fields.
            switch scanner.next {
            case UInt8(ascii: "\""):
                spans.append(TextSpan(string: try scanner.scanString(), field: field, isOutput: false, isInstruction: true))
            case UInt8(ascii: "["):
                _ = try parseContentParts(field, isOutput: false, isInstruction: true)
            default:
                try scanner.skipValue()
            }
            values[field.rawValue] = .other
        case .instruction:
            if scanner.next == UInt8(ascii: "\"") {
                spans.append(TextSpan(string: try scanner.scanString(), field: field, isOutput: false))
            } else {
                try scanner.skipValue()
            }
            values[field.rawValue] = .other
        case .conversations, .output, .inputText, .contents, .vertexInput, .vertexOutput, .rawText:
            try scanner.skipValue()
            values[field.rawValue] = .other
        case .label:
            let first = scanner.next
            try scanner.skipValue()
            values[field.rawValue] = first == UInt8(ascii: "t") ? .flag(true) : (first == UInt8(ascii: "f") ? .flag(false) : .other)
        case .tools, .functions:
            let start = scanner.position
            try scanner.skipValue()
            structuredParts.append(StructuredPart(range: start..<scanner.position, kind: .tools, field: field))
            values[field.rawValue] = .other
        case .prompt, .completion, .chosen, .rejected:
            switch scanner.next {
            case UInt8(ascii: "\""):
                let string = try scanner.scanString()
                spans.append(TextSpan(string: string, field: field, isOutput: field.holdsOutput))
                values[field.rawValue] = .text(isBlank: isBlank(string))
            case UInt8(ascii: "["):
                values[field.rawValue] = .list(try parseMessageList(field))
            default:
                try scanner.skipValue()
                values[field.rawValue] = .other
            }
        }
    }

    /// `{"messages": […]}`, the input of a preference example.
    private mutating func parseInput() throws(JSONLineScanner.NotJSON) -> FieldValue {
        if scanner.next == UInt8(ascii: "\"") {
            spans.append(TextSpan(string: try scanner.scanString(), field: .inputText, isOutput: false))
            return .other
        }
        guard scanner.next == UInt8(ascii: "{") else {
            try scanner.skipValue()
            return .other
        }
        scanner.position += 1
        var value = FieldValue.other
        if scanner.consume(UInt8(ascii: "}")) { return value }
        repeat {
            let key = try scanner.scanKey()
            if matches(key, "messages") {
                spans.removeAll { $0.field == .input }
                structuredParts.removeAll { $0.field == .input && $0.kind != .tools }
                scanner.skipWhitespace()
                value = .list(try parseMessageList(.input))
            } else if matches(key, "tools") {
                // The tools a preference pair's prompt offers, where OpenAI's layout puts them.
                structuredParts.removeAll { $0.field == .input && $0.kind == .tools }
                scanner.skipWhitespace()
                let start = scanner.position
                try scanner.skipValue()
                structuredParts.append(StructuredPart(range: start..<scanner.position, kind: .tools, field: .input))
            } else {
                try scanner.skipValue()
            }
        } while try scanner.continues(closing: UInt8(ascii: "}"))
        return value
    }

    /// The field a key names, if the parser reads it, each name compared as a constant.
    private mutating func field(named key: StringSpan) -> ExampleField? {
        if matches(key, "messages") { return .messages }
        if matches(key, "prompt") { return .prompt }
        if matches(key, "completion") { return .completion }
        if matches(key, "chosen") { return .chosen }
        if matches(key, "rejected") { return .rejected }
        if matches(key, "input") { return .input }
        if matches(key, "preferred_output") { return .preferredOutput }
        if matches(key, "non_preferred_output") { return .nonPreferredOutput }
        if matches(key, "system") { return .system }
        if matches(key, "tools") { return .tools }
        if matches(key, "functions") { return .functions }
        if matches(key, "conversations") { return .conversations }
        if matches(key, "instruction") { return .instruction }
        if matches(key, "output") { return .output }
        if matches(key, "label") { return .label }
        if matches(key, "contents") { return .contents }
        if matches(key, "input_text") { return .vertexInput }
        if matches(key, "output_text") { return .vertexOutput }
        if matches(key, "text") { return .rawText }
        return nil
    }

    /// Whether the key at `span` names a reference for a grader: its name, in lower case, is
    /// one of ``ExampleField/referenceKeys``.
    private mutating func namesReference(_ span: StringSpan) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        span.decode(from: scanner.base, into: &scratch)
        for index in scratch.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(scratch[index]) { scratch[index] |= 0x20 }
        return ExampleField.referenceKeys.contains { $0 == scratch }
    }

    /// Whether the JSON value of `count` bytes at `base` is null, an empty string, an empty
    /// array or an empty object, whitespace aside.
    private static func isEmptyValue(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let compact = UnsafeBufferPointer(start: base, count: count).filter { !LineBreaks.isSpace($0) }
        return compact.isEmpty || [Array("null".utf8), Array("\"\"".utf8), Array("[]".utf8), Array("{}".utf8)].contains(compact)
    }

    /// Whether the string at `span` is `text`, escapes decoded: inlined, so that the text's
    /// bytes are constants where it is called.
    @inline(__always)
    mutating func matches(_ span: StringSpan, _ text: StaticString) -> Bool {
        span.hasEscapes ? matchesDecoded(span, text) : span.equals(text, in: scanner.base)
    }

    /// ``matches(_:_:)`` for a string with escapes.
    private mutating func matchesDecoded(_ span: StringSpan, _ text: StaticString) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        span.decode(from: scanner.base, into: &scratch)
        return scratch.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether the string at `span` is empty or only whitespace, escaped or not.
    func isBlank(_ span: StringSpan) -> Bool {
        var position = span.start
        while position < span.end {
            switch scanner.base[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            case UInt8(ascii: "\\"):
                switch scanner.base[position + 1] {
                case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"): position += 2
                default: return false
                }
            default: return false
            }
        }
        return true
    }
}
