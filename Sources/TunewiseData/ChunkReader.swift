/// What the whole lines of one chunk hold, with line numbers counted from the chunk's first
/// line. ``DataAnalyzer`` merges chunks in file order, where what depends on earlier lines
/// (duplicates, near-duplicates, leakage, labels) is decided from ``examples``.
struct ChunkMeasurement: Sendable {
    /// The counts and tallies of the chunk's lines; `bytes`, duplicates, near-duplicates,
    /// tokens and labels are left to the merge.
    var measurement = DataMeasurement(tokenLimit: 0)
    /// The chunk's valid examples, in order.
    var examples: [ExampleRecord] = []
    /// The texts of the first ``LabelCounter/keptValues`` distinct label keys in the chunk,
    /// which are all the labels a merge can keep from it.
    var labelTexts: [UInt64: String] = [:]
}

/// What the merge needs of one valid example.
struct ExampleRecord: Sendable {
    /// The hash of what the example says (``ContentHash``).
    var hash: UInt64
    /// The MinHash sketch of its word triples, when ``isSketched``.
    var signature: MinHashSignature
    /// The hash of its output as a label, when ``hasLabel``.
    var label: UInt64
    /// The line, 1 for the chunk's first.
    var line: Int
    var tokens: Int
    /// Whether it has enough words for near-duplicate checks.
    var isSketched: Bool
    /// Whether its output may be a label.
    var hasLabel: Bool
    /// The hash of its prompt: every text and part but its answers (assistant turns, outputs
    /// and the answer a preference pair rejects).
    var promptHash: UInt64 = 0
    /// For a preference pair whose answers differ: its ``PreferencePair/key(reversed:)``, and
    /// the key of the pair that swaps its answers.
    var pairKeys: (pair: UInt64, reversed: UInt64)? = nil
    var kind = ExampleKind.demonstration
    /// Whether its `label` is `false`.
    var isRatedDown = false
}

/// Reads chunks of whole lines into ``ChunkMeasurement``s. Nothing in a chunk depends on
/// another, so chunks may be read on several threads at once, each with its own reader.
struct ChunkReader {
    private let lineByteLimit: Int
    private var parser = ExampleParser()
    private var decoded: [UInt8] = []
    private var chunk = ChunkMeasurement()
    /// How many examples the last chunk read held.
    private var lastExampleCount = 0
    /// The end of the chunk being read: a text ``TextScanner/padding`` bytes before it is read in place.
    private var chunkEnd = UnsafePointer<UInt8>(bitPattern: 1)!

    init(lineByteLimit: Int) { self.lineByteLimit = lineByteLimit }

    /// Reads the lines of `count` bytes at `base`: each ends with a line feed, or one line
    /// without a line feed (the last of a file). `startsFile`: the first line is the file's first, where a byte-order
    /// mark may be.
    mutating func read(_ base: UnsafePointer<UInt8>, count: Int, startsFile: Bool) -> ChunkMeasurement {
        chunk = ChunkMeasurement()
        // Room for as many examples as the last chunk had, and some: the list is not copied
        // as it grows (into fresh memory, page by page).
        chunk.examples.reserveCapacity(lastExampleCount + lastExampleCount / 8)
        chunkEnd = base + count
        var start = 0
        var isFirst = startsFile
        while start < count {
            let lineEnd = LineBreaks.next(in: base, from: start, count: count) ?? count
            readLine(base + start, count: lineEnd - start, isFirstOfFile: isFirst)
            isFirst = false
            start = lineEnd + 1
        }
        lastExampleCount = chunk.examples.count
        var result = ChunkMeasurement()
        swap(&result, &chunk)
        return result
    }

    /// One line that is too long to read, as a chunk.
    static func tooLongLine() -> ChunkMeasurement {
        var chunk = ChunkMeasurement()
        chunk.measurement.lines = 1
        chunk.measurement.invalid = 1
        chunk.measurement.faults[.lineTooLong].add(line: 1)
        return chunk
    }

