import Testing

@testable import TunewiseData

/// The 64-byte text scanner agrees with the eight-byte one it replaced on every count: tokens,
/// words, the MinHash sketch of their triples and the personal data hint.
struct TextScannerTests {
    /// What a scanner made of some texts of one example.
    struct Outcome: Equatable {
        var tokenSixteenths: Int
        var words: Int
        var signature: MinHashSignature
        var hints: [Bool]
    }

    static func scanned(_ texts: [[UInt8]]) -> Outcome {
        var scanner = TextScanner()
        let hints = texts.map { text in text.withUnsafeBufferPointer { scanner.scan($0) } }
        return Outcome(tokenSixteenths: scanner.tokenSixteenths, words: scanner.sketchedWords, signature: scanner.signature(), hints: hints)
    }

    static func referenceScanned(_ texts: [[UInt8]]) -> Outcome {
        var scanner = ReferenceTextScanner()
        let hints = texts.map { text in text.withUnsafeBufferPointer { scanner.scan($0) } }
        return Outcome(tokenSixteenths: scanner.tokenSixteenths, words: scanner.wordCount, signature: scanner.signature(), hints: hints)
    }

    /// Bytes that sit at every class's edges: letters either side of the case bit, digits,
    /// spaces, line breaks, punctuation, `@`, control bytes and each kind of UTF-8 byte.
    static let alphabet: [UInt8] =
        Array("aZz AM09 \t\n\r\u{0B}\u{0C}.,!@#-_/:`{[~".utf8) + [0x00, 0x08, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xA9, 0xDF, 0xE4, 0xEF, 0xF0, 0xF4, 0xFF]
        + [0xD5, 0xD6, 0xD7, 0xD8, 0xDD, 0xDE] + Array("é価😀ßשمж".utf8)

    @Test func agreesWithTheEightByteScannerOnRandomTexts() {
        var generator = SplitMix(seed: 0x5EED)
        for round in 0..<3_000 {
            // Lengths around the block edges, and runs of one class so words cross blocks.
            let lengths = (0..<Int(generator.next() % 3 + 1)).map { _ in Int(generator.next() % 300) }
            let texts = lengths.map { length in
                (0..<length).map { _ in
                    let roll = generator.next() % 10
                    if roll < 6 { return UInt8(ascii: "a") + UInt8(generator.next() % 26) }
                    if roll < 7 { return UInt8(ascii: "0") + UInt8(generator.next() % 10) }
                    if roll < 8 { return UInt8(ascii: " ") }
                    return Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))]
                }
            }
            #expect(Self.scanned(texts) == Self.referenceScanned(texts), "round \(round)")
        }
    }

    @Test(arguments: [0, 1, 7, 8, 63, 64, 65, 127, 128, 129, 200])
    func agreesOnLongWordsAndRunsAtEveryLength(length: Int) {
        for byte in ["a", "7", "é", " ", "\n", ".", "@"] {
            let run = Array(String(repeating: byte, count: length).utf8)
            let texts = [run, Array("x ".utf8) + run + Array(" y".utf8), Array("  ".utf8) + run]
            #expect(Self.scanned(texts) == Self.referenceScanned(texts), "\(length) × \(byte.debugDescription)")
        }
    }
}

