/// Wrapping text at a terminal's width, for the text renderers, help and `questions`.
extension String {
    /// Every line of the text wrapped at spaces to `width` columns, lines that fit unchanged.
    ///
    /// A line's continuations hang under its text: under the column after a gap of two or
    /// more spaces (`--answers FILE   text…`), else after a list marker (`+ `, `- `, `1. `),
    /// else at the line's own indent; a column past half the width falls back to the next
    /// rule. A word is never cut: one longer than the width has a line of its own. A
    /// `[source]` citation is kept whole on one line when it fits one, else it starts a line.
    /// ANSI escape sequences take no columns.
    /// - Parameter hangingIndent: the indent of continuation lines, in place of the above.
    func wrapped(to width: Int, hangingIndent: Int? = nil) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrappedLine(Substring($0), width: width, hangingIndent: hangingIndent) }
            .joined(separator: "\n")
    }

    /// The columns the text takes in a terminal: its characters less ANSI escape sequences.
    var visibleWidth: Int {
        // Plain ASCII, the common case, is one column a byte.
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x1B }) { return utf8.count }
        var count = 0
        var inEscape = false
        for character in self {
            if inEscape {
                inEscape = !character.isLetter
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}

/// One word of a line, or one whole citation, and the spaces before it.
private typealias Piece = (gap: Substring, text: Substring)

private func wrappedLine(_ line: Substring, width: Int, hangingIndent: Int?) -> [String] {
    guard String(line).visibleWidth > width else { return [String(line)] }
    let indent = line.prefix { $0 == " " }
    let pieces = splitPieces(line.dropFirst(indent.count))
    let margin = String(repeating: " ", count: hangingIndent ?? hang(pieces, indent: indent.count, width: width))
    var lines: [String] = []
    var current = String(indent)
    var currentWidth = indent.count
    var isEmpty = true
    var queue = pieces[...]
    while let piece = queue.popFirst() {
        let size = String(piece.text).visibleWidth
        let fits = currentWidth + (isEmpty ? 0 : piece.gap.count) + size <= width
        if !fits, !isEmpty {
            lines.append(current)
            current = margin
            currentWidth = margin.count
            isEmpty = true
        }
        if currentWidth + size > width, piece.text.contains(" ") {
            // A citation longer than a line: wrap its words from the start of this one.
            queue = splitPieces(piece.text, keepingCitations: false)[...] + queue
            continue
        }
        if !isEmpty {
            current += piece.gap
            currentWidth += piece.gap.count
        }
        current += piece.text
        currentWidth += size
        isEmpty = false
    }
    return lines + [current]
}

/// The column continuation lines start at; see ``Swift/String/wrapped(to:hangingIndent:)``.
private func hang(_ pieces: [Piece], indent: Int, width: Int) -> Int {
    var columns: [Int] = []
    var column = indent
    for piece in pieces {
        column += piece.gap.count
        columns.append(column)
        column += String(piece.text).visibleWidth
    }
    if let gap = pieces.indices.last(where: { $0 > 0 && pieces[$0].gap.count >= 2 }), columns[gap] <= width / 2 {
        return columns[gap]
    }
    if pieces.count > 1, isListMarker(pieces[0].text), columns[1] <= width / 2 { return columns[1] }
    return indent
}

/// `-`, `+`, `*` or a number followed by a full stop.
private func isListMarker(_ text: Substring) -> Bool {
    ["-", "+", "*"].contains(text) || (text.count > 1 && text.last == "." && text.dropLast().allSatisfy(\.isNumber))
}

/// The words of `text` with the spaces before each; a `[…]` citation is one piece.
private func splitPieces(_ text: Substring, keepingCitations: Bool = true) -> [Piece] {
    var pieces: [Piece] = []
    var index = text.startIndex
    while index < text.endIndex {
        let start = text[index...].firstIndex { $0 != " " } ?? text.endIndex
        guard start < text.endIndex else { break }
        var end = text[start...].firstIndex(of: " ") ?? text.endIndex
        if keepingCitations, text[start] == "[", let close = text[start...].firstIndex(of: "]") {
            end = text[close...].firstIndex(of: " ") ?? text.endIndex
        }
        pieces.append((text[index..<start], text[start..<end]))
        index = end
    }
    return pieces
}
