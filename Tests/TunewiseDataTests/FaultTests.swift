import Testing

@testable import TunewiseData

struct FaultTests {
    /// One line of each fault, in a file whose first and last lines are valid.
    @Test(arguments: [
        (#"{"messages": [{"role": "user", "content": "hi"}"#, DataFault.notJSON),
        (#"[1, 2]"#, .notAnObject),
        (#""just a string""#, .notAnObject),
        (#"{"conversation": []}"#, .missingMessages),
        (#"{"messages": []}"#, .missingMessages),
        (#"{"messages": "hello"}"#, .missingMessages),
        (#"{"messages": [{"content": "hi"}, {"role": "assistant", "content": "yo"}]}"#, .messageMissingRole),
        (#"{"messages": ["hi", {"role": "assistant", "content": "yo"}]}"#, .messageMissingRole),
        (#"{"messages": [{"role": "bot", "content": "hi"}, {"role": "assistant", "content": "yo"}]}"#, .unknownRole),
        (#"{"messages": [{"role": 7, "content": "hi"}, {"role": "assistant", "content": "yo"}]}"#, .unknownRole),
        (#"{"messages": [{"role": "user"}, {"role": "assistant", "content": "yo"}]}"#, .missingContent),
        (#"{"messages": [{"role": "user", "content": 42}, {"role": "assistant", "content": "yo"}]}"#, .contentNotText),
        (#"{"messages": [{"role": "user", "content": null}, {"role": "assistant", "content": "yo"}]}"#, .contentNotText),
        (#"{"messages": [{"role": "system", "content": "be kind"}, {"role": "user", "content": "hi"}]}"#, .noAssistantMessage),
        (#"{"prompt": "2+2", "completion": 4}"#, .contentNotText),
        (#"{"prompt": "2+2"}"#, .missingMessages),
        (#"{"prompt": "p", "chosen": "a"}"#, .missingMessages),
    ])
    func countsAFaultAtItsLine(line: String, fault: DataFault) {
        let text = [chat("a", "b"), line, chat("c", "d")].joined(separator: "\n")
        let measurement = measure(text)
        #expect(measurement.faults[fault] == Tally(count: 1, lines: [2]))
        #expect(measurement.faults.total == 1)
        #expect(measurement.invalid == 1)
        #expect(measurement.valid == 2)
    }

    @Test func aLineWithSeveralFaultsCountsUnderTheFirstInTheSpecOrder() {
        // The first message lacks content, the second a role: the role comes first in the order.
        let line = #"{"messages": [{"role": "user"}, {"content": "x"}]}"#
        let measurement = measure(line)
        #expect(measurement.faults.found.map(\.kind) == [.messageMissingRole])
    }

    @Test(arguments: [
        "{\"messages\": [{\"role\": \"user\", \"content\": \"caf\u{FF}\"}]}",  // U+00FF written as bytes below
        "{\"a\": 01}", "{\"a\": NaN}", "{\"a\": \"\\x\"}", "{\"a\": \"tab\there\"}", "{\"a\": 1} x", "{\"a\" 1}", "{\"a\": [1,]}",
        "{\"a\": tru}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": \"\\u12G4\"}",
    ])
    func rejectsWhatIsNotJSON(line: String) {
        var bytes = Array(line.utf8)
        if line.contains("\u{FF}") { bytes = Array("{\"a\": \"caf".utf8) + [0xFF] + Array("\"}".utf8) }
        #expect(measure(bytes).faults[.notJSON].count == 1)
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ] as [[UInt8]])
    func invalidUTF8IsNotJSON(sequence: [UInt8]) {
        let bytes = Array(#"{"prompt": "a"#.utf8) + sequence + Array(#"", "completion": "b"}"#.utf8)
        let measurement = measure(bytes)
        #expect(measurement.faults[.notJSON] == Tally(count: 1, lines: [1]))
    }

    /// Whether `bytes` between quotes read as a string, as the parser reads one: the line's
    /// UTF-8 checked, then the string scanned.
    static func scansAsString(_ bytes: [UInt8]) -> Bool {
        let line = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
        return line.withUnsafeBufferPointer { buffer in
            guard UTF8Check.isValid(buffer.baseAddress!, count: buffer.count) else { return false }
            var scanner = JSONLineScanner(buffer.baseAddress!, count: buffer.count)
            return (try? scanner.scanString()).map { _ in scanner.position == buffer.count } ?? false
        }
    }

    /// Every sequence of two bytes and the edges of three and four, after a letter and before
    /// a space, is accepted exactly when Swift's own decoder finds it UTF-8.
    @Test func acceptsExactlyTheUTF8ThatSwiftDoes() {
        let edges: [UInt8] = [
            0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        var sequences: [[UInt8]] = []
        for first in 0x80...0xFF { for second in 0x20...0xFF { sequences.append([UInt8(first), UInt8(second)]) } }
        for first in edges where first >= 0xE0 { for second in edges { for third in edges { sequences.append([first, second, third]) } } }
        for first in edges where first >= 0xF0 {
            for second in edges { for third in [0x80, 0xBF, 0xC0] as [UInt8] { sequences.append([first, second, third, 0x80]) } }
        }
        for sequence in sequences where !sequence.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            let bytes = [UInt8(ascii: "a")] + sequence + [UInt8(ascii: " ")]
            #expect(Self.scansAsString(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(sequence)")
        }
    }

    /// The same, eight bytes at a time: each sequence at every place in a word, between plain
    /// letters and before characters of two and three bytes, so that it starts, ends or
    /// straddles the words the scanner reads.
    @Test func acceptsExactlyTheUTF8ThatSwiftDoesEightBytesAtATime() {
        let edges: [UInt8] = [0x00, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5]
        var sequences: [[UInt8]] = [[0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80]]
        for first in edges where first >= 0x80 { for second in edges { sequences.append([first, second]) } }
        for first in edges where first >= 0xE0 { for second in edges { for third in edges { sequences.append([first, second, third]) } } }
        let tails: [[UInt8]] = [Array("abcdefghij".utf8), Array("é日本語 ok".utf8)]
        for sequence in sequences {
            for offset in 0..<9 {
                for tail in tails {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + sequence + tail
                    let isText = !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
                    let expected = isText && String(validating: bytes, as: UTF8.self) != nil
                    #expect(Self.scansAsString(bytes) == expected, "\(offset) \(sequence)")
                }
            }
        }
    }

    @Test func namesTheNotJSONLinesThatAreNotUTF8() {
        let bytes =
            Array(#"{"prompt": "caf"#.utf8) + [0xE9] + Array(#"", "completion": "ok"}"#.utf8) + [0x0A]
            + Array(#"{"prompt": "half"#.utf8) + [0x0A] + Array(#"{"prompt": "b", "completion": "c"}"#.utf8)
        let measurement = measure(bytes)
        #expect(measurement.faults[.notJSON] == Tally(count: 2, lines: [1, 2]))
        #expect(measurement.notUTF8Lines == Tally(count: 1, lines: [1]))
    }

    @Test func nestingPastTheLimitIsNotJSONAndDoesNotCrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let measurement = measure(#"{"messages": [], "x": "# + deep + "}")
        #expect(measurement.faults[.notJSON].count == 1)
        let allowed = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(measure(#"{"x": "# + allowed + ", " + chat("a", "b").dropFirst()).valid == 1)
    }

    @Test func keepsTheFirstTenLinesAndCountsEveryOne() {
        let text = Array(repeating: "not json", count: 25).joined(separator: "\n")
        let tally = measure(text).faults[.notJSON]
        #expect(tally.count == 25)
        #expect(tally.lines == Array(1...10))
    }
}