extension TextScannerTests {
    /// Words of wide characters (each a piece of its own) mixed with others, of every length
    /// around eight bytes: the two-character words read whole and the rest split alike.
    @Test func agreesOnWordsOfWideCharacters() {
        var generator = SplitMix(seed: 0x4F6)
        let pieces = ["価", "格", "注文", "😀", "a", "é", "Z", "7", "ж"].map { Array($0.utf8) }
        for round in 0..<2_000 {
            let words = (0..<Int(generator.next() % 12 + 1)).map { _ in
                (0..<Int(generator.next() % 4 + 1)).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            }
            let text = Array(words.joined(separator: Array(" ".utf8)))
            #expect(Self.scanned([text]) == Self.referenceScanned([text]), "round \(round): \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// cl100k splits Hebrew and Arabic letters into more pieces than Cyrillic ones.
    @Test func hebrewAndArabicLettersCostMoreThanCyrillicOnes() {
        func sixteenths(_ text: String) -> Int {
            var scanner = TextScanner()
            _ = Array(text.utf8).withUnsafeBufferPointer { scanner.scan($0) }
            return scanner.tokenSixteenths
        }
        #expect(sixteenths("שלום") == 4 * TokenCosts.hebrewCharacter)
        #expect(sixteenths("سلام") == 4 * TokenCosts.arabicCharacter)
        #expect(sixteenths("мира") == 4 * TokenCosts.twoByteCharacter)
    }

    @Test func instructionsCountAsTokensButAddNothingToTheSketch() {
        let instruction = Array("You are a careful support assistant for the billing team of a shop.".utf8)
        let request = Array("Please refund the premium invoice for order four because the shipment never arrived.".utf8)
        var withInstruction = TextScanner()
        instruction.withUnsafeBufferPointer { _ = withInstruction.scan($0, sketching: false) }
        request.withUnsafeBufferPointer { _ = withInstruction.scan($0) }
        var alone = TextScanner()
        request.withUnsafeBufferPointer { _ = alone.scan($0) }
        #expect(withInstruction.signature() == alone.signature())
        #expect(withInstruction.sketchedWords == alone.sketchedWords)
        #expect(withInstruction.tokenSixteenths > alone.tokenSixteenths + 10 * 16)
    }
}

/// A small seeded generator, so a failure names a round that can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension TextScannerTests {
    @Test func findsWideCharactersAsAPlainLookWould() {
        var generator = SplitMix(seed: 0xE0)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(generator.next() % 24 + 1)).map { _ in
                generator.next() % 4 == 0 ? UInt8(0xC0 + generator.next() % 0x40) : UInt8(0x20 + generator.next() % 0x60)
            }
            let length = Int(generator.next() % UInt64(bytes.count)) + 1
            bytes.withUnsafeBufferPointer { buffer in
                let found = WordSketcher.holdsWideCharacters(buffer.baseAddress!, length: length, available: buffer.count)
                #expect(found == bytes.prefix(length).contains { $0 >= 0xE0 }, "\(bytes.prefix(length))")
            }
        }
    }
}

extension TextScannerTests {
    /// A text scanned in place, whatever bytes follow it in the padding the scanner may read,
    /// counts as the eight-byte scanner counts it.
    @Test func scansInPlaceWhateverFollows() {
        var generator = SplitMix(seed: 0x9AD)
        for round in 0..<2_000 {
            let length = Int(generator.next() % 200)
            let text = (0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] }
            let after = (0..<TextScanner.padding).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] }
            var scanner = TextScanner()
            let hint = (text + after).withUnsafeBufferPointer { scanner.scan(padded: UnsafeBufferPointer(rebasing: $0[..<length])) }
            let inPlace = Outcome(
                tokenSixteenths: scanner.tokenSixteenths, words: scanner.sketchedWords, signature: scanner.signature(), hints: [hint])
            #expect(inPlace == Self.referenceScanned([text]), "round \(round)")
        }
    }
}

extension TextScannerTests {
    /// The masks of class vectors, gathered by one instruction where there is one, agree with
    /// the plain arithmetic that any processor has, and tell empty vectors from the rest.
    @Test func gathersClassBitsAsPlainArithmeticDoes() {
        var generator = SplitMix(seed: 0xB175)
        for round in 0..<5_000 {
            // Sparse and dense classes, down to none set.
            let density = round % 5
            let lanes = (0..<16).map { _ in Int(generator.next() % 4) < density ? UInt8(0xFF) : UInt8(0) }
            let vector = ByteVector.Vector(lanes)
            let plainBits = lanes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == 0 ? 0 : UInt64(1) << UInt64($1.offset)) }
            #expect(ByteVector.bits(vector) == plainBits, "\(lanes)")
            #expect(ByteVector.gatheredBits(vector) == plainBits, "\(lanes)")
            #expect(ByteVector.any(vector) == (plainBits != 0), "\(lanes)")
        }
    }
}
