/// Finds what looks like personal data in a text: e-mail addresses, phone numbers, card
/// numbers that pass the Luhn check, IBANs whose check digits are right, US social security
/// numbers, IPv4 addresses, and secrets (``SecretShape``). Hints, not proof: a test number or
/// a made-up address counts.
enum PersonalDataScanner {
    /// The kinds found in `text`, as bits by ``PersonalDataKind/ordinal``.
    static func kinds(in text: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var found: UInt8 = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if found & bit(.secret) == 0, SecretShape.starts(at: index, in: text) {
                found |= bit(.secret)
            }
            if byte == UInt8(ascii: "@"), hasEmail(around: index, in: text) {
                found |= bit(.email)
            } else if isDigit(byte) || (byte == UInt8(ascii: "(") && index + 1 < text.count && isDigit(text[index + 1])),
                index == 0 || !isAlphanumeric(text[index - 1])
            {
                let run = NumberRun(text, from: index)
                if let kind = run.kind { found |= bit(kind) }
                index = run.end
                continue
            } else if isUpper(byte), index == 0 || !isAlphanumeric(text[index - 1]), let (end, isValid) = ibanShape(at: index, in: text) {
                // Its digits are not a phone or card number, whether its check digits are right or not.
                if isValid { found |= bit(.iban) }
                index = end
                continue
            }
            index += 1
        }
        return found
    }

    static func bit(_ kind: PersonalDataKind) -> UInt8 { 1 << UInt8(kind.ordinal) }

    private static func hasEmail(around at: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = at
        while start > 0, isLocalPartByte(text[start - 1]) { start -= 1 }
        guard start < at else { return false }
        // The user of a URL (`https://user@host/…`, `redis://:pw@host`) is not an address; a
        // `mailto:` link's is.
        let isMailto = start >= 7 && text[(start - 7)..<start].elementsEqual("mailto:".utf8)
        if start >= 1, text[start - 1] == UInt8(ascii: ":") || text[start - 1] == UInt8(ascii: "/"), !isMailto { return false }
        var end = at + 1
        while end < text.count, isAlphanumeric(text[end]) || text[end] == UInt8(ascii: "-") || text[end] == UInt8(ascii: ".") {
            end += 1
        }
        while end > at + 1, text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-") { end -= 1 }
        guard let lastDot = text[(at + 1)..<end].lastIndex(of: UInt8(ascii: ".")), lastDot > at + 1 else { return false }
        let topLevel = text[(lastDot + 1)..<end]
        // An asset's name (`logo@2x.png`) or an SSH remote (`git@github.com:org/repo`) is no address.
        let fileTypes = ["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "pdf", "css", "js"].map { Array($0.utf8) }
        if fileTypes.contains(where: { topLevel.elementsEqual($0) }) { return false }
        if end < text.count, text[end] == UInt8(ascii: ":"), text[start..<at].elementsEqual("git".utf8) { return false }
        return topLevel.count >= 2 && topLevel.allSatisfy { isUpper($0) || isLower($0) }
            && !text[(at + 1)..<end].indices.contains { text[$0] == UInt8(ascii: ".") && text[$0 - 1] == UInt8(ascii: ".") }
    }

    /// Where text shaped like an IBAN ends (a country code, two check digits and up to 30
    /// letters and digits, optionally in groups of four), and whether it is one: its remainder
    /// by 97 (letters as 10 to 35, the first four characters moved last) is 1.
    private static func ibanShape(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> (end: Int, isValid: Bool)? {
        guard start + 15 <= text.count, isUpper(text[start + 1]), isDigit(text[start + 2]), isDigit(text[start + 3]) else { return nil }
        var characters: [UInt8] = []
        var index = start
        while index < text.count, characters.count < 34 {
            let byte = text[index]
            if isUpper(byte) || isDigit(byte) {
                characters.append(byte)
            } else if byte == UInt8(ascii: " "), index + 1 < text.count, isUpper(text[index + 1]) || isDigit(text[index + 1]) {
                // A space between groups.
            } else {
                break
            }
            index += 1
        }
        guard characters.count >= 15, index == text.count || !isAlphanumeric(text[index]) else { return nil }
        var remainder = 0
        for byte in characters[4...] + characters[..<4] {
            let value = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "A")) + 10
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
        }
        return (index, remainder == 1)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    static func isUpper(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
    static func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || isLower(byte) }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}

/// A run of digits with single separators between groups (`+1 (555) 123-4567`,
/// `4111 1111 1111 1111`, `10.0.0.1`), and what it looks like.
struct NumberRun {
    /// Where the run ends in the text.
    private(set) var end: Int
    private var digits: [UInt8] = []
    private var groups: [Int] = [0]
    private var separators: Set<UInt8> = []
    /// The separator after the first group, if any.
    private var firstSeparator: UInt8?
    private let hasPlus: Bool

