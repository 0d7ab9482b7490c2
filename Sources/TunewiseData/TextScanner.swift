/// One pass over an example's texts that estimates their tokens, splits them into words for
/// the SimHash fingerprint, and notes whether they may hold personal data.
///
/// The token estimate imitates a byte-pair tokenizer such as cl100k: a common word with its
/// leading space is one token and a long one a few more, digits go in threes, punctuation is
/// about a token a mark, a run of line breaks is one, and text outside ASCII costs by the
/// script (see ``TokenCosts``).
struct TextScanner {
    /// The estimate so far, in sixteenths of a token.
    private(set) var tokenSixteenths = 0
    /// Words seen, a word being a run of letters, digits and non-ASCII characters.
    private(set) var wordCount = 0
    private var simHash = SimHashAccumulator()
    private var previousWords: (UInt64, UInt64) = (0, 0)

    /// The estimated tokens, rounded to the nearest.
    var estimatedTokens: Int { (tokenSixteenths + 8) / 16 }

    /// The SimHash of the words' three-word shingles.
    mutating func fingerprint() -> UInt64 { simHash.fingerprint() }

    /// Scans one text's UTF-8 bytes; returns whether it may hold personal data (it has an `@`
    /// or seven digits), which ``PersonalDataScanner`` then looks for.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let classes = ByteClass.table
        var units = 0
        var letters = 0
        var digits = 0
        var wordHash = Hashing.fnvBasis
        var inWord = false
        var previous = ByteClass.space
        var totalDigits = 0
        var sawAt = false
        for byte in text {
            let byteClass = classes[Int(byte)]
            switch byteClass {
            case .letter, .digit, .lead2, .lead3, .lead4, .continuation:
                inWord = true
                wordHash = (wordHash ^ UInt64(byte | (byteClass == .letter ? 0x20 : 0))) &* Hashing.fnvPrime
                switch byteClass {
                case .letter: letters += 1
                case .digit: digits += 1
                case .lead2: units += TokenCosts.twoByteCharacter
                case .lead3: units += TokenCosts.threeByteCharacter
                case .lead4: units += TokenCosts.fourByteCharacter
                default: break
                }
            default:
                if inWord {
                    units += TokenCosts.word(letters: letters) + TokenCosts.digits(digits)
                    totalDigits += digits
                    endWord(wordHash)
                    (inWord, letters, digits, wordHash) = (false, 0, 0, Hashing.fnvBasis)
                }
                switch byteClass {
                case .space: if previous == .space { units += TokenCosts.extraSpace }
                case .lineBreak: if previous != .lineBreak { units += TokenCosts.lineBreaks }
                case .at:
                    sawAt = true
                    units += TokenCosts.punctuation
                default: units += previous == .punctuation ? TokenCosts.followingPunctuation : TokenCosts.punctuation
                }
            }
            previous = byteClass
        }
        if inWord {
            units += TokenCosts.word(letters: letters) + TokenCosts.digits(digits)
            totalDigits += digits
            endWord(wordHash)
        }
        tokenSixteenths += units
        return sawAt || totalDigits >= 7
    }

    /// Adds a fixed cost, such as a message's framing, in whole tokens.
    mutating func addTokens(_ tokens: Int) { tokenSixteenths += tokens * 16 }

    private mutating func endWord(_ hash: UInt64) {
        wordCount += 1
        simHash.add(Hashing.shingle(previousWords.0, previousWords.1, hash))
        previousWords = (previousWords.1, hash)
    }
}

/// What a byte is to the token estimate and the word splitter.
enum ByteClass: UInt8 {
    case letter, digit, space, lineBreak, punctuation, at, lead2, lead3, lead4, continuation

    /// The class of every byte value.
    static let table: [ByteClass] = (0...255).map { (value: Int) -> ByteClass in
        switch value {
        case 0x41...0x5A, 0x61...0x7A: .letter
        case 0x30...0x39: .digit
        case 0x20: .space
        case 0x09, 0x0A, 0x0D: .lineBreak
        case 0x40: .at
        case 0x80...0xBF: .continuation
        case 0xC0...0xDF: .lead2
        case 0xE0...0xEF: .lead3
        case 0xF0...0xFF: .lead4
        default: .punctuation
        }
    }
}

/// The token estimate's costs, in sixteenths of a token, fitted against cl100k (see
/// `.ci/token-estimate/measure.py`).
enum TokenCosts {
    /// A character of two UTF-8 bytes: accented Latin, Greek, Cyrillic, Hebrew, Arabic.
    static let twoByteCharacter = 8
    /// A character of three UTF-8 bytes: Chinese, Japanese, Korean, Indic scripts.
    static let threeByteCharacter = 19
    /// A character of four UTF-8 bytes: emoji and rare scripts.
    static let fourByteCharacter = 32
    static let punctuation = 16
    /// A punctuation mark right after another, which often shares its token.
    static let followingPunctuation = 10
    /// A space after a space (a single space joins the next word's token).
    static let extraSpace = 8
    /// A run of line breaks and tabs.
    static let lineBreaks = 16

    /// The cost of a word's ASCII letters: one token up to seven letters, then about one more
    /// each four.
    @inline(__always)
    static func word(letters: Int) -> Int {
        letters == 0 ? 0 : (letters <= 7 ? 16 : 16 + (letters - 7) * 4)
    }

    /// The cost of a word's digits: cl100k splits numbers into groups of up to three.
    @inline(__always)
    static func digits(_ count: Int) -> Int { (count + 2) / 3 * 16 }
}
