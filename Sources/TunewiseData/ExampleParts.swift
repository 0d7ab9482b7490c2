/// A role a message may have; any other is ``unknown``.
enum MessageRole: UInt8 {
    /// The roles of the product's contract; any other, the older `function` among them, is unknown.
    case system, developer, user, assistant, tool, unknown
}

/// The fields of an example that the parser reads; every other field is checked as JSON and skipped.
enum ExampleField: Int, CaseIterable {
    case messages, prompt, completion, chosen, rejected, input, preferredOutput, nonPreferredOutput
    /// The system prompt beside `messages`, as Anthropic's and Bedrock's layouts give it.
    case system
    /// The tools (or, in the older layout, functions) an example offers the model.
    case tools, functions
    /// Fields of layouts that are not read (``OtherLayout``), noted to name the layout; an
    /// `instruction` beside `chosen` and `rejected` is read as the prompt.
    case conversations, instruction, output
    /// A `label` of `true` or `false` beside an example: a thumbs up or down on its answer,
    /// as KTO data gives it.
    case label
    /// An `input` that is a string (Alpaca's, beside an instruction) rather than a preference
    /// pair's messages: read as part of the prompt, as the instruction is.
    case inputText
    /// Fields of other layouts, noted to name them (``OtherLayout``): Gemini's `contents`,
    /// Vertex AI's older `input_text` and `output_text`, and the `text` of raw text for
    /// continued pre-training.
    case contents, vertexInput, vertexOutput, rawText

    /// The names, in lower case, of top-level keys that hold a reference for a grader: a
    /// prompt that ends with the user's turn beside one (not empty) is an example of
    /// reinforcement fine-tuning.
    static let referenceKeys: [[UInt8]] = [
        "reference", "reference_answer", "reference_output", "reference_solution", "ideal", "ideal_answer", "ideal_output", "expected",
        "expected_answer", "expected_output", "ground_truth", "groundtruth", "gold", "gold_answer", "correct_answer", "correct_label",
        "solution", "answer", "final_answer", "target",
    ].map { Array($0.utf8) }

    /// Whether the field holds an answer: an output, or the answer a preference pair rejects.
    var holdsAnswer: Bool { holdsOutput || self == .rejected || self == .nonPreferredOutput }

    /// Whether the field holds nothing but answers (a completion, or a preference pair's
    /// answers), unlike `messages`, whose user turns are the prompt.
    var holdsOnlyAnswers: Bool {
        switch self {
        case .completion, .chosen, .rejected, .preferredOutput, .nonPreferredOutput: true
        default: false
        }
    }

    /// Whether the field's text, or its assistant messages, are what the model learns to say.
    var holdsOutput: Bool {
        switch self {
        case .messages, .completion, .chosen, .preferredOutput: true
        case .prompt, .rejected, .input, .nonPreferredOutput, .system, .tools, .functions, .conversations, .instruction, .output, .inputText, .label,
            .contents, .vertexInput, .vertexOutput, .rawText:
            false
        }
    }
}

/// A text of an example: a message's content, a prompt, a completion or a preference output.
struct TextSpan {
    var string: StringSpan
    var field: ExampleField
    /// Whether the text is an output the model learns to produce.
    var isOutput: Bool
    /// Whether the text is a system or developer message: instructions that many examples
    /// share, which say nothing about whether two examples repeat each other.
    var isInstruction = false
    /// The role of the message it is the content of; `nil` for a text outside messages.
    var role: MessageRole? = nil
    /// Whether the text is an assistant's reasoning given beside its content
    /// (`reasoning_content`, `reasoning` or `thinking`), as distillation data from a reasoning
    /// model carries it.
    var isReasoning = false

    /// Whether the text is an answer: an output, its reasoning, or the answer a preference
    /// pair rejects.
    var isAnswer: Bool { isOutput || isReasoning || field == .rejected || field == .nonPreferredOutput }