    init(_ text: UnsafeBufferPointer<UInt8>, from start: Int) {
        hasPlus = start > 0 && text[start - 1] == UInt8(ascii: "+")
        followsVersionWord = Self.followsVersionWord(text, start: start)
        var index = start
        while index < text.count {
            let byte = text[index]
            if PersonalDataScanner.isDigit(byte) {
                digits.append(byte - UInt8(ascii: "0"))
                groups[groups.count - 1] += 1
                index += 1
                continue
            }
            // Up to two separators (") " or " (") between digits.
            var next = index
            while next < text.count, next - index < 2, Self.separatorBytes.contains(text[next]) { next += 1 }
            guard next > index, next < text.count, PersonalDataScanner.isDigit(text[next]) || text[next] == UInt8(ascii: "(") else {
                break
            }
            for separator in text[index..<next] { separators.insert(separator) }
            if firstSeparator == nil { firstSeparator = text[index] }
            if groups[groups.count - 1] > 0 { groups.append(0) }
            index = next
        }
        end = index
        isPartOfLongerToken = end < text.count && PersonalDataScanner.isAlphanumeric(text[end])
    }

    /// Whether a letter or digit follows the run, so that it is part of a longer token, such as an id.
    private var isPartOfLongerToken = false
    /// Whether the run follows a word that names a version (`version 10.2.0.4`, `build 22.04.3.1`).
    private let followsVersionWord: Bool

    /// The words before a number that make it a version rather than an address.
    private static let versionWords: [[UInt8]] = ["version", "ver", "build", "release", "firmware", "kernel", "v"].map { Array($0.utf8) }

    /// Whether the word before `start`, past spaces and a colon, is one of ``versionWords``,
    /// in any case.
    private static func followsVersionWord(_ text: UnsafeBufferPointer<UInt8>, start: Int) -> Bool {
        var end = start
        while end > 0, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: ":") { end -= 1 }
        guard end < start else { return false }
        var wordStart = end
        while wordStart > 0, end - wordStart < 8, PersonalDataScanner.isAlphanumeric(text[wordStart - 1]) { wordStart -= 1 }
        let word = text[wordStart..<end].map { PersonalDataScanner.isUpper($0) ? $0 | 0x20 : $0 }
        return versionWords.contains(word)
    }

    private static let separatorBytes: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")")]

    /// The kind of personal data the run looks like, if any.
    var kind: PersonalDataKind? {
        guard !isPartOfLongerToken else { return nil }
        let count = digits.count
        if separators == [UInt8(ascii: ".")], groups.count == 4, groups.allSatisfy({ (1...3).contains($0) }), isIPv4 {
            return followsVersionWord || isPrivateOrMask ? nil : .ipAddress
        }
        if separators == [UInt8(ascii: "-")], groups == [3, 2, 4] { return isIssuableSSN ? .ssn : nil }
        // An ISBN-13 may pass the Luhn check too; no card number starts 978 or 979 with an ISBN's check digit.
        if (13...19).contains(count), separators.isSubset(of: [UInt8(ascii: " "), UInt8(ascii: "-")]), passesLuhn, !isISBN13 {
            return .cardNumber
        }
        // Dotted groups are a phone number's only when each has two digits or more (`555.123.4567`,
        // not a version's `10.0.19045.3803`).
        let isDottedVersion = separators == [UInt8(ascii: ".")] && groups.contains { $0 < 2 }
        let looksDialled = hasPlus || (groups.count >= 2 && separators != [UInt8(ascii: ".")]) || (groups.count >= 3 && !isDottedVersion)
        if (10...15).contains(count), looksDialled, !hasPlus, startsWithDate || isISBN13 { return nil }
        if (10...15).contains(count), looksDialled { return .phone }
        return nil
    }

    /// Whether the run starts with a date (`2024-03-01`): a year from 1900 to 2099, then a
    /// month, as a log's timestamp does.
    private var startsWithDate: Bool {
        guard groups.count >= 3, groups[0] == 4, groups[1] <= 2, firstSeparator == UInt8(ascii: "-") else { return false }
        let year = digits[0..<4].reduce(0) { $0 * 10 + Int($1) }
        let month = digits[4..<(4 + groups[1])].reduce(0) { $0 * 10 + Int($1) }
        return (1900...2099).contains(year) && (1...12).contains(month)
    }

    /// Whether the run is an ISBN-13 (`978-3-16-148410-0`): 978 or 979, and its check digit right.
    private var isISBN13: Bool {
        guard digits.count == 13, digits[0] == 9, digits[1] == 7, digits[2] == 8 || digits[2] == 9 else { return false }
        let sum = digits.enumerated().reduce(0) { $0 + Int($1.element) * ($1.offset % 2 == 0 ? 1 : 3) }
        return sum % 10 == 0
    }

    /// Whether a dotted quad is an address no person is found by: private (10/8, 172.16/12,
    /// 192.168/16), loopback, link-local or unspecified, or a netmask (255.…).
    private var isPrivateOrMask: Bool {
        var octets: [Int] = []
        var offset = 0
        for group in groups {
            octets.append(digits[offset..<(offset + group)].reduce(0) { $0 * 10 + Int($1) })
            offset += group
        }
        switch (octets[0], octets[1]) {
        case (10, _), (127, _), (0, _), (255, _), (172, 16...31), (192, 168), (169, 254): return true
        default: return false
        }
    }

    /// Whether a number written as an SSN could be one: its area is not 000, 666 or 900 and
    /// above, its group not 00 and its serial not 0000.
    private var isIssuableSSN: Bool {
        let area = digits[0..<3].reduce(0) { $0 * 10 + Int($1) }
        let group = digits[3..<5].reduce(0) { $0 * 10 + Int($1) }
        let serial = digits[5..<9].reduce(0) { $0 * 10 + Int($1) }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    private var isIPv4: Bool {
        var offset = 0
        for group in groups {
            let value = digits[offset..<(offset + group)].reduce(0) { $0 * 10 + Int($1) }
            if value > 255 { return false }
            offset += group
        }
        return true
    }

    private var passesLuhn: Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let value = Int(digit) * (position % 2 == 1 ? 2 : 1)
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}

