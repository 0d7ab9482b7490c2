import Foundation
import Testing
import TunewiseKit

extension BinaryTests.DataCommandTests {
    /// An evaluation example that nearly repeats a training one is located, as one that
    /// repeats it is: its line and the training line, in text and JSON.
    @Test func nearLeakageNamesItsLines() throws {
        let sentence = "Please move my dentist appointment from Tuesday morning to Thursday afternoon next week if possible"
        let train = [#"{"messages": [{"role": "user", "content": "\#(sentence)"}, {"role": "assistant", "content": "Moved to Thursday."}]}"#]
        let eval = [
            #"{"messages": [{"role": "user", "content": "Hello"}, {"role": "assistant", "content": "Hi"}]}"#,
            #"{"messages": [{"role": "user", "content": "\#(sentence), thanks"}, {"role": "assistant", "content": "Moved to Thursday."}]}"#,
        ]
        let folder = try directory(["train.jsonl": lines(train), "eval.jsonl": lines(eval)])
        let text = try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl"], environment: ["COLUMNS": "300"], directory: folder)
        #expect(text.outputText.contains("1 more nearly repeats a training example (evaluation line → training line: 2→1)"), "\(text.outputText)")
        let json = try JSONParser.parse(
            try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl", "--format", "json"], directory: folder).standardOutput)
        #expect(
            json["data"]?["leakage"]?["evalNearPairsInTrain"] == .array([.object([("line", .number(2)), ("trainingLine", .number(1))])]))
    }

    /// A leak comes with what to do about it; an evaluation file with none has no such advice.
    @Test func leakageSaysToSeparateTheSetsOnlyWhenThereIsSome() throws {
        let folder = try directory([
            "train.jsonl": lines([#"{"prompt": "2+2=", "completion": "4"}"#, #"{"prompt": "3+3=", "completion": "6"}"#]),
            "leaky.jsonl": lines([#"{"prompt": "2+2=", "completion": "4"}"#]),
            "clean.jsonl": lines([#"{"prompt": "5+5=", "completion": "10"}"#]),
        ])
        let advice = "take them out of training or out of the evaluation, so that it scores only what the model was not trained on"
        let leaky = try Binary.run(["data", "train.jsonl", "--eval", "leaky.jsonl"], environment: ["COLUMNS": "300"], directory: folder).outputText
        #expect(leaky.contains("Leakage: 1 of its examples is in training (evaluation line → training line: 1→1): " + advice), "\(leaky)")
        let clean = try Binary.run(["data", "train.jsonl", "--eval", "clean.jsonl"], environment: ["COLUMNS": "300"], directory: folder).outputText
        #expect(clean.contains("Leakage: 0 of its examples are in training\n"), "\(clean)")
        #expect(!clean.contains(advice))
    }
}
