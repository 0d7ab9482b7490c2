import Testing
import TunewiseKit

@testable import TunewiseCLI

/// Text wraps at the terminal's width with hanging indents, never cutting a word.
struct WrapTests {
    @Test func aLineThatFitsIsKeptAsItIs() {
        #expect("  a  b   c".wrapped(to: 10) == "  a  b   c")
        #expect("one\n\ntwo".wrapped(to: 3) == "one\n\ntwo")
    }

    @Test func wrapsAtSpacesUnderTheTextOfAListItem() {
        #expect("  + Budget: minimal. Cheap first.".wrapped(to: 20) == "  + Budget: minimal.\n    Cheap first.")
        #expect("  12. Measure a baseline now".wrapped(to: 18) == "  12. Measure a\n      baseline now")
        #expect("plain text goes on".wrapped(to: 10) == "plain text\ngoes on")
    }

    @Test func continuesUnderTheColumnAfterAGap() {
        #expect("  --all   vary every question".wrapped(to: 20) == "  --all   vary every\n          question")
        // A column past half the width falls back to the line's own indent.
        #expect("  --a-long-flag-name   vary".wrapped(to: 24) == "  --a-long-flag-name\n  vary")
    }

    @Test func neverCutsAWordLongerThanTheWidth() {
        #expect("see averyveryverylongword here".wrapped(to: 10) == "see\naveryveryverylongword\nhere")
    }

    @Test func keepsACitationWholeOrStartsItOnALine() {
        #expect("  - Cheap. [a § b]".wrapped(to: 14) == "  - Cheap.\n    [a § b]")
        #expect("Done. [source § one two three]".wrapped(to: 16) == "Done.\n[source § one\ntwo three]")
    }

    @Test func aCharacterOutsideASCIITakesOneColumnWhateverItsBytes() {
        #expect("café über café".wrapped(to: 9) == "café über\ncafé")
        #expect("  - naïve — résumé".wrapped(to: 13) == "  - naïve —\n    résumé")
        // A combining accent and a variation selector take no column of their own.
        #expect("cafe\u{301} \u{2764}\u{FE0F}".visibleWidth == 6)
    }

    @Test func anExplicitHangingIndentWins() {
        #expect("  fixed: a, b, c".wrapped(to: 14, hangingIndent: 9) == "  fixed: a, b,\n         c")
    }

    @Test func colourCodesTakeNoColumns() {
        let bold = TextStyle(isEnabled: true).bold("Budget")
        #expect("  + \(bold). Cheap.".wrapped(to: 18) == "  + \(bold). Cheap.")
        #expect("  + \(bold). Cheap.".wrapped(to: 12) == "  + \(bold).\n    Cheap.")
        #expect("\(bold) x".visibleWidth == 8)
    }

    @Test(arguments: [(["COLUMNS": "100"], 100), (["COLUMNS": "wide"], 80), (["COLUMNS": "5"], 80), ([:], 80)])
    func theWidthIsColumnsWhenValidElse80(environment: [String: String], width: Int) {
        #expect(TextStyle.width(in: environment) == width)
    }

    /// What a person reads, at 80 and 60 columns: no line is wider, but for one long word.
    @Test(arguments: [80, 60])
    func noLineOfTheReportHelpOrQuestionsExceedsTheWidth(width: Int) throws {
        var console = ScriptedConsole()
        console.environment = ["COLUMNS": "\(width)"]
        var texts: [String] = []
        let advise = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "confidential", "--budget",
            "substantial", "--time-to-market", "months", "--consistency", "critical", "--no-input", "--explain",
        ]
        for arguments in [advise, advise + ["--why-not", "hybrid"], ["questions"], ["help"]] + CommandRegistry.topics.map({ ["help", $0] }) {
            let (code, result) = run(arguments, console)
            #expect(code == .success)
            texts.append(result.output)
        }
        #expect(tooWide(texts.joined(), width).isEmpty)
    }

    @Test func columnsIsHonouredEndToEnd() throws {
        let narrow = try Binary.run(["help", "sweep"], environment: ["COLUMNS": "40"])
        #expect(narrow.code == 0)
        #expect(tooWide(narrow.stdout, 40).isEmpty)
        let wide = try Binary.run(["help", "sweep"])
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 60 })
    }

    /// The lines of `text` wider than `width` that are more than one indented word.
    private func tooWide(_ text: String, _ width: Int) -> [Substring] {
        text.split(separator: "\n").filter { $0.count > width && $0.drop { $0 == " " }.contains(" ") }
    }
}
