import Testing

@testable import TunewiseData

/// Decoding a string's escapes finds the runs between them with `memchr` and decodes them in
/// place after what the array held; it agrees with a decoder that reads one byte at a time,
/// on strings of random escapes and text.
struct StringDecodingTests {
    /// The escapes of `bytes` (a string's contents) replaced one byte at a time.
    static func referenceDecode(_ bytes: [UInt8]) -> [UInt8] {
        var decoded: [UInt8] = []
        var position = 0
        func hexQuad(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 << 4 | (JSONLineScanner.hexValue(bytes[at + $1]) ?? 0) } }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "\\") else {
                decoded.append(bytes[position])
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexQuad(position)
                position += 4
                if (0xD800..<0xDC00).contains(scalar), position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u"), (0xDC00..<0xE000).contains(hexQuad(position + 2))
                {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hexQuad(position + 2) - 0xDC00)
                    position += 6
                }
                decoded.append(contentsOf: (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default: decoded.append(escape)
            }
        }
        return decoded
    }

    @Test func agreesWithAByteAtATimeDecoder() {
        var generator = SplitMix(seed: 0xDEC)
        let pieces = [
            "plain ", "é", "日本", #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\ud83d"#, #"\udc00"#, "x",
        ].map { Array($0.utf8) }
        for _ in 0..<5_000 {
            let contents = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let line = [UInt8(ascii: "\"")] + contents + [UInt8(ascii: "\"")]
            line.withUnsafeBufferPointer { line in
                var scanner = JSONLineScanner(line.baseAddress!, count: line.count)
                guard let span = try? scanner.scanString() else {
                    Issue.record("not a string: \(contents)")
                    return
                }
                var decoded = Array("kept".utf8)
                span.decode(from: line.baseAddress!, into: &decoded)
                #expect(decoded == Array("kept".utf8) + Self.referenceDecode(contents), "\(contents)")
            }
        }
    }
}
