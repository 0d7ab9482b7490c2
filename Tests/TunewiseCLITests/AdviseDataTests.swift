import Foundation
import ProcessRunner
import Testing
import TunewiseKit

extension BinaryTests {
    /// `advise --data` and `cost --data`: answers and training tokens measured from a training file.
    @Suite struct AdviseDataTests {
        static let answers = [
            "--need", "behavior", "--transience", "static", "--governance", "open", "--budget", "moderate", "--time-to-market",
            "weeks", "--consistency", "important",
        ]

        /// A folder with `train.jsonl` of `count` distinct chat examples, the first holding an e-mail address.
        func folder(examples count: Int) throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-advise-data-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let lines = (0..<count).map { index in
                let contact = index == 0 ? " Write to bo@example.org." : ""
                return
                    #"{"messages": [{"role": "user", "content": "Question \#(index)\#(contact)"}, {"role": "assistant", "content": "Answer \#(index)"}]}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            return folder
        }

        @Test func fillsTheDataAnswersFromTheMeasurement() throws {
            let outcome = try Binary.run(["advise", "--data", "train.jsonl", "--format", "json"] + Self.answers, directory: folder(examples: 150))
            #expect(outcome.code == 0)
            #expect(outcome.errorText.isEmpty)
            let report = try JSONParser.parse(outcome.standardOutput)
            #expect(report["answers"]?["data-volume"] == .string("hundreds"))
            #expect(report["answers"]?["training-signal"] == .string("demonstrations"))
            #expect(report["measured"]?["file"] == .string("train.jsonl"))
            #expect(report["measured"]?["personalData"] == .string("email in 1 example"))
        }

        /// `--token-limit` holds the measured examples to the team's own limit, as `tunewise data`
        /// does, and means nothing without `--data`.
        @Test func takesTheTokenLimitWithData() throws {
            let folder = try folder(examples: 150)
            let limited = try Binary.run(["advise", "--data", "train.jsonl", "--token-limit", "3"] + Self.answers, directory: folder)
            #expect(limited.code == 0)
            #expect(limited.outputText.contains("150 over the token limit of 3"))
            let alone = try Binary.run(["advise", "--token-limit", "3"] + Self.answers, directory: folder)
            #expect(alone.code == 64)
            #expect(alone.errorText.hasPrefix("tunewise: --token-limit only applies with --data FILE"))
        }

        /// Prompts for a grader (OpenAI's reinforcement fine-tuning layout) answer `graders`, and
        /// the cost of training on them says it is often billed otherwise.
        @Test func promptsForAGraderAnswerGraders() throws {
            let folder = try folder(examples: 0)
            let lines = (0..<120).map { index in
                #"{"messages": [{"role": "user", "content": "Claim \#(index): a pipe burst."}], "reference_answer": {"clause": "4.\#(index)"}}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("rft.jsonl"))
            let outcome = try Binary.run(["advise", "--data", "rft.jsonl", "--format", "json"] + Self.answers, directory: folder)
            #expect(outcome.code == 0)
            let report = try JSONParser.parse(outcome.standardOutput)
            #expect(report["answers"]?["data-volume"] == .string("hundreds"))
            #expect(report["answers"]?["training-signal"] == .string("graders"))
            let cost = try Binary.run(
                [
                    "cost", "--data", "rft.jsonl", "--format", "json", "--requests-per-day", "100", "--prompt-tokens", "500",
                    "--output-tokens", "100", "--input-price-per-million", "1", "--output-price-per-million", "2",
                    "--tuned-prompt-tokens", "100", "--tuned-input-price-per-million", "2", "--tuned-output-price-per-million", "4",
                    "--epochs", "3", "--training-price-per-million", "8", "--data-prep-hours", "10", "--hourly-rate", "100",
                    "--retrain-every-months", "6",
                ], directory: folder)
            #expect(cost.code == 0)
            #expect(
                cost.errorText.contains(
                    "tunewise: note: in rft.jsonl, 120 examples are prompts for a grader, and reinforcement fine-tuning is often billed by training time, not tokens"
                ))
        }

