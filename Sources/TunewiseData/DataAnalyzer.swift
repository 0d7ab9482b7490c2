/// Measures a training or evaluation file fed to it in chunks of any size: one example a
/// line (chat, prompt-completion or preference), blank lines, a byte-order mark and CR LF
/// line ends allowed.
///
/// Memory grows only with the number of examples, by the fixed-size fingerprints kept of
/// each (some 80 bytes), never with their length: a line is read in place when a chunk holds all of it, and only a line
/// split between chunks is copied, up to ``Options/lineByteLimit``; a longer line is skipped
/// as ``DataFault/lineTooLong``. Duplicates are found by 64-bit hashes and near-duplicates by
/// MinHash sketches of their word triples, a few dozen bytes an example however long it is.
///
/// Each chunk's whole lines are read by a ``ChunkReader`` on their own, then merged in file
/// order, where duplicates, near-duplicates, leakage and labels are decided; so
/// ``consume(threads:chunkSize:reading:)`` reads several chunks at once on as many threads
/// and measures exactly what one pass would.
///
/// ```swift
/// var analyzer = DataAnalyzer()
/// analyzer.consume(chunk)          // as often as there are chunks
/// let measurement = analyzer.finish()
/// ```
public struct DataAnalyzer {
    /// Limits of an analysis.
    public struct Options: Sendable {
        /// The token count that examples are held to (default 65,536: what OpenAI and Azure
        /// OpenAI take of one training example for GPT-4o and GPT-4o mini; gpt-3.5-turbo took 16,385).
        public var tokenLimit = 65_536
        /// The longest line read, in bytes (default 8 MiB).
        public var lineByteLimit = 8 << 20
        /// Whether the index keeps each example's prompt, so that an evaluation file read
        /// against it finds prompts it shares with training (12 to 24 bytes an example).
        public var indexesPrompts = false

        public init(tokenLimit: Int = 65_536, lineByteLimit: Int = 8 << 20, indexesPrompts: Bool = false) {
            self.tokenLimit = tokenLimit
            self.lineByteLimit = lineByteLimit
            self.indexesPrompts = indexesPrompts
        }
    }

    /// What near-duplicate checks need: examples of fewer words (system and developer messages
    /// aside) are too short to judge.
    public static let nearDuplicateMinimumWords = 8
    /// How many near-duplicate pairs a measurement keeps.
    public static let keptPairs = 5
    /// How many examples the merge reads the exact index's slots for at once, a batch ahead.
    static let slotsReadAhead = 16

