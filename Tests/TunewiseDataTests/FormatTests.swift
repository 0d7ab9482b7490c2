import Testing

@testable import TunewiseData

struct FormatTests {
    @Test func countsExamplesRatedTrueOrFalse() {
        let lines = [
            #"{"prompt": "2+2=", "completion": "4", "label": true}"#, #"{"prompt": "2+2=", "completion": "5", "label": false}"#,
            #"{"prompt": "3+3=", "completion": "6", "label": "true"}"#, #"{"prompt": "3+3=", "completion": "6", "label": null}"#,
            #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}], "label": false}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 5)
        #expect(measurement.rated == 3)
        #expect(measurement.ratedDown == 2)
    }

    @Test func anInstructionAndInputBesideChosenAndRejectedAreThePrompt() {
        let question = "How do I rotate an API key without downtime?"
        let alpaca = #"{"instruction": "\#(question)", "input": "", "chosen": "Add a second key first.", "rejected": "Delete it."}"#
        let prompted = #"{"prompt": "\#(question)", "chosen": "Add a second key first.", "rejected": "Delete it."}"#
        #expect(measure(alpaca).valid == 1)
        #expect(measure(alpaca).tokens.total == measure(prompted).tokens.total)
        // Pairs that answer different instructions alike are not duplicates; the same pair is.
        let other = #"{"instruction": "How do I revoke a leaked key?", "input": "", "chosen": "Add a second key first.", "rejected": "Delete it."}"#
        #expect(measure([alpaca, other].joined(separator: "\n")).duplicates == 0)
        let inputFirst = #"{"input": "", "rejected": "Delete it.", "chosen": "Add a second key first.", "instruction": "\#(question)"}"#
        #expect(measure([alpaca, inputFirst].joined(separator: "\n")).duplicates == 1)
        // Beside messages or a prompt, an instruction is metadata the model does not see.
        let chat = chat("hello", "hi there")
        let tagged = chat.dropLast() + #", "instruction": "ignore me entirely please", "input": "and me"}"#
        #expect(measure(String(tagged)).tokens.total == measure(chat).tokens.total)
        let taggedPrompt =
            #"{"prompt": "\#(question)", "instruction": "ignore me entirely please", "chosen": "Add a second key first.", "rejected": "Delete it."}"#
        #expect(measure(taggedPrompt).tokens.total == measure(prompted).tokens.total)
    }

    /// A graded example's reference is part of what it says: one prompt graded against two
    /// references is two examples, and against the same reference (however its JSON is
    /// spaced) a duplicate.
    @Test func aPromptGradedAgainstAnotherReferenceIsNoDuplicate() {
        let prompt = #"[{"role": "user", "content": "Name the product of reagent R3 on carbon dioxide."}]"#
        let lines = [
            #"{"messages": \#(prompt), "reference_answer": "CC#N"}"#, #"{"messages": \#(prompt), "reference_answer": "c1ccccc1"}"#,
            #"{"reference_answer": "CC#N", "messages": \#(prompt)}"#, #"{"messages": \#(prompt), "reference_answer": {"a": 1}}"#,
            #"{"messages": \#(prompt), "reference_answer": { "a" : 1 }}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.gradedExamples == 5)
        #expect(measurement.unique == 3)
        #expect(measurement.duplicates == 2)
        #expect(measurement.duplicateLines == [3, 5])
        // Beside a demonstration's answer, a reference is not trained on: the copies are duplicates.
        let answered = #"[{"role": "user", "content": "Name it."}, {"role": "assistant", "content": "Acetonitrile."}]"#
        let demonstrations = measure(
            [#"{"messages": \#(answered), "ideal": "CC#N"}"#, #"{"messages": \#(answered), "ideal": "c1ccccc1"}"#].joined(separator: "\n"))
        #expect(demonstrations.duplicates == 1)
    }

    /// A conversation that ends with the user's turn beside a field named as a reference for
    /// a grader (not empty) is an example of reinforcement fine-tuning; other fields (a source,
    /// a language, an id, a `target_lang`) do not make one.
    @Test func aPromptBesideAReferenceForAGraderIsAnExampleForAGrader() {
        let prompt = #"[{"role": "developer", "content": "Classify the claim."}, {"role": "user", "content": "Pipe burst in the kitchen."}]"#
        let lines = [
            #"{"messages": \#(prompt), "reference_answer": {"category": "covered"}, "id": "c1"}"#,
            #"{"id": "c2", "messages": \#(prompt), "metadata": {"source": "crm"}, "lang": "en"}"#,
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}], "ideal": "d"}"#,
            // A prompt that ends with another role, and one with a fault, are not prompts for a grader.
            #"{"messages": [{"role": "developer", "content": "Be brief."}], "reference_answer": "x"}"#,
            #"{"messages": [{"role": "user"}], "reference_answer": "x"}"#,
            #"{"messages": \#(prompt), "Ground_Truth": "covered"}"#,
            #"{"messages": \#(prompt), "target_lang": "de", "answer_id": "a1"}"#, #"{"messages": \#(prompt), "reference_answer": null}"#,
            // TRL's prompt-only layout for GRPO, and a prompt with neither a completion nor a reference.
            #"{"prompt": "Solve 2+2", "solution": "4"}"#, #"{"prompt": "Solve 2+2"}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 4)
        #expect(measurement.gradedExamples == 4)
        #expect(measurement.chatExamples == 3)
        #expect(measurement.promptCompletionExamples == 1)
        #expect(measurement.faults[.noAssistantMessage] == Tally(count: 4, lines: [2, 4, 7, 8]))
        #expect(measurement.faults[.missingContent] == Tally(count: 1, lines: [5]))
        #expect(measurement.faults[.missingMessages] == Tally(count: 1, lines: [10]))
        #expect(measurement.structure[.trailingUserTurn].count == 0)
        #expect(measurement.trainingSignal == "graders")
        #expect(measurement.demonstrations == 0)
        // Among demonstrations, the larger kind answers; the others are counted.
        let demonstration = chat("What is the refund window?", "Thirty days.")
        let mixed = measure(([lines[0]] + Array(repeating: demonstration, count: 2)).joined(separator: "\n"))
        #expect((mixed.gradedExamples, mixed.demonstrations, mixed.trainingSignal) == (1, 2, "demonstrations"))
        // Unique examples by kind: the repeated demonstration counts once.
        #expect((mixed.unique(.graded), mixed.unique(.demonstration), mixed.unique(.preferencePair)) == (1, 1, 0))
    }

    /// OpenAI's `weight` of 0 or 1 on assistant messages: a conversation with no weighted turn
    /// teaches nothing, and other weights or places are refused by OpenAI.
    @Test func warnsOfConversationsWithNoTrainedTurnAndOfInvalidWeights() {
        func line(_ weights: [String?], firstWeight: String? = nil) -> String {
            let user = #"{"role": "user", "content": "q""# + (firstWeight.map { #", "weight": \#($0)"# } ?? "") + "}"
            let turns = weights.map { weight in #"{"role": "assistant", "content": "a""# + (weight.map { #", "weight": \#($0)"# } ?? "") + "}" }
            return #"{"messages": [\#(([user] + turns).joined(separator: ", "))]}"#
        }
        let lines = [
            line(["0", "1"]), line(["0", "0"]), line(["0"]), line([nil]), line(["0.5"]), line([#""1""#]), line(["1"], firstWeight: "1"),
            line(["10"]),
            // As pandas writes them.
            line(["1.0"]), line(["0.0"]),
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 10)
        #expect(measurement.structure[.noTrainedTurn] == Tally(count: 3, lines: [2, 3, 10]))
        #expect(measurement.structure[.invalidWeight] == Tally(count: 4, lines: [5, 6, 7, 8]))
    }

    /// Outputs that hold JSON in a code fence or with words around it are named, not counted as JSON.
    @Test func namesOutputsThatWrapTheirJSON() {
        let outputs = [
            #"```json\n{\"x\": 1}\n```"#, #"{\"x\": 1} Let me know if you need more."#, #"{\"x\": 2}"#, "plain words", #"```\nnot json\n```"#,
            #"```json {\"x\": 1}```"#, #"[1, 2]"#, #"Here is the JSON: {\"x\": 1}"#, #"<think>Easy.</think>{\"x\": 1}"#,
            // Not JSON: a footnote mark, a template's placeholder; a message format's plural
            // and a template's variable before anything else.
            "[1] see the note", "Dear {name}, thanks", "{count, plural, one {# Datei} other {# Dateien}} löschen?", "{{name}} hat geschrieben",
            "{name} is here",
        ]
        let lines = outputs.enumerated().map { #"{"prompt": "p\#($0.offset)", "completion": "\#($0.element)"}"# }
        let profile = measure(lines.joined(separator: "\n")).outputs
        // The answer after a reasoning model's thoughts is judged: line 9 is JSON.
        #expect(profile.jsonOutputs == 3)
        #expect(profile.wrappedJSON == Tally(count: 4, lines: [1, 2, 6, 8]))
        #expect(profile.brokenJSON.count == 0, "a footnote mark and placeholders are not broken JSON")
    }

    /// Outputs that start as JSON and do not parse (cut off, or malformed) are named apart
    /// from wrapped JSON and from prose.
    @Test func namesOutputsWhoseJSONDoesNotParse() {
        let outputs = [
            #"{\"title\": \"Teacher"#, #"{\"x\": 1}"#, #"[{\"x\": 1}, "#, #"{x: 1}"#, "[1] see the note", #"  [\"a\", \"b\"]"#, #"[\"a\""#,
            #"```json\n{\"x\": 1}\n```"#, "{'x': 1}", "{", #"{ \"a\": [1, 2"#,
        ]
        let lines = outputs.enumerated().map { #"{"prompt": "p\#($0.offset)", "completion": "\#($0.element)"}"# }
        let profile = measure(lines.joined(separator: "\n")).outputs
        #expect(profile.jsonOutputs == 2)
        #expect(profile.wrappedJSON == Tally(count: 1, lines: [8]))
        #expect(profile.brokenJSON == Tally(count: 7, lines: [1, 3, 4, 7, 9, 10, 11]))
    }

    /// The tools a preference pair's input offers are part of its prompt and its tokens, at three
    /// quarters of their JSON's cost as text.
    @Test func toolsInAPreferencePairsInputCountAtThreeQuartersOfTheirJSON() {
        let tools =
            #"[{"type": "function", "function": {"name": "get_order_status", "description": "Look up an order by its id.", "parameters": {"type": "object"}}}]"#
        func pair(_ input: String) -> String {
            #"{"input": {\#(input)"messages": [{"role": "user", "content": "Where is order 7?"}]}, "#
                + #""preferred_output": [{"role": "assistant", "content": "On its way."}], "non_preferred_output": [{"role": "assistant", "content": "No idea."}]}"#
        }
        let without = measure(pair("")).tokens.total
        let with = measure(pair(#""tools": \#(tools), "#)).tokens.total
        var text = TextScanner()
        _ = Array(tools.utf8).withUnsafeBufferPointer { text.scan($0, sketching: false) }
        #expect(with - without == (text.tokenSixteenths * 3 / 4 + 8) / 16)
        #expect(measure([pair(""), pair(#""tools": \#(tools), "#)].joined(separator: "\n")).duplicates == 0)
    }

    /// Tool calls as OpenAI reads them: arguments a string holding a JSON object, and a tool
    /// message naming the call it answers.
    @Test func warnsOfToolCallsOpenAIRefuses() {
        func line(arguments: String, answer: String = #""tool_call_id": "c1", "#) -> String {
            #"{"messages": [{"role": "user", "content": "Where is order 7?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "#
                + #""function": {"name": "status", "arguments": \#(arguments)}}]}, {"role": "tool", \#(answer)"content": "shipped"}, "#
                + #"{"role": "assistant", "content": "It has shipped."}]}"#
        }
        let lines = [
            line(arguments: #""{\"id\": 7}""#), line(arguments: #"{"id": 7}"#), line(arguments: #""id=7""#), line(arguments: #""[7]""#),
            line(arguments: #""{\"id\": 7}""#, answer: ""), line(arguments: #"" {}""#),
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 6)
        #expect(measurement.structure[.invalidToolCall] == Tally(count: 4, lines: [2, 3, 4, 5]))
    }

    /// A reasoning model's output cut off: its `<think>` never closed, or no answer after it.
    @Test func warnsOfOutputsWhoseReasoningIsUnfinished() {
        let outputs = [
            "<think>Add two and two", "<think>Two and two.</think>  ", "<think>Two and two.</think> 4", "4", "a <b> c",
            // Prose about the tag is not reasoning; thoughts whose opening tag the template gave are.
            "Models open with a <think> tag.", "Two and two.</think>",
        ]
        let lines = outputs.enumerated().map { #"{"prompt": "2+2 \#($0.offset)?", "completion": "\#($0.element)"}"# }
        #expect(measure(lines.joined(separator: "\n")).structure[.unfinishedReasoning] == Tally(count: 3, lines: [1, 2, 7]))
    }

    @Test func countsTheAssistantTurnsOfConversations() {
        let long =
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}, "#
            + #"{"role": "assistant", "content": "d"}, {"role": "user", "content": "e"}, {"role": "assistant", "content": "f"}]}"#
        let measurement = measure([long, chat("g", "h"), #"{"prompt": "p", "completion": "c"}"#].joined(separator: "\n"))
        #expect(measurement.assistantTurns == 4)
    }

    /// Reasoning given beside an assistant's answer counts in tokens and in what an example
    /// says (samples that differ in their reasoning are not duplicates), whatever the key order;
    /// it is part of the answer, not of the prompt.
    @Test func readsReasoningBesideAnAssistantsAnswer() {
        func line(_ reasoning: String, first: Bool = false) -> String {
            let reason = #""reasoning_content": "\#(reasoning)""#
            let answer = first ? #"{\#(reason), "role": "assistant", "content": "4"}"# : #"{"role": "assistant", "content": "4", \#(reason)}"#
            return #"{"messages": [{"role": "user", "content": "What is two and two?"}, \#(answer)]}"#
        }
        let plain = measure(chat("What is two and two?", "4"))
        let reasoned = measure(line("Two and two make four, as counting on from two gives three and then four."))
        #expect(reasoned.reasoningExamples == 1)
        #expect(reasoned.tokens.total > plain.tokens.total + 10)
        let samples = measure([line("Count on from two."), line("Add them."), line("Add them.", first: true)].joined(separator: "\n"))
        #expect(samples.duplicates == 1)
        #expect(samples.duplicatePairs == [LinePair(line: 3, earlierLine: 2)])
        let training = index(of: line("Count on from two."), options: .init(indexesPrompts: true))
        #expect(measure(line("Add them."), training: training).leakage?.evalPromptsInTrain == 1)
    }

    /// An evaluation file of prompts for a grader leaks when training has their prompts.
    @Test func promptsForAGraderLeakByTheirPrompt() {
        let training = index(of: chat("Pipe burst in the kitchen.", "Covered under clause 4."), options: .init(indexesPrompts: true))
        let eval = #"{"messages": [{"role": "user", "content": "Pipe burst in the kitchen."}], "reference_answer": "covered"}"#
        let leakage = measure(eval, training: training).leakage
        #expect(leakage?.evalPromptsInTrain == 1)
    }

    /// Examples with images are counted, and not compared by their words alone.
    @Test func examplesWithImagesAreCountedAndNotComparedForNearDuplicates() {
        let lines = (0..<6).map { index in
            #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "What animal is shown in this photo, in one word please?"}, "#
                + #"{"type": "image_url", "image_url": {"url": "https://example.com/\#(index).jpg"}}]}, {"role": "assistant", "content": "cat"}]}"#
        }
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.mediaExamples == 6)
        #expect(measurement.duplicates == 0)
        #expect(measurement.nearDuplicates == 0)
        // The same words without the images are near-duplicates.
        let words = (0..<6).map { chat("What animal is shown in this photo, in one word please? \($0)", "cat") }
        #expect(measure(words.joined(separator: "\n")).nearDuplicates > 0)
    }

    @Test func namesTheLayoutsOfOtherToolsAmongLinesItDoesNotRead() {
        let lines = [
            #"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}"#,
            #"{"instruction": "Translate to French", "input": "cat", "output": "chat"}"#,
            #"{"instruction": "Name a colour", "output": "blue"}"#,
            // Not enough of a layout to name: no output.
            #"{"instruction": "Name a colour"}"#,
            // A layout of ours with fields of theirs stays what it is.
            #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}], "output": "b", "conversations": []}"#,
            #"{"prompt": "p", "completion": "c", "instruction": "i", "output": "o"}"#,
            // ShareGPT turns under "messages", and LLaMA-Factory's ShareGPT preference pairs.
            #"{"messages": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}"#,
            #"{"conversations": [{"from": "human", "value": "hi"}], "chosen": {"from": "gpt", "value": "a"}, "rejected": {"from": "gpt", "value": "b"}}"#,
            // A message without a role is not ShareGPT's unless it has "from".
            #"{"messages": [{"content": "hi"}, {"role": "assistant", "content": "hello"}]}"#,
        ]
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.valid == 2)
        #expect(measurement.faults[.missingMessages] == Tally(count: 4, lines: [1, 2, 3, 4]))
        #expect(measurement.faults[.messageMissingRole] == Tally(count: 2, lines: [7, 9]))
        #expect(measurement.faults[.contentNotText] == Tally(count: 1, lines: [8]))
        #expect(measurement.otherLayouts[.shareGPT] == Tally(count: 3, lines: [1, 7, 8]))
        // OpenAI's first function calling: a "function" role is unknown, and named as that layout.
        let functionRole =
            #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "function_call": {"name": "weather", "arguments": "{}"}}, {"role": "function", "name": "weather", "content": "4 C"}, {"role": "assistant", "content": "4 C."}]}"#
        let measured = measure(
            [functionRole, #"{"messages": [{"role": "robot", "content": "a"}, {"role": "assistant", "content": "b"}]}"#].joined(separator: "\n"))
        #expect(measured.faults[.unknownRole] == Tally(count: 2, lines: [1, 2]))
        #expect(measured.otherLayouts[.functionRole] == Tally(count: 1, lines: [1]))
        #expect(measurement.otherLayouts[.alpaca] == Tally(count: 2, lines: [2, 3]))
        let vertex = [
            #"{"systemInstruction": {"parts": [{"text": "Be brief."}]}, "contents": [{"role": "user", "parts": [{"text": "hi"}]}]}"#,
            #"{"input_text": "hi", "output_text": "hello"}"#, #"{"text": "Raw text for pre-training."}"#,
        ]
        let others = measure(vertex.joined(separator: "\n"))
        #expect(others.otherLayouts[.gemini] == Tally(count: 1, lines: [1]))
        #expect(others.otherLayouts[.vertexText] == Tally(count: 1, lines: [2]))
        #expect(others.otherLayouts[.rawText] == Tally(count: 1, lines: [3]))
    }

    @Test(arguments: [
        (chat("hello", "hi there"), DataFormat.chat, "demonstrations"),
        (#"{"prompt": "2+2=", "completion": "4"}"#, .promptCompletion, "demonstrations"),
        (
            #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "assistant", "content": "Hello!"}], "non_preferred_output": [{"role": "assistant", "content": "What?"}]}"#,
            .preference, "comparisons"
        ),
        (#"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "No."}"#, .preference, "comparisons"),
        (
            #"{"prompt": [{"role": "user", "content": "hi"}], "chosen": [{"role": "assistant", "content": "Hello"}], "rejected": [{"role": "assistant", "content": "Go"}]}"#,
            .preference, "comparisons"
        ),
        (#"{"chosen": "Hello!", "rejected": "No."}"#, .preference, "comparisons"),
    ])
    func detectsEachFormat(line: String, format: DataFormat, signal: String) {
        let measurement = measure(line + "\n")
        #expect(measurement.valid == 1)
        #expect(measurement.format == format)
        #expect(measurement.trainingSignal == signal)
    }

    @Test func linesOfTwoFormatsAreMixed() {
        let measurement = measure([chat("a", "b"), #"{"prompt": "p", "completion": "c"}"#].joined(separator: "\n"))
        #expect(measurement.format == .mixed)
        #expect(measurement.valid == 2)
    }

    @Test func preferenceOutputsNeedAnAssistantMessage() {
        let line =
            #"{"input": {"messages": [{"role": "user", "content": "hi"}]}, "preferred_output": [{"role": "user", "content": "x"}], "non_preferred_output": [{"role": "assistant", "content": "y"}]}"#
        #expect(measure(line).faults[.noAssistantMessage].count == 1)
        let noInput =
            #"{"preferred_output": [{"role": "assistant", "content": "x"}], "non_preferred_output": [{"role": "assistant", "content": "y"}]}"#
        #expect(measure(noInput).faults[.missingMessages].count == 1)
    }

    @Test func anEmptyFileHoldsNothing() {
        let measurement = measure("")
        #expect(measurement.lines == 0)
        #expect(measurement.valid == 0)
        #expect(measurement.format == .unknown)
        #expect(measurement.dataVolume == "none")
        #expect(measurement.trainingSignal == nil)
        // Lines of which none is an example say nothing of how many examples there are.
        #expect(measure("{}\nnot json").dataVolume == nil)
    }

    @Test func byteOrderMarkCRLFAndBlankLinesAreFine() {
        let text = "\u{FEFF}" + chat("a", "b") + "\r\n\r\n   \n" + chat("c", "d") + "\r\n"
        let measurement = measure(text)
        #expect(measurement.hasByteOrderMark)
        #expect(measurement.valid == 2)
        #expect(measurement.invalid == 0)
        #expect(measurement.blankLines == 2)
        #expect(measurement.crlfLines == 3)
        #expect(measurement.lines == 4)
    }

    @Test func aByteOrderMarkAfterTheFirstLineIsNotJSON() {
        let measurement = measure(chat("a", "b") + "\n\u{FEFF}" + chat("c", "d"))
        #expect(measurement.faults[.notJSON] == Tally(count: 1, lines: [2]))
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesChangeNothing(chunkSize: Int) {
        let text = "\u{FEFF}" + sentences.map { chat($0, "Sure, done.") }.joined(separator: "\r\n") + "\nbroken\n\n" + chat("x", "y")
        #expect(measure(text, chunkSize: chunkSize) == measure(text))
    }

    @Test(arguments: [(0, "none"), (1, "few"), (99, "few"), (100, "hundreds"), (999, "hundreds"), (1000, "thousands")])
    func dataVolumeCountsUniqueValidExamples(count: Int, volume: String) {
        // A duplicate of the first example does not add to the count.
        let lines = (0..<count).map { chat("question \($0)", "answer") } + (count > 0 ? [chat("question 0", "answer")] : [])
        let measurement = measure(lines.joined(separator: "\n"))
        #expect(measurement.unique == count)
        #expect(measurement.dataVolume == volume)
    }

    /// Each answer begins at its least count: one fewer answers the band below.
    @Test func eachDataVolumeBeginsAtItsLeastCount() throws {
        for volume in ["none", "few", "hundreds", "thousands"] {
            let least = try #require(DataMeasurement.leastCount(answering: volume))
            #expect(DataMeasurement.dataVolume(of: least) == volume)
            if least > 0 { #expect(DataMeasurement.dataVolume(of: least - 1) != volume) }
        }
        #expect(DataMeasurement.leastCount(answering: "lots") == nil)
    }

    @Test func escapedKeysAndRolesAreRead() {
        let line = #"{"mess\u0061ges": [{"r\u006fle": "us\u0065r", "content": "hi"}, {"role": "assistant", "content": "yo"}]}"#
        #expect(measure(line).valid == 1)
    }

    @Test func theLastOfARepeatedKeyCounts() {
        let line = #"{"messages": 5, "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}"#
        #expect(measure(line).valid == 1)
    }
}