        @Test func aFileOfNearDuplicatesSaysDataVolumeOverstatesIt() throws {
            let folder = try folder(examples: 0)
            let sentence = "Please summarise the quarterly refund report for the northern region and list the three largest claims"
            let lines = (0..<10).map {
                #"{"messages": [{"role": "user", "content": "\#(sentence) \#($0)"}, {"role": "assistant", "content": "Done."}]}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            let outcome = try Binary.run(["advise", "--data", "train.jsonl"] + Self.answers, directory: folder)
            #expect(outcome.code == 0)
            #expect(outcome.outputText.replacingOccurrences(of: "\n", with: " ").contains("of the 10 unique examples nearly repeat another"))
            // Variations of one template that pass a band say what the distinct ones would answer.
            let many = (0..<120).map {
                #"{"messages": [{"role": "user", "content": "\#(sentence) \#($0)"}, {"role": "assistant", "content": "Done."}]}"#
            }
            try Data((many.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("template.jsonl"))
            let template = try Binary.run(["advise", "--data", "template.jsonl"] + Self.answers, directory: folder)
            let text = template.outputText.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains("Measured from template.jsonl: data-volume hundreds (120 unique valid examples)"), "\(text)")
            #expect(text.contains("The one example left would answer few; if the rest are variations, answer that."), "\(text)")
            // Where that answer would change the advice, it is the first risk and the confidence is low.
            let trained = try Binary.run(
                ["advise", "--data", "template.jsonl", "--prompting-status", "plateaued", "--output-style", "custom", "--format", "json"]
                    + Self.answers, directory: folder)
            let report = try JSONParser.parse(Array(trained.outputText.utf8))
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
            #expect(report["recommendation"]?["confidence"] == .string("low"))
            guard case .array(let risks)? = report["recommendation"]?["risks"], let first = risks.first else {
                Issue.record("no risks")
                return
            }
            #expect(first["kind"] == .string("data"))
            #expect(
                first["text"]
                    == .string(
                        "In template.jsonl, 119 of the 120 unique examples nearly repeat another: the examples left would answer "
                            + "data-volume few, which would make the advice Prompt engineering. Remove the variations (tunewise data names "
                            + "them), or add distinct examples, and measure again before training."))
            // Where it would not (the advice is prompting either way), no such risk.
            #expect(!template.outputText.contains("distinct examples would change it"))
        }

        /// What else `tunewise data` flags is counted under the measured answers; a clean file
        /// adds nothing.
        @Test func theFileFindingsAreCountedUnderTheAnswers() throws {
            let clean = try Binary.run(["advise", "--data", "train.jsonl"] + Self.answers, directory: folder(examples: 12))
            #expect(!clean.outputText.contains("Also in train.jsonl"))
            let folder = try folder(examples: 0)
            let lines = [
                #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#,
                #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#,
                #"{"messages": [{"role": "user", "content": "Bye"}, {"role": "assistant", "content": "See you"}, {"role": "user", "content": "?"}]}"#,
                #"{"messages": [{"role": "user", "content": "Total?"}, {"role": "assistant", "content": "```json\n{\"total\": 3}\n```"}]}"#,
                #"{"messages": [{"role": "user", "content": "Sum?"}, {"role": "assistant", "content": "{\"total\": 4}"}]}"#,
                #"{"messages": [{"role": "user", "content": "Count?"}, {"role": "assistant", "content": "{\"total\": 5}"}]}"#,
            ]
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            let outcome = try Binary.run(["advise", "--data", "train.jsonl"] + Self.answers, directory: folder)
            #expect(
                outcome.outputText.replacingOccurrences(of: "\n", with: " ").contains(
                    "Also in train.jsonl: 1 duplicate, 1 trailing-user-turn, 1 with JSON wrapped in a fence or words; tunewise data names their lines."
                ), "\(outcome.outputText)")
        }

