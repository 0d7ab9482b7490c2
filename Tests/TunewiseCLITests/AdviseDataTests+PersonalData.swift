import Foundation
import ProcessRunner
import Testing
import TunewiseKit

extension BinaryTests.AdviseDataTests {
    /// Personal data in a file a plan trains on is a risk whatever the governance answer
    /// (here open): tuned weights can repeat it to anyone; a plan that never trains has no such risk.
    @Test func personalDataInTheTrainingFileIsARiskWhereThePlanTrains() throws {
        let folder = try folder(examples: 150)
        let trains = try Binary.run(
            ["advise", "--data", "train.jsonl", "--prompting-status", "plateaued", "--output-style", "custom", "--format", "json"] + Self.answers,
            directory: folder)
        let report = try JSONParser.parse(Array(trains.outputText.utf8))
        guard case .array(let risks)? = report["recommendation"]?["risks"] else {
            Issue.record("no risks")
            return
        }
        #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
        let personal = risks.first { risk in
            if case .string(let text)? = risk["text"] { text.hasPrefix("train.jsonl holds personal data (email in 1 example): ") } else { false }
        }
        #expect(personal?["kind"] == .string("data"), "\(risks)")
        let prompts = try Binary.run(
            [
                "advise", "--data", "train.jsonl", "--need", "knowledge", "--transience", "frequent", "--governance", "open", "--budget",
                "moderate", "--time-to-market", "weeks", "--consistency", "important",
            ], directory: folder)
        #expect(prompts.code == 0)
        #expect(prompts.outputText.contains("Personal data found in train.jsonl"))
        #expect(!prompts.outputText.contains("holds personal data"), "\(prompts.outputText)")
    }
}
