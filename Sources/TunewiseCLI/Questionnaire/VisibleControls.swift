/// Control characters shown as plain characters, so that text a person typed can be quoted
/// back without moving the cursor or changing colours.
extension String {
    /// The text with each control character written visibly: C0 controls and DEL in caret
    /// notation (`ESC [ D`, the left arrow, is `^[[D`; a tab is `^I`; DEL is `^?`), and C1
    /// controls as `\u{85}`. Everything else is unchanged.
    var visibleControls: String {
        var shown = ""
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20: shown += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: shown += "^?"
            case 0x80..<0xA0: shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
