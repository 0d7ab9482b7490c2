import Foundation
import ProcessRunner
import Testing
import TunewiseKit

@testable import TunewiseCLI

extension BinaryTests {
    /// `tunewise diff`: two answers files (or two rubrics), run from the built binary.
    @Suite struct DiffTests {
        /// An FAQ bot's answers with the `need` given.
        static func answers(need: String) -> String {
            """
            {"need": "\(need)", "data-volume": "hundreds", "transience": "static", "governance": "open",
             "budget": "moderate", "time-to-market": "months", "consistency": "important", "prompting-status": "plateaued"}
            """
        }

        /// Writes `files` (name to contents) into a fresh directory and runs `diff` there.
        static func run(_ arguments: [String], files: [String: String]) throws -> Outcome {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            for (name, contents) in files {
                try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
            }
            return try Binary.run(["diff"] + arguments, directory: directory)
        }

        @Test func identicalFilesShowNoDifference() throws {
            let files = ["a.json": Self.answers(need: "knowledge"), "b.json": Self.answers(need: "knowledge")]
            let result = try Self.run(["a.json", "b.json"], files: files)
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.lowercased().contains("no difference"), "\(result.stdout)")
            let gated = try Self.run(["a.json", "b.json", "--exit-code"], files: files)
            #expect(gated.code == 0, "no difference is a success even with --exit-code")
        }

        @Test func aKnowledgeVersusBehaviorNeedShowsTheStrategyChange() throws {
            let files = ["a.json": Self.answers(need: "knowledge"), "b.json": Self.answers(need: "behavior")]
            let result = try Self.run(["a.json", "b.json"], files: files)
            #expect(result.code == 0)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("  need: knowledge → behavior"), "\(result.stdout)")
            let strategy = try #require(lines.first { $0.hasPrefix("  strategy:") })
            #expect(strategy.contains("prompt-engineering →"), "\(strategy)")
            #expect(lines.contains { $0.hasPrefix("  plan:") })

            let gated = try Self.run(["a.json", "b.json", "--exit-code"], files: files)
            #expect(gated.code == 1)
            #expect(gated.stdout == result.stdout)
        }