    /// What tells this text's place in an example apart, for the example's content hash.
    var marker: UInt64 {
        UInt64(field.rawValue) | UInt64(role?.rawValue ?? 0xFF) &<< 8 | (isOutput ? 1 &<< 16 : 0) | (isReasoning ? 1 &<< 17 : 0)
    }
}

/// A part of an example written as JSON rather than a string: a call to a tool, the tools
/// offered, or a content part such as an image.
struct StructuredPart {
    enum Kind {
        /// What the model is trained to call: counted as tokens and sketched.
        case toolCall
        /// The tools offered: counted as tokens, like instructions.
        case tools
        /// An image, audio or a file: neither text nor tokens the estimate can count.
        case media
    }

    /// Where its JSON lies in the line.
    var range: Range<Int>
    var kind: Kind
    /// The field it was found in, so that a repeated key replaces it.
    var field: ExampleField
}

/// What a list of messages held, found as it was scanned.
struct MessageList {
    /// Whether the value was a JSON array at all.
    var isList = false
    var count = 0
    /// The first fault among its messages, in ``DataFault`` order.
    var fault: DataFault?
    var hasAssistant: Bool { assistantCount > 0 }
    /// Its assistant messages: the turns a trainer learns from.
    var assistantCount = 0
    /// Its assistant messages with a `weight` of 0, which a trainer that reads weights skips.
    var untrainedAssistantCount = 0
    /// Whether a message has a `weight` other than 0 or 1, or one on a message that is not
    /// the assistant's.
    var hasInvalidWeight = false
    /// Whether a message's `tool_calls` are not calls whose `arguments` are a string holding a
    /// JSON object, or a tool message names no `tool_call_id`.
    var hasInvalidToolCall = false
    /// Whether an assistant message carries its reasoning beside its content.
    var hasReasoning = false
    var hasEmptyAssistant = false
    /// Whether a message has `from` and no `role`: a turn written as ShareGPT writes them.
    var hasShareGPTTurns = false
    /// Whether a message has the older `function` role, of OpenAI's first function calling.
    var hasFunctionRole = false
    var order = RoleOrder()

    mutating func note(_ found: DataFault) {
        if fault.map({ found < $0 }) ?? true { fault = found }
    }
}

/// The value of one example field.
enum FieldValue {
    case absent
    /// A string; `isBlank` when it is empty or only whitespace.
    case text(isBlank: Bool)
    case list(MessageList)
    /// Neither a string nor a list (for `input`: not an object holding `messages`).
    case other
    /// `true` or `false` (a `label` rating the example's answer).
    case flag(Bool)
}

/// Follows a conversation's roles: optional system or developer messages, then user and
/// assistant turns in alternation, tool messages allowed after an assistant turn.
struct RoleOrder {
    private enum Stage { case opening, afterUser, afterAssistant, afterTool }

    private var stage = Stage.opening
    private(set) var isOutOfOrder = false
    private(set) var last: MessageRole?

    mutating func add(_ role: MessageRole) {
        switch (stage, role) {
        case (.opening, .system), (.opening, .developer): break
        case (.opening, .user), (.afterAssistant, .user): stage = .afterUser
        case (.afterUser, .assistant), (.afterTool, .assistant): stage = .afterAssistant
        case (.afterAssistant, .tool), (.afterTool, .tool): stage = .afterTool
        default:
            isOutOfOrder = true
            switch role {
            case .user: stage = .afterUser
            case .assistant: stage = .afterAssistant
            case .tool: stage = .afterTool
            case .system, .developer, .unknown: break
            }
        }
        last = role
    }

    /// Whether the conversation ends with a user turn.
    var endsWithUser: Bool { last == .user }
}

/// The warnings found on one example, as a set of bits.
struct WarningSet {
    private(set) var bits: UInt8 = 0

    mutating func insert(_ warning: StructureWarning) { bits |= 1 << UInt8(warning.ordinal) }

    func contains(_ warning: StructureWarning) -> Bool { bits & (1 << UInt8(warning.ordinal)) != 0 }
}
