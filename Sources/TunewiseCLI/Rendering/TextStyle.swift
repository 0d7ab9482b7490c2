/// ANSI text styles, or plain text when colour is off, and the width text wraps to.
struct TextStyle: Equatable {
    /// Whether escape sequences are written.
    var isEnabled: Bool
    /// The columns text wraps to.
    var width = defaultWidth

    /// The columns assumed when nothing says how wide the terminal is.
    static let defaultWidth = 80

    static let plain = TextStyle(isEnabled: false)

    /// Colour only for a terminal, and never with `--no-color`, a non-empty `NO_COLOR`
    /// (see no-color.org) or `TERM=dumb`; the width from ``width(in:)``.
    static func forStream(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> TextStyle {
        TextStyle(isEnabled: isTerminal && !isPlainRequested(noColorFlag: noColorFlag, environment: environment), width: width(in: environment))
    }

    /// Whether plain text was asked for, whatever the stream: `--no-color`, a non-empty
    /// `NO_COLOR` (see no-color.org) or `TERM=dumb`.
    static func isPlainRequested(noColorFlag: Bool, environment: [String: String]) -> Bool {
        noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
    }

    /// `COLUMNS` when it is a whole number of at least 20, else 80. (``SystemConsole`` sets
    /// `COLUMNS` from the terminal when it is unset and standard output is one.)
    static func width(in environment: [String: String]) -> Int {
        environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 >= 20 ? $0 : nil } ?? defaultWidth
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
