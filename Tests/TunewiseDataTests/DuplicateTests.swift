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
        // Each duplicate names the first example that said it, not the last.
        #expect(measurement.duplicatePairs == [LinePair(line: 2, earlierLine: 1), LinePair(line: 3, earlierLine: 1)])
    }

    @Test func warnsAboutALabelThatDiffersFromAnEarlierOneForTheSamePrompt() {
        let late = "Route this ticket: my parcel is late"
        let lines = [
            chat(late, "shipping"),
            chat(late, "billing"),
            // A duplicate repeats a conflict; it is counted as a duplicate only.
            chat(late, "billing"),
            chat("Route this ticket: I was charged twice", "billing"),
            chat(late, "refund"),
            // An answer longer than a label may differ from an earlier one by design.
            chat(late, "Your parcel left our depot yesterday and should arrive within two working days."),
            // A different system message makes a different prompt.
            #"{"messages": [{"role": "system", "content": "Route tickets for the EU desk."}, {"role": "user", "content": "\#(late)"}, {"role": "assistant", "content": "customs"}]}"#,
            // Preference pairs answer one prompt several ways on purpose.
            #"{"prompt": "\#(late)", "chosen": "shipping", "rejected": "billing"}"#,
            #"{"prompt": "\#(late)", "chosen": "delay", "rejected": "billing"}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 9)
        #expect(measurement.duplicates == 1)
        #expect(measurement.structure[.conflictingLabel] == Tally(count: 2, lines: [2, 5]))
    }

    /// More distinct short answers than a label set holds are answers, not labels: past that
    /// point a prompt answered again otherwise is no conflict, and nothing is kept to find one.
    @Test func shortAnswersTooManyToBeLabelsAreNotChecked() {
        let few = (0..<10).map { chat("Question \($0)", "Answer \($0)") } + [chat("Question 1", "Answer 2")]
        #expect(measure(few.joined(separator: "\n")).structure[.conflictingLabel] == Tally(count: 1, lines: [11]))
        let many = (0..<70).map { chat("Question \($0)", "Answer \($0)") } + [chat("Question 1", "Answer 2")]
        #expect(measure(many.joined(separator: "\n")).structure[.conflictingLabel].count == 0)
    }

    @Test func findsPreferencePairsThatSwapTheAnswersOfAnEarlierOne() {
        let prompt = "How should we rotate the production API key without any downtime for customers?"
        let good = "Create a second key, deploy it everywhere, confirm traffic uses it, then revoke the old one."
        let bad = "Delete the old key right away and generate a new one when something breaks."
        let pair = { (prompt: String, chosen: String, rejected: String) in
            #"{"prompt": "\#(prompt)", "chosen": "\#(chosen)", "rejected": "\#(rejected)"}"#
        }
        let lines = [
            pair(prompt, good, bad),
            #"{"rejected": "\#(good)", "chosen": "\#(bad)", "prompt": "\#(prompt)"}"#,
            pair("Another question entirely about billing?", bad, good),
            pair(prompt, good, bad),
            pair(prompt, good, good),
            pair(prompt, good, good),
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        // Line 4 repeats line 1, and so reverses line 2 as line 2 reverses line 1.
        #expect(measurement.reversals == 2)
        #expect(measurement.reversalPairs == [LinePair(line: 2, earlierLine: 1), LinePair(line: 4, earlierLine: 2)])
        // A reversal is not also reported as nearly repeating the pair it reverses.
        #expect(measurement.nearDuplicatePairs.allSatisfy { $0.line != 2 })
        #expect(measurement.duplicatePairs == [LinePair(line: 4, earlierLine: 1), LinePair(line: 6, earlierLine: 5)])
    }

    /// A chat whose assistant calls `call` (the JSON of one tool call), then answers.
    static func toolChat(_ call: String) -> String {
        #"{"messages": [{"role": "user", "content": "Weather in Paris?"}, {"role": "assistant", "content": null, "tool_calls": [\#(call)]}, {"role": "tool", "tool_call_id": "x", "content": "20 C"}, {"role": "assistant", "content": "It is 20 C."}]}"#
    }

    @Test func toolCallsAreComparedByWhatTheyCallNotHowTheyAreWrittenOrTheirIds() {
        let calls = [
            #"{"id": "call_a", "type": "function", "function": {"name": "weather", "arguments": "{\"city\": \"Paris\", \"unit\": \"C\"}"}}"#,
            // Another id, other spacing and key order, inside the arguments too.
            #"{"function": {"arguments": "{\"unit\":\"C\",\"city\":\"Paris\"}", "name": "weather"}, "type": "function", "id": "call_b"}"#,
            // Escapes that say the same.
            #"{"id": "call_c", "type": "function", "function": {"name": "weath\u0065r", "arguments": "{\"city\": \"Paris\", \"unit\": \"C\"}"}}"#,
            // Other arguments, another function, arguments that are not JSON: other calls.
            #"{"id": "call_d", "type": "function", "function": {"name": "weather", "arguments": "{\"city\": \"Oslo\", \"unit\": \"C\"}"}}"#,
            #"{"id": "call_e", "type": "function", "function": {"name": "forecast", "arguments": "{\"city\": \"Paris\", \"unit\": \"C\"}"}}"#,
            #"{"id": "call_f", "type": "function", "function": {"name": "weather", "arguments": "{city: Paris}"}}"#,
            #"{"id": "call_g", "type": "function", "function": {"name": "weather", "arguments": "{city:  Paris}"}}"#,
            // A number written another way is another value; an array keeps its order.
            #"{"id": "call_h", "type": "function", "function": {"name": "weather", "arguments": "{\"days\": [1, 2]}"}}"#,
            #"{"id": "call_i", "type": "function", "function": {"name": "weather", "arguments": "{\"days\": [2, 1]}"}}"#,
        ]
        let measurement = measure(calls.map(Self.toolChat).joined(separator: "\n"))
        #expect(measurement.valid == calls.count)
        #expect(measurement.duplicatePairs == [LinePair(line: 2, earlierLine: 1), LinePair(line: 3, earlierLine: 1)])
        // A system prompt before or after the messages: the same example.
        let systemLast = Self.toolChat(calls[0]).dropLast() + #", "system": "Be brief."}"#
        let systemFirst = #"{"system": "Be brief.", "# + Self.toolChat(calls[0]).dropFirst()
        #expect(measure([String(systemLast), systemFirst].joined(separator: "\n")).duplicates == 1)
    }

    @Test func keyOrderDoesNotHideADuplicateInAnyLayout() {
        let lines = [
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Go away."}"#,
            #"{"rejected": "Go away.", "prompt": "Say hi", "chosen": "Hello!"}"#,
            #"{"prompt": "2+2=", "completion": "4"}"#,
            #"{"completion": "4", "prompt": "2+2="}"#,
            #"{"system": "Be brief.", "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}"#,
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}], "system": "Be brief."}"#,
            // The same texts in other fields, or messages in another order, say something else.
            #"{"prompt": "Say hi", "chosen": "Go away.", "rejected": "Hello!"}"#,
            #"{"prompt": "4", "completion": "2+2="}"#,
            #"{"messages": [{"role": "assistant", "content": "b"}, {"role": "user", "content": "a"}]}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(
            measurement.duplicatePairs == [
                LinePair(line: 2, earlierLine: 1), LinePair(line: 4, earlierLine: 3), LinePair(line: 6, earlierLine: 5),
            ])
    }

    @Test func eachDuplicateNamesTheFirstLineThatSaidItAsTheIndexGrows() {
        // Thousands of distinct examples grow the index several times over before the repeats.
        let distinct = (1...5000).map { chat("question \($0)", "answer") }
        let repeats = [chat("question 7", "answer"), chat("question 4999", "answer"), chat("question 7", "answer")]
        let measurement = measure((distinct + repeats).joined(separator: "\n"))
        #expect(measurement.duplicates == 3)
        #expect(
            measurement.duplicatePairs == [
                LinePair(line: 5001, earlierLine: 7), LinePair(line: 5002, earlierLine: 4999), LinePair(line: 5003, earlierLine: 7),
            ])
    }

    /// A request of two sentences, `first` and the next: requests next to each other share a
    /// sentence, about a third of their word triples, which is not nearly repeating.
    static func request(_ first: Int) -> String {
        (0..<2).map { sentences[(first + $0) % sentences.count] }.joined(separator: ". ")
    }

    @Test func findsNearDuplicatesAndNotDistinctExamples() {
        var lines = (0..<10).map { chat(Self.request($0), "I will look into it and reply within a day.") }
        // The same words with one changed, and the same example with its keys written differently.
        lines.append(chat(Self.request(2).replacing("today", with: "now"), "I will look into it and reply within a day."))
        lines.append(
            #"{"messages":[{"content":"\#(Self.request(5))","role":"user"},{"content":"I will look into it and reply within a day.","role":"assistant"}]}"#
        )
        let measurement = measure(lines.joined(separator: "\n"))
        // Keys in another order say the same: a duplicate, not a near one.
        #expect(measurement.duplicates == 1)
        #expect(measurement.nearDuplicates == 1)
        #expect(measurement.nearDuplicatePairs == [LinePair(line: 11, earlierLine: 3)])
    }

    @Test func duplicatesSayTheSameHoweverTheirLinesAreWritten() {
        let original = #"{"messages": [{"role": "user", "content": "Cancel order 12"}, {"role": "assistant", "content": "Done."}]}"#
        let sameContent = [
            #"{"messages":[{"content":"Cancel order 12","role":"user"},{"content":"Done.","role":"assistant"}]}"#,
            #"{ "id": 7, "messages": [ {"role": "user", "content": "Cancel \u006Frder 12"}, {"role": "assistant", "content": "Done.", "weight": 1} ] }"#,
        ]
        let different = [
            #"{"messages": [{"role": "assistant", "content": "Cancel order 12"}, {"role": "user", "content": "Done."}]}"#,
            #"{"messages": [{"role": "user", "content": "Cancel order 12 "}, {"role": "assistant", "content": "Done."}]}"#,
            #"{"prompt": "Cancel order 12", "completion": "Done."}"#,
        ]
        #expect(measure(([original] + sameContent).joined(separator: "\n")).duplicates == 2)
        #expect(measure(([original] + different).joined(separator: "\n")).duplicates == 0)
        let call = { (city: String) in
            #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "\#(city)"}}]}]}"#
        }
        #expect(measure([call("Oslo"), call("Rome")].joined(separator: "\n")).duplicates == 0)
        #expect(measure([call("Oslo"), call("Oslo")].joined(separator: "\n")).duplicates == 1)
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
        // Each leaked example names the training line it repeats, or nearly repeats (the
        // second training line holds request 1, which line 3 changes by a word).
        let pairs = [LinePair(line: 1, earlierLine: 1), LinePair(line: 2, earlierLine: 4)]
        #expect(
            measurement.leakage
                == Leakage(
                    evalExamplesInTrain: 2, evalPairsInTrain: pairs, evalNearDuplicatesOfTrain: 1,
                    evalNearPairsInTrain: [LinePair(line: 3, earlierLine: 2)]))
        #expect(measure(eval.joined(separator: "\n")).leakage == nil)
    }

    @Test func findsEvaluationPromptsThatTrainingAnswersOtherwise() {
        let training = [
            chat("What is the capital of France?", "Paris."), #"{"prompt": "2+2=", "completion": "4"}"#,
            #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Go away."}"#,
        ]
        let eval = [
            chat("What is the capital of France?", "It is Paris, on the Seine."), chat("What is the capital of France?", "Paris."),
            #"{"completion": "four", "prompt": "2+2="}"#, #"{"prompt": "Say hi", "chosen": "Hi there!", "rejected": "No."}"#,
            chat("What is the capital of Spain?", "Paris."),
        ]
        let trainingIndex = index(of: training.joined(separator: "\n"), options: .init(indexesPrompts: true))
        let leakage = measure(eval.joined(separator: "\n"), training: trainingIndex).leakage
        #expect(leakage?.evalExamplesInTrain == 1)
        #expect(leakage?.evalPromptsInTrain == 3)
        #expect(
            leakage?.evalPromptPairsInTrain == [
                LinePair(line: 1, earlierLine: 1), LinePair(line: 3, earlierLine: 2), LinePair(line: 4, earlierLine: 3),
            ])
        // An image in the user turn is part of the prompt.
        let picture = { (url: String, answer: String) in
            #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "What is this?"}, {"type": "image_url", "image_url": {"url": "\#(url)"}}]}, {"role": "assistant", "content": "\#(answer)"}]}"#
        }
        let pictures = index(of: picture("a.png", "A cat."), options: .init(indexesPrompts: true))
        #expect(
            measure([picture("a.png", "A small cat."), picture("b.png", "A small cat.")].joined(separator: "\n"), training: pictures).leakage?
                .evalPromptsInTrain == 1)
        // Without the prompts kept, only identical examples are found.
        #expect(measure(eval.joined(separator: "\n"), training: index(of: training.joined(separator: "\n"))).leakage?.evalPromptsInTrain == 0)
    }

    /// `count` made-up words, each of four to nine letters.
    static func words(_ count: Int, using generator: inout SplitMix) -> [String] {
        (0..<count).map { _ in
            String((0..<Int(generator.next() % 6 + 4)).map { _ in Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(generator.next() % 26))) })
        }
    }

    @Test func findsMostOneWordEditsOfThirtyWordExamplesAndNoDistinctOnes() {
        var generator = SplitMix(seed: 30)
        let originals = (0..<200).map { _ in Self.words(30, using: &generator) }
        let edited = originals.map { words in
            var words = words
            words[Int(generator.next() % 30)] = "changed"
            return words
        }
        let lines = originals.map { chat($0.joined(separator: " "), "Done.") }
        #expect(measure(lines.joined(separator: "\n")).nearDuplicates == 0)
        let withEdits = zip(lines, edited).map { [$0, chat($1.joined(separator: " "), "Done.")] }.joined()
        let found = measure(withEdits.joined(separator: "\n")).nearDuplicates
        #expect(found >= 170, "\(found) of 200 one-word edits found")
    }

    @Test func findsNearDuplicatesInScriptsWithoutSpaces() {
        let answer = "您的订单已经发货，预计两天内送达。如果您在三天后仍未收到包裹，请联系我们的客服团队，我们会尽快为您处理退款或重新发货。"
        let question = "我的订单什么时候到？"
        let edited = answer.replacing("两天", with: "三天")
        let lines = [chat(question, answer), chat("请问退货政策是什么？", "商品在收到后三十天内可以退货，请保留原包装和发票。"), chat(question, edited)]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.nearDuplicatePairs == [LinePair(line: 3, earlierLine: 1)])
    }

    @Test func sharedInstructionsDoNotMakeExamplesNearDuplicates() {
        var generator = SplitMix(seed: 40)
        let instructions = Self.words(60, using: &generator).joined(separator: " ")
        let lines = (0..<100).map { _ in
            #"{"messages": [{"role": "system", "content": "\#(instructions)"}, "#
                + #"{"role": "user", "content": "\#(Self.words(10, using: &generator).joined(separator: " "))"}, "#
                + #"{"role": "assistant", "content": "\#(Self.words(4, using: &generator).joined(separator: " "))"}]}"#
        }
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 100)
        #expect(measurement.nearDuplicates == 0)
    }
}
