import TunewiseData
import TunewiseKit

/// Training data files: the streaming analyser, fed the bytes in chunks whose size the first
/// byte chooses, with a small line limit so that long lines are reached too.
enum DataHarness {
    static func run(_ bytes: [UInt8]) -> String {
        guard let first = bytes.first else { return "empty" }
        let data = Array(bytes.dropFirst())
        let options = DataAnalyzer.Options(tokenLimit: 50, lineByteLimit: 512)
        let whole = measure(data, chunkSize: max(1, data.count), options: options)
        let chunked = measure(data, chunkSize: Int(first % 32) + 1, options: options)
        require(whole == chunked, "chunks of \(Int(first % 32) + 1) bytes measure differently")
        let threaded = measureOnThreads(data, chunkSize: Int(first / 32) * 8 + 1, options: options)
        require(whole == threaded, "chunks of \(Int(first / 32) * 8 + 1) bytes on two threads measure differently")
        require(whole.valid + whole.invalid + whole.blankLines == whole.lines, "lines do not add up: \(whole)")
        require(whole.faults.total == whole.invalid, "faults do not add up to the invalid lines")
        require(whole.duplicates <= whole.valid && whole.nearDuplicates <= whole.unique, "more duplicates than examples")
        require(whole.tokens.max <= whole.tokens.total && whole.tokens.median <= whole.tokens.max, "token statistics out of order")
        // What the strict parser of rubric files reads as an object is JSON to the analyser too;
        // that parser skips a byte-order mark before any document, which a data file has only
        // before its first line.
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.count <= 512 && (offset == 0 || !line.starts(with: [0xEF, 0xBB, 0xBF])) {
            guard case .object = try? JSONParser.parse(Array(line)) else { continue }
            let lineNumber = offset + 1
            require(!whole.faults[.notJSON].lines.contains(lineNumber), "line \(lineNumber) is JSON, but was called not-json")
        }
        // An evaluation file read against itself leaks every valid example, each found whole
        // (none by its prompt alone).
        var trainingOptions = options
        trainingOptions.indexesPrompts = true
        var training = DataAnalyzer(options: trainingOptions)
        training.consume(data)
        _ = training.finish()
        let eval = measure(data, chunkSize: data.count + 1, options: options, training: training.index)
        require(eval.leakage?.evalExamplesInTrain == whole.valid, "an eval file read against itself does not leak every example")
        require(eval.leakage?.evalPromptsInTrain == 0, "an eval file read against itself shares only prompts with itself")
        return "\(whole.valid) valid, \(whole.invalid) invalid, \(whole.format.rawValue)"
    }

    /// The measurement of `bytes` in chunks of whole lines read on two threads, 7 bytes a read.
    private static func measureOnThreads(_ bytes: [UInt8], chunkSize: Int, options: DataAnalyzer.Options) -> DataMeasurement {
        var analyzer = DataAnalyzer(options: options)
        var offset = 0
        analyzer.consume(threads: 2, chunkSize: chunkSize) { buffer in
            let count = min(buffer.count, bytes.count - offset, 7)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
        return analyzer.finish()
    }

    private static func measure(
        _ bytes: [UInt8], chunkSize: Int, options: DataAnalyzer.Options, training: DataIndex? = nil
    ) -> DataMeasurement {
        var analyzer = DataAnalyzer(options: options, training: training)
        var start = 0
        while start < bytes.count {
            analyzer.consume(Array(bytes[start..<min(bytes.count, start + chunkSize)]))
            start += chunkSize
        }
        return analyzer.finish()
    }
}
