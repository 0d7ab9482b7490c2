import Testing

@testable import TunewiseCLI

/// The hand-written text helpers do what the Foundation methods they replace did.
struct TextTests {
    @Test(arguments: [
        ("a", "", "a"), ("a/", "", "a"), ("answers.json", "", "answers.json"), ("dir/out.json", "dir", "out.json"),
        ("/out.json", "/", "out.json"), ("a//b/", "a", "b"), ("/a/b/c.json", "/a/b", "c.json"), ("./x", ".", "x"),
        ("/", "/", "/"), ("//", "", ""), ("", "", ""),
    ])
    func splitsPathsAsNSStringDid(path: String, directory: String, name: String) {
        let parts = pathComponents(path)
        #expect(parts.directory == directory)
        #expect(parts.name == name)
    }

    @Test func trimsSpacesAndTabsButNotLineBreaks() {
        #expect(" \tfew\u{00A0}\u{3000} ".trimmingBlanks() == "few")
        #expect("\nfew ".trimmingBlanks() == "\nfew")
        #expect(" \t ".trimmingBlanks() == "")
    }

    @Test func padsWithoutCuttingLongerText() {
        #expect("ab".padded(to: 4) == "ab  ")
        #expect("+10.35".padded(to: 5) == "+10.35")
    }

    /// The tests import `_StringProcessing` (tunewise does not), so its methods are the oracle.
    @Test(arguments: [
        ("a; known: b; known: c", "; known: "), ("no separator", "; known: "), ("\n\n\nA\n\nB\n\n", "\n\n"), ("aaaa", "aa"),
        ("", "x"), ("é\u{301}x e\u{301}", "e"), ("xyx", "xyx"),
    ])
    func findsAndSplitsAtSeparatorsAsStringProcessingDoes(text: String, separator: String) {
        #expect(text.occurrences(of: separator) == text.ranges(of: separator))
        #expect(text.split(at: separator) == text.split(separator: separator))
        #expect(text.split(at: separator, maxSplits: 1) == text.split(separator: separator, maxSplits: 1))
        #expect(
            text.split(at: separator, omittingEmptySubsequences: false) == text.split(separator: separator, omittingEmptySubsequences: false))
    }

    @Test func splitsAtTheFirstSeparatorOnlyWhenAsked() {
        #expect("a; expected b; expected c".split(at: "; expected ", maxSplits: 1) == ["a", "b; expected c"])
        #expect("\n\nA\n\n\n\nB".split(at: "\n\n") == ["A", "B"])
    }

    @Test func quotesForTheShell() {
        #expect(shellQuoted("rubric.json") == "rubric.json")
        #expect(shellQuoted("my rubric's.json") == #"'my rubric'\''s.json'"#)
        #expect(shellQuoted("") == "''")
    }
}
