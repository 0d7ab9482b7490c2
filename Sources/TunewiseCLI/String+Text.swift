/// Small text operations written out by hand.
///
/// The command layer does not import Foundation, whose loading slows every start (see the
/// README's "Speed and the release build"), and whose `NSString` methods link ICU and its
/// data, about 50 MB, into a binary built with the Swift standard library linked statically.
/// These do what `padding(toLength:withPad:startingAt:)`, `trimmingCharacters(in:)`,
/// `replacingOccurrences(of:with:)` and the `NSString` path methods would, for the text
/// `tunewise` handles, with the standard library alone.
extension String {
    /// The text followed by spaces up to `width` characters; longer text is kept whole.
    func padded(to width: Int) -> String {
        let count = self.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text without spaces and tabs at either end: the scalars that
    /// `CharacterSet.whitespaces` holds (general category Zs, U+0009 and U+200B).
    func trimmingBlanks() -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Where `separator` occurs, left to right and not overlapping, compared character by
    /// character: what `_StringProcessing`'s `ranges(of:)` gives, without loading that library.
    func occurrences(of separator: String) -> [Range<Index>] {
        guard !separator.isEmpty else { return [] }
        var found: [Range<Index>] = []
        var position = startIndex
        while position < endIndex {
            if self[position...].starts(with: separator) {
                let end = index(position, offsetBy: separator.count)
                found.append(position..<end)
                position = end
            } else {
                formIndex(after: &position)
            }
        }
        return found
    }

    /// The pieces between the occurrences of `separator`, split at most `maxSplits` times
    /// (an empty piece left out is no split), empty pieces left out unless
    /// `omittingEmptySubsequences` is false: what `split(separator:maxSplits:omittingEmptySubsequences:)`
    /// gives for a string separator.
    func split(at separator: String, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        var pieces: [Substring] = []
        var start = startIndex
        for range in occurrences(of: separator) where pieces.count < maxSplits {
            if start < range.lowerBound || !omittingEmptySubsequences { pieces.append(self[start..<range.lowerBound]) }
            start = range.upperBound
        }
        if start < endIndex || !omittingEmptySubsequences { pieces.append(self[start...]) }
        return pieces
    }
}

/// The directory and the file name of `path`, as `NSString`'s `deletingLastPathComponent`
/// and `lastPathComponent` give them: repeated slashes count as one and a trailing slash
/// is ignored; the directory of a bare name is empty, of a name in the root `/`.
/// (Those methods crash on a one-letter name such as `a`; this does not.)
func pathComponents(_ path: String) -> (directory: String, name: String) {
    var fixed = String.UnicodeScalarView()
    for scalar in path.unicodeScalars where !(scalar == "/" && fixed.last == "/") {
        fixed.append(scalar)
    }
    if fixed.count > 1, fixed.last == "/" { fixed.removeLast() }
    // `//` and longer runs of slashes alone give nothing, as in NSString; `/` is the root.
    if path.unicodeScalars.count > 1, String(fixed) == "/" { return ("", "") }
    let text = String(fixed)
    guard text != "/", let slash = fixed.lastIndex(of: "/") else { return (text == "/" ? "/" : "", text) }
    let name = String(fixed[fixed.index(after: slash)...])
    return (slash == fixed.startIndex ? "/" : String(fixed[..<slash]), name)
}

/// `rows` in columns two spaces apart, each as wide as its widest cell; the columns in
/// `rightAligned` are padded on the left. Trailing spaces are trimmed.
func columns(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
    let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
        rows.map { column < $0.count ? $0[column].count : 0 }.max()!
    }
    return rows.map { row in
        let cells = row.enumerated().map { column, cell in
            let padding = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? padding + cell : cell + padding
        }
        return String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }
}
