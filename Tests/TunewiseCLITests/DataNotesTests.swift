import Foundation
import ProcessRunner
import Testing

extension BinaryTests {
    /// What `tunewise data` says beyond its counts: of a label set (review 48), and of
    /// data-volume where most examples nearly repeat another (review 49).
    @Suite struct DataNotesTests {
        /// `counts` examples of each label, as chat lines of a claims triage file.
        static func claims(_ counts: [(label: String, count: Int)]) -> [UInt8] {
            var lines: [String] = []
            for (label, count) in counts {
                for index in 0..<count {
                    lines.append(
                        #"{"messages": [{"role": "user", "content": "Claim \#(lines.count): damage reported, case \#(index)"}, "#
                            + #"{"role": "assistant", "content": "\#(label)"}]}"#)
                }
            }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }

        /// `tunewise data claims.jsonl` with `arguments`, or with `command` in place of `data
        /// claims.jsonl`, in a directory holding `bytes` as claims.jsonl.
        func run(_ bytes: [UInt8], _ arguments: [String] = [], command: [String] = ["data", "claims.jsonl"]) throws -> Outcome {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-labels-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(bytes).write(to: folder.appendingPathComponent("claims.jsonl"))
            return try Binary.run(command + arguments, directory: folder)
        }

        /// A label with a handful of examples among hundreds is named with its count, in text and
        /// Markdown, and `advise --data` carries the note; a label with 20 is not rare.
        @Test func aLabelTooRareToLearnOrTestIsNamed() throws {
            let file = Self.claims([("auto", 200), ("property", 60), ("injury", 20), ("fraud", 4)])
            let text = try run(file).outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Labels with fewer than 20 examples (fraud: 4) are too few to learn reliably"), "\(text)")
            #expect(!text.contains("injury: 20"))
            let markdown = try run(file, ["--format", "markdown"]).outputText
            #expect(markdown.contains("> Labels with fewer than 20 examples (fraud: 4)"), "\(markdown)")
            let advice = try run(
                file,
                command: [
                    "--data", "claims.jsonl", "--need", "behavior", "--transience", "static", "--governance", "confidential", "--budget",
                    "moderate", "--time-to-market", "weeks", "--consistency", "critical", "--output-style", "label", "--no-input",
                ]
            ).outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(advice.contains("Labels with fewer than 20 examples (fraud: 4)"), "\(advice)")
        }

        /// Spellings of one label (case, a final full stop, `-`, `_` or a space between words)
        /// are named together and counted together: a label rare only by its spellings is not rare.
        @Test func aLabelsSpellingsAreNamedAndCountedTogether() throws {
            let file = Self.claims([
                ("billing", 150), ("billing.", 6), ("tech_support", 12), ("Tech-Support", 10), ("tech support", 3), ("fraud", 4),
            ])
            let text = try run(file).outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                text.contains(#"Labels written more than one way ("billing" and "billing."; "tech_support", "Tech-Support" and "tech support")"#),
                "\(text)")
            #expect(text.contains("Labels with fewer than 20 examples (fraud: 4)"), "\(text)")
            #expect(text.contains("route it by a rule or to a person"), "\(text)")
        }

        /// A small file is short of examples for every label, which data-volume says: no label
        /// is named rare there, nor where every label of a larger file is rare.
        @Test func aSmallFileNamesNoRareLabel() throws {
            let text = try run(Self.claims([("auto", 40), ("fraud", 4)])).outputText
            #expect(text.contains("labels: auto"), "\(text)")
            #expect(!text.contains("Labels with fewer than"))
            let spread = try run(Self.claims((1...8).map { ("label\($0)", 13) })).outputText
            #expect(spread.contains("labels: label"), "\(spread)")
            #expect(!spread.contains("Labels with fewer than"), "\(spread)")
        }

        /// Variations of one template: the report says beside its data-volume answer how many
        /// nearly repeat another and what those left would answer, as advise --data does.
        @Test func manyNearDuplicatesAreSaidBesideTheDataVolume() throws {
            let topics = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
            var lines: [String] = []
            for round in 0..<12 {
                for topic in topics {
                    lines.append(
                        #"{"messages": [{"role": "user", "content": "Summarise the quarterly sales report for the northern region and mention \#(topic) \#(round) today"}, "#
                            + #"{"role": "assistant", "content": "Northern region sales grew steadily this quarter with strong results in every line including \#(topic) \#(round)"}]}"#
                    )
                }
            }
            let text = try run(Array((lines.joined(separator: "\n") + "\n").utf8)).outputText.split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            #expect(text.contains("Answers data-volume hundreds"), "\(text)")
            #expect(text.contains("of the 120 unique examples nearly repeat another (named below): data-volume counts each"), "\(text)")
            #expect(text.contains("would answer few"), "\(text)")
        }
    }
}
