import Testing

@testable import TunewiseData

/// The output checks that run on every example's answer read its bytes in place; they agree
/// with the plain slice comparisons they replaced on generated outputs.
struct OutputShapeTests {
    /// ``JSONLineScanner/hasUnfinishedReasoning(_:answer:)`` as a plain slice comparison.
    static func referenceHasUnfinishedReasoning(_ text: UnsafeBufferPointer<UInt8>, answer: UnsafeBufferPointer<UInt8>?) -> Bool {
        if let answer { return answer.allSatisfy(LineBreaks.isSpace) }
        let start = text.firstIndex { !LineBreaks.isSpace($0) } ?? text.count
        return text[start...].starts(with: Array("<think>".utf8))
    }

    /// ``JSONLineScanner/isWrappedContainer(_:)`` as it was, with slice comparisons.
    static func referenceIsWrappedContainer(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var start = 0
        var end = text.count
        while start < end, LineBreaks.isSpace(base[start]) { start += 1 }
        while end > start, LineBreaks.isSpace(base[end - 1]) { end -= 1 }
        let fence = Array("```".utf8)
        if end - start >= 6, text[start..<start + 3].elementsEqual(fence), text[end - 3..<end].elementsEqual(fence),
            let lineEnd = text[start..<end - 3].firstIndex(of: UInt8(ascii: "\n"))
        {
            return JSONLineScanner.isContainer(UnsafeBufferPointer(rebasing: text[(lineEnd + 1)..<(end - 3)]))
        }
        guard start < end, base[start] != UInt8(ascii: "["),
            let opening = LineBreaks.first(UInt8(ascii: "{"), in: base, from: start, count: min(end, start + 200))
        else { return false }
        var scanner = JSONLineScanner(base + opening, count: end - opening)
        do {
            try scanner.skipValue()
        } catch {
            return false
        }
        return opening > start || !scanner.isAtEndAfterWhitespace()
    }

    /// Outputs made of pieces that open and close reasoning, fence JSON or only look like it.
    @Test func agreeWithSliceComparisons() {
        var generator = SplitMix(seed: 0x7A6)
        let pieces = [
            "<think>", "</think>", "```", "```json\n", "\n", " ", "\t", "{\"a\": 1}", "[1, 2]", "{", "}", "<thin", "``", "words", "é", "<",
        ].map { Array($0.utf8) }
        var wrapped = 0
        var unfinished = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            text.withUnsafeBufferPointer { text in
                let answer = JSONLineScanner.answerAfterReasoning(text)
                let isUnfinished = JSONLineScanner.hasUnfinishedReasoning(text, answer: answer)
                #expect(isUnfinished == Self.referenceHasUnfinishedReasoning(text, answer: answer), "\(Array(text))")
                let isWrapped = JSONLineScanner.isWrappedContainer(text)
                #expect(isWrapped == Self.referenceIsWrappedContainer(text), "\(Array(text))")
                wrapped += isWrapped ? 1 : 0
                unfinished += isUnfinished ? 1 : 0
            }
        }
        #expect(wrapped > 100)
        #expect(unfinished > 100)
    }
}