        /// The same strategy carried out another way (full fine-tuning of a small model for one
        /// task, LoRA once the number of tasks is unsaid) is a change of plan, which a CI gate
        /// on `--exit-code` sees (review 48).
        @Test func aChangeOfTuningMethodIsAChangeOfPlan() throws {
            let small = """
                {"need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                 "time-to-market": "months", "consistency": "critical", "model-access": "weights", "model-size": "small",
                 "ml-expertise": "strong"
                """
            let files = ["a.json": small + #", "task-diversity": "one"}"#, "b.json": small + "}"]
            let result = try Self.run(["a.json", "b.json", "--exit-code"], files: files)
            #expect(result.code == 1, "\(result.stdout)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("  strategy:") && $0.hasSuffix("(unchanged)") })
            #expect(result.stdout.contains("tuning-method: full) now →"), "\(result.stdout)")
            let json = try JSONParser.parse(Array(Self.run(["a.json", "b.json", "--format", "json"], files: files).stdout.utf8))
            guard case .array(let changes)? = json["changes"] else {
                Issue.record("no changes")
                return
            }
            #expect(changes.contains(.string("plan")) && !changes.contains(.string("strategy")))
            guard case .array(let plan)? = json["advice"]?["b"]?["plan"] else {
                Issue.record("no plan")
                return
            }
            #expect(plan.first?["variants"]?["tuning-method"] == .string("peft"))
        }

        /// The same plan carried out by other steps (a hosted tuning job, then a LoRA run on
        /// open weights) is a change of what the team does: each step added and removed is
        /// listed, and --exit-code fails (review 49).
        @Test func stepsThatChangeUnderTheSamePlanAreListed() throws {
            let hosted = """
                {"need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                 "time-to-market": "months", "consistency": "critical", "prompting-status": "plateaued"
                """
            let files = [
                "a.json": hosted + #", "model-access": "api-tuning"}"#, "b.json": hosted + #", "model-access": "weights", "ml-expertise": "strong"}"#,
            ]
            let result = try Self.run(["a.json", "b.json", "--exit-code"], files: files)
            #expect(result.code == 1, "\(result.stdout)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let plan = try #require(lines.first { $0.hasPrefix("  plan:") })
            #expect(plan.hasSuffix("(unchanged)") || lines[lines.firstIndex(of: plan)! + 1].hasSuffix("(unchanged)"), "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("  next steps: ") && $0.contains("added") && $0.contains("removed") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("    + Run the training with LoRA adapters on the open model") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("    - On the provider's hosted service") }, "\(result.stdout)")
            let json = try JSONParser.parse(Array(Self.run(["a.json", "b.json", "--format", "json"], files: files).stdout.utf8))
            #expect(json["changes"] == .array([.string("steps"), .string("caveats")]))
            guard case .array(let added)? = json["steps"]?["added"], case .string(let first)? = added.first else {
                Issue.record("no steps added")
                return
            }
            #expect(first.hasPrefix("Run the training with LoRA adapters") && !first.hasSuffix("…"))
        }

        /// A rubric that rewords a step the advice gives (its end only) shows it once, as
        /// reworded from a little before the change, not as a step removed and another added
        /// that read alike when cut.
        @Test func aRewordedStepIsShownOnceFromItsChange() throws {
            let step = "and score every prompt change on it; keep fixed failures as a regression set."
            #expect(BuiltInRubric.json.contains(step))
            let reworded = BuiltInRubric.json.replacingOccurrences(
                of: step, with: "and score every prompt change on it; keep each fixed failure in a regression set.")
            let files = ["a.json": Self.answers(need: "knowledge"), "new.json": reworded]
            let result = try Self.run(["a.json", "--rubric-b", "new.json", "--exit-code"], files: files)
            #expect(result.code == 1, "\(result.stdout)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("  next steps:") && $0.hasSuffix(" 1 reworded") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("    ~ …") && $0.contains("keep each fixed failure in a regression set.") }, "\(result.stdout)")
            #expect(!lines.contains { $0.hasPrefix("    + ") || $0.hasPrefix("    - ") })
            let markdown = try Self.run(["a.json", "--rubric-b", "new.json", "--format", "markdown"], files: files).stdout
            #expect(markdown.contains("Next steps, added (+), removed (-) and reworded (~):\n\n- `~` …"), "\(markdown)")
            let json = try JSONParser.parse(Array(Self.run(["a.json", "--rubric-b", "new.json", "--format", "json"], files: files).stdout.utf8))
            guard case .array(let pairs)? = json["steps"]?["reworded"], let pair = pairs.first else {
                Issue.record("no reworded step")
                return
            }
            #expect(pairs.count == 1)
            if case .string(let before)? = pair["a"] { #expect(before.hasSuffix(step)) } else { Issue.record("no a") }
        }

        /// Confidential data brings duties of its own: the caveats it adds are a change of the
        /// advice, listed under "watch out for", though strategy, plan and steps stay (review 50).
        @Test func caveatsThatComeWithAnAnswerAreListed() throws {
            let weights = """
                {"need": "behavior", "data-volume": "thousands", "transience": "static", "budget": "substantial", "time-to-market": "months",
                 "consistency": "critical", "model-access": "weights", "ml-expertise": "strong", "prompting-status": "plateaued",
                """
            let files = ["a.json": weights + #" "governance": "open"}"#, "b.json": weights + #" "governance": "confidential"}"#]
            let result = try Self.run(["a.json", "b.json", "--exit-code"], files: files)
            #expect(result.code == 1, "\(result.stdout)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("  watch out for:") && $0.contains("added") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("    + Confidential examples become part of the weights") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("  next steps:") && $0.hasSuffix("(unchanged)") }, "\(result.stdout)")
            let json = try JSONParser.parse(Array(Self.run(["a.json", "b.json", "--format", "json"], files: files).stdout.utf8))
            #expect(json["changes"] == .array([.string("caveats")]))
        }

        @Test func theJSONDiffNamesEachSideAndWhatChanges() throws {
            let files = ["a.json": Self.answers(need: "knowledge"), "b.json": Self.answers(need: "behavior")]
            let result = try Self.run(["a.json", "b.json", "--format", "json"], files: files)
            #expect(result.code == 0)
            let document = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(document["schemaVersion"] == .number(1))
            #expect(document["tool"]?["name"] == .string("tunewise"))
            #expect(document["differs"] == .bool(true))
            guard case .array(let changes)? = document["changes"] else {
                Issue.record("no changes in \(result.stdout)")
                return
            }
            #expect(changes.contains(.string("strategy")))
            #expect(document["advice"]?["a"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let plan)? = document["advice"]?["b"]?["plan"], let first = plan.first else {
                Issue.record("no plan in \(result.stdout)")
                return
            }
            #expect(first["when"] == .string("now"))
            #expect(first["strategy"] == document["advice"]?["b"]?["strategy"])
            #expect(
                document["answers"]
                    == .array([.object([("question", .string("need")), ("a", .string("knowledge")), ("b", .string("behavior"))])]))
        }

        @Test func theMarkdownDiffHasATableOfTheAdvice() throws {
            let files = ["a.json": Self.answers(need: "knowledge"), "b.json": Self.answers(need: "behavior")]
            let result = try Self.run(["a.json", "b.json", "--format", "markdown"], files: files)
            #expect(result.code == 0)
            #expect(result.stdout.contains("| need | knowledge | behavior |"))
            #expect(result.stdout.contains("| **strategy** | prompt-engineering | **"))
        }

        @Test func rubricBComparesTwoRubricsForOneAnswersFile() throws {
            let version = BuiltInRubric.load().version
            let newer = rubricWithTeamSize.replacingOccurrences(of: "\"version\": \"\(version)\"", with: "\"version\": \"99.0.0\"")
            let files = ["a.json": Self.answers(need: "knowledge"), "new.json": newer]
            let result = try Self.run(["a.json", "--rubric-b", "new.json"], files: files)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(
                result.stdout.hasPrefix("tunewise diff: a.json → a.json\n  rubric default \(version) → default 99.0.0 (new.json)\n"),
                "\(result.stdout)")
            // Two files of the same id and version are named by their files.
            let same = try Self.run(["a.json", "--rubric", "new.json", "--rubric-b", "new.json"], files: files)
            #expect(!same.stdout.contains("  rubric "), "\(same.stdout)")
            let copies = try Self.run(
                ["a.json", "--rubric", "new.json", "--rubric-b", "copy.json"],
                files: files.merging([
                    "copy.json":
                        newer
                        .replacingOccurrences(of: "\"weight\": 1.5", with: "\"weight\": 3")
                ]) { a, _ in a })
            #expect(
                copies.stdout.hasPrefix("tunewise diff: a.json → a.json\n  rubric default 99.0.0 (new.json) → default 99.0.0 (copy.json)\n"),
                "\(copies.stdout)")
            #expect(result.stdout.lowercased().contains("no difference"))
        }

