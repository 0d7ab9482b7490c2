/// Estimated tokens an example, summed and spread: total, median, 95th percentile, maximum,
/// and how many examples pass a limit.
public struct TokenStatistics: Equatable, Sendable {
    /// The sum over every valid example.
    public var total = 0
    /// The middle example's count (the upper one of an even number).
    public var median = 0
    /// The count that 95% of examples do not pass.
    public var p95 = 0
    public var max = 0
    /// The limit examples are held to (a model's context length).
    public var limit: Int
    /// Examples over ``limit``.
    public var overLimit = 0

    public init(limit: Int) { self.limit = limit }
}

/// How many examples have each token count, in flat memory: exact below 65,536 tokens (a
/// table that grows to the largest count seen), then in buckets of 1/16 of a power of two.
struct TokenHistogram {
    private static let exactLimit = 1 << 16
    private var exact: [UInt32] = []
    private var large: [Int: Int] = [:]
    private var statistics: TokenStatistics
    private var count = 0

    init(limit: Int) { statistics = TokenStatistics(limit: limit) }

    mutating func add(_ tokens: Int) {
        count += 1
        statistics.total += tokens
        statistics.max = Swift.max(statistics.max, tokens)
        if tokens > statistics.limit { statistics.overLimit += 1 }
        if tokens < Self.exactLimit {
            if tokens >= exact.count {
                exact += repeatElement(0, count: Swift.min(Swift.max(tokens + 1, exact.count * 2), Self.exactLimit) - exact.count)
            }
            exact[tokens] += 1
        } else {
            large[Self.bucket(of: tokens), default: 0] += 1
        }
    }

    /// The totals, with the median and the 95th percentile.
    var summary: TokenStatistics {
        var summary = statistics
        guard count > 0 else { return summary }
        summary.median = smallest(count / 2)
        summary.p95 = smallest((count * 95 + 99) / 100 - 1)
        return summary
    }

    /// The count of the example of `rank` (0-based) in increasing order; a lower bound in the
    /// approximate buckets.
    private func smallest(_ rank: Int) -> Int {
        var seen = 0
        for (tokens, examples) in exact.enumerated() where examples > 0 {
            seen += Int(examples)
            if seen > rank { return tokens }
        }
        for bucket in large.keys.sorted() {
            seen += large[bucket]!
            if seen > rank { return Self.lowerBound(of: bucket) }
        }
        return statistics.max
    }

    private static func bucket(of tokens: Int) -> Int {
        let exponent = Int.bitWidth - 1 - tokens.leadingZeroBitCount
        return exponent << 4 | (tokens >> (exponent - 4)) & 0xF
    }

    private static func lowerBound(of bucket: Int) -> Int {
        let exponent = bucket >> 4
        return (1 << exponent) | (bucket & 0xF) << (exponent - 4)
    }
}

/// What the outputs (the last assistant message, completion or preferred output) look like:
/// how many are JSON, and how they spread over labels when they are a few short values.
public struct OutputProfile: Equatable, Sendable {
    /// Valid examples with an output.
    public var outputs = 0
    /// Outputs that are a JSON object or array.
    public var jsonOutputs = 0
    /// Outputs that hold a JSON object or array with more around it: in a Markdown code fence,
    /// or followed by words; a model tuned on them writes its JSON so too.
    public var wrappedJSON = Tally()
    /// Outputs that start as a JSON object or array but do not parse: cut off or malformed.
    public var brokenJSON = Tally()
    /// The labels and how many outputs have each, most common first, when at most
    /// ``labelLimit`` distinct short outputs make up at least 90% of the outputs, three or more
    /// of them a label on average (twenty outputs, each its own, are answers, not labels).
    public var labels: [Label] = []

    /// One distinct output and how often it occurs.
    public struct Label: Equatable, Sendable {
        public var text: String
        public var count: Int
    }

    /// The most labels a label balance is shown for.
    public static let labelLimit = 20
}

/// Counts short outputs by value in bounded memory: the first 64 distinct ones are kept.
struct LabelCounter {
    /// The longest output, in bytes, taken as a label.
    static let longestLabel = 40
    static let keptValues = 64
    private var counts: [UInt64: OutputProfile.Label] = [:]

    /// The key of an output that may be a label: one of at most ``longestLabel`` bytes on one
    /// line, which may end with a line break (as completions often do).
    static func key(of text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = text.baseAddress, text.count <= Self.longestLabel else { return nil }
        var end = text.count
        while end > 0, text[end - 1] == 0x0A || text[end - 1] == 0x0D { end -= 1 }
        guard !text[..<end].contains(0x0A) else { return nil }
        return Hashing.hash(base, count: text.count)
    }

    mutating func add(_ text: UnsafeBufferPointer<UInt8>) {
        guard let key = Self.key(of: text) else { return }
        add(key: key) { String(decoding: text, as: UTF8.self) }
    }

    /// Whether more distinct outputs came than ``keptValues``: short answers, not a label set.
    private(set) var isOverflowing = false

    /// Counts the output of `key`; `text` gives its text when it is a new label that is kept.
    mutating func add(key: UInt64, text: () -> String) {
        if counts[key] != nil {
            counts[key]!.count += 1
        } else if counts.count < Self.keptValues {
            counts[key] = OutputProfile.Label(text: text(), count: 1)
        } else {
            isOverflowing = true
        }
    }

    /// The label balance for `outputs` outputs, or none when labels do not describe them.
    func labels(outOf outputs: Int) -> [OutputProfile.Label] {
        let top = counts.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(OutputProfile.labelLimit)
        let covered = top.reduce(0) { $0 + $1.count }
        guard top.count >= 2, covered * 10 >= outputs * 9, covered >= 3 * top.count else { return [] }
        return Array(top)
    }
}
