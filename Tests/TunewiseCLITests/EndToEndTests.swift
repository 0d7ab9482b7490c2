import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// The built binary, run as a user or a script would run it.
    @Suite struct EndToEndTests {
        @Test func oneShotAdviceAsJSON() throws {
            let result = try Binary.run(lawFirmFlags + ["--specialization", "niche", "--no-input", "--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
        }

        @Test func worksFromAnEmptyDirectoryWithNoFilesBesideIt() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let copy = directory.appendingPathComponent("tunewise")
            try FileManager.default.copyItem(at: Binary.url, to: copy)
            let process = Process()
            process.executableURL = copy
            process.arguments = lawFirmFlags + ["--no-input"]
            process.currentDirectoryURL = directory
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(text.hasPrefix("Recommendation: PEFT / fine-tuning"))
        }

        /// One class of bad input: the arguments, standard input, exit code and the start of the
        /// first line of standard error.
        struct BadInput: Sendable, CustomTestStringConvertible {
            var arguments: [String]
            var input: String?
            var code: Int32
            var firstLine: String

            init(_ arguments: [String], _ input: String?, _ code: Int32, _ firstLine: String) {
                self.arguments = arguments
                self.input = input
                self.code = code
                self.firstLine = firstLine
            }

            var testDescription: String { "\(arguments.joined(separator: " ")) -> \(code)" }
        }

        static let badInputs: [BadInput] = [
            BadInput(["--data-volume", "lots", "--no-input"], nil, 64, "tunewise: invalid value 'lots' for --data-volume; allowed: none, few, hundreds, thousands"),
            BadInput(["--data-volum", "few"], nil, 64, "tunewise: unknown flag '--data-volum' (did you mean '--data-volume'?)"),
            BadInput(["frobnicate"], nil, 64, "tunewise: unknown command 'frobnicate'; allowed: advise, questions, rubric, help"),
            BadInput(["--data-volume", "few", "--no-input"], nil, 64, "tunewise: missing answers for --transience, --governance, --budget, --time-to-market, --consistency"),
            BadInput([], nil, 64, "tunewise: missing answers for --data-volume"),
            BadInput(["--weight", "budget=NaN"], nil, 64, "tunewise: invalid --weight 'budget=NaN': the weight is not finite"),
            BadInput(["--weight", "budgie=1"] + lawFirmFlags, nil, 64, "tunewise: unknown question in --weight 'budgie' (did you mean 'budget'?)"),
            BadInput(["--format", ""], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
            BadInput(["--answers", "/nonexistent/answers.json"], nil, 66, "tunewise: cannot read /nonexistent/answers.json: No such file or directory"),
            BadInput(["--answers", "/tmp"], nil, 66, "tunewise: cannot read /tmp: it is a directory"),
            BadInput(["--answers", "/dev/zero"], nil, 66, "tunewise: cannot read /dev/zero: not a regular file"),
            BadInput(["--rubric", "/nonexistent/rubric.json"], nil, 66, "tunewise: cannot read /nonexistent/rubric.json"),
            BadInput(["--answers", "-"], "{\"data-volume\": ", 65, "tunewise: answers file standard input: not valid JSON: line 1, column 17: unexpected end of input"),
            BadInput(["--answers", "-"], "[\"few\"]", 65, "tunewise: answers file standard input: $: expected an object of question id to option id"),
            BadInput(["--answers", "-"], "{\"data-volume\": 3}", 65, "tunewise: answers file standard input: $.data-volume: expected an option id as a string; found a number"),
            BadInput(["--answers", "-"], "{\"data-volume\": \"few\", \"data-volume\": \"none\"}", 65, "tunewise: answers file standard input: not valid JSON: line 1, column 24: duplicate key \"data-volume\""),
            BadInput(["--answers", "-"], "{\"budgett\": \"minimal\"}", 65, "tunewise: answers file standard input: $.budgett: unknown question (did you mean \"budget\"?)"),
            BadInput(["--answers", "-"], "{\"budget\": \"huge\"}", 65, "tunewise: answers file standard input: $.budget: unknown option \"huge\"; allowed: minimal, moderate, substantial"),
            BadInput(["--answers", "-"], "", 65, "tunewise: answers file standard input: not valid JSON: line 1, column 1: the document is empty"),
            BadInput(lawFirmFlags + ["--expect", "prompt-engineering"], nil, 1, "tunewise: expected prompt-engineering, but the advice is fine-tuning"),
            BadInput(lawFirmFlags + ["--save-answers", "/nonexistent/dir/answers.json"], nil, 73, "tunewise: cannot write /nonexistent/dir/answers.json: No such file or directory"),
            BadInput(["rubric", "validate", "/nonexistent.json"], nil, 66, "tunewise: cannot read /nonexistent.json"),
        ]

        @Test(arguments: badInputs)
        func refusesBadInputWithOneClearLine(_ bad: BadInput) throws {
            let result = try Binary.run(bad.arguments, input: bad.input)
            #expect(!result.crashed)
            #expect(result.code == bad.code)
            #expect(result.firstErrorLine.hasPrefix(bad.firstLine), "got: \(result.firstErrorLine)")
            if bad.code != 1 { #expect(result.stdout.isEmpty, "partial output: \(result.stdout)") }
        }

        @Test func expectStillPrintsTheReport() throws {
            let result = try Binary.run(lawFirmFlags + ["--expect", "hybrid", "--format", "json"])
            #expect(result.code == 1)
            #expect(result.stdout.contains("\"schemaVersion\": 1"))
            let matching = try Binary.run(lawFirmFlags + ["--expect", "fine-tuning"])
            #expect(matching.code == 0)
        }

        @Test func answersFromStandardInputAndFlagsWinOverTheFile() throws {
            let answers = #"{"data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal", "time-to-market": "days", "consistency": "flexible"}"#
            let fromFile = try Binary.run(["--answers", "-", "--format", "json"], input: answers)
            #expect(fromFile.code == 0)
            #expect(fromFile.stdout.contains("\"strategy\": \"prompt-engineering\""))
            let overridden = try Binary.run(["--answers", "-", "--data-volume", "thousands", "--format", "json"], input: answers)
            #expect(overridden.stdout.contains("\"data-volume\": \"thousands\""))
        }

        @Test func savedAnswersReproduceTheAdvice() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let saved = directory.appendingPathComponent("answers.json").path
            let first = try Binary.run(lawFirmFlags + ["--model-size", "large", "--save-answers", saved, "--format", "json"])
            #expect(first.code == 0)
            let again = try Binary.run(["--answers", saved, "--format", "json"])
            #expect(again.code == 0)
            #expect(again.stdout == first.stdout)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["answers.json"])
        }

        @Test func savesAnswersToAOneLetterNameInTheCurrentDirectory() throws {
            // NSString's path methods crashed on such a name (SIGILL), so the split is hand-written.
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try Binary.run(lawFirmFlags + ["--save-answers", "a"], directory: directory)
            #expect(result.code == 0)
            #expect(!result.crashed)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a"])
        }

        @Test func aFailedSaveLeavesNothingBehind() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            // The target is a directory, so the final rename fails after the temporary file was written.
            let target = directory.appendingPathComponent("taken")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            let result = try Binary.run(lawFirmFlags + ["--save-answers", target.path])
            #expect(result.code == 73)
            #expect(result.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
        }

        @Test func theQuestionnaireReadsPipedLinesAndPrintsAReproducibleCommand() throws {
            let lines = ["3", "periodic", "role", "2", "weeks", "important", "y", "documents", "", "api-tuning", "done"]
            let asked = try Binary.run(["--interactive", "--format", "json"], input: lines.joined(separator: "\n") + "\n")
            #expect(asked.code == 0)
            let marker = "The same advice as one command:\n  "
            let range = try #require(asked.stderr.range(of: marker))
            let command = asked.stderr[range.upperBound...].split(separator: "\n")[0]
            let words = command.split(separator: " ").map(String.init)
            #expect(words.first == "tunewise")
            let replayed = try Binary.run(Array(words.dropFirst()))
            #expect(replayed.code == 0)
            #expect(replayed.stdout == asked.stdout)
            #expect(!asked.stdout.contains("[1 of 6]"), "prompts belong on standard error")
        }

        @Test func theQuestionnaireEndOfInputExits130() throws {
            let result = try Binary.run(["--interactive"], input: "few\nstatic\n")
            #expect(result.code == 130)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasSuffix("tunewise: the questionnaire ended before it was complete; nothing was written\n"))
        }

        @Test func questionsForScripts() throws {
            let result = try Binary.run(["questions", "--format", "json"])
            #expect(result.code == 0)
            let document = try JSONParser.parse(Array(result.stdout.utf8))
            guard case let .array(questions)? = document["questions"] else {
                Issue.record("no questions")
                return
            }
            #expect(questions.count == 16)
            #expect(questions.first?["id"] == .string("data-volume"))
            let text = try Binary.run(["questions"])
            #expect(text.stdout.contains("--data-volume  (core)"))
        }

        @Test func validatesRubricFilesReportingEveryProblem() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let broken = BuiltInRubric.json
                .replacingOccurrences(of: "\"weight\": 1.5", with: "\"weight\": -1.5")
                .replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 7")
            let path = directory.appendingPathComponent("broken.json").path
            try broken.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try Binary.run(["rubric", "validate", "default", path])
            #expect(result.code == 65)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("default: valid") == true)
            #expect(lines.contains("\(path): $.schemaVersion: unsupported version 7; this tunewise reads version 1"))
            #expect(lines.contains { $0.hasPrefix("\(path): $.questions[0].weight: must not be negative") })
            let advise = try Binary.run(lawFirmFlags + ["--rubric", path])
            #expect(advise.code == 65)
            #expect(advise.firstErrorLine.hasPrefix("tunewise: rubric \(path) is invalid (2 problems): $.schemaVersion"))
            #expect(advise.stdout.isEmpty)
        }

        @Test func markdownIsADecisionRecord() throws {
            let result = try Binary.run(lawFirmFlags + ["--format", "markdown"])
            #expect(result.code == 0)
            for heading in ["# Decision: PEFT / fine-tuning", "## Context", "## Decision", "## Reasons", "## Ranking", "## Consequences", "## Next steps", "## What would change this decision"] {
                #expect(result.stdout.contains(heading), "\(heading)")
            }
        }
    }
}