        /// A preference pair and its reversal cancel out: where those left would answer another
        /// data-volume that changes the advice, that is the first risk, as for near-duplicates.
        @Test func reversedPairsCountAgainstTheMeasuredVolume() throws {
            let folder = try folder(examples: 0)
            let pairs = (0..<60).map { index in
                (
                    "Which reply fits ticket \(index) about invoice \(index * 7) and a late delivery of order \(index * 13)?",
                    "Apologise for order \(index * 13) and offer a refund of invoice \(index * 7) within five days.",
                    "Tell them order \(index * 13) is on its way and close ticket \(index)."
                )
            }
            let lines =
                pairs.map { #"{"prompt": "\#($0.0)", "chosen": "\#($0.1)", "rejected": "\#($0.2)"}"# }
                + pairs.map { #"{"prompt": "\#($0.0)", "chosen": "\#($0.2)", "rejected": "\#($0.1)"}"# }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("dpo.jsonl"))
            let advise = try Binary.run(
                ["advise", "--data", "dpo.jsonl", "--prompting-status", "plateaued", "--budget", "substantial", "--time-to-market", "months"]
                    + Self.answers.filter { !["--budget", "moderate", "--time-to-market", "weeks"].contains($0) }, directory: folder)
            let text = advise.outputText.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
            #expect(
                text.contains(
                    "! In dpo.jsonl, of the 120 unique examples, 60 reverse an earlier preference pair (the two cancel out): the examples "
                        + "left would answer data-volume none, which would make the advice Prompt engineering. Remove the conflicting pairs"),
                "\(text)")
        }

        /// A few near-duplicates, too few for a note of their own, are counted with the other findings.
        @Test func aFewNearDuplicatesAreCountedWithTheFindings() throws {
            let folder = try folder(examples: 0)
            var words = FixedWords("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa", seed: 42)
            var lines = (0..<30).map { index in
                let text = words.text(14)
                return
                    #"{"messages": [{"role": "user", "content": "Summarise \#(index): \#(text)"}, {"role": "assistant", "content": "Summary \#(index)"}]}"#
            }
            lines.append(lines[3].replacingOccurrences(of: "Summarise 3:", with: "Summarise 3 please:"))
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("near.jsonl"))
            let data = try Binary.run(["data", "near.jsonl", "--format", "json"], directory: folder)
            let nearDuplicates = try JSONParser.parse(Array(data.outputText.utf8))["data"]?["examples"]?["nearDuplicates"]
            #expect(nearDuplicates == .number(1), "\(data.outputText)")
            let advise = try Binary.run(["advise", "--data", "near.jsonl"] + Self.answers, directory: folder)
            #expect(advise.outputText.contains("Also in near.jsonl: 1 near-duplicate; tunewise data names their lines."), "\(advise.outputText)")
        }

