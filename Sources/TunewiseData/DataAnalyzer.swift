/// Measures a training or evaluation file fed to it in chunks of any size: one example a
/// line (chat, prompt-completion or preference), blank lines, a byte-order mark and CR LF
/// line ends allowed.
///
/// Memory stays flat: a line is read in place when a chunk holds all of it, and only a line
/// split between chunks is copied, up to ``Options/lineByteLimit``; a longer line is skipped
/// as ``DataFault/lineTooLong``. Duplicates are found by 64-bit hashes and near-duplicates by
/// 64-bit SimHash fingerprints, a few dozen bytes an example however long it is.
///
/// ```swift
/// var analyzer = DataAnalyzer()
/// analyzer.consume(chunk)          // as often as there are chunks
/// let measurement = analyzer.finish()
/// ```
public struct DataAnalyzer {
    /// Limits of an analysis.
    public struct Options: Sendable {
        /// The token count that examples are held to (default 16,385, a common context length).
        public var tokenLimit = 16_385
        /// The longest line read, in bytes (default 8 MiB).
        public var lineByteLimit = 8 << 20

        public init(tokenLimit: Int = 16_385, lineByteLimit: Int = 8 << 20) {
            self.tokenLimit = tokenLimit
            self.lineByteLimit = lineByteLimit
        }
    }

    /// What near-duplicate checks need: examples of fewer words give fingerprints too noisy to compare.
    public static let nearDuplicateMinimumWords = 8
    /// How many near-duplicate pairs a measurement keeps.
    static let keptPairs = 5

    private let options: Options
    private let training: DataIndex?
    private var measurement: DataMeasurement
    /// The examples seen so far, for later duplicates and for an evaluation file's leakage.
    public private(set) var index = DataIndex()
    /// For an evaluation file, the fingerprints of its examples not identical to a training one.
    private var leakCandidates = NearDuplicateIndex()
    private var parser = ExampleParser()
    private var histogram: TokenHistogram
    private var labels = LabelCounter()
    private var decoded: [UInt8] = []
    /// The start of a line split between chunks.
    private var pending: [UInt8] = []
    private var pendingIsTooLong = false

    /// An analyzer; with `training`, the index of a training file, it also measures how much
    /// of this (evaluation) file leaks from training.
    public init(options: Options = Options(), training: DataIndex? = nil) {
        self.options = options
        self.training = training
        measurement = DataMeasurement(tokenLimit: options.tokenLimit)
        histogram = TokenHistogram(limit: options.tokenLimit)
        if training != nil { measurement.leakage = Leakage() }
    }

    /// Bytes consumed so far.
    public var bytesRead: Int { measurement.bytes }