/// The shapes of secrets that training data must not hold: keys and tokens with a provider's
/// known prefix and enough random characters after it, JSON Web Tokens, private keys in PEM,
/// and a password written in a URL (`postgres://user:password@host`).
enum SecretShape {
    /// Prefixes and how many key characters (letters, digits, `_` and `-`) must follow.
    private static let prefixes: [(prefix: [UInt8], minimum: Int)] = [
        ("sk-", 20), ("sk_live_", 20), ("rk_live_", 20), ("AKIA", 16), ("ASIA", 16), ("ghp_", 30), ("gho_", 30), ("ghu_", 30),
        ("ghs_", 30), ("ghr_", 30), ("github_pat_", 20), ("xoxb-", 10), ("xoxp-", 10), ("xoxa-", 10), ("xoxr-", 10),
        ("xoxs-", 10), ("AIza", 30), ("hf_", 30), ("hooks.slack.com/services/T", 8), ("-----BEGIN", 0),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Whether a secret starts at `start` in `text`: a key or token where a word starts, or
    /// the `://` of a URL with a password.
    static func starts(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[start]
        if byte == UInt8(ascii: ":") { return isPasswordInURL(at: start, in: text) }
        guard
            byte == UInt8(ascii: "s") || byte == UInt8(ascii: "r") || byte == UInt8(ascii: "A") || byte == UInt8(ascii: "g")
                || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "h"),
            start == 0 || !isKeyByte(text[start - 1])
        else { return false }
        for (prefix, minimum) in prefixes where text[start...].starts(with: prefix) {
            let end = start + prefix.count
            if minimum == 0 { return isPrivateKey(after: end, in: text) }
            // AWS's documented example key is no secret.
            if keyLength(from: end, in: text) >= minimum, !text[start...].starts(with: Array("AKIAIOSFODNN7EXAMPLE".utf8)) { return true }
        }
        return byte == UInt8(ascii: "e") && isJSONWebToken(at: start, in: text)
    }

    /// Whether `byte` can be part of a key: a letter, a digit, `_` or `-`.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        PersonalDataScanner.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func keyLength(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = start
        while end < text.count, isKeyByte(text[end]) { end += 1 }
        return end - start
    }

    /// `-----BEGIN … PRIVATE KEY-----`: the label's words within the line.
    private static func isPrivateKey(after start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let label = text[start..<min(text.count, start + 40)]
        let marker = Array("PRIVATE KEY-----".utf8)
        return label.indices.contains { label[$0...].starts(with: marker) }
    }

    /// Three dot-separated base64url parts, the first two opening a JSON object (`eyJ`).
    private static func isJSONWebToken(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = start
        for part in 0..<3 {
            if part < 2, !text[position...].starts(with: Array("eyJ".utf8)) { return false }
            let length = keyLength(from: position, in: text)
            guard length >= 10 else { return false }
            position += length
            if part < 2 {
                guard position < text.count, text[position] == UInt8(ascii: ".") else { return false }
                position += 1
            }
        }
        return true
    }

    /// `://user:password@`: a scheme before, then a user and a password with no `/` or space.
    private static func isPasswordInURL(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text[start...].starts(with: Array("://".utf8)), start > 0, PersonalDataScanner.isLower(text[start - 1]) else { return false }
        var position = start + 3
        // The user may be empty (`redis://:password@host`).
        while position < text.count, isKeyByte(text[position]) || text[position] == UInt8(ascii: ".") { position += 1 }
        guard position < text.count, text[position] == UInt8(ascii: ":") else { return false }
        position += 1
        let passwordStart = position
        while position < text.count, text[position] > 0x20, text[position] != UInt8(ascii: "/"), text[position] != UInt8(ascii: "@") { position += 1 }
        guard position > passwordStart, position < text.count, text[position] == UInt8(ascii: "@") else { return false }
        // A placeholder (`${DB_PASSWORD}`, `<password>`, `password`) is no secret.
        let password = text[passwordStart..<position]
        let placeholders = ["password", "pass", "passwd", "secret", "changeme"].map { Array($0.utf8) }
        return ![UInt8(ascii: "$"), UInt8(ascii: "{"), UInt8(ascii: "<"), UInt8(ascii: "*")].contains(password.first!)
            && !placeholders.contains { password.elementsEqual($0) }
    }
}
