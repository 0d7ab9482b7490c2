import Testing

@testable import TunewiseData

/// The line-wide UTF-8 check agrees with Swift's own decoder, and the string scan that trusts
/// it agrees with a plain one.
struct UTF8CheckTests {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Check.isValid($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count) }
    }

    /// Every sequence of one to four bytes from the edges of each range, at every place around
    /// the first three bytes (checked one at a time), the 16-byte blocks and the last block
    /// (which overlaps the one before), and cut off at the end.
    @Test func agreesWithSwiftOnEveryEdgeAtEveryPlace() {
        let edges: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var sequences: [[UInt8]] = [[0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF]]
        for first in edges { for second in edges { sequences.append([first, second]) } }
        for first in edges where first >= 0xE0 { for second in edges where second >= 0x80 { sequences.append([first, second, 0x80]) } }
        for first in edges where first >= 0xF0 { for second in edges where second >= 0x80 { sequences.append([first, second, 0x80, 0xBF]) } }
        let fillers: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("日".utf8)]
        for sequence in sequences {
            for filler in fillers {
                for before in [0, 1, 2, 3, 4, 13, 14, 15, 16, 17, 30, 31, 32] {
                    for after in [0, 1, 2, 3, 15, 16, 17] {
                        let bytes = Self.fill(filler, count: before) + sequence + Self.fill(filler, count: after)
                        #expect(Self.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(before) \(sequence) \(after)")
                    }
                }
            }
        }
    }

    /// Text in many scripts, with bytes changed, dropped or cut at random.
    @Test func agreesWithSwiftOnDamagedText() {
        var generator = SplitMix(seed: 0x0F8)
        let pieces = ["plain ascii ", "café ", "日本語", "😀", "שלום ", "ﬁ", "\u{10FFFF}", "Ω", "\u{0800}", "\u{FFFF}"].map { Array($0.utf8) }
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 20) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for _ in 0..<Int(generator.next() % 3) where !bytes.isEmpty {
                let place = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[place] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: place)
                default: bytes.removeSubrange(place...)
                }
            }
            #expect(Self.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// A string is scanned 16 bytes at a time to its first quote, backslash or control byte:
    /// it ends where, and with the escapes, a byte-at-a-time scan finds.
    @Test func stringScanAgreesWithAByteAtATimeScan() {
        var generator = SplitMix(seed: 0x5CA)
        let pieces = ["a", "bc ", "é", "日本", "😀", "\\n", "\\\"", "\\u00e9", "\\x", "\\u12", "\u{01}", "\t", "\"", "\\", "!", "#", "\u{1F}", "~"]
            .map { Array($0.utf8) }
        for _ in 0..<5_000 {
            var bytes: [UInt8] = [UInt8(ascii: "\"")]
            for _ in 0..<Int(generator.next() % 40) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
            if generator.next() % 4 != 0 { bytes.append(UInt8(ascii: "\"")) }
            bytes += Array(" tail".utf8)
            let scanned = bytes.withUnsafeBufferPointer { buffer -> String in
                var scanner = JSONLineScanner(buffer.baseAddress!, count: buffer.count)
                guard let span = try? scanner.scanString() else { return "not JSON" }
                return "\(span.start) \(span.end) \(span.hasEscapes) \(scanner.position)"
            }
            #expect(scanned == Self.plainScan(bytes), "\(bytes)")
        }
    }

    /// The string that opens `bytes`, scanned a byte at a time: where its contents start and
    /// end, whether it has escapes and where the scan stops, or "not JSON".
    private static func plainScan(_ bytes: [UInt8]) -> String {
        var position = 1
        var hasEscapes = false
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""): return "1 \(position) \(hasEscapes) \(position + 1)"
            case 0..<0x20: return "not JSON"
            case UInt8(ascii: "\\"):
                hasEscapes = true
                guard position + 1 < bytes.count else { return "not JSON" }
                if Array("\"\\/bfnrt".utf8).contains(bytes[position + 1]) {
                    position += 2
                } else if bytes[position + 1] == UInt8(ascii: "u"), position + 6 <= bytes.count,
                    bytes[(position + 2)..<(position + 6)].allSatisfy({ JSONLineScanner.hexValue($0) != nil })
                {
                    position += 6
                } else {
                    return "not JSON"
                }
            default: position += 1
            }
        }
        return "not JSON"
    }

    private static func fill(_ piece: [UInt8], count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count + piece.count <= count { bytes += piece }
        return bytes + Array(repeating: UInt8(ascii: "a"), count: count - bytes.count)
    }
}
