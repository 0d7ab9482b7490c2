/// Why a line is not a valid example. The cases are in the order that decides which fault
/// a line counts under when it has several: the first in this order.
public enum DataFault: String, TallyKind, Comparable {
    /// Not JSON, text that is not UTF-8 included.
    case notJSON = "not-json"
    /// JSON, but not an object.
    case notAnObject = "not-an-object"
    /// No non-empty `messages` list, or a field of the line's format missing.
    case missingMessages = "missing-messages"
    /// A message that is not an object with a `role`.
    case messageMissingRole = "message-missing-role"
    /// A role other than system, developer, user, assistant and tool.
    case unknownRole = "unknown-role"
    /// A message without `content`.
    case missingContent = "missing-content"
    /// A content, prompt or completion that is not a string.
    case contentNotText = "content-not-text"
    /// No assistant message to learn from.
    case noAssistantMessage = "no-assistant-message"
    /// A line longer than the analyser's memory budget, skipped unread.
    case lineTooLong = "line-too-long"

    public var ordinal: Int {
        switch self {
        case .notJSON: 0
        case .notAnObject: 1
        case .missingMessages: 2
        case .messageMissingRole: 3
        case .unknownRole: 4
        case .missingContent: 5
        case .contentNotText: 6
        case .noAssistantMessage: 7
        case .lineTooLong: 8
        }
    }

    public static func < (lhs: DataFault, rhs: DataFault) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A warning about a valid example's conversation; the example stays valid.
public enum StructureWarning: String, TallyKind {
    /// Turns that do not alternate user and assistant after optional system messages (tool
    /// messages may follow an assistant turn).
    case rolesOutOfOrder = "roles-out-of-order"
    /// The conversation ends with a user turn, which teaches nothing.
    case trailingUserTurn = "trailing-user-turn"
    /// An assistant message, completion or answer of a preference pair that is empty or only
    /// spaces.
    case emptyAssistant = "empty-assistant"
    /// A preference pair whose preferred and other answers say the same (however they are
    /// spaced), which teaches no preference.
    case chosenEqualsRejected = "chosen-equals-rejected"
    /// A conversation whose every assistant message has a `weight` of 0, so that a trainer
    /// that reads weights (OpenAI's) learns nothing from it.
    case noTrainedTurn = "no-trained-turn"
    /// A `weight` other than 0 or 1, or on a message that is not the assistant's, which
    /// OpenAI refuses.
    case invalidWeight = "invalid-weight"
    /// A tool call whose `arguments` are not a string that holds a JSON object, or a tool
    /// message without the `tool_call_id` of the call it answers, which OpenAI refuses.
    case invalidToolCall = "invalid-tool-call"
    /// An output whose `<think>` is never closed, or that ends at `</think>` with no answer
    /// after it: a reasoning model's output cut off, as distillation data often holds.
    case unfinishedReasoning = "unfinished-reasoning"
    /// A demonstration whose output is a label (a short answer on one line) that differs
    /// from the label of an earlier example with the same prompt: a model cannot learn both.
    /// Looked for while the outputs are a label set (at most 64 distinct short answers).
    case conflictingLabel = "conflicting-label"

    public var ordinal: Int {
        switch self {
        case .rolesOutOfOrder: 0
        case .trailingUserTurn: 1
        case .emptyAssistant: 2
        case .chosenEqualsRejected: 3
        case .noTrainedTurn: 4
        case .invalidWeight: 5
        case .invalidToolCall: 6
        case .unfinishedReasoning: 7
        case .conflictingLabel: 8
        }
    }
}

/// A kind of personal data that an example's text seems to hold.
public enum PersonalDataKind: String, TallyKind {
    /// `name@domain.tld`.
    case email
    /// 10 to 15 digits written as a phone number: a leading `+` or separated groups.
    case phone
    /// 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check.
    case cardNumber = "card-number"
    /// An international bank account number whose check digits are right.
    case iban
    /// A United States social security number written `123-45-6789`.
    case ssn
    /// A dotted IPv4 address.
    case ipAddress = "ip-address"
    /// A credential: an API key or token in a provider's known shape (OpenAI, Anthropic, AWS,
    /// GitHub, Slack, Google, Stripe), a JSON Web Token, a private key, or a password in a URL.
    case secret

