import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// The advice's own account of itself, run from the built binary: `--why-not`, `--explain`,
    /// the limits that decide (`decidedBy`), the staged plan, and the `need` question that
    /// every complete answer set now carries.
    @Suite struct WhyNotAndExplainTests {
        /// A question-answering bot over a static FAQ: facts to look up, so a knowledge need.
        static let faqBotFlags = [
            "--need", "knowledge", "--data-volume", "hundreds", "--transience", "static", "--governance", "open",
            "--budget", "moderate", "--time-to-market", "months", "--consistency", "important",
        ]

        /// Thousands of labelled pairs and the money to train, but a first version due in days.
        static let shipInDaysFlags = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open",
            "--budget", "substantial", "--time-to-market", "days", "--consistency", "critical",
        ]

        @Test func whyNotFineTuningForAKnowledgeNeedNamesTheGate() throws {
            let result = try Binary.run(Self.faqBotFlags + ["--why-not", "fine-tuning", "--no-input"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Why not PEFT / fine-tuning (the advice is Prompt engineering):")
            #expect(lines.contains { $0.hasPrefix("  - Ruled out (knowledge-in-retrieval).") }, "\(result.stdout)")
            // Only the answer to the question asked: not the whole report.
            #expect(!result.stdout.contains("Recommendation:"))
            #expect(!result.stdout.contains("Plan:"))
        }

        /// Between two trained methods the reasons for training count for both: the list says
        /// each counts more for the advice. Where gates rule out every alternative, what the
        /// answers lean to is the strategy the evidence as a whole prefers, not one a gate of
        /// its own rules out (soft prompts on a provider that tunes weights).
        @Test func whyNotBetweenTrainedMethodsAndLeaningsNameTheirMeasure() throws {
            let trained = [
                "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "moderate",
                "--time-to-market", "months", "--consistency", "flexible", "--model-access", "weights", "--model-size", "medium",
                "--prompting-status", "plateaued", "--output-style", "custom", "--no-input",
            ]
            let whyNot = try Binary.run(trained + ["--why-not", "prompt-tuning"], environment: ["COLUMNS": "200"])
            #expect(whyNot.stdout.hasPrefix("Why not Prompt-tuning (the advice is PEFT / fine-tuning, for which each answer below counts more):"))
            let hosted = try Binary.run(
                [
                    "--need", "behavior", "--data-volume", "hundreds", "--transience", "frequent", "--governance", "open", "--budget", "moderate",
                    "--time-to-market", "days", "--consistency", "important", "--output-style", "custom", "--model-access", "api-tuning",
                    "--prompting-status", "plateaued", "--no-input",
                ], environment: ["COLUMNS": "200"])
            #expect(hosted.stdout.contains("Some of your answers lean towards PEFT / fine-tuning (ruled out)"), "\(hosted.stdout)")
            #expect(!hosted.stdout.contains("favours Prompt-tuning"))
            // Many answers leaning the same way: the strongest four, then how many more.
            let ready = try Binary.run(
                [
                    "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget",
                    "substantial", "--time-to-market", "days", "--consistency", "critical", "--model-access", "api-tuning",
                    "--prompting-status", "plateaued", "--output-style", "label", "--no-input",
                ], environment: ["COLUMNS": "300"])
            let leaning = try #require(ready.stdout.split(separator: "\n").first { $0.contains("lean towards") })
            #expect(leaning.components(separatedBy: "; ").count == 5, "\(leaning)")
            #expect(leaning.contains(" more (--explain shows them all and why)."), "\(leaning)")
            // An answer that leans alone and with another is named once (review 47).
            let multilingual = try Binary.run(
                [
                    "--need", "both", "--data-volume", "hundreds", "--transience", "periodic", "--governance", "confidential", "--budget",
                    "moderate", "--time-to-market", "weeks", "--consistency", "important", "--context-size", "documents", "--knowledge-size",
                    "large", "--task-diversity", "few", "--query-volume", "medium", "--output-style", "custom", "--model-access", "api",
                    "--no-input",
                ], environment: ["COLUMNS": "300"])
            let line = try #require(multilingual.stdout.split(separator: "\n").first { $0.contains("lean towards") })
            let answers = try #require(line.split(separator: "(ruled out): ").last).split(separator: "; ").map { $0.split(separator: " (--")[0] }
            #expect(answers.count >= 2 && Set(answers).count == answers.count, "\(line)")
            #expect(answers.contains("Output style: custom"), "\(line)")
        }

        @Test func whyNotAsJSONListsTheGateWithItsSource() throws {
            let result = try Binary.run(Self.faqBotFlags + ["--why-not", "fine-tuning", "--format", "json"])
            #expect(result.code == 0)
            let document = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(document["schemaVersion"] == .number(2))
            #expect(document["strategy"] == .string("fine-tuning"))
            #expect(document["recommendation"] == .string("prompt-engineering"))
            // Knowledge stays in retrieval: no later stage moves to fine-tuning.
            #expect(document["plannedWhen"] == .null)
            let later = try Binary.run(Self.shipInDaysFlags + ["--why-not", "fine-tuning", "--format", "json"])
            #expect(
                try JSONParser.parse(Array(later.stdout.utf8))["plannedWhen"]
                    == .string("once the first version ships and its held-out score, cost or latency shows where prompting falls short"))
            guard case .array(let whyNot)? = document["whyNot"] else {
                Issue.record("no whyNot in \(result.stdout)")
                return
            }
            let gate = try #require(whyNot.first { $0["kind"] == .string("gate") })
            #expect(gate["gate"] == .string("knowledge-in-retrieval"))
            guard case .string(let source)? = gate["source"] else {
                Issue.record("the gate has no source")
                return
            }
            #expect(!source.isEmpty)
            #expect(document["ranking"] == nil, "only the why-not, not the whole report")
        }

        /// Each format answers "why not" in its own shape: one line for scripts, a section with
        /// its sources in Markdown; never the whole report.
        @Test func whyNotAsASummaryLineAndAsMarkdown() throws {
            let summary = try Binary.run(Self.shipInDaysFlags + ["--why-not", "fine-tuning", "--format", "summary", "--no-input"])
            #expect(summary.code == 0)
            #expect(
                summary.stdout
                    == "fine-tuning ruled out by ship-in-days (advice: prompt-engineering; planned once the first version ships and its held-out score, cost or latency shows where prompting falls short)\n"
            )
            let chosen = try Binary.run(Self.shipInDaysFlags + ["--why-not", "prompt-engineering", "--format", "summary", "--no-input"])
            #expect(chosen.stdout == "prompt-engineering recommended\n")

            let markdown = try Binary.run(Self.shipInDaysFlags + ["--why-not", "fine-tuning", "--format", "markdown", "--no-input"])
            #expect(markdown.code == 0)
            let lines = markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "## Why not PEFT / fine-tuning")
            #expect(lines.contains { $0.hasPrefix("- **Ruled out (ship-in-days)**: ") && $0.hasSuffix(")*") }, "\(markdown.stdout)")
            #expect(
                lines.contains(
                    "The plan moves to it once the first version ships and its held-out score, cost or latency shows where prompting falls short."))
            #expect(!markdown.stdout.contains("## Alternatives"))
        }

        @Test func whyNotAnUnknownStrategyNamesTheAllowedIDs() throws {
            let result = try Binary.run(lawFirmFlags + ["--why-not", "lora"])
            #expect(result.code == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.firstErrorLine.hasPrefix("tunewise: invalid value 'lora' for --why-not"))
            // The list would take the first line past 100 characters, so it follows on its own.
            #expect(result.firstErrorLine == "tunewise: invalid value 'lora' for --why-not")
            #expect(result.stderr.contains("\n  allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid\n"))
        }

        @Test func whyNotTheRecommendationSaysItIsTheRecommendation() throws {
            let result = try Binary.run(lawFirmFlags + ["--why-not", "fine-tuning"])
            #expect(result.code == 0)
            #expect(result.stdout.hasPrefix("PEFT / fine-tuning is the recommendation."), "\(result.stdout)")
            // Then its reasons, each marked as one for it (and wrapped under its text).
            let reasons = result.stdout.split(separator: "\n").dropFirst()
            #expect(!reasons.isEmpty)
            #expect(reasons.allSatisfy { $0.hasPrefix("  + ") || $0.hasPrefix("    ") }, "\(result.stdout)")

            let json = try Binary.run(lawFirmFlags + ["--why-not", "fine-tuning", "--format", "json"])
            #expect(json.code == 0)
            let document = try JSONParser.parse(Array(json.stdout.utf8))
            #expect(document["strategy"] == document["recommendation"])
            #expect(document["whyNot"] == .array([]))
        }

        /// Ship in days with thousands of pairs: prompt engineering now, decided by the
        /// deadline, and the trained method as the next stage.
        @Test func shipInDaysPromptsNowAndTrainsNext() throws {
            let result = try Binary.run(Self.shipInDaysFlags + ["--format", "json"])
            #expect(result.code == 0)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["schemaVersion"] == .number(2))
            let recommendation = try #require(report["recommendation"])
            #expect(recommendation["strategy"] == .string("prompt-engineering"))
            #expect(recommendation["decidedBy"] == .array([.string("ship-in-days")]))
            #expect(recommendation["confidenceBasis"] == .string("limits"))

            guard case .array(let plan)? = report["plan"] else {
                Issue.record("no plan in \(result.stdout)")
                return
            }
            try #require(plan.count >= 2)
            #expect(plan[0]["strategy"] == recommendation["strategy"])
            #expect(plan[0]["when"] == .string("now"))
            #expect(plan[1]["strategy"] == .string("fine-tuning"))
            guard case .string(let when)? = plan[1]["when"] else {
                Issue.record("the second stage has no trigger")
                return
            }
            #expect(!when.isEmpty && when != "now")

            guard case .array(let ranking)? = report["ranking"] else {
                Issue.record("no ranking")
                return
            }
            #expect(ranking.count == Contract.strategyIDs.count)
            for entry in ranking where entry["strategy"] != recommendation["strategy"] {
                guard case .array(let whyNot)? = entry["whyNot"] else {
                    Issue.record("no whyNot in \(entry)")
                    continue
                }
                #expect(!whyNot.isEmpty, "\(entry)")
            }
        }

        /// The same situation as text opens with the limit that decided it, then the plan; the
        /// confidence is not high, as the evidence favours what the limit rules out.
        @Test func shipInDaysAsTextSaysWhatDecided() throws {
            let result = try Binary.run(Self.shipInDaysFlags, environment: ["COLUMNS": "1000"])
            #expect(result.code == 0)
            let text = result.stdout
            #expect(
                text.hasPrefix("Recommendation: Prompt engineering  (confidence: medium, forced: your limits leave no other option open now"),
                "\(text)")
            // The evidence favours what the deadline rules out, and the report says so beside the confidence.
            #expect(text.contains("the evidence favours PEFT / fine-tuning"), "\(text)")
            #expect(text.contains("Risks:\n  ! The evidence favours PEFT / fine-tuning over Prompt engineering"), "\(text)")
            let decided = try #require(text.range(of: "Decided by these gates, not by points:\n  - ship-in-days: "))
            let plan = try #require(text.range(of: "Plan:\n  1. Now: Prompt engineering"))
            #expect(decided.lowerBound < plan.lowerBound)
            #expect(text.contains("\n  2. Then, once the first version ships and its held-out score, cost or latency shows where prompting"))
            #expect(text.contains("ruled out by ship-in-days"))
            // The risk gives the lead the evidence gives the option ruled out, as the ranking's scores show it.
            let json = try JSONParser.parse(Array(try Binary.run(Self.shipInDaysFlags + ["--format", "json"]).stdout.utf8))
            guard case .array(let ranking)? = json["ranking"] else {
                Issue.record("no ranking")
                return
            }
            func score(_ id: String) -> Double? {
                if case .number(let value)? = ranking.first(where: { $0["strategy"] == .string(id) })?["score"] { value } else { nil }
            }
            let lead = try #require(score("fine-tuning")) - (try #require(score("prompt-engineering")))
            #expect(lead > 0)
            #expect(text.contains("over Prompt engineering by \(JSONWriter.format(rounded(lead))) points, but ship-in-days rules it out"), "\(text)")
        }

        /// A later stage that several gates open lists their conditions one an item, in text
        /// and Markdown, where one sentence ran their "and"s and "or"s together; one condition
        /// stays in the stage's line.
        @Test func aStageOfSeveralConditionsListsThem() throws {
            let flags = [
                "--need", "both", "--data-volume", "none", "--transience", "periodic", "--governance", "open", "--budget", "minimal",
                "--time-to-market", "days", "--consistency", "flexible", "--model-access", "api", "--no-input",
            ]
            let text = try Binary.run(flags, environment: ["COLUMNS": "1000"]).stdout
            let stage = try #require(text.range(of: "\n  2. Then: Hybrid (fine-tuned model + prompts and retrieval)"))
            let line = text[stage.upperBound...].prefix { $0 != "\n" }
            #expect(line.hasSuffix(", when all of these hold:"), "\(line)")
            #expect(text.contains("\n     - once a small training budget is approved"), "\(text)")
            #expect(text.contains("\n     - if you move to a model you can tune"), "\(text)")
            let markdown = try Binary.run(flags + ["--format", "markdown"]).stdout
            #expect(markdown.contains("when all of these hold:\n   - once you have a few hundred"), "\(markdown)")
            let oneCondition = try Binary.run(Self.shipInDaysFlags, environment: ["COLUMNS": "1000"]).stdout
            #expect(!oneCondition.contains("when all of these hold"))
            // JSON gives the same conditions as a list beside `when`.
            let json = try JSONParser.parse(Array(try Binary.run(flags + ["--format", "json"]).stdout.utf8))
            guard case .array(let plan)? = json["plan"], case .array(let conditions)? = plan.last?["conditions"] else {
                Issue.record("no conditions")
                return
            }
            // Examples gathered bring the unmeasured prompted baseline's gate into force: it is the last to lift.
            #expect(conditions.count == 5)
            #expect(conditions.contains(.string("if you move to a model you can tune (a hosted service with fine-tuning, or open weights)")))
            #expect(conditions.last == .string("once a prompted baseline, measured on a held-out set, falls short of your quality bar"))
        }

        @Test func aMissingNeedWithNoInputIsAUsageError() throws {
            let withoutNeed = Array(lawFirmFlags.dropFirst(2))
            #expect(!withoutNeed.contains("--need"))
            let result = try Binary.run(withoutNeed + ["--no-input"])
            #expect(result.code == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.firstErrorLine.hasPrefix("tunewise: missing answers for --need; "), "\(result.stderr)")

            // An answers file without `need` is no more complete than the flags.
            let answers =
                #"{"data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "substantial", "time-to-market": "months", "consistency": "critical"}"#
            let fromFile = try Binary.run(["--answers", "-", "--format", "json"], input: answers)
            #expect(fromFile.code == 64)
            #expect(fromFile.stdout.isEmpty)
            #expect(fromFile.firstErrorLine.contains("--need"), "\(fromFile.stderr)")
        }

        /// `--explain` shows every reason and change; without it the report keeps to the
        /// strongest few and says how many more there are.
        @Test func explainShowsEveryReasonAndChange() throws {
            let flags = lawFirmFlags + ["--specialization", "niche"]
            let brief = try Binary.run(flags)
            let full = try Binary.run(flags + ["--explain"])
            #expect(brief.code == 0 && full.code == 0)
            let briefReasons = reasonLines(brief.stdout)
            let fullReasons = reasonLines(full.stdout)
            #expect(!briefReasons.isEmpty)
            #expect(fullReasons.count >= briefReasons.count)
            #expect(Set(briefReasons).isSubset(of: Set(fullReasons)))

            let briefChanges = changeLines(brief.stdout)
            let fullChanges = changeLines(full.stdout)
            #expect(briefChanges.count <= 5, "at most five groups by default")
            #expect(Set(briefChanges).isSubset(of: Set(fullChanges)))
            #expect(!full.stdout.contains("more with --explain"))
            // The count of reasons left out follows the counterpoints, so it says whose they are.
            let hidden = fullReasons.count - briefReasons.count
            try #require(hidden > 0, "the law firm's niche case has more reasons than the brief report shows")
            #expect(brief.stdout.contains("\(hidden) more \(hidden == 1 ? "reason" : "reasons") for it"), "\(brief.stdout)")
            // What confidence means: one sentence by default, the whole rule with --explain.
            let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            #expect(
                flat(brief.stdout).contains(
                    "(a lead of 4 points or more is high, of 1.5 or more medium, less while an unanswered question could change it; "
                        + "--explain gives the whole rule)"))
            #expect(!flat(brief.stdout).contains("medium at most while"))
            #expect(flat(full.stdout).contains("medium at most while an unanswered question could change it"))
            if let hidden = hiddenCount(brief.stdout) {
                #expect(fullChanges.count == briefChanges.count + hidden)
            } else {
                #expect(fullChanges.count == briefChanges.count)
            }
        }

        @Test func aRubricInTheFirstFormatIsRefusedInOneLine() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("old.json").path
            let old = BuiltInRubric.json.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
            #expect(old != BuiltInRubric.json)
            try old.write(toFile: path, atomically: true, encoding: .utf8)

            let result = try Binary.run(lawFirmFlags + ["--rubric", path])
            #expect(result.code == 65)
            #expect(result.stdout.isEmpty)
            // One problem, said once (on the line below the file's name when the path is long).
            #expect(result.firstProblem.after == ["See 'tunewise help rubric'."], "\(result.stderr)")
            #expect(result.firstProblem.line.hasPrefix("tunewise: rubric \(path) is invalid (1 problem): $.schemaVersion"))
            #expect(result.firstProblem.line.contains("version 1"))
        }

        /// The reason lines of a text report's "Why:" section, "Against it:" included.
        private func reasonLines(_ report: String) -> [String] {
            section(report, from: "Why:").filter { $0.hasPrefix("  + ") || $0.hasPrefix("  - ") }
        }

        /// The change lines of a text report's "What would change the advice:" section.
        private func changeLines(_ report: String) -> [String] {
            section(report, from: "What would change the advice:").filter { $0.hasPrefix("    - ") }
        }

        /// N in "N more with --explain.", if the report hides any.
        private func hiddenCount(_ report: String) -> Int? {
            section(report, from: "What would change the advice:")
                .first { $0.hasSuffix(" more with --explain.") }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) }
        }

        /// The lines after `heading` up to the next blank line.
        private func section(_ report: String, from heading: String) -> [String] {
            let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(of: heading) else { return [] }
            return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
        }
    }
}
