import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// Policy files end to end: found by discovery or given by flag, answers that flags
    /// override, a refused attempt to narrow a fixed rule, and every report naming the policy.
    @Suite struct PolicyCommandTests {
        static let policy = """
            {
              "policy": "acme-llm-policy",
              "version": "1.2",
              "answers": {"governance": "confidential", "model-access": "api-tuning"},
              "exclusions": [{"id": "no-hosted-training", "when": {"model-access": ["api-tuning"]},
                              "strategies": ["fine-tuning", "hybrid"], "reason": "Customer data never goes to a hosted training service.",
                              "source": "ACME data policy § 4"}]
            }
            """

        /// Answers under which the built-in rubric advises fine-tuning on a hosted service.
        static let flags = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--budget", "moderate",
            "--time-to-market", "months", "--consistency", "critical", "--prompting-status", "plateaued", "--output-style", "custom",
            "--no-input",
        ]

        /// A scratch repository holding the policy at its root, and a subdirectory of it.
        static func repository() throws -> (root: URL, subdirectory: URL) {
            let root = try makeScratchDirectory()
            let subdirectory = root.appendingPathComponent("service/api")
            try FileManager.default.createDirectory(at: subdirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
            try policy.write(to: root.appendingPathComponent(".tunewise.json"), atomically: true, encoding: .utf8)
            return (root, subdirectory)
        }

        @Test func aPolicyFoundUpToTheRepositoryRootDecidesAndIsNamed() throws {
            let (root, subdirectory) = try Self.repository()
            defer { try? FileManager.default.removeItem(at: root) }
            let result = try Binary.run(Self.flags + ["--format", "json"], directory: subdirectory)
            #expect(result.code == 0, "\(result.stderr)")
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["policy"]?["id"] == .string("acme-llm-policy"))
            #expect(report["policy"]?["version"] == .string("1.2"))
            #expect(report["policy"]?["path"] == .string("../../.tunewise.json"))
            #expect(report["answers"]?["governance"] == .string("confidential"))
            #expect(report["recommendation"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let decidedBy)? = report["recommendation"]?["decidedBy"] else {
                Issue.record("no decidedBy")
                return
            }
            #expect(decidedBy.contains(.string("no-hosted-training")))

            let text = try Binary.run(Self.flags, environment: ["COLUMNS": "200"], directory: subdirectory)
            #expect(text.stdout.contains(", rubric default "), "\(text.stdout)")
            #expect(text.stdout.contains(", policy acme-llm-policy 1.2 (../../.tunewise.json)"))
            // The policy's own gate rules out what the evidence favours: the report says whose rule it is.
            #expect(text.stdout.contains("the evidence favours PEFT / fine-tuning, ruled out by policy acme-llm-policy"), "\(text.stdout)")
            // A change to an answer only the policy gave is named as the policy's.
            #expect(text.stdout.contains("- Model access (policy acme-llm-policy's answer): weights -> PEFT / fine-tuning"), "\(text.stdout)")
            let markdown = try Binary.run(Self.flags + ["--format", "markdown"], directory: subdirectory)
            #expect(markdown.stdout.contains("policy acme-llm-policy 1.2"))
        }

        @Test func aFlagWinsOverThePolicysAnswerAndNoPolicyIgnoresIt() throws {
            let (root, subdirectory) = try Self.repository()
            defer { try? FileManager.default.removeItem(at: root) }
            let overridden = try Binary.run(
                Self.flags + ["--model-access", "weights", "--ml-expertise", "strong", "--format", "json"], directory: subdirectory)
            let report = try JSONParser.parse(Array(overridden.stdout.utf8))
            #expect(report["answers"]?["model-access"] == .string("weights"))
            #expect(report["answers"]?["governance"] == .string("confidential"))
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
            // An answer given by flag is the team's own, even where the policy has one; the report
            // says it overrides the policy's, and what the policy's answers would advise.
            let overriddenText = try Binary.run(Self.flags + ["--model-access", "api", "--format", "markdown"], directory: subdirectory)
            #expect(overriddenText.stdout.contains("- Model access: `weights` → PEFT / fine-tuning"), "\(overriddenText.stdout)")
            #expect(!overriddenText.stdout.contains("Model access (policy acme-llm-policy's answer)"), "\(overriddenText.stdout)")
            #expect(
                overriddenText.stdout.contains("| Model access | `api`: Hosted API, no tuning (overrides policy acme-llm-policy's `api-tuning`) |"))
            #expect(
                overriddenText.stdout.contains("| Data governance | `confidential`: Confidential (one audience) (policy acme-llm-policy's answer) |"))
            #expect(
                overriddenText.stdout.contains(
                    "- Your answers override policy acme-llm-policy's: model-access api (the policy answers api-tuning). With the policy's "
                        + "answers the advice would be the same."))
            let overridingJSON = try JSONParser.parse(
                Array(try Binary.run(Self.flags + ["--model-access", "api", "--format", "json"], directory: subdirectory).stdout.utf8))
            guard case .array(let risks)? = overridingJSON["recommendation"]?["risks"] else {
                Issue.record("no risks")
                return
            }
            #expect(risks.first?["kind"] == .string("policy"))

            let ignored = try Binary.run(Self.flags + ["--governance", "open", "--no-policy", "--format", "json"], directory: subdirectory)
            let plain = try JSONParser.parse(Array(ignored.stdout.utf8))
            #expect(plain["policy"] == nil)
            #expect(plain["answers"]?["model-access"] == nil)
        }

        /// What a policy decides is disclosed: `questions` marks its answers as not asked (and
        /// gives them as the JSON defaults), and its weights are named in the footer, in JSON and
        /// where a weight change would alter the advice.
        @Test func aPolicysAnswersAndWeightsAreDisclosed() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let weighted = Self.policy.replacingOccurrences(of: #""version": "1.2","#, with: #""version": "1.2", "weights": {"budget": 3},"#)
            try weighted.write(to: directory.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8)
            let questions = try Binary.run(["questions", "--policy", "policy.json"], environment: ["COLUMNS": "200"], directory: directory)
            #expect(questions.stdout.contains("confidential  "), "\(questions.stdout)")
            #expect(questions.stdout.contains("(policy acme-llm-policy's answer: not asked)"))
            // The policy's answer stands in for the preselection of the question it answers.
            let governance = questions.stdout.components(separatedBy: "--governance")[1].components(separatedBy: "\n--")[0]
            #expect(!governance.contains("(preselected when asked)"), "\(governance)")
            #expect(questions.stdout.contains("(preselected when asked)"))
            let json = try JSONParser.parse(
                Array(try Binary.run(["questions", "--policy", "policy.json", "--format", "json"], directory: directory).stdout.utf8))
            guard case .array(let listed)? = json["questions"] else {
                Issue.record("no questions")
                return
            }
            #expect(listed.first { $0["id"] == .string("governance") }?["default"] == .string("confidential"))
            #expect(listed.first { $0["id"] == .string("need") }?["default"] == .null)

            let report = try Binary.run(Self.flags + ["--policy", "policy.json"], environment: ["COLUMNS": "300"], directory: directory)
            #expect(report.stdout.contains("policy acme-llm-policy 1.2 (policy.json) with weights budget=3"), "\(report.stdout)")
            // A weight that would change the advice is measured against the policy's.
            try #"{"policy": "acme-weights", "version": "1", "weights": {"budget": 4}}"#.write(
                to: directory.appendingPathComponent("weights.json"), atomically: true, encoding: .utf8)
            let weighed = try Binary.run(
                [
                    "--need", "both", "--data-volume", "thousands", "--transience", "periodic", "--governance", "confidential", "--budget",
                    "moderate", "--time-to-market", "weeks", "--consistency", "important", "--no-input", "--policy", "weights.json", "--explain",
                ], environment: ["COLUMNS": "300"], directory: directory)
            #expect(
                weighed.stdout.contains("It would become Prompt engineering if budget counted 2.25× as much as policy acme-weights weighs it (4)."),
                "\(weighed.stdout)")
            let reportJSON = try JSONParser.parse(
                Array(try Binary.run(Self.flags + ["--policy", "policy.json", "--format", "json"], directory: directory).stdout.utf8))
            #expect(reportJSON["policy"]?["weights"]?["budget"] == .number(3))
        }

        /// A policy may ban a strategy everywhere: `rubric check` does not ask that it win
        /// somewhere, and says which it left out (a conditional gate's strategies are checked:
        /// `PolicyLoaderTests.aStrategyIsBannedOnlyByAGateThatHoldsEverywhere`).
        @Test func aStrategyThePolicyBansEverywhereIsNoCheckFinding() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try #"""
            {"policy": "no-soft-prompts", "version": "1", "exclusions": [{"id": "no-prompt-tuning",
              "when": {"need": ["knowledge", "behavior", "both"]}, "strategies": ["prompt-tuning"],
              "reason": "We do not run soft prompts.", "source": "Platform policy 1"}]}
            """#.write(to: directory.appendingPathComponent("ban.json"), atomically: true, encoding: .utf8)
            let banned = try Binary.run(["rubric", "check", "--policy", "ban.json"], directory: directory)
            #expect(banned.code == 0, "\(banned.stdout)\(banned.stderr)")
            #expect(banned.stdout.contains("every strategy but prompt-tuning, which the policy rules out everywhere, wins somewhere"))
        }

        @Test func aPolicyGivenByFlagAppliesOutsideARepository() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Self.policy.write(to: directory.appendingPathComponent("acme.json"), atomically: true, encoding: .utf8)
            let result = try Binary.run(Self.flags + ["--policy", "acme.json", "--format", "summary"], directory: directory)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("prompt-engineering"), "\(result.stdout)")
            let questions = try Binary.run(["questions", "--policy", "acme.json", "--format", "json"], directory: directory)
            #expect(try JSONParser.parse(Array(questions.stdout.utf8))["policy"]?["answers"]?["governance"] == .string("confidential"))
            let validate = try Binary.run(["rubric", "validate", "acme.json"], directory: directory)
            #expect(validate.code == 0)
            #expect(
                validate.stdout.hasPrefix("acme.json: valid (default \(BuiltInRubric.load().version) with policy acme-llm-policy 1.2, "),
                "\(validate.stdout)")
            // The problems of the rubric a policy extends are that file's, not the policy's.
            try #"{"id": "broken"}"#.write(to: directory.appendingPathComponent("base.json"), atomically: true, encoding: .utf8)
            try #"{"policy": "p", "version": "1", "extends": "base.json"}"#.write(
                to: directory.appendingPathComponent("extends.json"), atomically: true, encoding: .utf8)
            let broken = try Binary.run(["rubric", "validate", "extends.json"], directory: directory)
            #expect(broken.code == 65)
            #expect(broken.stdout.hasPrefix("base.json: $.schemaVersion: missing"), "\(broken.stdout)")
            #expect(!broken.stdout.contains("extends.json"), "\(broken.stdout)")
        }

        @Test func aPolicyThatNarrowsAFixedRuleIsRefusedWithItsPath() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let narrowing = """
                {"policy": "lax", "version": "1", "exclusions": [{"id": "no-examples", "when": {"data-volume": ["none"], "budget": ["minimal"]},
                 "strategies": ["prompt-tuning", "fine-tuning", "hybrid"], "reason": "Only when there is no budget either.", "source": "x"}]}
                """
            try narrowing.write(to: directory.appendingPathComponent(".tunewise.json"), atomically: true, encoding: .utf8)
            let result = try Binary.run(Self.flags, environment: ["COLUMNS": "200"], directory: directory)
            #expect(result.code == 65)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("tunewise: policy .tunewise.json is invalid (1 problem)"), "\(result.stderr)")
            #expect(result.stderr.contains("$.exclusions[0].when: cannot change when the built-in gate \"no-examples\" holds"))
            let validate = try Binary.run(["rubric", "validate", ".tunewise.json"], directory: directory)
            #expect(validate.code == 65)
            #expect(validate.stdout.contains("$.exclusions[0].when"))
        }

        @Test func initWritesAStarterPolicyThatValidatesAndApplies() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let written = try Binary.run(["init", "--policy", ".tunewise.json"], directory: directory)
            #expect(written.code == 0)
            #expect(written.stderr.contains("wrote a starter policy to .tunewise.json"))
            let validate = try Binary.run(["rubric", "validate", ".tunewise.json"], directory: directory)
            #expect(validate.code == 0, "\(validate.stdout)")
            let advice = try Binary.run(Self.flags + ["--format", "json"], directory: directory)
            #expect(try JSONParser.parse(Array(advice.stdout.utf8))["policy"]?["id"] == .string("my-organisation"))
            let again = try Binary.run(["init", "--policy", ".tunewise.json"], directory: directory)
            #expect(again.code == 73)
        }

        @Test func diffShowsWhatThePolicyChangesForOneSituation() throws {
            let (root, subdirectory) = try Self.repository()
            defer { try? FileManager.default.removeItem(at: root) }
            let answers = """
                {"need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "moderate",
                 "time-to-market": "months", "consistency": "critical", "model-access": "api-tuning", "prompting-status": "plateaued",
                 "output-style": "custom"}
                """
            try answers.write(to: subdirectory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
            let version = BuiltInRubric.load().version
            let result = try Binary.run(["diff", "a.json", "--rubric-b", "default"], environment: ["COLUMNS": "200"], directory: subdirectory)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(
                result.stdout.hasPrefix(
                    "tunewise diff: a.json → a.json\n  rubric default \(version) with policy acme-llm-policy 1.2 → default \(version)\n"),
                "\(result.stdout)")
            #expect(result.stdout.contains("prompt-engineering"))
            #expect(result.stdout.contains("fine-tuning"))
            // The policy's own answers count on its side, as advise counts them.
            let withoutAccess = answers.replacingOccurrences(of: "\"model-access\": \"api-tuning\", ", with: "")
            try withoutAccess.write(to: subdirectory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
            let advised = try Binary.run(["--answers", "b.json", "--format", "summary"], directory: subdirectory)
            let diffed = try Binary.run(["diff", "b.json", "--rubric-b", "default", "--format", "json"], directory: subdirectory)
            let before = try JSONParser.parse(Array(diffed.stdout.utf8))["advice"]?["a"]?["strategy"]
            #expect(before != nil, "\(diffed.stdout)")
            if case .string(let strategy)? = before { #expect(advised.stdout.hasPrefix(strategy + " "), "\(advised.stdout)") }
        }

        @Test func rubricShowPrintsTheEffectiveRubricWhichValidates() throws {
            let (root, subdirectory) = try Self.repository()
            defer { try? FileManager.default.removeItem(at: root) }
            let shown = try Binary.run(["rubric", "show", "--format", "json"], directory: subdirectory)
            #expect(shown.code == 0)
            #expect(shown.stderr.contains("with policy acme-llm-policy 1.2 applied"))
            try shown.stdout.write(to: subdirectory.appendingPathComponent("effective.json"), atomically: true, encoding: .utf8)
            let validate = try Binary.run(["rubric", "validate", "effective.json"], directory: subdirectory)
            #expect(validate.code == 0, "\(validate.stdout)\(validate.stderr)")
            let advice = try Binary.run(
                Self.flags + [
                    "--governance", "confidential", "--model-access", "api-tuning", "--rubric", "effective.json", "--no-policy", "--format",
                    "summary",
                ],
                directory: subdirectory)
            #expect(advice.stdout.hasPrefix("prompt-engineering"), "\(advice.stdout)")
            let plain = try Binary.run(["rubric", "show", "--no-policy"], directory: subdirectory)
            #expect(!plain.stdout.contains("no-hosted-training"))
        }

        @Test func aPolicyOutsideTheRepositoryIsNotFound() throws {
            let (root, subdirectory) = try Self.repository()
            defer { try? FileManager.default.removeItem(at: root) }
            // A repository of its own inside: the search stops at its root.
            try FileManager.default.createDirectory(at: subdirectory.appendingPathComponent(".git"), withIntermediateDirectories: true)
            let result = try Binary.run(Self.flags + ["--governance", "open", "--format", "json"], directory: subdirectory)
            #expect(try JSONParser.parse(Array(result.stdout.utf8))["policy"] == nil)
        }
    }
}

extension BinaryTests.PolicyCommandTests {
    /// The questionnaire does not ask what the policy answers, and says so first; what a
    /// flag answers is the flag's.
    @Test func theQuestionnaireSaysWhichAnswersThePolicyGives() throws {
        let (root, subdirectory) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        // need, data-volume, transience, budget, time-to-market, consistency; no refinements; confirm.
        let lines = "2\n4\n1\n3\n3\n3\nn\n\n"
        let result = try Binary.run(
            ["--interactive", "--governance", "open"], input: lines, environment: ["COLUMNS": "200"], directory: subdirectory)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix("Policy acme-llm-policy 1.2 answers model-access=api-tuning (not asked; a flag or an answers file wins).\n"),
            "\(result.stderr)")
    }
}

extension BinaryTests.PolicyCommandTests {
    /// `sweep --against default` counts the same situations on both rubrics and shows how the
    /// policy moves each strategy's share: its added gate can only take situations from the
    /// strategies it rules out.
    @Test func sweepAgainstTheBuiltInRubricShowsWhatThePolicyMoves() throws {
        let (root, subdirectory) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Binary.run(["sweep", "--include", "model-access", "--against", "default", "--format", "json"], directory: subdirectory)
        #expect(result.code == 0, "\(result.stderr)")
        let report = try JSONParser.parse(Array(result.stdout.utf8))
        #expect(report["against"]?["rubric"] == .string("default \(BuiltInRubric.load().version)"))
        guard case .array(let shares)? = report["against"]?["strategies"], case .array(let moved)? = report["against"]?["moved"] else {
            Issue.record("no comparison")
            return
        }
        func number(_ value: JSONValue?) -> Double { if case .number(let n)? = value { n } else { .nan } }
        let before: [Double] = shares.map { number($0["before"]) }
        let after: [Double] = shares.map { number($0["after"]) }
        #expect(before.reduce(0, +) == after.reduce(0, +))
        for share in shares where share["strategy"] == .string("fine-tuning") || share["strategy"] == .string("hybrid") {
            #expect(number(share["after"]) < number(share["before"]), "\(share)")
        }
        #expect(moved.contains { $0["question"] == .string("model-access") && $0["answer"] == .string("api-tuning") }, "\(moved)")

        let csv = try Binary.run(["sweep", "--against", "default", "--format", "csv"], directory: subdirectory)
        #expect(csv.code == 64)
        // The other side keeps the policy's answers held, and the heading says so.
        let text = try Binary.run(["sweep", "--against", "default"], environment: ["COLUMNS": "200"], directory: subdirectory)
        #expect(
            text.stdout.contains("Against default \(BuiltInRubric.load().version) (without the policy's gates, rules and weights; its answers held)"))
        // Each change is the difference of the two shares as shown.
        let compared = try Binary.run(
            ["sweep", "--include", "model-access", "--against", "default"], environment: ["COLUMNS": "200"], directory: subdirectory)
        let rows = compared.stdout.split(separator: "\n").filter { $0.hasSuffix(" points") }
        #expect(rows.count == 4, "\(compared.stdout)")
        for row in rows {
            let numbers = row.split(separator: " ").compactMap { Double($0.replacingOccurrences(of: "%", with: "")) }
            #expect(numbers.count == 3, "\(row)")
            if numbers.count == 3 { #expect(abs(numbers[1] - numbers[0] - numbers[2]) < 1e-9, "\(row)") }
        }

        // The policy's answers are the organisation's facts: held as --fix holds answers,
        // except for a question the sweep is asked to vary.
        let held = try JSONParser.parse(Array(try Binary.run(["sweep", "--format", "json"], directory: subdirectory).stdout.utf8))
        let fixed = held["scope"]?["fixed"] ?? held["fixed"]
        #expect(fixed?["governance"] == .string("confidential"), "\(String(describing: fixed))")
        #expect(fixed?["model-access"] == .string("api-tuning"))
        #expect(report["scope"]?["fixed"]?["model-access"] == nil && report["fixed"]?["model-access"] == nil)
        // A core question the policy answers is varied by naming it, three times the situations.
        let governance = try Binary.run(["sweep", "--include", "governance", "--format", "json"], directory: subdirectory)
        #expect(governance.code == 0, "\(governance.stderr)")
        let varied = try JSONParser.parse(Array(governance.stdout.utf8))
        #expect(varied["situations"] != nil && varied["situations"] == .number(3 * number(held["situations"])), "\(governance.stdout.prefix(300))")
    }
}