    public var ordinal: Int {
        switch self {
        case .email: 0
        case .phone: 1
        case .cardNumber: 2
        case .iban: 3
        case .ssn: 4
        case .ipAddress: 5
        case .secret: 6
        }
    }
}

/// A layout of other fine-tuning tools that `tunewise data` does not read, recognised among
/// its invalid lines so that the report can say what to convert.
public enum OtherLayout: String, TallyKind {
    /// `{"conversations": [{"from", "value"}…]}` (or turns of `from` and `value` under
    /// `messages`), as ShareGPT exports are written and Axolotl and LLaMA-Factory read them.
    case shareGPT = "sharegpt"
    /// `{"instruction", "input", "output"}`, as the Alpaca data set is written.
    case alpaca
    /// Messages of the role `function`, with the results of calls made by `function_call`:
    /// OpenAI's first function calling, since replaced by `tool_calls` and `tool` messages.
    case functionRole = "function-role"
    /// `{"contents": [{"role", "parts"}…]}`, as Gemini tuning on Vertex AI reads it.
    case gemini
    /// `{"input_text", "output_text"}`, as Vertex AI's older text models were tuned.
    case vertexText = "vertex-text"
    /// `{"text": …}` alone: raw text for continued pre-training, not examples of a task.
    case rawText = "raw-text"

    public var ordinal: Int {
        switch self {
        case .shareGPT: 0
        case .alpaca: 1
        case .functionRole: 2
        case .gemini: 3
        case .vertexText: 4
        case .rawText: 5
        }
    }
}

/// What a valid example teaches from: each kind is trained apart (supervised, preference or
/// reinforcement tuning).
public enum ExampleKind: Int, CaseIterable, Sendable {
    /// An input with the output wanted: chat and prompt-completion examples.
    case demonstration
    /// A preferred and another answer to one prompt.
    case preferencePair
    /// A prompt for a grader (``DataMeasurement/gradedExamples``).
    case graded
}

/// The layout of a training set, detected from its valid lines.
public enum DataFormat: String, CaseIterable, Sendable {
    /// `{"messages": [{"role", "content"}…]}`.
    case chat
    /// `{"prompt", "completion"}`.
    case promptCompletion = "prompt-completion"
    /// `{"input": {"messages"}, "preferred_output", "non_preferred_output"}` or
    /// `{"prompt", "chosen", "rejected"}`.
    case preference
    /// Valid lines of more than one format.
    case mixed
    /// No valid line to tell from.
    case unknown
}

/// How often one kind of finding occurred, and the first lines where it did.
public struct Tally: Equatable, Sendable {
    /// How many lines (or examples) had it: exact.
    public var count = 0
    /// The first lines (1-based) that had it, at most ``keptLines``.
    public var lines: [Int] = []
    /// How many line numbers a tally keeps.
    public static let keptLines = 10

    public init(count: Int = 0, lines: [Int] = []) {
        self.count = count
        self.lines = lines
    }

    mutating func add(line: Int) {
        count += 1
        if lines.count < Self.keptLines { lines.append(line) }
    }

    /// Adds the findings of `later`, a tally of the lines that follow `lineOffset` lines.
    mutating func add(_ later: Tally, lineOffset: Int) {
        count += later.count
        for line in later.lines.prefix(Self.keptLines - lines.count) { lines.append(line + lineOffset) }
    }
}

/// A kind of finding that is tallied: its cases in report order, each with its place in it.
public protocol TallyKind: CaseIterable, Hashable, Sendable, RawRepresentable<String> where AllCases == [Self] {
    /// The case's place in ``allCases``.
    var ordinal: Int { get }
}

/// Tallies by kind, in the kinds' own order.
public struct Tallies<Kind: TallyKind>: Equatable, Sendable {
    private var tallies: [Tally]

    init() { tallies = Array(repeating: Tally(), count: Kind.allCases.count) }

    /// The tally of `kind`.
    public subscript(kind: Kind) -> Tally {
        get { tallies[kind.ordinal] }
        set { tallies[kind.ordinal] = newValue }
    }

    /// The kinds found, each with its tally, in the kinds' order.
    public var found: [(kind: Kind, tally: Tally)] {
        zip(Kind.allCases, tallies).filter { $0.1.count > 0 }.map { (kind: $0.0, tally: $0.1) }
    }

    /// Adds the tallies of `later`, tallies of the lines that follow `lineOffset` lines.
    mutating func add(_ later: Tallies, lineOffset: Int) {
        for index in tallies.indices where later.tallies[index].count > 0 {
            tallies[index].add(later.tallies[index], lineOffset: lineOffset)
        }
    }

    /// The sum of every kind's count.
    public var total: Int { tallies.reduce(0) { $0 + $1.count } }
}
