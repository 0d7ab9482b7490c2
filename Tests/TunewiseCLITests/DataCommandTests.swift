import Foundation
import ProcessRunner
import Testing
import TunewiseKit

extension BinaryTests {
    /// `tunewise data`, run as a user or a CI job would run it.
    @Suite struct DataCommandTests {
        static let valid = [
            #"{"messages": [{"role": "user", "content": "Where is my parcel? Mail me at ann@example.com"}, {"role": "assistant", "content": "It ships today."}]}"#,
            #"{"messages": [{"role": "user", "content": "Cancel my order"}, {"role": "assistant", "content": "Done."}]}"#,
        ]

        /// A new directory with `files` written in it.
        func directory(_ files: [String: [UInt8]]) throws -> URL {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-data-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(name)) }
            return directory
        }

        func lines(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

        @Test func readsAFileAndReportsAt80Columns() throws {
            let folder = try directory(["train.jsonl": lines(Self.valid + ["not json", Self.valid[0]])])
            let outcome = try Binary.run(["data", "train.jsonl"], directory: folder)
            #expect(outcome.code == 0)
            #expect(outcome.errorText.isEmpty)
            let text = outcome.outputText
            #expect(text.hasPrefix("train.jsonl: chat, 4 lines"))
            #expect(text.contains("Examples  3 valid, 1 invalid"))
            #expect(text.contains("2 unique, 1 duplicate, 0 near-duplicates"))
            #expect(text.contains("Duplicates (each says what an earlier example says)\n  line 4 repeats line 1\n"))
            #expect(text.contains("not-json  1  line 3"))
            #expect(text.contains("email  2  lines 1, 4"))
            #expect(text.contains("Answers   data-volume few, training-signal demonstrations"))
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        }

        @Test func labelsThatDifferOnlyBySpacesStayApart() throws {
            // Three of each: labels are outputs drawn from a few, each given several times.
            let outputs = Array(repeating: ["negative", " negative", "positive", "", "a, b"], count: 3).joined()
            let examples = outputs.map { #"{"messages": [{"role": "user", "content": "Rate it"}, {"role": "assistant", "content": "\#($0)"}]}"# }
            let folder = try directory(["train.jsonl": lines(examples)])
            let text = try Binary.run(["data", "train.jsonl"], directory: folder).outputText
            #expect(text.contains(#"labels: "" 20.0%, " negative" 20.0%, "a, b" 20.0%, negative 20.0%"#), "\(text)")
            #expect(text.contains(#"Labels written more than one way (" negative" and "negative") are"#), "\(text)")
            // Completions that end with a line break are labels too, shown with it.
            let completions = Array(repeating: ["positive\\n", "negative\\n"], count: 4).joined() + ["negative"]
            let withBreaks = try directory([
                "train.jsonl": lines(completions.map { #"{"prompt": "Rate it", "completion": "\#($0)"}"# })
            ])
            let broken = try Binary.run(["data", "train.jsonl"], directory: withBreaks).outputText
            #expect(broken.contains(#"labels: "negative\n" 44.4%, "positive\n" 44.4%, negative 11.1%"#), "\(broken)")
            #expect(broken.contains(#"("negative\n" and "negative")"#), "\(broken)")
            // Five outputs, each its own, are answers rather than labels.
            let once = try directory(["train.jsonl": lines(Array(examples.prefix(5)))])
            #expect(!(try Binary.run(["data", "train.jsonl"], directory: once).outputText.contains("labels:")))
        }

        @Test func aMixedFileSaysHowManyOfEachFormat() throws {
            let folder = try directory(["train.jsonl": lines(Self.valid + [#"{"prompt": "2+2=", "completion": "4"}"#])])
            let text = try Binary.run(["data", "train.jsonl"], directory: folder).outputText
            #expect(text.hasPrefix("train.jsonl: mixed (2 chat, 1 prompt-completion), 3 lines"))
            #expect(
                text.replacingOccurrences(of: "\n    ", with: " ").contains(
                    "This file writes 2 examples as chat messages and 1 as prompt and completion: hosted tuning services"), "\(text)")
            let chats = try Binary.run(["data", "-"], input: Self.valid.joined(separator: "\n")).outputText
            #expect(!chats.contains("prompt and completion"))
            // Preference pairs in both layouts are one format, but no trainer reads them as one file.
            let trl = #"{"prompt": "Hi", "chosen": "Hello, how can I help?", "rejected": "What."}"#
            let openAI =
                #"{"input": {"messages": [{"role": "user", "content": "Hi"}]}, "preferred_output": [{"role": "assistant", "content": "Hello!"}], "non_preferred_output": [{"role": "assistant", "content": "No."}]}"#
            let pairs = try Binary.run(["data", "-"], input: [trl, openAI, openAI].joined(separator: "\n")).outputText
                .replacingOccurrences(of: "\n    ", with: " ")
            #expect(pairs.contains("This file writes 2 preference pairs as input, preferred_output"), "\(pairs)")
            #expect(pairs.contains("and 1 as prompt, chosen and rejected (TRL's)"), "\(pairs)")
            #expect(!(try Binary.run(["data", "-"], input: [openAI, openAI].joined(separator: "\n")).outputText.contains("TRL's")))
        }

        @Test func strictHoldsTheEvaluationFileToo() throws {
            let folder = try directory(["train.jsonl": lines(Self.valid), "eval.json": Array("{\"a\": 1}\n{\"b\": 2}\n[1]\n".utf8)])
            let outcome = try Binary.run(["data", "train.jsonl", "--eval", "eval.json", "--strict"], directory: folder)
            #expect(outcome.code == 65)
            #expect(outcome.errorText == "tunewise: --strict: eval.json has 3 invalid lines and no valid example\n")
            #expect(outcome.outputText.contains("Leakage: not measured, as it has no valid example"))
            #expect(try Binary.run(["data", "train.jsonl", "--eval", "train.jsonl", "--strict"], directory: folder).code == 0)
        }

        @Test func manyNearDuplicatesPointToASharedInstruction() throws {
            let instruction =
                "Classify the sentiment of the following customer review as positive, negative or neutral, "
                + "considering sarcasm, mixed feelings and the overall tone of the writer, and reply with the label only, "
                + "in lower case, with no explanation, no quotes and no punctuation of any kind."
            let reviews = [
                "The blender broke after two days.", "Absolutely love this warm jacket.", "It arrived on time, nothing special.",
                "Support never answered my three emails.", "Great value for the price I paid.", "The colour faded after one wash.",
                "Fits well but the zip is stiff.", "Would not buy this kettle again.",
            ]
            let examples = reviews.map {
                #"{"messages": [{"role": "user", "content": "\#(instruction) Review: \#($0)"}, {"role": "assistant", "content": "neutral"}]}"#
            }
            let asSystem = reviews.map {
                #"{"messages": [{"role": "system", "content": "\#(instruction)"}, {"role": "user", "content": "Review: \#($0) Thanks for reading it."}, {"role": "assistant", "content": "neutral"}]}"#
            }
            let folder = try directory(["user.jsonl": lines(examples), "system.jsonl": lines(asSystem)])
            let flagged = try Binary.run(["data", "user.jsonl"], directory: folder).outputText
            #expect(flagged.contains(" near-duplicates") && !flagged.contains(" 0 near-duplicates"))
            #expect(flagged.contains("Many examples nearly repeat others:"))
            let clean = try Binary.run(["data", "system.jsonl"], directory: folder).outputText
            #expect(clean.contains("0 near-duplicates"))
            #expect(!clean.contains("Many examples nearly repeat others"))
        }

        @Test func writesTheJSONOfTheSpec() throws {
            let folder = try directory([
                "train.jsonl": lines(Self.valid + [#"{"messages": [{"role": "bot", "content": "x"}]}"#]),
                "eval.jsonl": lines([Self.valid[1], #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}"#]),
            ])
            let outcome = try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl", "--format", "json"], directory: folder)
            #expect(outcome.code == 0)
            let report = try JSONParser.parse(outcome.standardOutput)
            #expect(report["schemaVersion"] == .number(2))
            let data = try #require(report["data"])
            #expect(data["format"] == .string("chat"))
            #expect(data["examples"]?["valid"] == .number(2))
            #expect(data["examples"]?["invalid"] == .number(1))
            #expect(data["faults"]?[0]?["kind"] == .string("unknown-role"))
            #expect(data["faults"]?[0]?["lines"] == .array([.number(3)]))
            #expect(data["leakage"]?["evalExamplesInTrain"] == .number(1))
            #expect(data["leakage"]?["evalLinesInTrain"] == .array([.number(1)]))
            #expect(data["duplicateLines"] == .array([]))
            #expect(data["files"]?[1]?["role"] == .string("eval"))
            #expect(data["pii"]?[0]?["kind"] == .string("email"))
            #expect(data["answers"]?["data-volume"] == .string("few"))
            #expect(data["tokens"]?["limit"] == .number(65536))
        }

        @Test func namesTheLinesOfDuplicatesLeaksAndLongExamplesInEveryFormat() throws {
            let long =
                #"{"messages": [{"role": "user", "content": "\#(String(repeating: "word ", count: 40))"}, {"role": "assistant", "content": "ok"}]}"#
            let folder = try directory([
                "train.jsonl": lines(Self.valid + [Self.valid[0], long, Self.valid[1]]), "eval.jsonl": lines([long, Self.valid[1]]),
            ])
            let run = { (format: String) in
                try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl", "--token-limit", "30", "--format", format], directory: folder)
                    .outputText
            }
            let text = try run("text")
            #expect(text.contains("  line 3 repeats line 1; line 5 repeats line 2\n"))
            #expect(text.contains("1 over the limit of 30 (--token-limit): line 4"))
            #expect(text.contains("are in training (evaluation line → training line:\n    1→4, 2→2)"))
            let markdown = try run("markdown")
            #expect(markdown.contains("Duplicates (each says what an earlier example says): line 3 repeats line 1; line 5 repeats line 2."))
            #expect(markdown.contains("Over the limit: line 4."))
            #expect(markdown.contains("2 lines, 2 valid, 0 invalid."))
            #expect(markdown.contains("2 evaluation examples are in training (evaluation line → training line: 1→4, 2→2)"))
            let json = try JSONParser.parse(Array(try run("json").utf8))
            #expect(json["data"]?["duplicateLines"] == .array([.number(3), .number(5)]))
            let pair = { (line: Double, earlier: Double) in JSONValue.object([("line", .number(line)), ("earlierLine", .number(earlier))]) }
            #expect(json["data"]?["duplicatePairs"] == .array([pair(3, 1), pair(5, 2)]))
            #expect(json["data"]?["overLimitLines"] == .array([.number(4)]))
            #expect(json["data"]?["kept"]?["lines"] == .number(10))
            #expect(json["data"]?["leakage"]?["evalPromptsInTrain"] == .number(0))
            #expect(json["data"]?["kept"]?["nearDuplicatePairs"] == .number(5))
        }

        /// A file of several kinds says what data-volume the kind that answers training-signal
        /// would answer alone, and one of ratings what it would be without the answers rated false.
        @Test func saysWhatDataVolumeTheKindThatTrainsWouldAnswerAlone() throws {
            let graded = (0..<60).map { #"{"messages": [{"role": "user", "content": "Claim \#($0)"}], "reference_answer": "covered"}"# }
            let chats = (0..<50).map { #"{"messages": [{"role": "user", "content": "Q \#($0)"}, {"role": "assistant", "content": "A \#($0)"}]}"# }
            let mixed = try Binary.run(["data", "-"], input: (graded + chats).joined(separator: "\n")).outputText
            #expect(mixed.contains("data-volume hundreds, training-signal graders"))
            #expect(
                mixed.replacingOccurrences(of: "\n    ", with: " ").contains(
                    "The data-volume answer counts every kind; the 60 unique prompts for a grader alone would answer few."))
            // The kind's unique examples count, not its lines: 150 pairs of which 80 differ.
            let pairs = (0..<150).map { #"{"prompt": "Q \#($0 % 80)", "chosen": "Good \#($0 % 80)", "rejected": "Bad \#($0 % 80)"}"# }
            let duplicated = try Binary.run(["data", "-"], input: (chats + pairs).joined(separator: "\n")).outputText
            #expect(duplicated.contains("data-volume hundreds, training-signal comparisons"))
            #expect(
                duplicated.replacingOccurrences(of: "\n    ", with: " ").contains(
                    "the 80 unique preference pairs alone would answer few."))
            let ratings = (0..<110).map { #"{"prompt": "Q \#($0)", "completion": "A \#($0)", "label": \#($0 < 60)}"# }
            let rated = try Binary.run(["data", "-"], input: ratings.joined(separator: "\n")).outputText
            #expect(rated.replacingOccurrences(of: "\n    ", with: " ").contains("Without them, data-volume would be few."))
        }

        /// An evaluation file's own duplicates, a format apart from training's, a size past
        /// training's and personal data are named beside its leakage.
        @Test func namesWhatAnEvaluationFileHoldsBesideItsLeakage() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-eval-notes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let train = #"{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}"#
            try Data(train.utf8).write(to: folder.appendingPathComponent("train.jsonl"))
            let eval = [
                #"{"prompt": "Mail bo@example.org", "completion": "Done"}"#, #"{"prompt": "Mail bo@example.org", "completion": "Done"}"#,
            ]
            try Data(eval.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("eval.jsonl"))
            let text = try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl"], directory: folder).outputText
                .replacingOccurrences(of: "\n    ", with: " ")
            #expect(text.contains("  1 of its examples repeats another of its own: line 2 repeats line 1\n"))
            #expect(text.contains("  Its format (prompt-completion) differs from training's (chat).\n"))
            #expect(text.contains("  It holds more valid examples (2) than training (1)"))
            #expect(text.contains("  Personal data (hints) in it: email 2 (lines 1, 2).\n"))
            let markdown = try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl", "--format", "markdown"], directory: folder).outputText
            #expect(markdown.contains("Its format (prompt-completion) differs from training's (chat)."))
        }

        @Test func secretsAloneAreNotCalledPersonalData() throws {
            let text = try Binary.run(
                ["data", "-"], input: #"{"prompt": "Use sk-proj-4f9TzQ2xLm8Rk1VbN7cW3eYh", "completion": "Done"}"#
            ).outputText.replacingOccurrences(of: "\n    ", with: " ")
            #expect(text.contains("secret  1  line 1"))
            #expect(text.contains("Secrets found: rotate the keys now"))
            #expect(!text.contains("Personal data found"))
            let advice = try Binary.run(
                [
                    "advise", "--data", "-", "--need", "behavior", "--transience", "static", "--governance", "open", "--budget", "moderate",
                    "--time-to-market", "weeks", "--consistency", "important", "--no-input",
                ],
                input: #"{"prompt": "Use sk-proj-4f9TzQ2xLm8Rk1VbN7cW3eYh", "completion": "Done"}"#
            ).outputText.replacingOccurrences(of: "\n", with: " ")
            #expect(advice.contains("Secrets found: rotate the keys now"), "\(advice)")
            #expect(!advice.contains("Personal data found"))
        }

        /// JSON in a fence is a fault where the outputs are JSON, and not where prose shows an
        /// example of it.
        @Test func wrappedJSONIsNotedOnlyWhereTheOutputsAreJSON() throws {
            let fenced = #"{"prompt": "Total?", "completion": "```json\n{\"total\": 3}\n```"}"#
            let json = (4...6).map { #"{"prompt": "Sum \#($0)?", "completion": "{\"total\": \#($0)}"}"# }
            let prose = (4...6).map { #"{"prompt": "Explain \#($0)", "completion": "It adds the items, step \#($0) of the way."}"# }
            let task = try Binary.run(["data", "-"], input: ([fenced] + json).joined(separator: "\n")).outputText
            #expect(task.replacingOccurrences(of: "\n", with: " ").contains("1 output holds JSON inside a code fence"), "\(task)")
            let answers = try Binary.run(["data", "-"], input: ([fenced] + prose).joined(separator: "\n")).outputText
            #expect(!answers.contains("code fence"), "\(answers)")
        }

        /// An empty file answers none as the contract maps zero examples, and says it is more
        /// likely a failed export, as `advise --data` does.
        @Test func namesLabelsThatContradictAnEarlierOneForTheSamePrompt() throws {
            let examples = ["shipping", "billing", "shipping"].map { #"{"prompt": "My parcel is late", "completion": "\#($0)"}"# }
            let text = try Binary.run(["data", "-"], input: examples.joined(separator: "\n")).outputText
            #expect(text.contains("conflicting-label  1  line 2\n"), "\(text)")
            #expect(text.contains("1 labelled example repeats an earlier example's prompt with a different label"), "\(text)")
            let json = try Binary.run(["data", "-", "--format", "json"], input: examples.joined(separator: "\n")).outputText
            #expect(json.contains(#""kind": "conflicting-label""#), "\(json)")
        }

        @Test func anEmptyFileSaysItMayBeAFailedExport() throws {
            let text = try Binary.run(["data", "-"], input: "\n\n").outputText.replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains("Answers   data-volume none"))
            #expect(text.contains("The file is empty: an empty export is more often a failed one"), "\(text)")
            let full = try Binary.run(["data", "-"], input: Self.valid.joined(separator: "\n")).outputText
            #expect(!full.contains("The file is empty"))
        }

        /// A file name or a label with Markdown's own characters is shown as written in a job summary.
        @Test func markdownShowsNamesAndLabelsAsWritten() throws {
            let examples =
                (0..<5).map { #"{"prompt": "q\#($0)", "completion": "<b>E</b>"}"# } + (5..<8).map { #"{"prompt": "q\#($0)", "completion": "C`D"}"# }
            let folder = try directory(["a `b`|c.jsonl": lines(examples)])
            let markdown = try Binary.run(["data", "a `b`|c.jsonl", "--format", "markdown"], directory: folder).outputText
            #expect(markdown.hasPrefix("## Training data: ``a `b`|c.jsonl``\n"), "\(markdown)")
            #expect(markdown.contains(#"labels: \<b\>E\</b\> 62.5%, C\`D 37.5%."#), "\(markdown)")
        }

        @Test func saysHowManyLinesEndWithCRLFWhenNotAllDo() throws {
            let every = try Binary.run(["data", "-"], input: "{\"prompt\": \"a\", \"completion\": \"b\"}\r\n").outputText
            #expect(every.hasPrefix("standard input: prompt-completion, 1 line, 36 bytes (CRLF line ends)\n"))
            let some = try Binary.run(["data", "-"], input: "{\"prompt\": \"a\", \"completion\": \"b\"}\r\n\n").outputText
            #expect(some.hasPrefix("standard input: prompt-completion, 2 lines, 37 bytes (1 CRLF line end, 1 blank)\n"))
        }

        /// Notes on what the examples are: prompts for a grader, long conversations, images.
        @Test func notesPromptsForAGraderLongConversationsAndImages() throws {
            let graded = #"{"messages": [{"role": "user", "content": "Grade this claim."}], "reference_answer": "covered"}"#
            let turns = (0..<9).map { #"{"role": "user", "content": "q\#($0)"}, {"role": "assistant", "content": "a\#($0)"}"# }
            let conversation = #"{"messages": [\#(turns.joined(separator: ", "))]}"#
            let image =
                #"{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/1.jpg"}}]}, "#
                + #"{"role": "assistant", "content": "cat"}]}"#
            let text = try Binary.run(["data", "-"], input: [graded, conversation, image].joined(separator: "\n")).outputText
            let notes = text.replacingOccurrences(of: "\n    ", with: " ")
            #expect(notes.contains("1 example is a prompt with no answer to its last turn, beside a reference for a grader"))
            #expect(notes.contains("If it is a demonstration, its answer is missing."))
            #expect(notes.contains("This file mixes 2 demonstrations with 1 prompt for a grader:"))
            #expect(notes.contains("The 3 conversations hold 10 assistant turns (3 each on average)"))
            #expect(notes.contains("1 example holds images or audio, which the token estimate leaves out"))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-latin1-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (Data(#"{"prompt": "caf"#.utf8) + Data([0xE9]) + Data(#"", "completion": "ok"}"#.utf8)).write(
                to: folder.appendingPathComponent("latin1.jsonl"))
            let latin1 = try Binary.run(["data", "latin1.jsonl"], directory: folder)
            #expect(latin1.outputText.replacingOccurrences(of: "\n    ", with: " ").contains("1 of the not-json lines is not UTF-8 (line 1)"))
            let json = try JSONParser.parse(Array(try Binary.run(["data", "-", "--format", "json"], input: graded).outputText.utf8))
            #expect(json["data"]?["graded"] == .number(1))
            let all = try JSONParser.parse(
                Array(
                    try Binary.run(["data", "-", "--format", "json"], input: [graded, conversation, image].joined(separator: "\n")).outputText.utf8))
            #expect(all["data"]?["assistantTurns"] == .number(10))
            #expect(all["data"]?["mediaExamples"] == .number(1))
            #expect(all["data"]?["reasoningExamples"] == .number(0))
            #expect(json["data"]?["answers"]?["training-signal"] == .string("graders"))
        }

        @Test func namesPreferencePairsThatReverseAnEarlierOne() throws {
            let input = [
                #"{"prompt": "Say hi", "chosen": "Hello!", "rejected": "Go away."}"#,
                #"{"prompt": "Say hi", "chosen": "Go away.", "rejected": "Hello!"}"#,
            ].joined(separator: "\n")
            let text = try Binary.run(["data", "-"], input: input).outputText
            #expect(text.contains("Reversed pairs (an earlier prompt with its answers swapped; the two cancel out)\n  line 2 reverses line 1\n"))
            let markdown = try Binary.run(["data", "-", "--format", "markdown"], input: input).outputText
            #expect(markdown.contains("the two cancel out): line 2 reverses line 1."))
            let json = try JSONParser.parse(Array(try Binary.run(["data", "-", "--format", "json"], input: input).outputText.utf8))
            #expect(json["data"]?["reversals"] == .number(1))
            #expect(json["data"]?["reversalPairs"]?[0]?["earlierLine"] == .number(1))
            #expect(!text.contains("This file mixes"))
            let mixed = [input, #"{"prompt": "2+2=", "completion": "4"}"#].joined(separator: "\n")
            let mixedText = try Binary.run(["data", "-"], input: mixed).outputText
            #expect(mixedText.contains("This file mixes 1 demonstration with 2 preference pairs:"))
            #expect(mixedText.contains("training-signal comparisons"))
            let mixedMarkdown = try Binary.run(["data", "-", "--format", "markdown"], input: mixed).outputText
            #expect(mixedMarkdown.contains("> This file mixes 1 demonstration with 2 preference pairs"))
        }

        @Test func warnsThatAnswersRatedFalseAreReadAsDemonstrations() throws {
            let input = [#"{"prompt": "2+2=", "completion": "4", "label": true}"#, #"{"prompt": "2+2=", "completion": "5", "label": false}"#]
                .joined(separator: "\n")
            let text = try Binary.run(["data", "-"], input: input).outputText
            #expect(text.contains("2 examples carry a \"label\" of true or false (KTO's layout"), "\(text)")
            #expect(text.contains("so the 1 labelled false would be\n    imitated"), "\(text)")
            let json = try JSONParser.parse(Array(try Binary.run(["data", "-", "--format", "json"], input: input).outputText.utf8))
            #expect(json["data"]?["ratings"]?["false"] == .number(1))
        }

        @Test func namesEvaluationPromptsThatTrainingAnswersOtherwise() throws {
            let folder = try directory([
                "train.jsonl": lines([#"{"prompt": "2+2=", "completion": "4"}"#, #"{"prompt": "3+3=", "completion": "6"}"#]),
                "eval.jsonl": lines([#"{"prompt": "3+3=", "completion": "six"}"#]),
            ])
            let text = try Binary.run(["data", "train.jsonl", "--eval", "eval.jsonl"], directory: folder).outputText
            #expect(text.contains("Leakage: 0 of its examples are in training; 1 more shares its prompt with a"), "\(text)")
            #expect(text.contains("(evaluation line → training line: 1→2)"), "\(text)")
        }

        @Test func saysWhatToWriteForLinesInAnotherToolsLayout() throws {
            let shareGPT = #"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}"#
            let input = [shareGPT, shareGPT, #"{"instruction": "Name a colour", "input": "", "output": "blue"}"#].joined(separator: "\n")
            let text = try Binary.run(["data", "-"], input: input)
            #expect(text.code == 0)
            #expect(text.outputText.contains("  2 lines (1, 2) look like ShareGPT"))
            #expect(text.outputText.contains(#"with turns of "role" and "content" (from human as user, gpt as assistant,"#))
            #expect(text.outputText.contains(#"not read: write it as a "prompt""#))
            #expect(text.outputText.contains("  1 line (3) looks like Alpaca"))
            let json = try JSONParser.parse(Array(try Binary.run(["data", "-", "--format", "json"], input: input).outputText.utf8))
            #expect(json["data"]?["faults"]?[0]?["kind"] == .string("missing-messages"))
            #expect(json["data"]?["otherLayouts"]?[0]?["kind"] == .string("sharegpt"))
            #expect(json["data"]?["otherLayouts"]?[0]?["count"] == .number(2))
            #expect(json["data"]?["otherLayouts"]?[1]?["kind"] == .string("alpaca"))
            let onlyShareGPT = try Binary.run(["data", "-"], input: [shareGPT, "", shareGPT].joined(separator: "\n"))
            #expect(onlyShareGPT.outputText.contains("  Both lines look like ShareGPT"))
        }

        @Test func readsStandardInputAndWritesMarkdown() throws {
            let outcome = try Binary.run(["data", "-", "--format", "markdown"], input: Self.valid.joined(separator: "\r\n"))
            #expect(outcome.code == 0)
            #expect(outcome.outputText.hasPrefix("## Training data: `standard input`"))
            #expect(outcome.outputText.contains("| chat | 2 | 2 | 0 | 2 | 0 | 0 |"))
        }

        @Test(arguments: [
            (["not json"], Int32(65), "tunewise: --strict: train.jsonl has 1 invalid line and no valid example\n"),
            (valid + ["{}", "[]"], 65, "tunewise: --strict: train.jsonl has 2 invalid lines\n"),
            ([], 65, "tunewise: --strict: train.jsonl has no valid example\n"),
            (valid, 0, ""),
        ])
        func strictFailsOnAnyInvalidLine(fileLines: [String], code: Int32, error: String) throws {
            let folder = try directory(["train.jsonl": fileLines.isEmpty ? [] : lines(fileLines)])
            let outcome = try Binary.run(["data", "train.jsonl", "--strict"], directory: folder)
            #expect(outcome.code == code)
            #expect(outcome.errorText == error)
            #expect(!outcome.outputText.isEmpty)
            #expect(try Binary.run(["data", "train.jsonl"], directory: folder).code == 0)
        }
    }
}

extension JSONValue {
    /// The element at `index` of an array, or `nil`.
    fileprivate subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
