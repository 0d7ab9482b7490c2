/// The hash of what an example says: its texts, escapes decoded, each with its field, role
/// and whether it is an output, its tool calls, tools and media by what their JSON says
/// (``JSONValueHash``), and a grader's reference; in order within a field, the fields in any order. Key order,
/// spacing and other fields (ids, metadata) do not change it, so examples that say the same
/// are duplicates however their lines are written.
struct ContentHash {
    /// What tells a structured part apart from a text and from the other kinds.
    static func marker(of kind: StructuredPart.Kind) -> UInt64 {
        switch kind {
        case .toolCall: 1 &<< 24
        case .tools: 2 &<< 24
        case .media: 3 &<< 24
        }
    }

    private static let seed: UInt64 = 0x2545_F491_4F6C_DD1D
    /// The sum of the hashes of the runs of one field closed so far: a sum, so that the
    /// fields' order does not count.
    private var total: UInt64 = 0
    /// The hash of the run of texts, or of parts, of one field being added, in their order.
    private var run = seed
    /// The field of the run, and whether it is of parts: ``ExampleField/rawValue``, plus 256
    /// for parts.
    private var runKey: Int?

    /// The hash of one text or part, which ``add(_:marker:field:)`` takes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.baseAddress.map { Hashing.hash($0, count: bytes.count) } ?? 0
    }

    /// Adds a text (or with `isPart`, a part) of `field` by its hash, with what tells its
    /// place apart. The texts of a field come one after another (a field's value is read
    /// whole), and so do its parts; texts and parts are runs apart, as they are read apart.
    mutating func add(_ hash: UInt64, marker: UInt64, field: ExampleField, isPart: Bool = false) {
        let key = field.rawValue + (isPart ? 256 : 0)
        if key != runKey {
            closeRun()
            runKey = key
        }
        run = Hashing.mix(run &* 0x9E37_79B9_7F4A_7C15 ^ hash ^ marker &* 0xC2B2_AE3D_27D4_EB4F)
    }

    /// Adds the reference a grader checks the example against, by the hash of its JSON value
    /// (``JSONValueHash``): what the example says as much as its texts.
    mutating func addReference(_ hash: UInt64) {
        total &+= Hashing.mix(hash ^ Self.referenceMarker)
    }

    /// What tells a reference apart from the runs of texts and parts.
    private static let referenceMarker: UInt64 = 0x5EF0_5EF0_5EF0_5EF0

    private mutating func closeRun() {
        if runKey != nil { total &+= Hashing.mix(run) }
        run = Self.seed
    }

    var value: UInt64 {
        var closed = self
        closed.closeRun()
        return closed.total
    }

    /// The hash of `bytes` with each run of whitespace read as one space and none at either
    /// end: what a text says, however it is spaced.
    static func wordsHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var started = false
        var pendingSpace = false
        for byte in bytes {
            if LineBreaks.isSpace(byte) {
                pendingSpace = started
                continue
            }
            if pendingSpace { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
            (started, pendingSpace) = (true, false)
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Hashing.mix(hash)
    }
}

/// A preference pair's prompt (every text and part outside its answers, as written) and its
/// two answers (`chosen` and `rejected`, or `preferred_output` and `non_preferred_output`),
/// each answer hashed by what it says however it is spaced, in which roles: to find a pair
/// whose answers are the same, and pairs that swap each other's answers.
struct PreferencePair {
    private var prompt = ContentHash()
    private var preferred = ContentHash()
    private var other = ContentHash()
    private var hasPreferred = false
    private var hasOther = false

    /// Adds a text of the pair, whose ``ContentHash/hash(_:)`` is `hash`. A text outside
    /// messages (`"chosen": "…"`) is the assistant's.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, of span: TextSpan) {
        add(
            hash, answerHash: span.field.holdsAnswer ? ContentHash.wordsHash(bytes) : 0, marker: span.marker, field: span.field,
            answerMarker: UInt64((span.role ?? .assistant).rawValue))
    }

    /// Adds a tool call or other structured part of `field` by its ``JSONValueHash``.
    mutating func add(structured hash: UInt64, marker: UInt64, field: ExampleField) {
        add(hash, answerHash: hash, marker: marker, field: field, answerMarker: marker, isPart: true)
    }

    /// Adds to the prompt by `hash`, or to an answer by `answerHash`.
    private mutating func add(
        _ hash: UInt64, answerHash: UInt64, marker: UInt64, field: ExampleField, answerMarker: UInt64, isPart: Bool = false
    ) {
        switch field {
        case .chosen, .preferredOutput:
            preferred.add(answerHash, marker: answerMarker, field: .chosen)
            hasPreferred = true
        case .rejected, .nonPreferredOutput:
            other.add(answerHash, marker: answerMarker, field: .chosen)
            hasOther = true
        default:
            prompt.add(hash, marker: marker, field: field, isPart: isPart)
        }
    }

    /// Whether both answers are present and say the same.
    var answersAreSame: Bool { hasPreferred && hasOther && preferred.value == other.value }

    /// A fingerprint of the prompt with its answers in order, or `reversed`: a pair's reversed
    /// key is the key of the pair that prefers what it rejects.
    func key(reversed: Bool) -> UInt64 {
        let (first, second) = reversed ? (other.value, preferred.value) : (preferred.value, other.value)
        return Hashing.mix(prompt.value ^ Hashing.mix(first ^ 0x9E37_79B9_7F4A_7C15) &* 0xC2B2_AE3D_27D4_EB4F ^ Hashing.mix(second))
    }
}
