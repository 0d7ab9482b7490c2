import Testing
import TunewiseData

struct DuplicateTests {
    @Test func countsExactDuplicatesOfValidExamplesOnly() {
        let lines = [chat("a", "b"), chat("a", "b"), "  " + chat("a", "b") + " ", "broken", "broken", chat("c", "d")]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 4)
        #expect(measurement.duplicates == 2)
        #expect(measurement.unique == 2)
        #expect(measurement.invalid == 2)
    }

    /// A long request: five of the sentences from `first` on.
    static func request(_ first: Int) -> String {
        (0..<5).map { sentences[(first + $0) % sentences.count] }.joined(separator: ". ")
    }

    @Test func findsNearDuplicatesAndNotDistinctExamples() {
        var lines = (0..<10).map { chat(Self.request($0), "I will look into it and reply within a day.") }
        // The same words with one changed, and the same example with its keys written differently.
        lines.append(chat(Self.request(2).replacing("today", with: "now"), "I will look into it and reply within a day."))
        lines.append(
            #"{"messages":[{"content":"\#(Self.request(5))","role":"user"},{"content":"I will look into it and reply within a day.","role":"assistant"}]}"#
        )
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.duplicates == 0)
        #expect(measurement.nearDuplicates == 2)
        #expect(measurement.nearDuplicatePairs == [NearDuplicatePair(line: 11, earlierLine: 3), NearDuplicatePair(line: 12, earlierLine: 6)])
    }

    @Test func shortExamplesAreNotComparedForNearDuplicates() {
        let measurement = measure([chat("hi", "hello"), chat("hi", "hello!")].joined(separator: "\n"))
        #expect(measurement.nearDuplicates == 0)
    }

    @Test func measuresLeakageFromTrainingIntoEvaluation() {
        let training = (0..<6).map { chat(Self.request($0 * 10 % 9), "Noted, thank you for the details.") }
        let eval = [
            training[0], training[3],
            chat(Self.request(1).replacing("four", with: "five"), "Noted, thank you for the details."),
            chat(sentences[8], "Noted, thank you for the details."), "broken",
        ]
        let measurement = measure(eval.joined(separator: "\n"), training: index(of: training.joined(separator: "\n")))
        #expect(measurement.leakage == Leakage(evalExamplesInTrain: 2, evalNearDuplicatesOfTrain: 1))
        #expect(measure(eval.joined(separator: "\n")).leakage == nil)
    }
}
