/// A one-line editor as a state machine over the bytes a terminal sends in raw mode: no I/O
/// of its own, so that keys are tested without a terminal.
///
/// Keys: printable text is inserted at the cursor; left and right arrows (and Ctrl-B, Ctrl-F)
/// move; Home and End (and Ctrl-A, Ctrl-E) jump; Backspace deletes before the cursor, Delete
/// (and Ctrl-D on a line with text) under it; Ctrl-U and Ctrl-K delete to the start or end;
/// up and down arrows (and Ctrl-P, Ctrl-N) step through ``history``; Enter submits; Ctrl-C
/// interrupts; Ctrl-D on an empty line ends input. Other control keys and unknown escape
/// sequences are consumed whole and ignored, so no control character enters the line.
struct LineEditor {
    /// What a key did to the line.
    enum Event: Equatable {
        /// The line changed or the cursor moved, or nothing happened yet (a key in progress).
        case editing
        /// Enter: the line is complete.
        case submit(String)
        /// Ctrl-D on an empty line.
        case endOfInput
        /// Ctrl-C.
        case interrupt
    }

    /// The line being edited.
    private(set) var buffer: [Character] = []
    /// The cursor, as a position in ``buffer`` (0 is before the first character).
    private(set) var cursor = 0
    /// Earlier lines, oldest first; up arrow recalls them, newest first.
    private(set) var history: [String]
    /// Which history entry is shown (`history.count`: the line being typed).
    private var historyIndex: Int
    /// The line being typed, kept while history is browsed.
    private var draft: [Character] = []
    /// Bytes of an escape sequence or a UTF-8 character not yet complete.
    private var pending: [UInt8] = []

    /// An empty line with `history` to recall.
    init(history: [String] = []) {
        self.history = history
        historyIndex = history.count
    }

    /// The line as text.
    var text: String { String(buffer) }

    /// Takes one byte from the terminal.
    mutating func feed(_ byte: UInt8) -> Event {
        if !pending.isEmpty || byte == 0x1B { return escapeOrText(byte) }
        if byte >= 0x80 { return escapeOrText(byte) }
        switch byte {
        case 0x0D, 0x0A: return .submit(text)
        case 0x03: return .interrupt
        case 0x04:
            if buffer.isEmpty { return .endOfInput }
            deleteUnderCursor()
        case 0x01: cursor = 0
        case 0x05: cursor = buffer.count
        case 0x02: cursor = max(0, cursor - 1)
        case 0x06: cursor = min(buffer.count, cursor + 1)
        case 0x08, 0x7F:
            if cursor > 0 {
                buffer.remove(at: cursor - 1)
                cursor -= 1
            }
        case 0x0B: buffer.removeSubrange(cursor...)
        case 0x15:
            buffer.removeSubrange(..<cursor)
            cursor = 0
        case 0x10: recall(-1)
        case 0x0E: recall(1)
        case 0x20..<0x7F: insert(Character(UnicodeScalar(byte)))
        default: break
        }
        return .editing
    }

    /// Takes every byte of `bytes`, stopping at the first that ends the line.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> Event {
        for byte in bytes {
            let event = feed(byte)
            if event != .editing { return event }
        }
        return .editing
    }

    /// What redraws the line on a terminal `width` columns wide after `prompt` (which takes
    /// `promptWidth` columns): back to the line's start, the prompt, as much of the line
    /// around the cursor as fits, the rest of the row cleared, and the cursor placed.
    func rendering(prompt: String, promptWidth: Int, width: Int) -> String {
        let room = max(1, width - promptWidth - 1)
        // The window starts at the line's start, and scrolls only to keep the cursor in view.
        let first = cursor < room ? 0 : cursor - room + 1
        let end = min(buffer.count, first + room)
        let shown = String(buffer[first..<end])
        let column = promptWidth + cursor - first
        return "\r" + prompt + shown + "\u{1B}[K" + "\r" + (column > 0 ? "\u{1B}[\(column)C" : "")
    }

    private mutating func insert(_ character: Character) {
        buffer.insert(character, at: cursor)
        cursor += 1
    }

    private mutating func deleteUnderCursor() {
        if cursor < buffer.count { buffer.remove(at: cursor) }
    }

    /// Shows the history entry `step` away (-1: older), keeping the typed line as a draft.
    private mutating func recall(_ step: Int) {
        let target = historyIndex + step
        guard target >= 0, target <= history.count else { return }
        if historyIndex == history.count { draft = buffer }
        historyIndex = target
        buffer = target == history.count ? draft : Array(history[target])
        cursor = buffer.count
    }

    /// Collects an escape sequence or a multi-byte UTF-8 character and acts once it is whole.
    private mutating func escapeOrText(_ byte: UInt8) -> Event {
        pending.append(byte)
        if pending[0] == 0x1B {
            guard let key = Self.escapeKey(pending) else { return .editing }
            pending = []
            switch key {
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(buffer.count, cursor + 1)
            case .home: cursor = 0
            case .end: cursor = buffer.count
            case .delete: deleteUnderCursor()
            case .up: recall(-1)
            case .down: recall(1)
            case .ignored: break
            }
            return .editing
        }
        let expected = Self.utf8Length(pending[0])
        guard expected > 0, pending.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else {
            pending = []
            return .editing
        }
        guard pending.count == expected else { return .editing }
        let decoded = String(decoding: pending, as: UTF8.self)
        pending = []
        for character in decoded where !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            insert(character)
        }
        return .editing
    }

    /// The keys an escape sequence can be.
    private enum Key { case left, right, home, end, delete, up, down, ignored }

    /// The key `bytes` (starting with ESC) make, or `nil` while the sequence is incomplete.
    /// CSI (`ESC [ params final`) and SS3 (`ESC O final`) are read; `ESC` and any other
    /// byte (Alt with a key) is ignored.
    private static func escapeKey(_ bytes: [UInt8]) -> Key? {
        guard bytes.count >= 2 else { return nil }
        switch bytes[1] {
        case UInt8(ascii: "["):
            guard bytes.count >= 3, let last = bytes.last, (0x40...0x7E).contains(last) else {
                // Parameters and intermediates continue the sequence; anything else ends it.
                if bytes.count >= 3, let last = bytes.last, !(0x20...0x3F).contains(last) { return .ignored }
                return nil
            }
            let parameters = String(decoding: bytes[2..<(bytes.count - 1)], as: UTF8.self)
            switch (last, parameters) {
            case (UInt8(ascii: "D"), _): return .left
            case (UInt8(ascii: "C"), _): return .right
            case (UInt8(ascii: "A"), _): return .up
            case (UInt8(ascii: "B"), _): return .down
            case (UInt8(ascii: "H"), _): return .home
            case (UInt8(ascii: "F"), _): return .end
            case (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): return .home
            case (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): return .end
            case (UInt8(ascii: "~"), "3"): return .delete
            default: return .ignored
            }
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            switch bytes[2] {
            case UInt8(ascii: "D"): return .left
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "H"): return .home
            case UInt8(ascii: "F"): return .end
            default: return .ignored
            }
        default:
            return .ignored
        }
    }

    /// How many bytes a UTF-8 character starting with `lead` has; 0 for a byte that starts none.
    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }
}
