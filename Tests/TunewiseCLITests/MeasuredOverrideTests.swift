import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// An answer given over what `advise --data` measured, where the measured one would change
    /// the advice: the first risk says so, as an answer given over the policy's does.
    @Suite struct MeasuredOverrideTests {
        @Test func anAnswerGivenOverTheMeasuredOneThatWouldChangeTheAdviceIsARisk() throws {
            let folder = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            var words = FixedWords("late order refund parcel courier invoice address damaged missing return label payment card account", seed: 7)
            let lines = (0..<1_200).map { index in
                let text = words.text(12)
                return #"{"messages": [{"role": "user", "content": "\#(text)"}, {"role": "assistant", "content": "intent-\#(index % 40)"}]}"#
            }
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("intents.jsonl"), atomically: true, encoding: .utf8)
            let answers = [
                "--data", "intents.jsonl", "--need", "behavior", "--transience", "static", "--governance", "open", "--budget", "moderate",
                "--time-to-market", "weeks", "--consistency", "important", "--output-style", "label", "--no-input", "--no-policy",
            ]
            let given = try Binary.run(answers + ["--data-volume", "few", "--format", "json"], directory: folder)
            #expect(given.stderr.contains("note: data-volume few is used, but intents.jsonl measures thousands"), "\(given.stderr)")
            let report = try JSONParser.parse(Array(given.stdout.utf8))
            #expect(report["recommendation"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let risks)? = report["recommendation"]?["risks"] else {
                Issue.record("no risks")
                return
            }
            #expect(risks.first?["kind"] == .string("data"))
            #expect(
                risks.first?["text"]
                    == .string(
                        "You answered data-volume few, but intents.jsonl measures thousands (1,200 unique valid examples): with the measured "
                            + "answer the advice would be PEFT / fine-tuning."))
            // Near-duplicates qualify a measured data-volume, not one given over it.
            let templated = (0..<1_200).map { index in
                #"{"messages": [{"role": "user", "content": "Ticket \#(index): my order is late"}, {"role": "assistant", "content": "intent-\#(index % 40)"}]}"#
            }
            try (templated.joined(separator: "\n") + "\n").write(
                to: folder.appendingPathComponent("template.jsonl"), atomically: true, encoding: .utf8)
            let overTemplate = answers.map { $0 == "intents.jsonl" ? "template.jsonl" : $0 } + ["--data-volume", "few", "--format", "json"]
            let templatedReport = try JSONParser.parse(Array(try Binary.run(overTemplate, directory: folder).stdout.utf8))
            guard case .array(let templatedRisks)? = templatedReport["recommendation"]?["risks"] else { return }
            #expect(!templatedRisks.contains { "\($0["text"] ?? .null)".contains("nearly repeat another") }, "\(templatedRisks)")
            // The measured answer itself raises no such risk.
            let measured = try JSONParser.parse(Array(try Binary.run(answers + ["--format", "json"], directory: folder).stdout.utf8))
            guard case .array(let measuredRisks)? = measured["recommendation"]?["risks"] else { return }
            #expect(!measuredRisks.contains { $0["text"].map { "\($0)".contains("You answered") } ?? false })
        }

        /// A training signal given over the measured one, where the plan trains: the first risk,
        /// and the confidence a level down.
        @Test func aTrainingSignalGivenOverTheMeasuredOneIsARiskWhereThePlanTrains() throws {
            let folder = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let lines = (0..<400).map { index in
                #"{"prompt": "Which size fits a \#(170 + index % 30) cm customer who wears \#(index % 7 + 36) in brand \#(index)?", "completion": "Size \#(index % 5)"}"#
            }
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("sizes.jsonl"), atomically: true, encoding: .utf8)
            let answers = [
                "--data", "sizes.jsonl", "--need", "behavior", "--transience", "static", "--governance", "open", "--budget", "substantial",
                "--time-to-market", "months", "--consistency", "important", "--prompting-status", "plateaued", "--no-input", "--no-policy",
                "--format", "json",
            ]
            let measured = try JSONParser.parse(Array(try Binary.run(answers, directory: folder).stdout.utf8))
            let given = try JSONParser.parse(Array(try Binary.run(answers + ["--training-signal", "comparisons"], directory: folder).stdout.utf8))
            #expect(given["recommendation"]?["strategy"] == measured["recommendation"]?["strategy"])
            // One level down from the measured answer's.
            let levels: [JSONValue] = [.string("low"), .string("medium"), .string("high")]
            let before = try #require(levels.firstIndex { $0 == measured["recommendation"]?["confidence"] })
            #expect(before > 0)
            #expect(given["recommendation"]?["confidence"] == levels[before - 1])
            guard case .array(let risks)? = given["recommendation"]?["risks"] else {
                Issue.record("no risks")
                return
            }
            #expect(
                risks.first?["text"]
                    == .string(
                        "You answered training-signal comparisons, but sizes.jsonl measures demonstrations (prompt-completion examples): the "
                            + "plan trains as your answer says, which the file may not support; check which is right first."))
        }
    }
}