    /// Reads one line of `count` bytes at `base`, without its line feed.
    private mutating func readLine(_ base: UnsafePointer<UInt8>, count: Int, isFirstOfFile: Bool) {
        chunk.measurement.lines += 1
        let lineNumber = chunk.measurement.lines
        if count > lineByteLimit {
            chunk.measurement.invalid += 1
            chunk.measurement.faults[.lineTooLong].add(line: lineNumber)
            return
        }
        var start = 0
        var end = count
        if isFirstOfFile, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            chunk.measurement.hasByteOrderMark = true
            start = 3
        }
        if end > start, base[end - 1] == 0x0D { chunk.measurement.crlfLines += 1 }
        while end > start, LineBreaks.isSpace(base[end - 1]) { end -= 1 }
        while start < end, LineBreaks.isSpace(base[start]) { start += 1 }
        guard start < end else {
            chunk.measurement.blankLines += 1
            return
        }
        switch parser.parse(base + start, count: end - start) {
        case .invalid(let fault, let layout):
            chunk.measurement.invalid += 1
            chunk.measurement.faults[fault].add(line: lineNumber)
            if fault == .notJSON, String(validating: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self) == nil {
                chunk.measurement.notUTF8Lines.add(line: lineNumber)
            }
            if let layout { chunk.measurement.otherLayouts[layout].add(line: lineNumber) }
        case .valid(let example):
            readExample(example, base + start, line: lineNumber)
        }
    }

    private mutating func readExample(_ example: ParsedExample, _ base: UnsafePointer<UInt8>, line: Int) {
        chunk.measurement.valid += 1
        switch example.format {
        case .chat: chunk.measurement.chatExamples += 1
        case .promptCompletion: chunk.measurement.promptCompletionExamples += 1
        default: chunk.measurement.preferenceExamples += 1
        }
        if example.isGraded { chunk.measurement.gradedExamples += 1 }
        if example.writesPreferredOutputs { chunk.measurement.preferredOutputExamples += 1 }
        chunk.measurement.assistantTurns += example.assistantTurns
        if example.hasReasoning { chunk.measurement.reasoningExamples += 1 }
        if let rating = example.rating {
            chunk.measurement.rated += 1
            if !rating { chunk.measurement.ratedDown += 1 }
        }
        if example.warnings.bits != 0 {
            for warning in StructureWarning.allCases where example.warnings.contains(warning) {
                chunk.measurement.structure[warning].add(line: line)
            }
        }
        var reading = ExampleReading(
            record: ExampleRecord(
                hash: 0, signature: MinHashSignature(words: (0, 0, 0)), label: 0, line: line, tokens: 0, isSketched: false,
                hasLabel: false),
            pair: example.format == .preference ? PreferencePair() : nil)
        reading.record.kind = example.isGraded ? .graded : (example.format == .preference ? .preferencePair : .demonstration)
        reading.record.isRatedDown = example.rating == false
        // A prompt for a grader has no output of its own: the model writes it.
        let outputIndex = example.isGraded ? nil : parser.spans.lastIndex { $0.isOutput }
        var decodedText: [UInt8] = []
        swap(&decodedText, &decoded)
        for (spanIndex, span) in parser.spans.enumerated() {
            let isOutput = spanIndex == outputIndex
            guard span.string.hasEscapes else {
                let bytes = UnsafeBufferPointer(start: base + span.string.start, count: span.string.end - span.string.start)
                readText(bytes, padded: base + span.string.end + TextScanner.padding <= chunkEnd, of: span, isOutput: isOutput, into: &reading)
                continue
            }
            decodedText.removeAll(keepingCapacity: true)
            span.string.decode(from: base, into: &decodedText)
            let count = decodedText.count
            decodedText.append(contentsOf: TextScanner.zeroPadding)
            decodedText.withUnsafeBufferPointer {
                readText(UnsafeBufferPointer(rebasing: $0[..<count]), padded: true, of: span, isOutput: isOutput, into: &reading)
            }
        }
        swap(&decodedText, &decoded)
        var holdsMedia = false
        for part in parser.structuredParts {
            let bytes = UnsafeBufferPointer(start: base + part.range.lowerBound, count: part.range.count)
            let hash = JSONValueHash.hash(bytes)
            let marker = ContentHash.marker(of: part.kind)
            reading.content.add(hash, marker: marker, field: part.field, isPart: true)
            // A call is the assistant's; a part of a field that holds only answers is an answer.
            if part.kind != .toolCall, !part.field.holdsOnlyAnswers { reading.prompt.add(hash, marker: marker, field: part.field, isPart: true) }
            reading.pair?.add(structured: hash, marker: marker, field: part.field)
            // Tool calls and tools are tokens as written; media cannot be counted from the line.
            if part.kind == .media { holdsMedia = true }
            let padded = base + part.range.upperBound + TextScanner.padding <= chunkEnd
            if part.kind != .media, reading.text.scanJSON(bytes, padded: padded, sketching: part.kind == .toolCall) {
                reading.personalData |= PersonalDataScanner.kinds(in: bytes)
            }
        }
        // A graded prompt's reference is what it teaches; beside a demonstration's answer, a
        // reference is not trained on.
        if example.isGraded, let reference = parser.referenceRange {
            reading.content.addReference(JSONValueHash.hash(UnsafeBufferPointer(start: base + reference.lowerBound, count: reference.count)))
        }
        var record = reading.record
        record.hash = reading.content.value
        record.promptHash = reading.prompt.value
        if let pair = reading.pair {
            if pair.answersAreSame {
                chunk.measurement.structure[.chosenEqualsRejected].add(line: line)
            } else {
                record.pairKeys = (pair.key(reversed: false), pair.key(reversed: true))
                if reading.preferredSixteenths > 0, reading.otherSixteenths > 0 {
                    chunk.measurement.answerLengths.add(
                        preferred: (reading.preferredSixteenths + 8) / 16, other: (reading.otherSixteenths + 8) / 16)
                }
            }
        }
        var text = reading.text
        if example.messageCount > 0 { text.addTokens(4 * example.messageCount + 3) }
        record.tokens = text.estimatedTokens
        if reading.personalData != 0 {
            for kind in PersonalDataKind.allCases where reading.personalData & PersonalDataScanner.bit(kind) != 0 {
                chunk.measurement.personalData[kind].add(line: line)
            }
        }
        if holdsMedia { chunk.measurement.mediaExamples += 1 }
        // Examples that differ by their images or audio alone would look alike to the sketch of
        // their words, so they are not compared for near-duplicates.
        if !holdsMedia, text.sketchedWords >= DataAnalyzer.nearDuplicateMinimumWords {
            record.signature = text.signature()
            record.isSketched = true
        }
        chunk.examples.append(record)
    }

    /// What is gathered from an example's texts and parts as they are read.
    private struct ExampleReading {
        var record: ExampleRecord
        var content = ContentHash()
        var prompt = ContentHash()
        var pair: PreferencePair?
        var text = TextScanner()
        /// The kinds of personal data found, as bits by ``PersonalDataKind/ordinal``.
        var personalData: UInt8 = 0
        /// A preference pair's answers' tokens so far, in sixteenths: the preferred one's and the other's.
        var preferredSixteenths = 0
        var otherSixteenths = 0

        init(record: ExampleRecord, pair: PreferencePair?) {
            self.record = record
            self.pair = pair
        }
    }

    /// Reads one text of an example, escapes decoded: into what it says, its prompt unless it
    /// is an answer, the preference pair, its tokens and words, the kinds of personal data it
    /// seems to hold and, for the output, the output's profile. With `padded`,
    /// ``TextScanner/padding`` bytes may be read after `bytes`.
    private mutating func readText(
        _ bytes: UnsafeBufferPointer<UInt8>, padded: Bool, of span: TextSpan, isOutput: Bool, into reading: inout ExampleReading
    ) {
        let hash = ContentHash.hash(bytes)
        reading.content.add(hash, marker: span.marker, field: span.field)
        if !span.isAnswer { reading.prompt.add(hash, marker: span.marker, field: span.field) }
        reading.pair?.add(bytes, hash: hash, of: span)
        let before = reading.text.tokenSixteenths
        if reading.text.scan(bytes, padded: padded, sketching: !span.isInstruction) { reading.personalData |= PersonalDataScanner.kinds(in: bytes) }
        // A pair's answers: the assistant's texts in its answer fields, not the turns of a prompt they repeat.
        if reading.pair != nil, span.role == nil || span.role == .assistant {
            switch span.field {
            case .chosen, .preferredOutput: reading.preferredSixteenths += reading.text.tokenSixteenths - before
            case .rejected, .nonPreferredOutput: reading.otherSixteenths += reading.text.tokenSixteenths - before
            default: break
            }
        }
        if isOutput { readOutput(bytes, record: &reading.record) }
    }

    private mutating func readOutput(_ output: UnsafeBufferPointer<UInt8>, record: inout ExampleRecord) {
        chunk.measurement.outputs.outputs += 1
        let answer = JSONLineScanner.answerAfterReasoning(output)
        if JSONLineScanner.hasUnfinishedReasoning(output, answer: answer) {
            chunk.measurement.structure[.unfinishedReasoning].add(line: record.line)
        }
        // What a reasoning model answers after its thoughts is judged as the output.
        let text = answer ?? output
        if JSONLineScanner.isContainer(text) {
            chunk.measurement.outputs.jsonOutputs += 1
        } else if JSONLineScanner.isWrappedContainer(text) {
            chunk.measurement.outputs.wrappedJSON.add(line: record.line)
        } else if JSONLineScanner.isBrokenContainer(text) {
            chunk.measurement.outputs.brokenJSON.add(line: record.line)
        } else if let key = LabelCounter.key(of: text) {
            record.label = key
            record.hasLabel = true
            if chunk.labelTexts.count < LabelCounter.keptValues, chunk.labelTexts[key] == nil {
                chunk.labelTexts[key] = String(decoding: text, as: UTF8.self)
            }
        }
    }
}
