import RubricEmbedding
import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// The generator of `BuiltInRubric+Model.swift`: its string and number literals, and a file
/// for a rubric with awkward text.
struct RubricSwiftSourceTests {
    // MARK: Strings

    /// Each value beside the literal the generator must write for it, spelled here as raw
    /// strings so that the compiler of this file checks the escapes.
    static let strings: [(value: String, literal: String)] = [
        ("", #""""#),
        ("plain text, with: punctuation; and `code` (brackets) #1", #""plain text, with: punctuation; and `code` (brackets) #1""#),
        ("a \"quoted\" word", #""a \"quoted\" word""#),
        (#"a back\slash and \\ two"#, #""a back\\slash and \\\\ two""#),
        (##"not \(interpolated) and not \#(raw)"##, ##""not \\(interpolated) and not \\#(raw)""##),
        ("\"\"\" and #\"\"\"#", ##""\"\"\" and #\"\"\"#""##),
        ("line\nfeed, tab\tand return\r", #""line\nfeed, tab\tand return\r""#),
        ("nul\u{0} bell\u{7} escape\u{1B} delete\u{7F}", #""nul\u{0} bell\u{7} escape\u{1B} delete\u{7F}""#),
        ("§ 2 – “quotes” … é 日本語 😀 ∑ €", #""§ 2 – “quotes” … é 日本語 😀 ∑ €""#),
        ("e\u{301} and \u{301} first", "\"e\u{301} and \u{301} first\""),
        ("no\u{A0}break, thin\u{2009}space, line\u{2028}separator", #""no\u{A0}break, thin\u{2009}space, line\u{2028}separator""#),
        (
            "right\u{202E}left, zero\u{200B}width, joiner\u{200D}, bom\u{FEFF}",
            #""right\u{202E}left, zero\u{200B}width, joiner\u{200D}, bom\u{FEFF}""#
        ),
        ("private \u{E000} use", #""private \u{E000} use""#),
    ]

    @Test(arguments: strings.indices) func aStringIsWrittenAsTheExpectedLiteral(index: Int) {
        let (value, literal) = Self.strings[index]
        #expect(RubricSwiftSource.literal(value).unicodeScalars.elementsEqual(literal.unicodeScalars), "\(RubricSwiftSource.literal(value))")
        #expect(Self.value(ofLiteral: RubricSwiftSource.literal(value)).unicodeScalars.elementsEqual(value.unicodeScalars))
    }

    @Test func everyScalarSurvivesAndNothingInvisibleIsLeftRaw() {
        // Every scalar of the first planes, and a sample of the rest, in strings of a few.
        var generator = SplitMix64(seed: 13)
        let scalars =
            (0..<0x3_0000).compactMap(Unicode.Scalar.init) + (0..<2_000).compactMap { _ in Unicode.Scalar(UInt32(generator.next() % 0x11_0000)) }
        for start in stride(from: 0, to: scalars.count, by: 7) {
            var value = ""
            value.unicodeScalars.append(contentsOf: scalars[start..<min(start + 7, scalars.count)])
            let literal = RubricSwiftSource.literal(value)
            #expect(Self.value(ofLiteral: literal).unicodeScalars.elementsEqual(value.unicodeScalars), "\(literal)")
            let inside = literal.unicodeScalars.dropFirst().dropLast()
            for scalar in inside where scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
                Issue.record("\(literal) keeps U+\(String(scalar.value, radix: 16)) raw")
            }
        }
    }

    /// What a literal the generator writes stands for, read the way the Swift compiler reads
    /// the escapes it uses; `"?"` marks anything else, so that a test fails on it.
    static func value(ofLiteral literal: String) -> String {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return "?" }
        scalars = Array(scalars.dropFirst().dropLast())
        var value = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { return "?" }
            guard scalar == "\\", index < scalars.count else {
                value.append(scalar)
                continue
            }
            let escape = scalars[index]
            index += 1
            switch escape {
            case "\\", "\"": value.append(escape)
            case "t": value.append("\t")
            case "n": value.append("\n")
            case "r": value.append("\r")
            case "u":
                guard let close = scalars[index...].firstIndex(of: "}"), scalars[index] == "{",
                    let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 1)..<close])), radix: 16),
                    let decoded = Unicode.Scalar(code)
                else { return "?" }
                value.append(decoded)
                index = close + 1
            default: return "?"
            }
        }
        return String(value)
    }

    // MARK: Numbers

    /// Exact sixteenths as decimals; other numbers in hexadecimal, which the compiler cannot
    /// round twice as it may a long decimal (7.247875805056331 lands on a neighbour).
    @Test func numbersAreWrittenAsExactDecimalsHexadecimalOrTheirBits() {
        #expect(RubricSwiftSource.literal(0.0) == "0.0")
        #expect(RubricSwiftSource.literal(-0.0) == "-0.0")
        #expect(RubricSwiftSource.literal(4) == "4.0")
        #expect(RubricSwiftSource.literal(1.5) == "1.5")
        #expect(RubricSwiftSource.literal(-2.25) == "-2.25")
        #expect(RubricSwiftSource.literal(0.0625) == "0.0625")
        #expect(RubricSwiftSource.literal(1_000_000) == "1000000.0")
        #expect(RubricSwiftSource.literal(0.1) == "0x1.999999999999ap-4")
        #expect(RubricSwiftSource.literal(-0.1) == "-0x1.999999999999ap-4")
        #expect(RubricSwiftSource.literal(1e16) == "0x1.1c37937e08p53")
        #expect(RubricSwiftSource.literal(.greatestFiniteMagnitude) == "0x1.fffffffffffffp1023")
        #expect(RubricSwiftSource.literal(.leastNormalMagnitude) == "0x1p-1022")
        #expect(RubricSwiftSource.literal(.leastNonzeroMagnitude) == "Double(bitPattern: 0x0000000000000001)")
        #expect(RubricSwiftSource.literal(-.leastNonzeroMagnitude) == "Double(bitPattern: 0x8000000000000001)")
        #expect(RubricSwiftSource.literal(.infinity) == "Double(bitPattern: 0x7FF0000000000000)")
        #expect(RubricSwiftSource.literal(-.infinity) == "Double(bitPattern: 0xFFF0000000000000)")
        #expect(RubricSwiftSource.literal(.nan) == "Double(bitPattern: 0x\(String(Double.nan.bitPattern, radix: 16, uppercase: true)))")
    }

    @Test func everyNumberReadsBackBitForBit() {
        var generator = SplitMix64(seed: 1_500)
        let special: [Double] = [0, -0.0, 0.1, 1.0 / 3, -1e6, 1e6, .pi, .ulpOfOne, .leastNormalMagnitude, .greatestFiniteMagnitude]
        let random = (0..<20_000).map { _ in Double(bitPattern: generator.next()) }
        for number in special + random + random.map({ $0.rounded() / 64 }) {
            let literal = RubricSwiftSource.literal(number)
            let read: Double? =
                literal.hasPrefix("Double(bitPattern: 0x")
                ? UInt64(literal.dropFirst(21).dropLast(), radix: 16).map(Double.init(bitPattern:)) : Double(literal)
            #expect(read?.bitPattern == number.bitPattern, "\(literal)")
        }
    }

    // MARK: The file

    @Test func aFileCarriesAwkwardTextEscapedAndEveryArgument() throws {
        var rubric = try TestRubric().load()
        rubric.title = "say \"\\(x)\"\nand \u{202E}"
        rubric.questions[0].options[0].points = ["hybrid": -0.5, "fine-tuning": 1e-5]
        let file = RubricSwiftSource.file(for: rubric)
        #expect(file.hasPrefix("// swift-format-ignore-file\n// Generated by .ci/embed-rubric from rubrics/default.json: do not edit by hand.\n"))
        #expect(file.contains(#"title: "say \"\\(x)\"\nand \u{202E}","#))
        #expect(file.contains(#"points: ["fine-tuning": 0x1.4f8b588e368f1p-17, "hybrid": -0.5],"#))
        #expect(file.hasSuffix("    }\n}\n"))
    }

    /// Every stored property of every type in the model is written as an argument, so that a
    /// property added with a default value is not left out of the generated file unnoticed.
    @Test func everyStoredPropertyOfTheModelIsAnArgument() throws {
        let rubric = BuiltInRubric.load()
        let file = RubricSwiftSource.file(for: rubric)
        let exclusion = try #require(rubric.exclusions.first { $0.later != nil })
        let choice = try #require(rubric.variants.first?.choices.first)
        let values: [Any] = [
            rubric, try #require(rubric.strategies.first), try #require(rubric.strategies.first?.caveats.first),
            try #require(rubric.questions.first), try #require(rubric.questions.first?.options.first), try #require(rubric.rules.first),
            exclusion, try #require(exclusion.later), try #require(rubric.variants.first), choice, rubric.confidence,
            try #require(rubric.properties.first), try #require(rubric.references.first), exclusion.citation, exclusion.when,
        ]
        for value in values {
            for case let label? in Mirror(reflecting: value).children.map(\.label) {
                #expect(file.contains("\(label): "), "\(type(of: value)).\(label) is not written")
            }
        }
    }
}
