#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading one line from the terminal on standard input through a ``LineEditor``, with the
/// terminal in raw mode only while the line is read.
///
/// The terminal's settings are restored on every way out: the line submitted, end of input,
/// Ctrl-C, a read error, and (through ``TerminalModes/restore()``, which ``Signals`` calls)
/// a signal that ends the process.
enum TerminalLine {
    /// What reading a line came to.
    enum Result: Equatable {
        /// A line, submitted with Enter.
        case line(String)
        /// Ctrl-D on an empty line, or standard input closed.
        case endOfInput
        /// Ctrl-C.
        case interrupted
        /// The terminal cannot be put in raw mode: read a plain line instead.
        case unavailable
    }

    /// Shows `prompt` on standard error and reads a line from standard input, edited in place,
    /// `width` columns wide, with `history` on the up arrow.
    static func read(prompt: String, width: Int, history: [String]) -> Result {
        guard TerminalModes.enterRaw() else { return .unavailable }
        defer { TerminalModes.restore() }
        var editor = LineEditor(history: history)
        let promptWidth = prompt.visibleWidth
        var shown = ""
        func draw() {
            let drawing = editor.rendering(prompt: prompt, promptWidth: promptWidth, width: width)
            if drawing != shown { _ = writeAll(drawing, to: STDERR_FILENO) }
            shown = drawing
        }
        draw()
        var byte: UInt8 = 0
        while true {
            let count = readByte(&byte)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else {
                _ = writeAll("\n", to: STDERR_FILENO)
                return .endOfInput
            }
            switch editor.feed(byte) {
            case .editing:
                draw()
            case .submit(let line):
                _ = writeAll("\n", to: STDERR_FILENO)
                return .line(line)
            case .endOfInput:
                _ = writeAll("\n", to: STDERR_FILENO)
                return .endOfInput
            case .interrupt:
                _ = writeAll("^C\n", to: STDERR_FILENO)
                return .interrupted
            }
        }
    }
}

/// The terminal's settings as they were before raw mode, kept where a signal handler can
/// restore them.
enum TerminalModes {
    /// The settings to restore, while raw mode is on.
    nonisolated(unsafe) private static var saved = termios()
    /// Whether raw mode is on (and ``saved`` holds the settings to restore).
    nonisolated(unsafe) private static var isRaw = false

    /// Puts the terminal on standard input in raw mode: no echo, no line buffering, no
    /// signals from keys (Ctrl-C reaches the editor as a byte), no flow control. Output
    /// processing stays, so a line break still returns the cursor. `false` when it cannot.
    static func enterRaw() -> Bool {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return false }
        saved = settings
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        isRaw = true
        // TCSADRAIN keeps keys typed ahead, which TCSAFLUSH would throw away.
        guard tcsetattr(STDIN_FILENO, TCSADRAIN, &settings) == 0 else {
            isRaw = false
            return false
        }
        return true
    }

    /// Restores the settings raw mode replaced, if it is on. Only async-signal-safe calls, so
    /// that a signal handler may call it.
    static func restore() {
        guard isRaw else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        isRaw = false
    }
}

/// Reads one byte of standard input: `read(2)` under a name that ``TerminalLine/read(prompt:width:history:)`` does not hide.
private func readByte(_ byte: inout UInt8) -> Int {
    read(STDIN_FILENO, &byte, 1)
}
