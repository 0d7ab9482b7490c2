/// ANSI text styles, or plain text when colour is off.
struct TextStyle: Equatable {
    /// Whether escape sequences are written.
    var isEnabled: Bool

    static let plain = TextStyle(isEnabled: false)

    /// Colour only for a terminal, and never with `--no-color`, a non-empty `NO_COLOR`
    /// (see no-color.org) or `TERM=dumb`.
    static func forStream(isTerminal: Bool, noColorFlag: Bool, environment: [String: String]) -> TextStyle {
        let disabledByEnvironment = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return TextStyle(isEnabled: isTerminal && !noColorFlag && !disabledByEnvironment)
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
