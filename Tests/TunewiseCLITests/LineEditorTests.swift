import Testing

@testable import TunewiseCLI

/// The line editor's keys, as bytes a terminal sends in raw mode, and what it draws.
struct LineEditorTests {
    /// The editor after `keys`, and the last event.
    func typed(_ keys: String, history: [String] = []) -> (editor: LineEditor, event: LineEditor.Event) {
        var editor = LineEditor(history: history)
        let event = editor.feed(Array(keys.utf8))
        return (editor, event)
    }

    @Test func typesAndSubmitsALine() {
        let (editor, event) = typed("few\r")
        #expect(event == .submit("few"))
        #expect(editor.cursor == 3)
        #expect(typed("few\n").event == .submit("few"))
    }

    @Test func leftArrowThenACharacterInsertsMidLine() {
        // "knowlege", two left arrows, "d": the arrow's escape sequence never enters the line.
        let (editor, event) = typed("knowlege\u{1B}[D\u{1B}[Dd")
        #expect(event == .editing)
        #expect(editor.text == "knowledge")
        #expect(editor.cursor == 7)
        // The application-mode arrows (ESC O D) move the same way.
        #expect(typed("ab\u{1B}ODx").editor.text == "axb")
    }

    @Test func backspaceAndDeleteAtTheCursor() {
        #expect(typed("abc\u{7F}").editor.text == "ab")
        #expect(typed("abc\u{08}").editor.text == "ab")
        // Home, then Delete (ESC [ 3 ~) removes the first character.
        #expect(typed("abc\u{1B}[H\u{1B}[3~").editor.text == "bc")
        // Ctrl-D on a line with text deletes under the cursor, as Delete does.
        #expect(typed("abc\u{01}\u{04}").editor.text == "bc")
        // Backspace at the start does nothing.
        #expect(typed("abc\u{01}\u{7F}").editor.text == "abc")
    }

    @Test func homeAndEndJump() {
        #expect(typed("bc\u{01}a").editor.text == "abc")
        #expect(typed("bc\u{1B}[1~a\u{05}d").editor.text == "abcd")
        #expect(typed("bc\u{1B}[Ha\u{1B}[Fd").editor.text == "abcd")
        #expect(typed("bc\u{1B}OHa\u{1B}[4~d").editor.text == "abcd")
        #expect(typed("ab\u{1B}[H").editor.cursor == 0)
    }

    @Test func ctrlUAndCtrlKDeleteToTheStartOrEnd() {
        #expect(typed("abcd\u{1B}[D\u{1B}[D\u{15}").editor.text == "cd")
        #expect(typed("abcd\u{1B}[D\u{1B}[D\u{0B}").editor.text == "ab")
    }

    @Test func upAndDownRecallThisRunsAnswers() {
        let history = ["knowledge", "few"]
        #expect(typed("\u{1B}[A", history: history).editor.text == "few")
        #expect(typed("\u{1B}[A\u{1B}[A", history: history).editor.text == "knowledge")
        #expect(typed("\u{1B}[A\u{1B}[A\u{1B}[A", history: history).editor.text == "knowledge", "stops at the oldest")
        // Down past the newest returns to the line being typed.
        #expect(typed("dra\u{1B}[A\u{1B}[B", history: history).editor.text == "dra")
        #expect(typed("\u{10}\u{10}\u{0E}\r", history: history).event == .submit("few"))
    }

    @Test func ctrlCInterruptsAndCtrlDOnAnEmptyLineEndsInput() {
        #expect(typed("abc\u{03}").event == .interrupt)
        #expect(typed("\u{04}").event == .endOfInput)
        #expect(typed("a\u{7F}\u{04}").event == .endOfInput)
    }

    @Test func controlKeysAndUnknownSequencesNeverEnterTheLine() {
        // Tab, Ctrl-G, F5 (ESC [ 1 5 ~), Ctrl-right (ESC [ 1 ; 5 C), Alt-x (ESC x), F1 (ESC O P).
        let (editor, _) = typed("a\t\u{07}\u{1B}[15~b\u{1B}[1;5C\u{1B}xc\u{1B}OPd")
        #expect(editor.text == "abcd")
        #expect(!editor.text.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func readsUTF8Characters() {
        let (editor, _) = typed("café\u{1B}[Dx")
        #expect(editor.text == "cafxé")
        // A stray continuation byte is dropped.
        var stray = LineEditor()
        _ = stray.feed(Array("a".utf8) + [0x80] + Array("b".utf8))
        #expect(stray.text == "ab")
    }

    @Test func drawsThePromptTheLineAndPlacesTheCursor() {
        let (editor, _) = typed("fw\u{1B}[D")
        let drawing = editor.rendering(prompt: "> data-volume: ", promptWidth: 15, width: 80)
        #expect(drawing == "\r> data-volume: fw\u{1B}[K\r\u{1B}[16C")
    }

    @Test func aLineWiderThanTheTerminalScrollsToKeepTheCursorInView() {
        let long = String(repeating: "abcdefghij", count: 10)
        let (editor, _) = typed(long)
        let drawing = editor.rendering(prompt: "> q: ", promptWidth: 5, width: 40)
        // The row holds the prompt, 34 characters ending at the cursor, and one free column.
        #expect(drawing.hasPrefix("\r> q: " + String(long.suffix(33)) + "\u{1B}[K"))
        #expect(drawing.hasSuffix("\r\u{1B}[38C"))
        let home = typed(long + "\u{01}").editor.rendering(prompt: "> q: ", promptWidth: 5, width: 40)
        #expect(home == "\r> q: " + String(long.prefix(34)) + "\u{1B}[K\r\u{1B}[5C")
    }
}
