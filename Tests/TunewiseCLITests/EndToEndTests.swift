import Foundation
import ProcessRunner
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

        /// A rule's reason names the rule and the answers that meet it; its `question` and
        /// `answer` stay null, so scripts can read them as ids.
        @Test func ruleReasonsNameTheRuleAndItsAnswers() throws {
            // Facts that change often plus a house style: a need for both knowledge and behaviour.
            let flags = [
                "--need", "both", "--data-volume", "thousands", "--transience", "frequent", "--governance", "confidential",
                "--budget", "substantial", "--time-to-market", "months", "--consistency", "critical",
                "--output-style", "custom", "--format", "json",
            ]
            let result = try Binary.run(flags)
            #expect(result.code == 0)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            guard case .array(let reasons)? = report["recommendation"]?["reasons"] else {
                Issue.record("no reasons in \(result.stdout)")
                return
            }
            let rule = try #require(reasons.first { $0["kind"] == .string("rule") })
            #expect(rule["rule"] == .string("fresh-facts-custom-style"))
            #expect(rule["question"] == .null && rule["answer"] == .null)
            #expect(rule["when"] == .object([("need", .string("both")), ("transience", .string("frequent")), ("output-style", .string("custom"))]))
        }

        /// Weights given in place of the rubric's are part of what a saved report was made from:
        /// every format records them.
        @Test func givenWeightsAreRecordedInEveryFormat() throws {
            let flags = lawFirmFlags + ["--no-input", "--weight", "budget=2", "--weight", "consistency=0.5"]
            let json = try JSONParser.parse(Array(try Binary.run(flags + ["--format", "json"]).stdout.utf8))
            #expect(json["weights"] == .object([("budget", .number(2)), ("consistency", .number(0.5))]))
            let text = try Binary.run(flags, environment: ["COLUMNS": "200"]).stdout
            #expect(text.contains(", weights budget=2 consistency=0.5; the works it cites"), "\(text)")
            let markdown = try Binary.run(flags + ["--format", "markdown"]).stdout
            #expect(markdown.contains(", weights budget=2 consistency=0.5. Confidence"), "\(markdown)")
            #expect(try JSONParser.parse(Array(try Binary.run(lawFirmFlags + ["--no-input", "--format", "json"]).stdout.utf8))["weights"] == nil)
        }

        @Test func worksFromAnEmptyDirectoryWithNoFilesBesideIt() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let copy = directory.appendingPathComponent("tunewise")
            try FileManager.default.copyItem(at: Binary.url, to: copy)
            let result = try runFreshCopy(Command(copy.path, lawFirmFlags + ["--no-input"], directory: directory.path))
            #expect(result.termination == .exited(0))
            #expect(result.stdout.hasPrefix("Recommendation: PEFT / fine-tuning"))
        }

        @Test(arguments: badInputs)
        func refusesBadInputWithOneClearLine(_ bad: BadInput) throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try BadFiles.write(in: directory, named: bad.arguments)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

            let result = try Binary.run(bad.arguments, input: bad.input, directory: directory, timeout: 10)
            #expect(!result.crashed, "killed by a signal or by the time limit")
            #expect(result.code == bad.code)
            let errorLines = result.stderr.split(separator: "\n").map(String.init)
            let line: String
            switch bad.stream {
            case .firstError:
                line = result.firstProblem.line
                // The first line stays near 100 characters; a file's long first problem follows it.
                #expect(result.firstErrorLine.count <= 110, "\(result.stderr)")
            case .lastError: line = errorLines.last ?? ""
            case .firstOutput: line = String(result.stdout.split(separator: "\n").first ?? "")
            }
            #expect(line.matches(bad.line), "got: \(line)")
            for trace in ["Fatal error", "Stack dump", "Backtrace", "stack trace", "Segmentation"] {
                #expect(!result.stderr.contains(trace), "\(result.stderr)")
            }
            switch bad.stream {
            case .firstError:
                // One line, then only the allowed values or the file's further problems (indented),
                // and the help to read: for a usage error the command's, else the topic of the data;
                // none after a failed --expect, which is a result.
                let last = errorLines.last ?? ""
                let pointsToHelp = bad.code != 1
                if bad.code == 64 {
                    #expect(last == bad.helpPointer, "\(result.stderr)")
                } else if pointsToHelp {
                    #expect(last.hasPrefix("See 'tunewise help ") && last.hasSuffix("'."), "\(result.stderr)")
                }
                #expect(errorLines.dropFirst().dropLast(pointsToHelp ? 1 : 0).allSatisfy { $0.hasPrefix("  ") }, "\(result.stderr)")
                if let allowed = bad.allowed {
                    #expect(result.firstProblem.after.first?.matches(allowed) == true, "\(result.stderr)")
                } else {
                    #expect(!result.stderr.contains("\n  allowed: ") && !result.stderr.contains("\n  known: "), "\(result.stderr)")
                }
            case .lastError: break
            case .firstOutput: #expect(result.stderr.isEmpty)
            }
            if bad.stream != .firstOutput, bad.code != 0, bad.code != 1 {
                #expect(result.stdout.isEmpty, "partial output: \(result.stdout)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files, "a file was left behind")
        }

        @Test func helpStatesTheInputSizeLimit() throws {
            let result = try Binary.run(["--help"], environment: ["COLUMNS": "200"])
            #expect(result.code == 0)
            #expect(result.stdout.contains("(rubric and answers files: UTF-8 JSON, at most 1 MiB)"))
        }

        @Test(.enabled(if: geteuid() != 0, "root writes into a read-only directory; file/answers.json covers root"))
        func refusesToSaveIntoAReadOnlyDirectory() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            chmod(locked.path, 0o555)
            defer { chmod(locked.path, 0o755) }
            let target = locked.appendingPathComponent("answers.json").path
            let result = try Binary.run(lawFirmFlags + ["--save-answers", target])
            #expect(!result.crashed)
            #expect(result.code == 73)
            #expect(result.firstErrorLine == "tunewise: cannot write \(target): Permission denied")
            #expect(result.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
        }

        @Test(arguments: brokenOutputs)
        func aBrokenStandardOutputEndsTheRunCleanly(_ run: BrokenOutputRun) throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let shell = URL(fileURLWithPath: "/bin/sh")
            let tunewise = Binary.url.path
            let code: Int32
            let result: Outcome
            switch run.output {
            case .readerGone:
                var descriptors: [Int32] = [0, 0]
                try #require(pipe(&descriptors) == 0)
                close(descriptors[0])
                defer { close(descriptors[1]) }
                result = try Binary.run(run.arguments, timeout: 10, standardOutput: descriptors[1])
                code = result.code
            case .readerLeavesAfterOneByte:
                // The shell reports tunewise's own exit status (a signal death would show as 128+n).
                let script = #"{ "$0" "$@"; echo $? >status; } | head -c1 >/dev/null"#
                result = try Binary.run(["-c", script, tunewise] + run.arguments, directory: directory, timeout: 10, executable: shell)
                let status = try String(contentsOf: directory.appendingPathComponent("status"), encoding: .utf8)
                code = try #require(Int32(status.trimmingCharacters(in: .whitespacesAndNewlines)))
            case .closed:
                result = try Binary.run(["-c", #"exec "$0" "$@" >&-"#, tunewise] + run.arguments, timeout: 10, executable: shell)
                code = result.code
            case .full:
                let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
                try #require(full >= 0)
                defer { close(full) }
                result = try Binary.run(run.arguments, timeout: 10, standardOutput: full)
                code = result.code
            }
            #expect(!result.crashed, "killed by a signal or by the time limit")
            #expect(code == run.code)
            #expect(result.stderr == run.stderr)
        }

        @Test func interruptingThePipedQuestionnaireExits130AndWritesNothing() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            // Ctrl-C while the questionnaire waits for the second answer, with input still open, to
            // a child started with SIGINT blocked, as a parent may leave it (dispatch's worker
            // threads block it, and Foundation's Process passes its thread's mask on): tunewise
            // unblocks it itself.
            var command = Command(
                Binary.url.path, ["--interactive", "--save-answers", "saved.json"], directory: directory.path, standardInput: .pipe)
            command.blockedSignals = [SIGINT]
            let child = try command.start()
            try child.write("knowledge\n")
            var errors = ""
            let deadline = Date().addingTimeInterval(10)
            while !errors.contains("> data-volume"),
                case .bytes(let bytes) = child.read(.standardError, timeout: max(0, deadline.timeIntervalSinceNow))
            {
                errors += String(decoding: bytes, as: UTF8.self)
            }
            #expect(errors.contains("> data-volume"))
            child.send(SIGINT)
            let result = child.wait(timeout: 10)
            #expect(!result.timedOut)
            #expect(result.termination == .exited(130))
            #expect(result.stdout.isEmpty)
            #expect((errors + result.stderr).hasSuffix("\ntunewise: interrupted; nothing was written\n"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }

        @Test func expectStillPrintsTheReport() throws {
            let result = try Binary.run(lawFirmFlags + ["--expect", "hybrid", "--format", "json"])
            #expect(result.code == 1)
            #expect(result.stdout.contains("\"schemaVersion\": 2"))
            let matching = try Binary.run(lawFirmFlags + ["--expect", "fine-tuning"])
            #expect(matching.code == 0)
        }

        @Test func answersFromStandardInputAndFlagsWinOverTheFile() throws {
            let answers =
                #"{"need": "knowledge", "data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal", "time-to-market": "days", "consistency": "flexible"}"#
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
            #expect(first.stderr == "tunewise: wrote answers to \(saved)\n")
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
            let lines = ["knowledge", "3", "periodic", "role", "2", "weeks", "important", "y", "documents", "", "api-tuning", "done", ""]
            let asked = try Binary.run(["--interactive", "--format", "json"], input: lines.joined(separator: "\n") + "\n")
            #expect(asked.code == 0)
            let marker = "The same advice as one command:\n"
            let range = try #require(asked.stderr.range(of: marker))
            // Wrapped at flag boundaries with ` \` continuations, as a shell joins them.
            let command = joiningContinuations(String(asked.stderr[range.upperBound...]))
            let words = command.split(separator: " ").map(String.init)
            #expect(words.first == "tunewise")
            let replayed = try Binary.run(Array(words.dropFirst()))
            #expect(replayed.code == 0)
            #expect(replayed.stdout == asked.stdout)
            #expect(asked.stderr.contains("[1 of 7] What the model must gain"))
            #expect(!asked.stdout.contains("[1 of 7]"), "prompts belong on standard error")
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
            guard case .array(let questions)? = document["questions"] else {
                Issue.record("no questions")
                return
            }
            #expect(questions.count == 19)
            #expect(questions.first?["id"] == .string("need"))
            #expect(questions.dropFirst().first?["id"] == .string("data-volume"))
            let text = try Binary.run(["questions"])
            #expect(text.stdout.contains("--need  (core)"))
            #expect(text.stdout.contains("--data-volume  (core)"))
        }

        @Test func validatesRubricFilesReportingEveryProblem() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            // Two problems: an unsupported version and the first question's weight made negative.
            let broken = JSONWriter.write(
                try JSONParser.parse(Array(BuiltInRubric.json.utf8))
                    .changing(["questions", "0", "weight"]) { _ in .number(-1.5) }
                    .changing(["schemaVersion"]) { _ in .number(7) })
            let path = directory.appendingPathComponent("broken.json").path
            try broken.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try Binary.run(["rubric", "validate", "default", path])
            #expect(result.code == 65)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("default: valid") == true)
            #expect(lines.contains("\(path): $.schemaVersion: unsupported version 7; this tunewise reads version 2"))
            #expect(lines.contains { $0.hasPrefix("\(path): $.questions[0].weight: must not be negative") })
            let advise = try Binary.run(lawFirmFlags + ["--rubric", path])
            #expect(advise.code == 65)
            #expect(advise.firstProblem.line.hasPrefix("tunewise: rubric \(path) is invalid (2 problems): $.schemaVersion"))
            #expect(advise.stdout.isEmpty)
        }

        @Test func markdownIsADecisionRecord() throws {
            let result = try Binary.run(lawFirmFlags + ["--format", "markdown"])
            #expect(result.code == 0)
            for heading in [
                "# Decision: PEFT / fine-tuning", "## Context", "## Decision", "## Plan", "## Reasons", "## Alternatives", "## Consequences",
                "## Next steps", "## What would change this decision",
            ] {
                #expect(result.stdout.contains(heading), "\(heading)")
            }
        }
    }
}
