import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// `tunewise sweep` and `tunewise rubric check`, run from the built binary.
    @Suite struct SweepCommandTests {
        @Test func coreSweepAsJSONCountsEverySituationOnce() throws {
            let result = try Binary.run(["sweep", "--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["situations"] == .number(2_916))
            #expect(report["unresolved"] == .number(0))
            guard case .array(let strategies)? = report["strategies"], case .array(let deciding)? = report["deciding"],
                case .array(let marginals)? = report["marginals"]
            else {
                Issue.record("missing strategies, deciding or marginals")
                return
            }
            #expect(strategies.map { $0["strategy"] } == Contract.strategyIDs.map(JSONValue.string))
            #expect(strategies.map { number($0["situations"]) }.reduce(0, +) == 2_916)
            #expect(deciding.count == Contract.coreQuestions.count)
            #expect(Contract.coreQuestions.count == 7)
            // Each core question's answers split the same 2,916 situations (3 × 4 × 3⁵).
            for question in Contract.coreQuestions {
                let rows = marginals.filter { $0["question"] == .string(question.id) }
                #expect(rows.map { $0["answer"] } == question.options.map(JSONValue.string))
                let counted = rows.flatMap { row -> [Int] in
                    guard case .object(let counts)? = row["strategies"] else { return [] }
                    return counts.map { number($0.value) }
                }
                #expect(counted.reduce(0, +) == 2_916, "\(question.id)")
            }
            #expect(report["map"] == .null)
        }

        @Test func mapAsAMarkdownTable() throws {
            let result = try Binary.run(["sweep", "--map", "data-volume,transience", "--format", "markdown"])
            #expect(result.code == 0)
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try #require(lines.firstIndex(of: "| data-volume ↓ transience → | static | periodic | frequent |"))
            #expect(lines[header + 1] == "|---|---|---|---|")
            let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
            #expect(rows.map { $0.split(separator: "|")[0] } == [" **none** ", " **few** ", " **hundreds** ", " **thousands** "])
            #expect(rows.allSatisfy { $0.split(separator: "|").count == 4 })
        }

        @Test func textAndCSVForPeopleAndSpreadsheets() throws {
            let text = try Binary.run(["sweep", "--include", "model-access", "--fix", "budget=minimal"])
            #expect(text.code == 0)
            #expect(text.stdout.hasPrefix("Sweep: 3,888 situations"))
            #expect(!text.stdout.contains("\u{1B}"), "no colour when standard output is not a terminal")
            let csv = try Binary.run(["sweep", "--format", "csv"])
            #expect(csv.code == 0)
            let rows = csv.stdout.split(separator: "\n")
            #expect(rows.first == "question,answer,situations,prompt-engineering,prompt-tuning,fine-tuning,hybrid")
            // A header, then one row per answer: need 3, data volume 4, the five other core questions 3 each.
            #expect(rows.count == 1 + 3 + 4 + 3 * 5)
        }

        struct BadSweep: Sendable, CustomTestStringConvertible {
            var arguments: [String]
            var code: Int32
            var firstLine: String

            init(_ arguments: [String], _ code: Int32, _ firstLine: String) {
                self.arguments = arguments
                self.code = code
                self.firstLine = firstLine
            }

            var testDescription: String { "\(arguments.joined(separator: " ")) -> \(code)" }
        }

        static let badSweeps: [BadSweep] = [
            BadSweep(
                ["sweep", "--map", "data-volume"], 64, "tunewise: invalid --map 'data-volume': no ','; expected ROW-ID,COLUMN-ID"),
            BadSweep(["sweep", "--map", "budget,budget"], 64, "tunewise: invalid --map 'budget,budget': the same question twice"),
            BadSweep(
                ["sweep", "--map", "data-volume,transince"], 64, "tunewise: unknown question in --map 'transince' (did you mean 'transience'?)"),
            BadSweep(
                ["sweep", "--include", "context-sise"], 64, "tunewise: unknown question in --include 'context-sise' (did you mean 'context-size'?)"),
            BadSweep(
                ["sweep", "--fix", "budget=huge"], 64, "tunewise: invalid value 'huge' for --fix budget; allowed: minimal, moderate, substantial"),
            BadSweep(
                ["sweep", "--fix", "budget=minimal", "--map", "budget,governance"], 64,
                "tunewise: --fix budget=minimal holds budget, but --map budget,governance varies it; give only one"),
            BadSweep(
                ["sweep", "--include", "need"], 64,
                "tunewise: --include need is not needed: core questions are always varied"),
            BadSweep(["sweep", "--all", "--include", "model-access"], 64, "tunewise: --all and --include model-access cannot be used together"),
            BadSweep(["sweep", "--format", "xml"], 64, "tunewise: invalid value 'xml' for --format; allowed: text, json, markdown, csv"),
            BadSweep(["sweep", "--expect", "hybrid"], 64, "tunewise: unknown flag '--expect'"),
            BadSweep(["sweep", "--rubric", "/nonexistent/rubric.json"], 66, "tunewise: cannot read /nonexistent/rubric.json"),
            BadSweep(["rubric", "check", "/nonexistent/rubric.json"], 66, "tunewise: cannot read /nonexistent/rubric.json"),
            BadSweep(["rubric", "check", "default", "other.json"], 64, "tunewise: unknown argument to 'rubric check' 'other.json'"),
        ]

        @Test(arguments: badSweeps)
        func refusesBadFlagsWithOneClearLine(_ bad: BadSweep) throws {
            let result = try Binary.run(bad.arguments)
            #expect(!result.crashed)
            #expect(result.code == bad.code)
            #expect(result.firstErrorLine.hasPrefix(bad.firstLine), "got: \(result.firstErrorLine)")
            #expect(result.stdout.isEmpty, "partial output: \(result.stdout)")
            // Usage errors point to the help on the command that failed: `help sweep`, `help rubric`.
            if bad.code == 64 { #expect(result.stderr.hasSuffix("\nRun 'tunewise help \(bad.arguments[0])' for usage.\n")) }
        }

        /// The CI check of the default rubric: built in, and as the file in the repository.
        @Test func theDefaultRubricPassesTheCheck() throws {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../rubrics/default.json").standardizedFileURL.path
            for (arguments, name) in [([], "default"), (["default"], "default"), ([file], file)] {
                let result = try Binary.run(["rubric", "check"] + arguments)
                #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
                #expect(result.stdout.hasPrefix("\(name): clean ("))
                #expect(result.stdout.split(separator: "\n").count == 1)
                #expect(result.stderr.isEmpty)
            }
        }

        /// Explainability is in no rule or exclusion, so at weight 0 its answers can never
        /// change the advice: the check proves it without sweeping.
        @Test func aDeadQuestionFailsTheCheck() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("dead-explainability.json").path
            var rubric = BuiltInRubric.json
            let question = try #require(rubric.range(of: "\"id\": \"explainability\""))
            let weight = try #require(rubric.range(of: "\"weight\": 1.0", range: question.upperBound..<rubric.endIndex))
            rubric.replaceSubrange(weight, with: "\"weight\": 0")
            try rubric.write(toFile: path, atomically: true, encoding: .utf8)

            // Proving an option dead searches every situation: slow until the sweep counts (issue 22).
            let result = try Binary.run(["rubric", "check", path], timeout: 180)
            #expect(result.code == 65)
            #expect(
                result.stdout
                    == "\(path): dead options: changing explainability (no, preferred, required) never changes the advice in any situation\n")
            #expect(
                result.stderr
                    == "tunewise: rubric \(path) fails the check with 1 finding, one a line on standard output\nSee 'tunewise help rubric'.\n")
        }

        @Test func anInvalidRubricFailsTheCheckAsValidateWould() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("broken.json").path
            try BuiltInRubric.json.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 7")
                .write(toFile: path, atomically: true, encoding: .utf8)
            let result = try Binary.run(["rubric", "check", path])
            #expect(result.code == 65)
            #expect(result.firstProblem.line.hasPrefix("tunewise: rubric \(path) is invalid (1 problem): $.schemaVersion"))
            #expect(result.stdout.isEmpty)
        }
    }
}

/// A JSON number as an integer; 0 for anything else.
private func number(_ value: JSONValue?) -> Int {
    guard case .number(let number)? = value else { return 0 }
    return Int(number)
}
