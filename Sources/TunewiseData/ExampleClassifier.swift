/// Decides, from the fields a line held, its format and whether it is a valid example:
/// the format from the keys present, then the line's first fault in ``DataFault`` order.
struct ExampleClassifier {
    let values: [FieldValue]
    /// Whether the line has a top-level field that names a reference for a grader.
    let hasReferenceField: Bool
    private var fault: DataFault?
    private var warnings = WarningSet()
    private var messageCount = 0
    private var assistantTurns = 0
    private var hasReasoning = false
    private var isGraded = false

    init(values: [FieldValue], hasReferenceField: Bool = false) {
        self.values = values
        self.hasReferenceField = hasReferenceField
    }

    /// The line as an example of its format, or its first fault.
    var outcome: LineOutcome {
        var classifier = self
        guard let format = classifier.classify() else { return .invalid(.missingMessages, otherLayout) }
        if let fault = classifier.fault { return .invalid(fault, otherLayout) }
        var rating: Bool?
        if case .flag(let up) = value(.label) { rating = up }
        return .valid(
            ParsedExample(
                format: format, messageCount: classifier.messageCount, warnings: classifier.warnings, rating: rating,
                isGraded: classifier.isGraded, assistantTurns: classifier.assistantTurns, hasReasoning: classifier.hasReasoning,
                writesPreferredOutputs: format == .preference && (has(.preferredOutput) || has(.nonPreferredOutput))))
    }

    private func value(_ field: ExampleField) -> FieldValue { values[field.rawValue] }

    /// The layout of another tool that an invalid line looks like, if any.
    private var otherLayout: OtherLayout? {
        if has(.conversations) { return .shareGPT }
        if case .list(let list) = value(.messages), list.hasShareGPTTurns { return .shareGPT }
        if case .list(let list) = value(.messages), list.hasFunctionRole { return .functionRole }
        if has(.instruction), has(.output) { return .alpaca }
        if has(.contents) { return .gemini }
        if has(.vertexInput), has(.vertexOutput) { return .vertexText }
        if has(.rawText) { return .rawText }
        return nil
    }

    private func has(_ field: ExampleField) -> Bool {
        if case .absent = value(field) { return false }
        return true
    }

    /// The format the keys point to, noting faults on the way; `nil` when no key points to one.
    private mutating func classify() -> DataFormat? {
        if has(.messages) {
            guard let list = requireList(.messages, needsAssistant: false) else { return .chat }
            assistantTurns = list.assistantCount
            // A conversation that ends with the user's turn beside a reference for a grader: an
            // example of reinforcement fine-tuning, whose answer to that turn the model writes
            // and a grader scores.
            isGraded = hasReferenceField && list.order.endsWithUser
            if !list.hasAssistant, !isGraded { note(.noAssistantMessage) }
            if list.order.isOutOfOrder { warnings.insert(.rolesOutOfOrder) }
            if list.order.endsWithUser, !isGraded { warnings.insert(.trailingUserTurn) }
            if list.hasAssistant, list.untrainedAssistantCount == list.assistantCount { warnings.insert(.noTrainedTurn) }
            if list.hasInvalidWeight { warnings.insert(.invalidWeight) }
            if list.hasInvalidToolCall { warnings.insert(.invalidToolCall) }
            return .chat
        }
        if has(.preferredOutput) || has(.nonPreferredOutput) {
            requireList(.input, needsAssistant: false)
            requireList(.preferredOutput, needsAssistant: true)
            requireList(.nonPreferredOutput, needsAssistant: true)
            return .preference
        }
        if has(.chosen) || has(.rejected) {
            if has(.prompt) { requireText(.prompt, needsAssistant: false) }
            requireText(.chosen, needsAssistant: true)
            requireText(.rejected, needsAssistant: true)
            return .preference
        }
        if has(.prompt) || has(.completion) {
            requireText(.prompt, needsAssistant: false)
            // A prompt alone beside a reference for a grader (TRL's layout for GRPO): graded.
            if !has(.completion), hasReferenceField {
                isGraded = true
            } else {
                requireText(.completion, needsAssistant: true)
            }
            return .promptCompletion
        }
        return nil
    }

    private mutating func note(_ found: DataFault) {
        if fault.map({ found < $0 }) ?? true { fault = found }
    }

    /// Checks that `field` holds a non-empty list of messages, with an assistant message
    /// when `needsAssistant`; returns it.
    @discardableResult
    private mutating func requireList(_ field: ExampleField, needsAssistant: Bool) -> MessageList? {
        guard case .list(let list) = value(field), list.isList, list.count > 0 else {
            note(.missingMessages)
            return nil
        }
        if let listFault = list.fault { note(listFault) }
        if needsAssistant, !list.hasAssistant { note(.noAssistantMessage) }
        if field.holdsAnswer, list.hasEmptyAssistant { warnings.insert(.emptyAssistant) }
        if list.hasReasoning { hasReasoning = true }
        messageCount += list.count
        return list
    }

    /// Checks that `field` holds a string or a list of messages as ``requireList(_:needsAssistant:)`` does.
    private mutating func requireText(_ field: ExampleField, needsAssistant: Bool) {
        switch value(field) {
        case .absent: note(.missingMessages)
        case .text(let isBlank): if isBlank, field.holdsAnswer { warnings.insert(.emptyAssistant) }
        case .list: requireList(field, needsAssistant: needsAssistant)
        case .other, .flag: note(.contentNotText)
        }
    }
}
