/// The message lists of chat and preference examples: each message's role, content (text or
/// parts), reasoning, tool calls and weight.
extension ExampleParser {
    /// A list of messages, whose opening bracket is next; any other value is skipped and read
    /// as no list.
    mutating func parseMessageList(_ field: ExampleField) throws(JSONLineScanner.NotJSON) -> MessageList {
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
                    if spans.count > firstSpan { spans.removeSubrange(firstSpan...) }
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
    mutating func parseContentParts(
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

    /// The role a message's `role` value names; ``MessageRole/unknown`` for any other (the
    /// older `function` among them). Each name is compared as a constant, the commonest first.
    private mutating func role(named value: StringSpan) -> MessageRole {
        if matches(value, "user") { return .user }
        if matches(value, "assistant") { return .assistant }
        if matches(value, "system") { return .system }
        if matches(value, "tool") { return .tool }
        if matches(value, "developer") { return .developer }
        return .unknown
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
}
