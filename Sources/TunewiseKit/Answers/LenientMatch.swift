/// How a word a person typed names one of a list of ids, as forgiving as a prompt: any case,
/// British or American spelling, `_` for `-`, an unambiguous prefix and, where a list is
/// numbered, its number. The result is always one of the ids as listed.
///
/// ```swift
/// LenientMatch.match("Behaviour", in: ["knowledge", "behavior", "both"])  // .id("behavior")
/// LenientMatch.match("b", in: ["knowledge", "behavior", "both"])          // .ambiguous(["behavior", "both"])
/// LenientMatch.match("2", in: ["knowledge", "behavior", "both"], numbered: true)  // .id("behavior")
/// ```
public enum LenientMatch: Equatable, Sendable {
    /// The one id the word names.
    case id(String)
    /// The word begins more than one id: these, in list order.
    case ambiguous([String])
    /// The word names no id.
    case none

    /// What `word` names among `ids`: an id equal to it once folded, else the one id it is
    /// a prefix of; with `numbered`, a number from 1 names the id in that place.
    public static func match(_ word: String, in ids: [String], numbered: Bool = false) -> LenientMatch {
        // An id as it is, the common case, needs no folding.
        if ids.contains(word) { return .id(word) }
        let typed = folded(word)
        guard !typed.isEmpty else { return .none }
        if numbered, let number = Int(typed) {
            // Compared before subtracting, which would overflow for the lowest Int.
            return number >= 1 && number <= ids.count ? .id(ids[number - 1]) : .none
        }
        if let exact = ids.first(where: { folded($0) == typed }) { return .id(exact) }
        let prefixed = ids.filter { folded($0).hasPrefix(typed) }
        switch prefixed.count {
        case 0: return .none
        case 1: return .id(prefixed[0])
        default: return .ambiguous(prefixed)
        }
    }

    /// `word` compared as a person means it: trimmed, lower case, `_` and spaces as `-`,
    /// and British spellings as American ones (`behaviour`, `specialisation`, `customise`).
    /// Ids are folded the same way, so two ids of one list must differ once folded.
    public static func folded(_ word: String) -> String {
        let trimmed = String(word.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        var text = String(trimmed.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        for (british, american) in spellings { text = text.replacingAll(british, with: american) }
        return text
    }

    /// Spelling pairs, longest first: `isation` before `ise`.
    private static let spellings = [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("our", "or")]
}

extension String {
    /// The string with every occurrence of `target` replaced by `replacement`, left to right.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                result += replacement.utf8
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
