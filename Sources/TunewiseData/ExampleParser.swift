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
}

/// Reads one line as a chat, prompt-completion or preference example with a pull scanner:
/// only the fields that matter are looked into, and their texts are kept as places in the line.
///
/// One parser is reused for every line, so its buffers are allocated once.
struct ExampleParser {
    /// The texts of the line last parsed, in the order they appear.
    private(set) var spans: [TextSpan] = []
    /// The tool calls, tools and media of the line last parsed, in order: part of what an
    /// example says, though not text.
    private(set) var structuredParts: [StructuredPart] = []
    private var values = [FieldValue](repeating: .absent, count: ExampleField.allCases.count)
    /// Whether the line last parsed has a top-level key that names a reference for a grader
    /// (``ExampleField/referenceKeys``), with a value that is neither null nor empty.
    private var hasReferenceField = false
    private var scratch: [UInt8] = []
    /// The scanner of the line being parsed; it is only read during ``parse(_:count:)``.
    private var scanner = JSONLineScanner(UnsafePointer(bitPattern: 1)!, count: 0)

    init() { spans.reserveCapacity(64) }

    /// Parses the line of `count` bytes at `base` (no line break, no byte-order mark).
    mutating func parse(_ base: UnsafePointer<UInt8>, count: Int) -> LineOutcome {
        spans.removeAll(keepingCapacity: true)
        structuredParts.removeAll(keepingCapacity: true)
        for index in values.indices { values[index] = .absent }
        hasReferenceField = false
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
                        if isReference { hasReferenceField = !Self.isEmptyValue(scanner.base + start, count: scanner.position - start) }
                    }
                } while try scanner.continues(closing: UInt8(ascii: "}"))
            }
            guard scanner.isAtEndAfterWhitespace() else { return .invalid(.notJSON) }
        } catch {
            return .invalid(.notJSON)
        }
        if !isAbsent(.messages) || !isAbsent(.prompt) {
            // An instruction or input beside messages or a prompt is not what the model sees.
            spans.removeAll { $0.field == .instruction || $0.field == .inputText }
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

    private mutating func parseMessageList(_ field: ExampleField) throws(JSONLineScanner.NotJSON) -> MessageList {
        var list = MessageList()
        guard scanner.next == UInt8(ascii: "[") else {
            try scanner.skipValue()
            return list
        }
        list.isList = true
        scanner.position += 1
        if scanner.consume(UInt8(ascii: "]")) { return list }
        repeat {
            try parseMessage(field, into: &list)
        } while try scanner.continues(closing: UInt8(ascii: "]"))
        return list
    }

    private enum Content {
        case missing, notText, null
        case text(StringSpan)
        /// An array of content parts (`{"type": "text", "text": …}`, images and others):
        /// whether any part is an image, a tool call or a text that is not blank.
        case parts(hasContent: Bool)
    }

    private mutating func parseMessage(_ field: ExampleField, into list: inout MessageList) throws(JSONLineScanner.NotJSON) {
        list.count += 1
        scanner.skipWhitespace()
        guard scanner.next == UInt8(ascii: "{") else {
            try scanner.skipValue()
            list.note(.messageMissingRole)
            list.order.add(.unknown)
            return
        }
        scanner.position += 1
        var role: MessageRole?
        var hasFrom = false
        var content = Content.missing
        // Calls to tools or functions, which stand in for the content of an assistant turn.
        var callsTools = false
        // The reasoning given beside the content, as reasoning models' outputs carry it.
        var reasoning: StringSpan?
        // Whether it names the call it answers (`tool_call_id`), as a tool message must.
        var answersCall = false
        // The message's `weight`: 0 or 1 when it is one of those exactly.
        var weight: Int?
        var hasWeight = false
        // Where this message's spans start: content parts are read before the role may be known.
        let firstSpan = spans.count
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.scanKey()
                scanner.skipWhitespace()
                let isString = scanner.next == UInt8(ascii: "\"")
                if matches(key, "role") {
                    if isString {
                        let name = try scanner.scanString()
                        role = self.role(named: name)
                        if role == .unknown, matches(name, "function") { list.hasFunctionRole = true }
                    } else {
                        role = .unknown
                    }
                    if !isString { try scanner.skipValue() }
                } else if matches(key, "content") {
                    spans.removeSubrange(firstSpan...)
                    switch scanner.next {
                    case UInt8(ascii: "\""): content = .text(try scanner.scanString())
                    case UInt8(ascii: "["):
                        content = try parseContentParts(field, isOutput: false, isInstruction: false).map { .parts(hasContent: $0) } ?? .notText
                    case UInt8(ascii: "n"):
                        try scanner.skipValue()
                        content = .null
                    default:
                        try scanner.skipValue()
                        content = .notText
                    }
                } else if matches(key, "from") {
                    hasFrom = true
                    try scanner.skipValue()
                } else if matches(key, "weight") {
                    let start = scanner.position
                    try scanner.skipValue()
                    hasWeight = true
                    weight = Self.zeroOrOne(UnsafeBufferPointer(start: scanner.base + start, count: scanner.position - start))
                } else if matches(key, "tool_calls") || matches(key, "function_call") {
                    let isToolCalls = matches(key, "tool_calls")
                    callsTools = scanner.next != UInt8(ascii: "n")
                    let start = scanner.position
                    try scanner.skipValue()
                    if callsTools {
                        let range = start..<scanner.position
                        structuredParts.append(StructuredPart(range: range, kind: .toolCall, field: field))
                        if isToolCalls, !ToolCallCheck.isWellFormed(UnsafeBufferPointer(start: scanner.base + start, count: range.count)) {
                            list.hasInvalidToolCall = true
                        }
                    }
                } else if matches(key, "reasoning_content") || matches(key, "reasoning") || matches(key, "thinking") {
                    if isString {
                        reasoning = try scanner.scanString()
                    } else {
                        try scanner.skipValue()
                    }
                } else if matches(key, "tool_call_id") {
                    answersCall = true
                    try scanner.skipValue()
                } else {
                    try scanner.skipValue()
                }
            } while try scanner.continues(closing: UInt8(ascii: "}"))
        }
        if role == nil, hasFrom { list.hasShareGPTTurns = true }
        switch role {
        case nil: list.note(.messageMissingRole)
        case .unknown: list.note(.unknownRole)
        case .assistant: list.assistantCount += 1
        default: break
        }
        if role == .tool, !answersCall { list.hasInvalidToolCall = true }
        if hasWeight {
            if role != .assistant || weight == nil { list.hasInvalidWeight = true }
            if role == .assistant, weight == 0 { list.untrainedAssistantCount += 1 }
        }
        let isOutput = role == .assistant && field.holdsOutput
        let isInstruction = role == .system || role == .developer
        switch content {
        case .missing where callsTools, .null where callsTools: break
        case .missing: list.note(.missingContent)
        case .notText, .null: list.note(.contentNotText)
        case .text(let string):
            spans.append(TextSpan(string: string, field: field, isOutput: isOutput, isInstruction: isInstruction, role: role))
            if role == .assistant, !callsTools, isBlank(string) { list.hasEmptyAssistant = true }
        case .parts(let hasContent):
            for index in firstSpan..<spans.count {
                (spans[index].isOutput, spans[index].isInstruction, spans[index].role) = (isOutput, isInstruction, role)
            }
            if role == .assistant, !callsTools, !hasContent { list.hasEmptyAssistant = true }
        }
        if let reasoning, role == .assistant {
            // After the content whatever the order of the keys, so that it hashes alike.
            spans.append(TextSpan(string: reasoning, field: field, isOutput: false, role: role, isReasoning: true))
            list.hasReasoning = true
        }
        list.order.add(role ?? .unknown)
    }

    /// An array of content parts, whose opening bracket is next: each an object whose `text`,
    /// when it is a string, is a text of the example; any other part is a tool call when its
    /// type names a tool (Anthropic's `tool_use` and `tool_result`), else media (images,
    /// audio, files). Returns whether any part is more than blank text, or `nil` when an
    /// element is not an object.
    private mutating func parseContentParts(
        _ field: ExampleField, isOutput: Bool, isInstruction: Bool
    ) throws(JSONLineScanner.NotJSON) -> Bool? {
        scanner.position += 1
        var hasContent = false
        var allObjects = true
        if scanner.consume(UInt8(ascii: "]")) { return false }
        repeat {
            scanner.skipWhitespace()
            guard scanner.next == UInt8(ascii: "{") else {
                try scanner.skipValue()
                allObjects = false
                continue
            }
            let start = scanner.position
            scanner.position += 1
            var text: StringSpan?
            var namesTool = false
            if !scanner.consume(UInt8(ascii: "}")) {
                repeat {
                    let key = try scanner.scanKey()
                    scanner.skipWhitespace()
                    if matches(key, "text"), scanner.next == UInt8(ascii: "\"") {
                        text = try scanner.scanString()
                    } else if matches(key, "type"), scanner.next == UInt8(ascii: "\"") {
                        let type = try scanner.scanString()
                        namesTool = matches(type, "tool_use") || matches(type, "tool_result")
                    } else {
                        try scanner.skipValue()
                    }
                } while try scanner.continues(closing: UInt8(ascii: "}"))
            }
            if let text {
                spans.append(TextSpan(string: text, field: field, isOutput: isOutput, isInstruction: isInstruction))
                hasContent = hasContent || !isBlank(text)
            } else {
                structuredParts.append(StructuredPart(range: start..<scanner.position, kind: namesTool ? .toolCall : .media, field: field))
                hasContent = true
            }
        } while try scanner.continues(closing: UInt8(ascii: "]"))
        return allObjects ? hasContent : nil
    }

    /// The field a key names, if the parser reads it.
    private mutating func field(named key: StringSpan) -> ExampleField? {
        for (name, field) in ExampleField.names where matches(key, name) { return field }
        return nil
    }

    private mutating func role(named value: StringSpan) -> MessageRole {
        for (name, role) in MessageRole.names where matches(value, name) { return role }
        return .unknown
    }

    /// Whether the key at `span` names a reference for a grader: its name, in lower case, is
    /// one of ``ExampleField/referenceKeys``.
    private mutating func namesReference(_ span: StringSpan) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        span.decode(from: scanner.base, into: &scratch)
        for index in scratch.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(scratch[index]) { scratch[index] |= 0x20 }
        return ExampleField.referenceKeys.contains { $0 == scratch }
    }

    /// The number a JSON value is when it is 0 or 1, written `0`, `1`, `0.0` or `1.0` (as
    /// pandas writes them); `nil` for anything else.
    private static func zeroOrOne(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = value.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        let rest = value.dropFirst()
        guard rest.isEmpty || (rest.first == UInt8(ascii: ".") && rest.count > 1 && rest.dropFirst().allSatisfy { $0 == UInt8(ascii: "0") }) else {
            return nil
        }
        return Int(first - UInt8(ascii: "0"))
    }

    /// Whether the JSON value of `count` bytes at `base` is null, an empty string, an empty
    /// array or an empty object, whitespace aside.
    private static func isEmptyValue(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let compact = UnsafeBufferPointer(start: base, count: count).filter { !LineBreaks.isSpace($0) }
        return compact.isEmpty || [Array("null".utf8), Array("\"\"".utf8), Array("[]".utf8), Array("{}".utf8)].contains(compact)
    }

    /// Whether the string at `span` is `text`, escapes decoded.
    private mutating func matches(_ span: StringSpan, _ text: StaticString) -> Bool {
        guard span.hasEscapes else { return span.equals(text, in: scanner.base) }
        scratch.removeAll(keepingCapacity: true)
        span.decode(from: scanner.base, into: &scratch)
        return scratch.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether the string at `span` is empty or only whitespace, escaped or not.
    private func isBlank(_ span: StringSpan) -> Bool {
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
