import Foundation
import ProcessRunner
import Testing
import TunewiseKit

extension BinaryTests {
    /// `advise --data` on answers rated true or false (KTO's layout): those rated false would
    /// be imitated, so where the ones rated true alone answer another data-volume that would
    /// change the advice, that is the first risk and the confidence is low.
    @Suite struct RatedDataTests {
        /// `count` distinct prompt/completion pairs, the last `ratedDown` of them rated false.
        func folder(examples count: Int, ratedDown: Int) throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-rated-data-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let words = ["alpha", "bravo", "delta", "golf", "hotel", "india", "kilo", "lima", "mike", "oscar", "papa", "romeo", "tango", "zulu"]
            func text(_ seed: Int) -> String {
                (0..<12).map { words[(seed * 7919 + $0 * 104_729 + seed / 3 * $0) % words.count] }.joined(separator: " ")
            }
            let lines = (0..<count).map { index in
                #"{"prompt": "Rewrite for the portal: \#(text(index)) order \#(index)", "completion": "\#(text(index + 1000)) \#(index)", "label": \#(index < count - ratedDown)}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("rated.jsonl"))
            return folder
        }

        static let answers = [
            "--need", "behavior", "--transience", "static", "--governance", "open", "--budget", "moderate", "--time-to-market", "weeks",
            "--consistency", "important", "--output-style", "custom", "--model-access", "api-tuning", "--ml-expertise", "some",
            "--prompting-status", "plateaued", "--no-input", "--format", "json",
        ]

        @Test func answersRatedFalseThatWouldChangeTheAdviceAreTheFirstRisk() throws {
            let outcome = try Binary.run(["advise", "--data", "rated.jsonl"] + Self.answers, directory: folder(examples: 150, ratedDown: 70))
            #expect(outcome.code == 0, "\(outcome.errorText)")
            let report = try JSONParser.parse(outcome.standardOutput)
            #expect(report["answers"]?["data-volume"] == .string("hundreds"))
            #expect(report["recommendation"]?["confidence"] == .string("low"))
            let first = try #require(report.risks.first)
            #expect(first["kind"] == .string("data"))
            let text = try #require(first.text)
            #expect(text.contains("70 examples are rated false (KTO's layout)"), "\(text)")
            #expect(text.contains("would answer data-volume few"), "\(text)")
        }

        /// A few answers rated false that change no answer are still a risk of a plan that trains
        /// on the file, listed with the others, the confidence as it was.
        @Test func aFewAnswersRatedFalseAreARiskThatLowersNothing() throws {
            let outcome = try Binary.run(["advise", "--data", "rated.jsonl"] + Self.answers, directory: folder(examples: 150, ratedDown: 10))
            #expect(outcome.code == 0, "\(outcome.errorText)")
            let report = try JSONParser.parse(outcome.standardOutput)
            let unrated = try Binary.run(["advise", "--data", "rated.jsonl"] + Self.answers, directory: folder(examples: 150, ratedDown: 0))
            #expect(report["recommendation"]?["confidence"] == (try JSONParser.parse(unrated.standardOutput))["recommendation"]?["confidence"])
            let texts = report.risks.compactMap(\.text)
            #expect(texts.contains { $0.contains("10 examples are rated false (KTO's layout): imitated as they stand") }, "\(texts)")
            #expect(!texts.contains { $0.contains("rated true alone would answer") })
        }
    }
}
