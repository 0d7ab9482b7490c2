import Testing

@testable import TunewiseCLI

/// Text a person typed is quoted back with its control characters visible.
struct VisibleControlsTests {
    @Test(arguments: [
        ("\u{1B}[D", "^[[D"), ("a\tb", "a^Ib"), ("\u{7F}", "^?"), ("\u{00}", "^@"), ("\u{85}", "\\u{85}"), ("café ok", "café ok"),
    ])
    func showsControlCharactersAsPlainText(typed: String, shown: String) {
        #expect(typed.visibleControls == shown)
        #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func aReaskQuotesAnArrowKeyVisibly() {
        let lines = ["\u{1B}[Dknowledge", "knowledge", "few", "static", "open", "minimal", "days", "flexible", "n", ""]
        let (code, result) = run(["--interactive"], ScriptedConsole(lines: lines))
        #expect(code == .success)
        #expect(result.errors.contains("'^[[Dknowledge' is not an option"))
        #expect(!result.errors.contains("\u{1B}"), "no raw escape reaches standard error")
    }
}
