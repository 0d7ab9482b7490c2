import Testing

@testable import TunewiseCLI

struct MarkdownEscapeTests {
    /// Paired backticks are the rubric's code spans and stay; a lone one, and every other
    /// character that would start formatting or break a table cell, is escaped.
    @Test func pairedBackticksStayAndEverythingElseIsEscaped() {
        #expect(MarkdownRenderer.escapeText("remove duplicates (`tunewise data` counts them)") == "remove duplicates (`tunewise data` counts them)")
        #expect(MarkdownRenderer.escapeText("a lone ` tick | *bold* [x]") == "a lone \\` tick \\| \\*bold\\* \\[x\\]")
        #expect(MarkdownRenderer.escapeText("`a` | b") == "`a` \\| b")
    }
}
