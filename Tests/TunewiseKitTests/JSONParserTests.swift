import Testing

@testable import TunewiseKit

struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(Array(#"{"b": [1, -2.5e1, true, false, null], "a": "x\n\u00e9\ud83d\ude00"}"#.utf8))
        #expect(
            value
                == .object([
                    ("b", .array([.number(1), .number(-25), .bool(true), .bool(false), .null])),
                    ("a", .string("x\né😀")),
                ]))
    }

    @Test(arguments: [
        ("", "line 1, column 1: the document is empty; expected a JSON value"),
        ("{", "line 1, column 2: expected a string key in the object"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after the key \"a\""),
        ("[1,]", "line 1, column 4: unexpected character ']'; expected a value"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key \"a\" in one object"),
        ("\n  [01]", "line 2, column 5: expected ',' or ']' in the array"),
        ("1e999", "line 1, column 1: the number 1e999 at $ is out of range; numbers must be finite (magnitude below 1.8e308)"),
        ("{\"a\": [0, -1e400]}", "line 1, column 11: the number -1e400 at $.a[1] is out of range; numbers must be finite (magnitude below 1.8e308)"),
        ("\"tab\there\"", "line 1, column 5: control character 0x9 inside a string; escape it"),
        ("\"\\x\"", "line 1, column 3: invalid escape \\'x'"),
        ("\"\\ud800\"", "line 1, column 8: unpaired UTF-16 surrogate in a \\u escape"),
        ("tru", "line 1, column 4: invalid literal; expected true"),
        ("{} {}", "line 1, column 4: unexpected text after the JSON value"),
    ])
    func reportsTheFirstProblemWithItsPosition(document: String, expected: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(document.utf8)) }
        do {
            _ = try JSONParser.parse(Array(document.utf8))
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = [0x7B, 0x22, 0x61, 0xFF, 0x22, 0x3A, 0x31, 0x7D]
        #expect(throws: JSONSyntaxError(message: "the file is not valid UTF-8 text", line: 1, column: 4)) {
            try JSONParser.parse(bytes)
        }
    }

    @Test func boundsNestingDepthWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(deep.utf8)) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(Array(allowed.utf8)) }
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }

    @Test func writerRoundTripsAndFormatsNumbersOnPurpose() throws {
        let value = JSONValue.object([
            ("integral", .number(3)), ("fraction", .number(0.25)), ("text", .string("a/b \"q\" \u{1}")),
            ("empty", .array([])), ("nested", .object([("x", .null)])),
        ])
        let text = JSONWriter.write(value)
        #expect(text.contains("\"integral\": 3,"))
        #expect(text.contains("\"text\": \"a/b \\\"q\\\" \\u0001\""))
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
        #expect(JSONWriter.write(.array([.number(1), .bool(true)]), pretty: false) == "[1,true]")
    }

    /// Each level indents two spaces more, past the 64 copied in one block too.
    @Test func writerIndentsEveryLevelByTwoSpaces() {
        var value = JSONValue.number(1)
        for _ in 0..<40 { value = .array([value]) }
        let lines = JSONWriter.write(value).split(separator: "\n")
        #expect(lines.count == 81)
        for (depth, line) in lines.prefix(41).enumerated() {
            #expect(line == String(repeating: " ", count: 2 * depth) + (depth == 40 ? "1" : "["))
        }
        #expect(lines.last == "]")
    }

    /// The byte-by-byte UTF-8 check agrees with the standard library's decoder on where the
    /// first bad sequence starts, over random bytes biased towards multi-byte sequences.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        func reference(_ bytes: [UInt8]) -> Int? {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var offset = 0
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
        var random = SplitMix64(seed: 8)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            // Up to 40 bytes, so that runs of eight ASCII bytes are checked a word at a time.
            let bytes = (0..<Int.random(in: 1...40, using: &random)).map { _ in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: interesting.randomElement(using: &random)!
                case 1: UInt8.random(in: 0...255, using: &random)
                default: UInt8.random(in: 0x20...0x7E, using: &random)
                }
            }
            #expect(JSONParser.firstInvalidUTF8Offset(in: bytes) == reference(bytes), "\(bytes)")
        }
        #expect(JSONParser.firstInvalidUTF8Offset(in: Array("naïve — 😀".utf8)) == nil)
    }
}
