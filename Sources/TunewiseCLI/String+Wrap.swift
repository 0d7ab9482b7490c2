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
        // Read and written as UTF-8 bytes: spaces, line breaks and brackets are ASCII, and
        // a report wraps thousands of words.
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + utf8.count / 8)
        var text = self
        text.withUTF8 { bytes in
            var lineStart = 0
            while true {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                LineWrapper(line: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), width: width)
                    .write(hangingIndent: hangingIndent, to: &output)
                guard lineEnd < bytes.count else { break }
                output.append(UInt8(ascii: "\n"))
                lineStart = lineEnd + 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The columns the text takes in a terminal: a column a character, less ANSI escape
    /// sequences and the marks and format characters (accents, joiners, variation selectors)
    /// that a terminal draws over or inside the character before them.
    var visibleWidth: Int {
        if let columns = utf8.plainASCIIColumns { return columns }
        var count = 0
        var inEscape = false
        for scalar in unicodeScalars {
            if inEscape {
                inEscape = !scalar.properties.isAlphabetic
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else if scalar.isASCII {
                count += 1
            } else {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format: break
                default: count += 1
                }
            }
        }
        return count
    }
}

extension Collection<UInt8> {
    /// The columns of plain ASCII text without escape sequences, the common case: one a
    /// byte; `nil` for other bytes.
    fileprivate var plainASCIIColumns: Int? {
        allSatisfy { $0 < 0x80 && $0 != 0x1B } ? count : nil
    }
}

/// Wraps one line (without its line break), read as UTF-8 bytes; see
/// ``Swift/String/wrapped(to:hangingIndent:)``.
private struct LineWrapper {
    /// One word of the line, or one whole citation, and the spaces before it, as byte offsets.
    struct Piece {
        var gapStart: Int
        var start: Int
        var end: Int
        var gap: Int { start - gapStart }
    }

    let line: UnsafeBufferPointer<UInt8>
    let width: Int

    /// Appends the line, wrapped, to `output`.
    func write(hangingIndent: Int?, to output: inout [UInt8]) {
        guard columns(0..<line.count) > width else {
            output.append(contentsOf: line)
            return
        }
        let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
        let pieces = self.pieces(indent..<line.count)
        let margin = hangingIndent ?? hang(pieces, indent: indent)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        var currentWidth = indent
        var isEmpty = true
        // The pieces still to place, the next last.
        var stack = Array(pieces.reversed())
        while let piece = stack.popLast() {
            let size = columns(piece.start..<piece.end)
            let fits = currentWidth + (isEmpty ? 0 : piece.gap) + size <= width
            if !fits, !isEmpty {
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: margin))
                currentWidth = margin
                isEmpty = true
            }
            if currentWidth + size > width, line[piece.start..<piece.end].contains(UInt8(ascii: " ")) {
                // A citation longer than a line: wrap its words from the start of this one.
                stack += self.pieces(piece.start..<piece.end, keepingCitations: false).reversed()
                continue
            }
            if !isEmpty {
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: piece.gap))
                currentWidth += piece.gap
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: line[piece.start..<piece.end]))
            currentWidth += size
            isEmpty = false
        }
    }

    /// The columns the bytes in `range` take (see ``Swift/String/visibleWidth``).
    private func columns(_ range: Range<Int>) -> Int {
        line[range].plainASCIIColumns ?? String(decoding: line[range], as: UTF8.self).visibleWidth
    }

    /// The column continuation lines start at; see ``Swift/String/wrapped(to:hangingIndent:)``.
    private func hang(_ pieces: [Piece], indent: Int) -> Int {
        var columns: [Int] = []
        var column = indent
        for piece in pieces {
            column += piece.gap
            columns.append(column)
            column += self.columns(piece.start..<piece.end)
        }
        if let gap = pieces.indices.last(where: { $0 > 0 && pieces[$0].gap >= 2 }), columns[gap] <= width / 2 {
            return columns[gap]
        }
        if pieces.count > 1, isListMarker(pieces[0]), columns[1] <= width / 2 { return columns[1] }
        return indent
    }

    /// Whether a piece is `-`, `+`, `*` or a number followed by a full stop.
    private func isListMarker(_ piece: Piece) -> Bool {
        let text = String(decoding: line[piece.start..<piece.end], as: UTF8.self)
        return ["-", "+", "*"].contains(text) || (text.count > 1 && text.last == "." && text.dropLast().allSatisfy(\.isNumber))
    }

    /// The words of the bytes in `range` with the spaces before each; a `[…]` citation is one
    /// piece.
    private func pieces(_ range: Range<Int>, keepingCitations: Bool = true) -> [Piece] {
        let space = UInt8(ascii: " ")
        var pieces: [Piece] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let start = line[index..<range.upperBound].firstIndex { $0 != space } ?? range.upperBound
            guard start < range.upperBound else { break }
            var end = line[start..<range.upperBound].firstIndex(of: space) ?? range.upperBound
            if keepingCitations, line[start] == UInt8(ascii: "["),
                let close = line[start..<range.upperBound].firstIndex(of: UInt8(ascii: "]"))
            {
                end = line[close..<range.upperBound].firstIndex(of: space) ?? range.upperBound
            }
            pieces.append(Piece(gapStart: index, start: start, end: end))
            index = end
        }
        return pieces
    }
}