        /// A bad answers file gets the exit code and first line that `--answers` gives it.
        @Test(arguments: [
            ("unknown-question.json", #"{"nede": "knowledge"}"#, Int32(65)),
            ("unknown-option.json", #"{"need": "knowlege"}"#, Int32(65)),
            ("not-json.json", #"{"need": "#, Int32(65)),
            ("missing.json", nil, Int32(66)),
        ])
        func aBadFileExitsAsAnswersDoes(name: String, contents: String?, code: Int32) throws {
            var files = ["good.json": Self.answers(need: "knowledge")]
            if let contents { files[name] = contents }
            let diff = try Self.run(["good.json", name], files: files)
            #expect(diff.code == code)
            #expect(diff.stdout.isEmpty)
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            if let contents { try Data(contents.utf8).write(to: directory.appendingPathComponent(name)) }
            let advise = try Binary.run(["--answers", name, "--no-input"], directory: directory)
            #expect(diff.code == advise.code)
            #expect(diff.firstErrorLine == advise.firstErrorLine)
        }

        @Test func diffNeedsTwoFilesOrASecondRubric() throws {
            let result = try Self.run(["a.json"], files: ["a.json": Self.answers(need: "knowledge")])
            #expect(result.code == 64)
            #expect(result.firstErrorLine == "tunewise: 'diff' needs two answers files, A.json B.json (or one with --rubric-b FILE)")
            let incomplete = try Self.run(["a.json", "b.json"], files: ["a.json": Self.answers(need: "knowledge"), "b.json": #"{"need": "both"}"#])
            // diff asks nothing: a file that leaves a core question out is missing answers (a usage
            // error, as for advise), each named as a problem of that file.
            #expect(incomplete.code == 64)
            #expect(incomplete.stdout.isEmpty)
            #expect(incomplete.firstErrorLine == "tunewise: answers file b.json has 6 problems:", "\(incomplete.stderr)")
            #expect(incomplete.stderr.contains("\n  $.data-volume: missing; every core question needs an answer"))
        }
    }
}
