import Testing
import TunewiseData

/// ``DataAnalyzer/consume(threads:chunkSize:reading:)``: chunks of whole lines read on several
/// threads measure exactly as the sequential pass does.
struct ChunkedReadingTests {
    /// The measurement of `bytes` read `readSize` bytes at a time in chunks of `chunkSize` on `threads` threads.
    static func measureChunked(
        _ bytes: [UInt8], threads: Int, chunkSize: Int, readSize: Int = .max, options: DataAnalyzer.Options = .init(),
        training: DataIndex? = nil
    ) -> DataMeasurement {
        var analyzer = DataAnalyzer(options: options, training: training)
        var offset = 0
        analyzer.consume(threads: threads, chunkSize: chunkSize) { buffer in
            let count = min(buffer.count, bytes.count - offset, readSize)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
        return analyzer.finish()
    }

    /// Lines of every kind: valid ones of each format, duplicates, near-duplicates, faults,
    /// personal data, labels, CRLF ends, blank lines, characters of two to four bytes.
    static let mixed: [UInt8] = {
        var lines = (0..<10).map { chat(DuplicateTests.request($0), ["billing", "shipping", "other"][$0 % 3]) }
        lines += [
            chat(DuplicateTests.request(2).replacing("today", with: "now"), "billing"), lines[3], "", "  ", "broken",
            "[1, 2]", #"{"prompt": "Card 4111 1111 1111 1111 and jane@example.com", "completion": "café 価格 𝄞 done"}"#,
            #"{"messages": [{"role": "bot", "content": "x"}]}"#, chat("naïve résumé данные 注文", "{\"a\": 1}"),
            #"{"prompt": "p", "chosen": "c", "rejected": "r"}"#, lines[0] + "\r", chat("ünïcödé ✓", "ok") + "\r",
        ]
        return Array(lines.joined(separator: "\n").utf8)
    }()

    @Test(arguments: [1, 2, 3])
    func chunksOfAnySizeOnAnyThreadsMeasureAsOnePass(threads: Int) {
        let whole = measure(Self.mixed)
        for chunkSize in [1, 2, 3, 5, 8, 13, 64, 200, 701, 4096, 1 << 20] {
            for readSize in [1, 7, Int.max] where chunkSize >= 64 || readSize == Int.max {
                let chunked = Self.measureChunked(Self.mixed, threads: threads, chunkSize: chunkSize, readSize: readSize)
                #expect(chunked == whole, "chunks of \(chunkSize), reads of \(readSize), \(threads) threads")
            }
        }
    }

    @Test func aLineSplitAtEveryByteMeasuresTheSame() {
        // A chunk ends at every place in turn: inside a CR LF, inside a character of two, three
        // and four bytes, between a line and its line feed.
        let text = Array((chat("café 価格 𝄞", "ok") + "\r\n" + chat("a", "b") + "\r\n\n" + chat("ü", "ok")).utf8)
        let whole = measure(text)
        for chunkSize in 1...text.count + 1 {
            #expect(Self.measureChunked(text, threads: 2, chunkSize: chunkSize) == whole, "chunks of \(chunkSize)")
        }
    }

    @Test func aByteOrderMarkIsReadOnlyAtTheStart() {
        let text = [0xEF, 0xBB, 0xBF] + Array((chat("a", "b") + "\n").utf8) + [0xEF, 0xBB, 0xBF] + Array(chat("c", "d").utf8)
        let whole = measure(text)
        #expect(whole.hasByteOrderMark && whole.valid == 1 && whole.invalid == 1)
        for chunkSize in [1, 2, 4, 40, 1000] { #expect(Self.measureChunked(text, threads: 2, chunkSize: chunkSize) == whole) }
    }

    @Test func linesLongerThanAChunkOrTheBudgetAreReadInOrder() {
        let long = chat(String(repeating: "word ", count: 300), "ok")
        let lines = [chat("a", "b"), long, chat("c", "d"), long, String(repeating: "x", count: 3000), chat("e", "f"), long]
        let text = Array(lines.joined(separator: "\n").utf8)
        let options = DataAnalyzer.Options(lineByteLimit: 2000)
        let whole = measure(text, options: options)
        #expect(whole.faults[.lineTooLong] == Tally(count: 1, lines: [5]))
        for chunkSize in [100, 999, 1600, 2500, 5000] {
            for threads in [1, 2] {
                #expect(Self.measureChunked(text, threads: threads, chunkSize: chunkSize, readSize: 333, options: options) == whole)
            }
        }
    }

    @Test func leakageIsTheSameOnAnyThreads() {
        let training = index(of: String(decoding: Self.mixed, as: UTF8.self))
        let eval = Array((0..<6).map { chat(DuplicateTests.request($0 * 7 % 10), "billing") }.joined(separator: "\n").utf8)
        let whole = measure(eval, training: training)
        #expect(whole.leakage?.evalExamplesInTrain ?? 0 > 0)
        for chunkSize in [50, 300, 5000] {
            #expect(Self.measureChunked(eval, threads: 2, chunkSize: chunkSize, training: training) == whole)
        }
    }

    @Test func anEmptyInputAndOneWithoutALineFeed() {
        #expect(Self.measureChunked([], threads: 2, chunkSize: 16) == measure([UInt8]()))
        let text = Array(chat("a", "b").utf8)
        #expect(Self.measureChunked(text, threads: 2, chunkSize: 16) == measure(text))
        #expect(Self.measureChunked(text, threads: 2, chunkSize: 1000) == measure(text))
    }
}
