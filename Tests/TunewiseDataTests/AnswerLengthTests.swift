import Testing

@testable import TunewiseData

/// The lengths of preference pairs' answers, which preference tuning learns as readily as
/// their quality: the assistant's answers only, in pairs whose answers differ.
struct AnswerLengthTests {
    static let long = "Open the settings, choose security, pick reset and follow the link that arrives by mail within a minute."
    static let short = "Use the reset link."

    static func pair(_ index: Int, chosen: String, rejected: String) -> String {
        #"{"prompt": "How do I reset password \#(index)?", "chosen": "\#(chosen)", "rejected": "\#(rejected)"}"#
    }

    @Test func countsWhichAnswerIsTheLongerInEachPair() {
        let lines = (0..<10).map { Self.pair($0, chosen: $0 < 7 ? Self.long : Self.short, rejected: $0 < 7 ? Self.short : Self.long) }
        let lengths = measure(lines.joined(separator: "\n")).answerLengths
        #expect(lengths.pairs == 10)
        #expect(lengths.preferredLonger == 7)
        #expect(lengths.preferredShorter == 3)
        // One pair gives each answer's tokens; the file sums them pair by pair.
        let one = measure(Self.pair(0, chosen: Self.long, rejected: Self.short)).answerLengths
        let (long, short) = (one.preferredTokens, one.otherTokens)
        #expect(long > 3 * short)
        #expect(lengths.preferredTokens == 7 * long + 3 * short)
        #expect(lengths.otherTokens == 3 * long + 7 * short)
    }

    /// A conversational pair repeats the prompt's turns in each answer: only the assistant's
    /// turn is its answer, so both layouts measure the same lengths.
    @Test func onlyTheAssistantsTurnIsTheAnswer() {
        let plain = measure(Self.pair(0, chosen: Self.long, rejected: Self.short)).answerLengths
        let conversational = measure(
            #"{"chosen": [{"role": "user", "content": "How do I reset my password, step by step, please?"}, {"role": "assistant", "content": "\#(Self.long)"}], "#
                + #""rejected": [{"role": "user", "content": "How do I reset my password, step by step, please?"}, {"role": "assistant", "content": "\#(Self.short)"}]}"#
        ).answerLengths
        #expect(plain.pairs == 1)
        #expect(conversational.pairs == 1)
        #expect(conversational.preferredTokens == plain.preferredTokens)
        #expect(conversational.otherTokens == plain.otherTokens)
    }

    /// A pair whose answers are the same says nothing of length, nor does a line that is not a pair.
    @Test func pairsWithTheSameAnswersAndOtherExamplesAreNotCounted() {
        let text = [
            Self.pair(0, chosen: Self.long, rejected: Self.long),
            #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello there, how can I help?"}]}"#,
        ].joined(separator: "\n")
        #expect(measure(text).answerLengths.pairs == 0)
    }
}