    let options: Options
    private let training: DataIndex?
    private var measurement: DataMeasurement
    /// The examples seen so far, for later duplicates and for an evaluation file's leakage.
    public private(set) var index = DataIndex()
    /// For an evaluation file, the fingerprints of its examples not identical to a training one.
    private var leakCandidates = NearDuplicateIndex()
    private var reader: ChunkReader
    private var histogram: TokenHistogram
    private var labels = LabelCounter()
    /// The prompts of the labelled demonstrations, and each prompt with its label, for
    /// ``StructureWarning/conflictingLabel``: kept while the labels are a set (no more
    /// distinct ones than ``LabelCounter/keptValues``), so short answers that are no labels
    /// cost no memory.
    private var labelledPrompts = FingerprintIndex()
    private var promptLabels = FingerprintIndex()
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
        reader = ChunkReader(lineByteLimit: options.lineByteLimit)
        if training != nil { measurement.leakage = Leakage() }
    }

    /// Whether the bytes consumed so far end in the middle of a line.
    var isWithinLine: Bool { !pending.isEmpty || pendingIsTooLong }

    /// Whether the next line read is the file's first.
    var isAtFileStart: Bool { measurement.lines == 0 && !isWithinLine }

    /// Reads the next chunk of the file.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let base = chunk.baseAddress else { return }
        measurement.bytes += chunk.count
        var start = 0
        if isWithinLine {
            guard let lineEnd = LineBreaks.next(in: base, from: 0, count: chunk.count) else {
                appendPending(base, count: chunk.count)
                return
            }
            appendPending(base, count: lineEnd)
            readPendingLine()
            start = lineEnd + 1
        }
        guard let lastBreak = LineBreaks.last(in: base, from: start, count: chunk.count) else {
            appendPending(base + start, count: chunk.count - start)
            return
        }
        merge(reader.read(base + start, count: lastBreak + 1 - start, startsFile: isAtFileStart))
        appendPending(base + lastBreak + 1, count: chunk.count - lastBreak - 1)
    }

    /// Reads the next chunk of the file.
    public mutating func consume(_ chunk: [UInt8]) {
        chunk.withUnsafeBufferPointer { consume($0) }
    }

    /// Reads a chunk of whole lines on this thread (see ``ChunkReader/read(_:count:startsFile:)``).
    mutating func readChunk(_ base: UnsafePointer<UInt8>, count: Int, startsFile: Bool) -> ChunkMeasurement {
        reader.read(base, count: count, startsFile: startsFile)
    }

    /// Counts `count` bytes of the file as read, for lines merged with ``merge(_:)``.
    mutating func addBytes(_ count: Int) { measurement.bytes += count }

    /// Reads the last line, if it had no line break, compares the fingerprints, and returns
    /// the measurement.
    public mutating func finish() -> DataMeasurement {
        if isWithinLine { readPendingLine() }
        let earlier = index.near.earlierNearMatches()
        measurement.nearDuplicates = earlier.count { $0 != 0 }
        measurement.nearDuplicatePairs = []
        for (place, earlierLine) in earlier.enumerated() where earlierLine != 0 {
            measurement.nearDuplicatePairs.append(LinePair(line: index.near.lines[place], earlierLine: earlierLine))
            if measurement.nearDuplicatePairs.count == Self.keptPairs { break }
        }
        if let training {
            let near = leakCandidates.nearPairs(in: training.near)
            measurement.leakage?.evalNearDuplicatesOfTrain = near.count
            measurement.leakage?.evalNearPairsInTrain = Array(near.prefix(Tally.keptLines))
        }
        measurement.tokens = histogram.summary
        measurement.outputs.labels = labels.labels(outOf: measurement.outputs.outputs)
        return measurement
    }

    private mutating func appendPending(_ base: UnsafePointer<UInt8>, count: Int) {
        guard !pendingIsTooLong, count > 0 else { return }
        if pending.count + count > options.lineByteLimit {
            pendingIsTooLong = true
            pending = []
            return
        }
        pending.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func readPendingLine() {
        if pendingIsTooLong {
            merge(ChunkReader.tooLongLine())
        } else {
            let line = pending
            let startsFile = measurement.lines == 0
            line.withUnsafeBufferPointer { merge(reader.read($0.baseAddress!, count: $0.count, startsFile: startsFile)) }
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
        pendingIsTooLong = false
    }

    /// Adds the lines of `chunk`, which follow those read so far.
    mutating func merge(_ chunk: ChunkMeasurement) {
        let offset = measurement.lines
        let lines = chunk.measurement
        measurement.lines += lines.lines
        measurement.blankLines += lines.blankLines
        measurement.crlfLines += lines.crlfLines
        measurement.hasByteOrderMark = measurement.hasByteOrderMark || lines.hasByteOrderMark
        measurement.valid += lines.valid
        measurement.invalid += lines.invalid
        measurement.chatExamples += lines.chatExamples
        measurement.promptCompletionExamples += lines.promptCompletionExamples
        measurement.preferenceExamples += lines.preferenceExamples
        measurement.preferredOutputExamples += lines.preferredOutputExamples
        measurement.gradedExamples += lines.gradedExamples
        measurement.mediaExamples += lines.mediaExamples
        measurement.assistantTurns += lines.assistantTurns
        measurement.reasoningExamples += lines.reasoningExamples
        measurement.rated += lines.rated
        measurement.ratedDown += lines.ratedDown
        measurement.outputs.outputs += lines.outputs.outputs
        measurement.outputs.jsonOutputs += lines.outputs.jsonOutputs
        measurement.answerLengths.add(lines.answerLengths)
        measurement.outputs.wrappedJSON.add(lines.outputs.wrappedJSON, lineOffset: offset)
        measurement.outputs.brokenJSON.add(lines.outputs.brokenJSON, lineOffset: offset)
        measurement.faults.add(lines.faults, lineOffset: offset)
        measurement.notUTF8Lines.add(lines.notUTF8Lines, lineOffset: offset)
        measurement.otherLayouts.add(lines.otherLayouts, lineOffset: offset)
        measurement.structure.add(lines.structure, lineOffset: offset)
        measurement.personalData.add(lines.personalData, lineOffset: offset)
        // The exact index's slots are read a batch of examples ahead, each batch's reads at once,
        // so that they overlap rather than wait for memory one insert at a time.
        let examples = chunk.examples
        index.exact.warm(examples.prefix(Self.slotsReadAhead).lazy.map(\.hash))
        for (place, example) in examples.enumerated() {
            if place % Self.slotsReadAhead == 0 {
                let ahead = min(place + Self.slotsReadAhead, examples.count)..<min(place + 2 * Self.slotsReadAhead, examples.count)
                index.exact.warm(examples[ahead].lazy.map(\.hash))
            }
            let line = example.line + offset
            let insertion = index.exact.insert(example.hash, line: line)
            let isDuplicate = insertion != .new
            if isDuplicate {
                measurement.duplicates += 1
            } else {
                measurement.uniqueByKind[example.kind.rawValue] += 1
                if example.isRatedDown { measurement.uniqueRatedDown += 1 }
            }
            // A duplicate whose earlier line is past what the index holds (4,294,967,294) is
            // counted but not listed.
            if case .repeats(let earlierLine?) = insertion {
                Self.keep(LinePair(line: line, earlierLine: earlierLine), in: &measurement.duplicatePairs)
            }
            let isReversal = readPair(example, line: line)
            var isLeaked = false
            if case .repeats(let trainingLine) = training?.exact.lookUp(example.hash) {
                isLeaked = true
                measurement.leakage?.addExampleInTrain(line: line, trainingLine: trainingLine)
            } else if case .repeats(let trainingLine) = training?.prompts.lookUp(example.promptHash) {
                isLeaked = true
                measurement.leakage?.addPromptInTrain(line: line, trainingLine: trainingLine)
            }
            if options.indexesPrompts { _ = index.prompts.insert(example.promptHash, line: line) }
            if example.tokens > options.tokenLimit { Self.keep(line, in: &measurement.overLimitLines) }
            histogram.add(example.tokens)
            if example.hasLabel {
                labels.add(key: example.label) { chunk.labelTexts[example.label] ?? "" }
                if !isDuplicate, example.kind == .demonstration, !example.isRatedDown { checkLabel(of: example, line: line) }
            }
            guard !isDuplicate, !isReversal, example.isSketched else { continue }
            index.near.append(example.signature, line: line)
            if training != nil, !isLeaked { leakCandidates.append(example.signature, line: line) }
        }
    }

    /// Notes a labelled demonstration's prompt and label, and warns when an earlier one gave
    /// the same prompt another label; once the outputs prove too many to be a label set,
    /// lets the prompts go.
    private mutating func checkLabel(of example: ExampleRecord, line: Int) {
        guard !labels.isOverflowing else {
            if labelledPrompts.count > 0 { (labelledPrompts, promptLabels) = (FingerprintIndex(), FingerprintIndex()) }
            return
        }
        let promptAndLabel = Hashing.mix(example.promptHash ^ Hashing.rotate(example.label, 32))
        let isNewPair = promptLabels.insert(promptAndLabel, line: line) == .new
        let isNewPrompt = labelledPrompts.insert(example.promptHash, line: line) == .new
        if isNewPair, !isNewPrompt { measurement.structure[.conflictingLabel].add(line: line) }
    }

    /// Notes a preference pair's keys; returns whether it swaps the answers of an earlier
    /// pair (which it would otherwise nearly repeat).
    private mutating func readPair(_ example: ExampleRecord, line: Int) -> Bool {
        guard let keys = example.pairKeys else { return false }
        let reversal = index.pairs.lookUp(keys.reversed)
        _ = index.pairs.insert(keys.pair, line: line)
        guard case .repeats(let earlierLine) = reversal else { return false }
        measurement.reversals += 1
        if let earlierLine { Self.keep(LinePair(line: line, earlierLine: earlierLine), in: &measurement.reversalPairs) }
        return true
    }

    /// Adds `line` (a line number or a pair of them) to `lines` while it holds fewer than
    /// ``Tally/keptLines``.
    static func keep<Line>(_ line: Line, in lines: inout [Line]) {
        if lines.count < Tally.keptLines { lines.append(line) }
    }
}

/// The exact fingerprints and MinHash sketches of a file's valid examples.
public struct DataIndex: Sendable {
    var exact = FingerprintIndex()
    var near = NearDuplicateIndex()
    /// The keys of the preference pairs whose answers differ (``PreferencePair/key(reversed:)``).
    var pairs = FingerprintIndex()
    /// The hashes of the examples' prompts, when ``DataAnalyzer/Options/indexesPrompts``.
    var prompts = FingerprintIndex()

    public init() {}
}