        /// A count of examples just over its data-volume's threshold: the advice stands on it, so
        /// the confidence drops a level and the first risk says so; well above it, nothing.
        @Test func aCountJustOverItsThresholdIsARisk() throws {
            let folder = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            func write(_ count: Int) throws {
                let lines = (0..<count).map { index in
                    #"{"messages": [{"role": "user", "content": "Order \#(index * 7919) arrived late"}, {"role": "assistant", "content": "{\"refund\": \#(index)}"}]}"#
                }
                try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
            }
            let answers = [
                "--data", "train.jsonl", "--need", "behavior", "--transience", "static", "--governance", "confidential", "--budget", "moderate",
                "--time-to-market", "weeks", "--consistency", "critical", "--output-style", "structured", "--model-access", "api-tuning",
                "--prompting-status", "plateaued", "--no-input", "--no-policy",
            ]
            try write(104)
            let near = try Binary.run(answers + ["--format", "json"], directory: folder)
            let report = try JSONParser.parse(Array(near.stdout.utf8))
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"), "\(near.stdout)")
            #expect(report["recommendation"]?["confidence"] == .string("medium"))
            guard case .array(let risks)? = report["recommendation"]?["risks"] else {
                Issue.record("no risks")
                return
            }
            #expect(
                risks.first?["text"]
                    == .string(
                        "train.jsonl holds 104 unique valid examples, just over the threshold of data-volume hundreds: a held-out test "
                            + "set (a tenth to a fifth of them) leaves fewer to train on, and 5 fewer would answer few, which would make the "
                            + "advice Prompt engineering. Treat the advice as close, and add examples (or review the ones you have) before "
                            + "relying on it."))
            let text = try Binary.run(answers, environment: ["COLUMNS": "300"], directory: folder)
            #expect(text.stdout.contains("a few fewer examples would change it (the first risk)"), "\(text.stdout)")
            // 118 is still within a fifth of the threshold: a held-out set of a fifth leaves 94.
            try write(118)
            let edge = try JSONParser.parse(Array(try Binary.run(answers + ["--format", "json"], directory: folder).stdout.utf8))
            #expect(edge["recommendation"]?["confidence"] == .string("medium"))
            try write(130)
            let clear = try JSONParser.parse(Array(try Binary.run(answers + ["--format", "json"], directory: folder).stdout.utf8))
            #expect(clear["recommendation"]?["confidence"] == .string("high"))
        }

        /// Preferred answers longer in most pairs are named, in `data` and in `advise --data`.
        @Test func preferredAnswersLongerInMostPairsAreNamed() throws {
            let folder = try folder(examples: 0)
            let long = "Open the settings, choose security, pick reset and follow the link that arrives by mail within a minute."
            let lines = (0..<12).map { #"{"prompt": "How do I reset password \#($0)?", "chosen": "\#(long)", "rejected": "Use the link."}"# }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("pairs.jsonl"))
            let sentence = "In 100% of the 12 preference pairs the preferred answer is the longer ("
            let data = try Binary.run(["data", "pairs.jsonl"], directory: folder)
            #expect(data.code == 0)
            #expect(data.outputText.replacingOccurrences(of: "\n    ", with: " ").contains(sentence), "\(data.outputText)")
            let advise = try Binary.run(["advise", "--data", "pairs.jsonl"] + Self.answers, directory: folder)
            #expect(advise.outputText.replacingOccurrences(of: "\n", with: " ").contains(sentence))
            #expect(!advise.outputText.contains("Risks:\n  ! In 100%"), "prompting is the advice: no pairs are trained on")
            // Pairs of labels differ in length by their words: no note, the label balance says more.
            let labels = (0..<12).map { #"{"prompt": "Is item \#($0) relevant?", "chosen": "irrelevant", "rejected": "relevant"}"# }
            try Data((labels.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("labels.jsonl"))
            let labelData = try Binary.run(["data", "labels.jsonl"], directory: folder).outputText
            #expect(!labelData.contains("preference pairs the preferred answer is the"), "\(labelData)")
            // Where the first step tunes on the pairs, the bias is its first risk.
            let many = (0..<150).map { #"{"prompt": "How do I reset password \#($0)?", "chosen": "\#(long)", "rejected": "Use the link."}"# }
            try Data((many.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("many.jsonl"))
            let tuned = try Binary.run(
                ["advise", "--data", "many.jsonl", "--prompting-status", "plateaued", "--output-style", "custom", "--format", "json"] + Self.answers,
                directory: folder)
            let report = try JSONParser.parse(Array(tuned.outputText.utf8))
            guard case .array(let risks)? = report["recommendation"]?["risks"], case .array(let variants)? = report["recommendation"]?["variants"]
            else {
                Issue.record("no risks or variants")
                return
            }
            #expect(variants.contains { $0["variant"] == .string("training") && $0["choice"] == .string("preference") })
            // (The pairs also nearly repeat one another, which is a risk of its own.)
            let bias = risks.first { risk in
                if case .string(let text)? = risk["text"] {
                    text.hasPrefix("In 100% of the 150 preference pairs the preferred answer is the longer (")
                } else {
                    false
                }
            }
            #expect(bias?["kind"] == .string("data"), "\(risks)")
        }

        @Test func theTextReportSaysWhatWasMeasured() throws {
            let outcome = try Binary.run(["advise", "--data", "train.jsonl"] + Self.answers, directory: folder(examples: 12))
            #expect(outcome.code == 0)
            #expect(outcome.outputText.contains("Measured from train.jsonl: data-volume few (12 unique valid examples)"))
            #expect(outcome.outputText.contains("Personal data found in train.jsonl"))
        }

        @Test func aFileWithNoExampleItReadsAnswersNothingAndSaysSo() throws {
            let folder = try folder(examples: 0)
            let shareGPT = #"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}"#
            try Data((shareGPT + "\n" + shareGPT + "\n").utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            let refused = try Binary.run(["advise", "--data", "train.jsonl", "--no-input"] + Self.answers, directory: folder)
            #expect(refused.code == 64)
            #expect(
                refused.errorText.hasPrefix(
                    "tunewise: note: no line of train.jsonl is a valid example (2 invalid lines; see tunewise data), so data-volume is not measured\n"
                ))
            #expect(refused.errorText.contains("missing answers for --data-volume"))
            let answered = try Binary.run(["advise", "--data", "train.jsonl", "--data-volume", "hundreds"] + Self.answers, directory: folder)
            #expect(answered.code == 0)
            #expect(answered.outputText.contains("Measured from train.jsonl: nothing (no line of train.jsonl is a valid example"))
        }

        @Test func aGivenAnswerWinsWithANote() throws {
            let outcome = try Binary.run(
                ["advise", "--data", "train.jsonl", "--data-volume", "thousands", "--format", "summary"] + Self.answers,
                directory: folder(examples: 3))
            #expect(outcome.code == 0)
            #expect(outcome.errorText == "tunewise: note: data-volume thousands is used, but train.jsonl measures few (3 unique valid examples)\n")
            // The report says so too, beside what was measured.
            let json = try Binary.run(
                ["advise", "--data", "train.jsonl", "--data-volume", "thousands", "--format", "json"] + Self.answers, directory: folder(examples: 3))
            guard case .array(let answers) = try JSONParser.parse(json.standardOutput)["measured"]?["answers"], let first = answers.first else {
                Issue.record("no measured answers in \(json.outputText)")
                return
            }
            #expect(first["option"] == .string("few"))
            #expect(first["givenInstead"] == .string("thousands"))
            let text = try Binary.run(
                ["advise", "--data", "train.jsonl", "--data-volume", "thousands"] + Self.answers, directory: folder(examples: 3))
            #expect(text.outputText.contains("(3 unique valid examples; thousands\ngiven and used)"))
        }

        @Test func aFileMixingDemonstrationsAndPairsSaysToSplitIt() throws {
            let folder = try folder(examples: 3)
            let pair = #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Go away."}"#
            let lines = try String(contentsOf: folder.appendingPathComponent("train.jsonl"), encoding: .utf8) + pair + "\n"
            try Data(lines.utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            let outcome = try Binary.run(["advise", "--data", "train.jsonl"] + Self.answers, directory: folder)
            #expect(outcome.code == 0)
            #expect(outcome.outputText.contains("This file mixes 3 demonstrations with 1 preference pair"))
            let json = try Binary.run(["advise", "--data", "train.jsonl", "--format", "json"] + Self.answers, directory: folder)
            guard case .array(let notes) = try JSONParser.parse(json.standardOutput)["measured"]?["notes"], case .string(let note)? = notes.first
            else {
                Issue.record("no notes in \(json.outputText)")
                return
            }
            #expect(note.hasPrefix("This file mixes 3 demonstrations"))
        }

        /// An empty export is more often a broken one than a team without data: nothing is
        /// measured, so data-volume is asked for, as for a file with no example read.
        @Test func anEmptyFileAnswersNothingWithANote() throws {
            let folder = try folder(examples: 0)
            let refused = try Binary.run(["advise", "--data", "train.jsonl", "--format", "summary", "--no-input"] + Self.answers, directory: folder)
            #expect(refused.code == 64)
            #expect(refused.errorText.hasPrefix("tunewise: note: train.jsonl is empty, so data-volume is not measured\n"))
            #expect(refused.errorText.contains("missing answers for --data-volume"))
            let answered = try Binary.run(
                ["advise", "--data", "train.jsonl", "--format", "summary", "--data-volume", "none"] + Self.answers, directory: folder)
            #expect(answered.code == 0)
        }

        @Test func costTakesTrainingTokensFromTheData() throws {
            let cost = [
                "cost", "--data", "train.jsonl", "--format", "json", "--requests-per-day", "1000", "--prompt-tokens", "500",
                "--output-tokens", "200", "--input-price-per-million", "1", "--output-price-per-million", "2",
                "--training-price-per-million", "8", "--tuned-prompt-tokens", "50", "--tuned-input-price-per-million", "2",
                "--tuned-output-price-per-million", "4", "--epochs", "3", "--data-prep-hours", "10", "--hourly-rate", "100",
                "--transience", "static",
            ]
            let folder = try folder(examples: 100)
            let measured = try Binary.run(cost, directory: folder)
            #expect(measured.code == 0)
            let data = try Binary.run(["data", "train.jsonl", "--format", "json"], directory: folder)
            guard case .number(let total) = try JSONParser.parse(data.standardOutput)["data"]?["tokens"]?["total"] else {
                Issue.record("no token total in \(data.outputText)")
                return
            }
            // The same cost as the measured tokens given as a flag, but for naming the file they came from.
            let given = try Binary.run(
                cost.filter { $0 != "--data" && $0 != "train.jsonl" } + ["--training-tokens", JSONWriter.format(total)], directory: folder)
            let fromFile = #""trainingTokensFrom": "train.jsonl""#
            #expect(measured.outputText.contains(fromFile))
            #expect(measured.outputText.replacingOccurrences(of: fromFile, with: #""trainingTokensFrom": null"#) == given.outputText)
            let text = try Binary.run(cost.filter { $0 != "json" && $0 != "--format" }, directory: folder).outputText
            #expect(
                text.replacingOccurrences(of: "\n", with: " ").contains(
                    "Training tokens: 1,508, estimated in train.jsonl as tunewise data counts them; a run bills them once an epoch."), "\(text)")
            let disagreeing = try Binary.run(cost + ["--training-tokens", "99999"], directory: folder)
            #expect(
                disagreeing.errorText
                    == "tunewise: note: --training-tokens 99999 is used, but train.jsonl holds about 1,508 training tokens (estimated)\n")
        }

        @Test func theMeasurementWinsOverACostFileAndAnEmptyFileGivesNone() throws {
            let folder = try folder(examples: 100)
            try CostInputsDocument.template.write(to: folder.appendingPathComponent("cost.json"), atomically: true, encoding: .utf8)
            try Data("{\"a\": 1}\n{\"b\": 2}\n[1]\n".utf8).write(to: folder.appendingPathComponent("array.json"))
            let measured = try Binary.run(["cost", "--cost", "cost.json", "--data", "train.jsonl", "--format", "json"], directory: folder)
            #expect(measured.code == 0)
            #expect(
                measured.errorText.hasPrefix(
                    "tunewise: note: the 1,508 training tokens estimated in train.jsonl are used, not the cost file's trainingTokens "))
            let fromFlag = try Binary.run(
                ["cost", "--cost", "cost.json", "--training-tokens", "1508", "--format", "json"], directory: folder)
            #expect(
                measured.outputText.replacingOccurrences(of: #""trainingTokensFrom": "train.jsonl""#, with: #""trainingTokensFrom": null"#)
                    == fromFlag.outputText)
            let empty = try Binary.run(["cost", "--cost", "cost.json", "--data", "array.json", "--format", "json"], directory: folder)
            #expect(empty.code == 0)
            #expect(
                empty.errorText
                    == "tunewise: note: array.json has no valid example, so it gives no training tokens; the cost file's trainingTokens 2000000 is used\n"
            )
            #expect(empty.outputText == (try Binary.run(["cost", "--cost", "cost.json", "--format", "json"], directory: folder)).outputText)
        }
    }
}
