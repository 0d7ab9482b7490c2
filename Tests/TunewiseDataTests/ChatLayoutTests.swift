import Testing

@testable import TunewiseData

/// The layouts of today's chat APIs: tool calls, content parts, a system prompt beside the messages.
struct ChatLayoutTests {
    @Test(arguments: [
        // OpenAI tool calling: content null, or left out, when the assistant calls a tool.
        #"{"messages": [{"role": "user", "content": "Weather in Oslo?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{\"city\": \"Oslo\"}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "4 C, rain"}, {"role": "assistant", "content": "It is 4 C and raining in Oslo."}]}"#,
        #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{}"}}]}]}"#,
        #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "function_call": {"name": "weather", "arguments": "{}"}}]}"#,
    ])
    func toolCallsStandInForContent(line: String) {
        let measurement = measure(line)
        #expect(measurement.valid == 1, "\(measurement.faults.found)")
        #expect(measurement.structure.total == 0)
    }

    @Test func withoutToolCallsNullOrMissingContentIsStillAFault() {
        #expect(
            measure(#"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": null}]}"#).faults[.contentNotText].count == 1)
        #expect(measure(#"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant"}]}"#).faults[.missingContent].count == 1)
        #expect(
            measure(#"{"messages": [{"role": "user", "content": [1, 2]}, {"role": "assistant", "content": "a"}]}"#).faults[.contentNotText].count == 1
        )
    }

    @Test func textPartsAreTheContentAndOtherPartsAreNot() {
        let words = "Please summarise the attached chart about quarterly revenue for the board"
        let parts =
            #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "\#(words)"}, {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}, {"role": "assistant", "content": [{"type": "text", "text": "Revenue rose."}]}]}"#
        let plain = chat(words, "Revenue rose.")
        let measured = measure(parts)
        #expect(measured.valid == 1)
        #expect(measured.tokens.total == measure(plain).tokens.total)
        // The same words as parts and as a string say the same; with an image, they do not.
        let textParts =
            #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "\#(words)"}]}, {"role": "assistant", "content": [{"type": "text", "text": "Revenue rose."}]}]}"#
        #expect(measure([plain, textParts].joined(separator: "\n")).duplicates == 1)
        #expect(measure([plain, parts].joined(separator: "\n")).duplicates == 0)
        let emptyAnswer = #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": [{"type": "text", "text": " "}]}]}"#
        #expect(measure(emptyAnswer).structure[.emptyAssistant].count == 1)
    }

    @Test func aSystemPromptBesideTheMessagesCountsAsTokensAndInstruction() {
        let system = "You are a careful assistant for the billing team; answer in one short paragraph."
        let beside =
            #"{"system": "\#(system)", "messages": [{"role": "user", "content": "Why was I charged twice?"}, {"role": "assistant", "content": "The second charge is a hold."}]}"#
        let within =
            #"{"messages": [{"role": "system", "content": "\#(system)"}, {"role": "user", "content": "Why was I charged twice?"}, {"role": "assistant", "content": "The second charge is a hold."}]}"#
        let withoutSystem = chat("Why was I charged twice?", "The second charge is a hold.")
        let besideTokens = measure(beside).tokens.total
        #expect(measure(beside).valid == 1)
        #expect(besideTokens > measure(withoutSystem).tokens.total + 10)
        #expect(abs(besideTokens - measure(within).tokens.total) <= 4)
    }

    @Test func toolCallsAndToolsAreTokensAsWritten() {
        let question = #"{"role": "user", "content": "Total sales by region for 2025?"}"#
        let query = String(repeating: "SELECT region, SUM(amount) FROM sales GROUP BY region; ", count: 8)
        let call =
            #"{"messages": [\#(question), {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "run_sql", "arguments": "{\"query\": \"\#(query)\"}"}}]}]}"#
        let emptyCall =
            #"{"messages": [\#(question), {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "run_sql", "arguments": "{}"}}]}]}"#
        #expect(measure(call).tokens.total > measure(emptyCall).tokens.total + 80)
        let tools =
            #"{"tools": [{"type": "function", "function": {"name": "run_sql", "description": "Runs one read-only SQL query against the warehouse and returns the rows"}}], "messages": [\#(question), {"role": "assistant", "content": "Done."}]}"#
        let noTools = #"{"messages": [\#(question), {"role": "assistant", "content": "Done."}]}"#
        #expect(measure(tools).tokens.total > measure(noTools).tokens.total + 15)
        // The same words with other arguments say something else.
        #expect(measure([call, emptyCall].joined(separator: "\n")).duplicates == 0)
    }

    @Test func imagesTellExamplesApartAndToolUseIsNotEmpty() {
        let image = { (name: String) in
            #"{"messages": [{"role": "user", "content": [{"type": "text", "text": "What breed is this dog?"}, {"type": "image_url", "image_url": {"url": "https://example.com/\#(name).jpg"}}]}, {"role": "assistant", "content": "A beagle."}]}"#
        }
        #expect(measure([image("dog1"), image("dog2")].joined(separator: "\n")).duplicates == 0)
        #expect(measure([image("dog1"), image("dog1")].joined(separator: "\n")).duplicates == 1)
        let toolUse =
            #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "weather", "input": {"city": "Oslo"}}]}]}"#
        let measured = measure(toolUse)
        #expect(measured.valid == 1)
        #expect(measured.structure.total == 0)
        let legacy =
            #"{"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "function_call": {"name": "weather", "arguments": "{}"}}, {"role": "function", "name": "weather", "content": "4 C"}, {"role": "assistant", "content": "It is 4 C."}]}"#
        // The older function role is not one of the contract's roles (SPEC): it is unknown.
        #expect(measure(legacy).faults[.unknownRole].count == 1)
    }
}

extension ChatLayoutTests {
    @Test func aRepeatedKeyReplacesItsToolCallsToo() {
        let call =
            #"{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{\"q\": \"a long query that costs many tokens to write out in full\"}"}}]}"#
        let question = #"{"role": "user", "content": "Go"}"#
        let answer = #"{"role": "assistant", "content": "Done."}"#
        let repeated = #"{"messages": [\#(question), \#(call)], "messages": [\#(question), \#(answer)]}"#
        let plain = #"{"messages": [\#(question), \#(answer)]}"#
        #expect(measure(repeated).tokens.total == measure(plain).tokens.total)
        #expect(measure([repeated, plain].joined(separator: "\n")).duplicates == 1)
    }
}