    /// Reads the next chunk of the file.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let base = chunk.baseAddress else { return }
        measurement.bytes += chunk.count
        var start = 0
        while start < chunk.count {
            guard let lineEnd = LineBreaks.next(in: base, from: start, count: chunk.count) else {
                appendPending(base + start, count: chunk.count - start)
                return
            }
            if pending.isEmpty, !pendingIsTooLong {
                readLine(base + start, count: lineEnd - start)
            } else {
                appendPending(base + start, count: lineEnd - start)
                readPendingLine()
            }
            start = lineEnd + 1
        }
    }

    /// Reads the next chunk of the file.
    public mutating func consume(_ chunk: [UInt8]) {
        chunk.withUnsafeBufferPointer { consume($0) }
    }

    /// Reads the last line, if it had no line break, compares the fingerprints, and returns
    /// the measurement.
    public mutating func finish() -> DataMeasurement {
        if !pending.isEmpty || pendingIsTooLong { readPendingLine() }
        let earlier = index.near.earlierNearMatches()
        measurement.nearDuplicates = earlier.count { $0 != nil }
        measurement.nearDuplicatePairs = zip(index.near.lines, earlier).lazy.compactMap { line, earlier in
            earlier.map { NearDuplicatePair(line: line, earlierLine: $0) }
        }.prefix(Self.keptPairs).map { $0 }
        if let training { measurement.leakage?.evalNearDuplicatesOfTrain = leakCandidates.countNear(in: training.near) }
        measurement.tokens = histogram.summary
        measurement.outputs.labels = labels.labels(outOf: measurement.outputs.outputs)
        return measurement
    }

    private mutating func appendPending(_ base: UnsafePointer<UInt8>, count: Int) {
        guard !pendingIsTooLong else { return }
        if pending.count + count > options.lineByteLimit {
            pendingIsTooLong = true
            pending = []
            return
        }
        pending.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func readPendingLine() {
        if pendingIsTooLong {
            measurement.lines += 1
            measurement.invalid += 1
            measurement.faults[.lineTooLong].add(line: measurement.lines)
        } else {
            let line = pending
            line.withUnsafeBufferPointer { readLine($0.baseAddress!, count: $0.count) }
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
        pendingIsTooLong = false
    }

    /// Reads one line of `count` bytes at `base`, without its line feed.
    private mutating func readLine(_ base: UnsafePointer<UInt8>, count: Int) {
        measurement.lines += 1
        let lineNumber = measurement.lines
        if count > options.lineByteLimit {
            measurement.invalid += 1
            measurement.faults[.lineTooLong].add(line: lineNumber)
            return
        }
        var start = 0
        var end = count
        if lineNumber == 1, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            measurement.hasByteOrderMark = true
            start = 3
        }
        if end > start, base[end - 1] == 0x0D { measurement.crlfLines += 1 }
        while end > start, LineBreaks.isSpace(base[end - 1]) { end -= 1 }
        while start < end, LineBreaks.isSpace(base[start]) { start += 1 }
        guard start < end else {
            measurement.blankLines += 1
            return
        }
        switch parser.parse(base + start, count: end - start) {
        case .invalid(let fault):
            measurement.invalid += 1
            measurement.faults[fault].add(line: lineNumber)
        case .valid(let example):
            readExample(example, base + start, count: end - start, line: lineNumber)
        }
    }

    private mutating func readExample(_ example: ParsedExample, _ base: UnsafePointer<UInt8>, count: Int, line: Int) {
        measurement.valid += 1
        switch example.format {
        case .chat: measurement.chatExamples += 1
        case .promptCompletion: measurement.promptCompletionExamples += 1
        default: measurement.preferenceExamples += 1
        }
        if example.warnings.bits != 0 {
            for warning in StructureWarning.allCases where example.warnings.contains(warning) {
                measurement.structure[warning].add(line: line)
            }
        }
        let fingerprint = Hashing.hash(base, count: count)
        let isDuplicate = !index.exact.insert(fingerprint)
        if isDuplicate { measurement.duplicates += 1 }
        let isLeaked = training?.exact.contains(fingerprint) ?? false
        if isLeaked { measurement.leakage?.evalExamplesInTrain += 1 }

        var text = TextScanner()
        var personalData: UInt8 = 0
        let outputIndex = parser.spans.lastIndex { $0.isOutput }
        var decodedText: [UInt8] = []
        swap(&decodedText, &decoded)
        for (spanIndex, span) in parser.spans.enumerated() {
            let isOutput = spanIndex == outputIndex
            guard span.string.hasEscapes else {
                let bytes = UnsafeBufferPointer(start: base + span.string.start, count: span.string.end - span.string.start)
                readText(bytes, isOutput: isOutput, into: &text, personalData: &personalData)
                continue
            }
            decodedText.removeAll(keepingCapacity: true)
            span.string.decode(from: base, into: &decodedText)
            decodedText.withUnsafeBufferPointer { readText($0, isOutput: isOutput, into: &text, personalData: &personalData) }
        }
        swap(&decodedText, &decoded)
        if example.messageCount > 0 { text.addTokens(4 * example.messageCount + 3) }
        histogram.add(text.estimatedTokens)
        if personalData != 0 {
            for kind in PersonalDataKind.allCases where personalData & PersonalDataScanner.bit(kind) != 0 {
                measurement.personalData[kind].add(line: line)
            }
        }
        guard !isDuplicate, text.wordCount >= Self.nearDuplicateMinimumWords else { return }
        let simHash = text.fingerprint()
        index.near.append(simHash, line: line)
        if training != nil, !isLeaked { leakCandidates.append(simHash, line: line) }
    }

    /// Reads one text of an example into `text`, adding the kinds of personal data it seems to hold.
    private mutating func readText(
        _ bytes: UnsafeBufferPointer<UInt8>, isOutput: Bool, into text: inout TextScanner, personalData: inout UInt8
    ) {
        if text.scan(bytes) { personalData |= PersonalDataScanner.kinds(in: bytes) }
        if isOutput { readOutput(bytes) }
    }

    private mutating func readOutput(_ text: UnsafeBufferPointer<UInt8>) {
        measurement.outputs.outputs += 1
        if JSONLineScanner.isContainer(text) {
            measurement.outputs.jsonOutputs += 1
        } else {
            labels.add(text)
        }
    }
}

/// The exact and SimHash fingerprints of a file's valid examples.
public struct DataIndex: Sendable {
    var exact = FingerprintSet()
    var near = NearDuplicateIndex()

    public init() {}
}
