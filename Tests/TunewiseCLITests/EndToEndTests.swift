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
            #expect(rule["when"] == .object([("transience", .string("frequent")), ("output-style", .string("custom"))]))
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
        /// line that explains it. Each row runs in a scratch directory holding ``BadFiles``, so
        /// relative paths name those files.
        struct BadInput: Sendable, CustomTestStringConvertible {
            /// Where the explaining line is.
            enum Line: Sendable {
                /// The first line of standard error (the usual case).
                case firstError
                /// The last line of standard error, after the questionnaire's prompts.
                case lastError
                /// The first line of standard output: `rubric validate` reports problems there.
                case firstOutput
            }

            var arguments: [String]
            var input: String?
            var code: Int32
            /// The start of the line; `…` stands for any text.
            var line: String
            var stream: Line

            init(_ arguments: [String], _ input: String?, _ code: Int32, _ line: String, on stream: Line = .firstError) {
                self.arguments = arguments
                self.input = input
                self.code = code
                self.line = line
                self.stream = stream
            }

            var testDescription: String {
                let input = self.input.map { " <<< \($0.count > 40 ? "\($0.utf8.count) bytes" : $0)" } ?? ""
                return "\(arguments.joined(separator: " "))\(input) -> \(code)"
            }
        }

        static let badInputs: [BadInput] =
            [
                BadInput(
                    ["--data-volume", "lots", "--no-input"], nil, 64,
                    "tunewise: invalid value 'lots' for --data-volume; allowed: none, few, hundreds, thousands"),
                BadInput(["--data-volum", "few"], nil, 64, "tunewise: unknown flag '--data-volum' (did you mean '--data-volume'?)"),
                // Control characters from a file are shown as escapes, never sent to the terminal.
                BadInput(
                    ["--answers", "-"], #"{"\u001b[31mred": "x"}"#, 65, #"tunewise: answers file standard input: $.\u{1B}[31mred: unknown question"#),
                BadInput(
                    ["frobnicate"], nil, 64,
                    "tunewise: unknown command 'frobnicate'; allowed: advise, questions, sweep, cost, rubric, help, diff, completions"),
                BadInput(
                    ["--data-volume", "few", "--no-input"], nil, 64,
                    "tunewise: missing answers for --need, --transience, --governance, --budget, --time-to-market, --consistency"),
                BadInput([], nil, 64, "tunewise: missing answers for --need, --data-volume"),
                // `need` is core: every other core answer given is not enough.
                BadInput(
                    Array(lawFirmFlags.dropFirst(2)) + ["--no-input"], nil, 64,
                    "tunewise: missing answers for --need; give them as flags or in --answers FILE"),
                BadInput(
                    ["--answers", "-"],
                    #"{"data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal", "time-to-market": "days", "consistency": "flexible"}"#,
                    64, "tunewise: missing answers for --need;"),
                BadInput(
                    ["--need", "facts", "--no-input"], nil, 64, "tunewise: invalid value 'facts' for --need; allowed: knowledge, behavior, both"),
                BadInput(
                    ["--need", "behaviour", "--no-input"], nil, 64,
                    "tunewise: invalid value 'behaviour' for --need (did you mean 'behavior'?); allowed: knowledge, behavior, both"),
                BadInput(
                    ["--answers", "-"], "{\"need\": \"skills\"}", 65,
                    "tunewise: answers file standard input: $.need: unknown option \"skills\"; allowed: knowledge, behavior, both"),
                // --why-not takes a strategy id, named from the contract's list.
                BadInput(
                    lawFirmFlags + ["--why-not", "fine-tune"], nil, 64,
                    "tunewise: invalid value 'fine-tune' for --why-not (did you mean 'fine-tuning'?); allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"
                ),
                BadInput(
                    lawFirmFlags + ["--why-not", "retrieval"], nil, 64,
                    "tunewise: invalid value 'retrieval' for --why-not…; allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
                BadInput(
                    lawFirmFlags + ["--why-not="], nil, 64,
                    "tunewise: --why-not needs a value; allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
                BadInput(
                    lawFirmFlags + ["--why-not", "hybrid", "--why-not", "prompt-tuning"], nil, 64,
                    "tunewise: --why-not was given more than once; give it once"),
                BadInput(lawFirmFlags + ["--explain=yes"], nil, 64, "tunewise: invalid value 'yes' for --explain; allowed: no value"),
                BadInput(["--weight", "budget=NaN"], nil, 64, "tunewise: invalid --weight 'budget=NaN': the weight is not finite"),
                BadInput(
                    ["--weight", "budgie=1"] + lawFirmFlags, nil, 64, "tunewise: unknown question in --weight 'budgie' (did you mean 'budget'?)"),
                BadInput(["--format", ""], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
                BadInput(
                    ["--answers", "/nonexistent/answers.json"], nil, 66, "tunewise: cannot read /nonexistent/answers.json: No such file or directory"),
                BadInput(["--answers", "/tmp"], nil, 66, "tunewise: cannot read /tmp: it is a directory"),
                BadInput(["--answers", "/dev/zero"], nil, 66, "tunewise: cannot read /dev/zero: not a regular file"),
                BadInput(["--rubric", "/nonexistent/rubric.json"], nil, 66, "tunewise: cannot read /nonexistent/rubric.json"),
                BadInput(
                    ["--answers", "-"], "{\"data-volume\": ", 65,
                    "tunewise: answers file standard input: not valid JSON: line 1, column 17: unexpected end of input"),
                BadInput(
                    ["--answers", "-"], "[\"few\"]", 65, "tunewise: answers file standard input: $: expected an object of question id to option id"),
                BadInput(
                    ["--answers", "-"], "{\"data-volume\": 3}", 65,
                    "tunewise: answers file standard input: $.data-volume: expected an option id as a string; found a number"),
                BadInput(
                    ["--answers", "-"], "{\"data-volume\": \"few\", \"data-volume\": \"none\"}", 65,
                    "tunewise: answers file standard input: not valid JSON: line 1, column 24: duplicate key \"data-volume\""),
                BadInput(
                    ["--answers", "-"], "{\"budgett\": \"minimal\"}", 65,
                    "tunewise: answers file standard input: $.budgett: unknown question (did you mean \"budget\"?)"),
                BadInput(
                    ["--answers", "-"], "{\"budget\": \"huge\"}", 65,
                    "tunewise: answers file standard input: $.budget: unknown option \"huge\"; allowed: minimal, moderate, substantial"),
                BadInput(
                    ["--answers", "-"], "", 65, "tunewise: answers file standard input: not valid JSON: line 1, column 1: the document is empty"),
                BadInput(
                    lawFirmFlags + ["--expect", "prompt-engineering"], nil, 1, "tunewise: expected prompt-engineering, but the advice is fine-tuning"),
                BadInput(
                    lawFirmFlags + ["--save-answers", "/nonexistent/dir/answers.json"], nil, 73,
                    "tunewise: cannot write /nonexistent/dir/answers.json: No such file or directory"),
                BadInput(["rubric", "validate", "/nonexistent.json"], nil, 66, "tunewise: cannot read /nonexistent.json"),
            ] + badFiles + badRubrics + badFlags + badQuestionnaires

        /// Every class of bad file, given as `--answers FILE`, `--rubric FILE` and to
        /// `rubric validate` (which reports a file's problems on standard output).
        static let badFiles: [BadInput] = [
            // Not JSON at all.
            BadInput(
                ["--answers", "not-json.json"], nil, 65,
                "tunewise: answers file not-json.json: not valid JSON: line 1, column 24: expected a string key in the object"),
            BadInput(
                ["--rubric", "not-json.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric not-json.json is not valid JSON: line 1, column 24: expected a string key in the object"),
            BadInput(
                ["rubric", "validate", "not-json.json"], nil, 65,
                "not-json.json: not valid JSON: line 1, column 24: expected a string key in the object", on: .firstOutput),
            // JSON, but not an object.
            BadInput(["--answers", "array.json"], nil, 65, "tunewise: answers file array.json: $: expected an object of question id to option id"),
            BadInput(
                ["--rubric", "array.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric array.json is invalid (1 problem): $: expected an object; found an array"),
            BadInput(["rubric", "validate", "array.json"], nil, 65, "array.json: $: expected an object; found an array", on: .firstOutput),
            // A value of the wrong type.
            BadInput(
                ["--answers", "wrong-type.json"], nil, 65,
                "tunewise: answers file wrong-type.json: $.data-volume: expected an option id as a string; found a boolean"),
            BadInput(
                ["--answers", "-"], "{\"data-volume\": null}", 65,
                "tunewise: answers file standard input: $.data-volume: expected an option id as a string; found null"),
            // An unknown key.
            BadInput(
                ["--answers", "unknown-key.json"], nil, 65,
                "tunewise: answers file unknown-key.json: $.budgett: unknown question (did you mean \"budget\"?)"),
            // A duplicated key is refused wherever it is: which of the two would win is not obvious.
            BadInput(
                ["--answers", "duplicate-key.json"], nil, 65,
                "tunewise: answers file duplicate-key.json: not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object"),
            BadInput(
                ["--rubric", "duplicate-key.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric duplicate-key.json is not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object"),
            BadInput(
                ["rubric", "validate", "duplicate-key.json"], nil, 65,
                "duplicate-key.json: not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object", on: .firstOutput),
            // 100,000 levels of nesting stop at the 65th, never exhausting the stack.
            BadInput(
                ["--answers", "deep.json"], nil, 65,
                "tunewise: answers file deep.json: not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
            BadInput(
                ["--answers", "deep-object.json"], nil, 65,
                "tunewise: answers file deep-object.json: not valid JSON: line 1, column 321: nesting is deeper than 64 levels"),
            BadInput(
                ["--answers", "-"], String(repeating: "[", count: 100_000), 65,
                "tunewise: answers file standard input: not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
            BadInput(
                ["--rubric", "deep.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric deep.json is not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
            BadInput(
                ["rubric", "validate", "deep-object.json"], nil, 65,
                "deep-object.json: not valid JSON: line 1, column 321: nesting is deeper than 64 levels", on: .firstOutput),
            BadInput(
                ["questions", "--rubric", "deep.json"], nil, 65,
                "tunewise: rubric deep.json is not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
            // Over the size limit: refused, naming the limit, before a byte is read.
            BadInput(["--answers", "big.json"], nil, 66, "tunewise: big.json is larger than the 1 MiB limit for input files; not read"),
            BadInput(
                ["--answers", "-"], String(repeating: " ", count: 2 << 20), 66,
                "tunewise: standard input is larger than the 1 MiB limit for input files; not read"),
            BadInput(
                ["--rubric", "big.json"] + lawFirmFlags, nil, 66, "tunewise: big.json is larger than the 1 MiB limit for input files; not read"),
            BadInput(["rubric", "validate", "big.json"], nil, 66, "tunewise: big.json is larger than the 1 MiB limit for input files; not read"),
            BadInput(["questions", "--rubric", "big.json"], nil, 66, "tunewise: big.json is larger than the 1 MiB limit for input files; not read"),
            // Not UTF-8.
            BadInput(
                ["--answers", "not-utf8.json"], nil, 65,
                "tunewise: answers file not-utf8.json: not valid JSON: line 1, column 20: the file is not valid UTF-8 text"),
            BadInput(
                ["--rubric", "not-utf8.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric not-utf8.json is not valid JSON: line 1, column 20: the file is not valid UTF-8 text"),
            BadInput(
                ["rubric", "validate", "not-utf8.json"], nil, 65,
                "not-utf8.json: not valid JSON: line 1, column 20: the file is not valid UTF-8 text", on: .firstOutput),
            // Not a regular file: a directory, a FIFO with no writer (which must not hang), a device that never ends.
            BadInput(["--answers", "directory"], nil, 66, "tunewise: cannot read directory: it is a directory"),
            BadInput(["--rubric", "directory"] + lawFirmFlags, nil, 66, "tunewise: cannot read directory: it is a directory"),
            BadInput(["rubric", "validate", "directory"], nil, 66, "tunewise: cannot read directory: it is a directory"),
            BadInput(["--answers", "fifo"], nil, 66, "tunewise: cannot read fifo: not a regular file"),
            BadInput(["--rubric", "fifo"] + lawFirmFlags, nil, 66, "tunewise: cannot read fifo: not a regular file"),
            BadInput(["rubric", "validate", "fifo"], nil, 66, "tunewise: cannot read fifo: not a regular file"),
            BadInput(["questions", "--rubric", "fifo"], nil, 66, "tunewise: cannot read fifo: not a regular file"),
            BadInput(["--rubric", "/dev/zero"] + lawFirmFlags, nil, 66, "tunewise: cannot read /dev/zero: not a regular file"),
            BadInput(["rubric", "validate", "/dev/zero"], nil, 66, "tunewise: cannot read /dev/zero: not a regular file"),
            // Empty.
            BadInput(
                ["--answers", "empty.json"], nil, 65,
                "tunewise: answers file empty.json: not valid JSON: line 1, column 1: the document is empty; expected a JSON value"),
            BadInput(
                ["--rubric", "empty.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric empty.json is not valid JSON: line 1, column 1: the document is empty; expected a JSON value"),
            BadInput(
                ["rubric", "validate", "empty.json"], nil, 65,
                "empty.json: not valid JSON: line 1, column 1: the document is empty; expected a JSON value", on: .firstOutput),
            // A number too large to be finite (JSON has no NaN or infinity literal; 1e999 would overflow to one).
            BadInput(
                ["--answers", "infinite.json"], nil, 65,
                "tunewise: answers file infinite.json: not valid JSON: line 1, column 17: the number 1e999 at $.data-volume is out of range; numbers must be finite"
            ),
            // Missing.
            BadInput(["--answers", "missing.json"], nil, 66, "tunewise: cannot read missing.json: No such file or directory"),
            BadInput(["--rubric", "missing.json"] + lawFirmFlags, nil, 66, "tunewise: cannot read missing.json: No such file or directory"),
            BadInput(["rubric", "validate", "missing.json"], nil, 66, "tunewise: cannot read missing.json: No such file or directory"),
            // Answers to save where no regular file can be written.
            BadInput(
                lawFirmFlags + ["--save-answers", "missing/answers.json"], nil, 73,
                "tunewise: cannot write missing/answers.json: No such file or directory"),
            BadInput(lawFirmFlags + ["--save-answers", "file/answers.json"], nil, 73, "tunewise: cannot write file/answers.json: Not a directory"),
            BadInput(lawFirmFlags + ["--save-answers", "directory"], nil, 73, "tunewise: cannot write directory: Is a directory"),
            BadInput(lawFirmFlags + ["--save-answers", "fifo"], nil, 73, "tunewise: cannot write fifo: not a regular file"),
        ]

        /// Rubrics that parse but break the format's rules, each the default rubric with one change.
        static let badRubrics: [BadInput] = [
            BadInput(
                ["--rubric", "rubric-infinite.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-infinite.json is not valid JSON: line …: the number 1e999 at $.questions[0].weight is out of range; numbers must be finite"
            ),
            BadInput(
                ["rubric", "validate", "rubric-infinite.json"], nil, 65,
                "rubric-infinite.json: not valid JSON: line …: the number 1e999 at $.questions[0].weight is out of range", on: .firstOutput),
            BadInput(
                ["--rubric", "rubric-negative-weight.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-negative-weight.json is invalid (1 problem): $.questions[0].weight: must not be negative; found -1"),
            BadInput(
                ["rubric", "validate", "rubric-negative-weight.json"], nil, 65,
                "rubric-negative-weight.json: $.questions[0].weight: must not be negative; found -1", on: .firstOutput),
            BadInput(
                ["--rubric", "rubric-wrong-type.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-wrong-type.json is invalid (1 problem): $.schemaVersion: expected a finite number; found a string"),
            BadInput(
                ["rubric", "validate", "rubric-wrong-type.json"], nil, 65,
                "rubric-wrong-type.json: $.schemaVersion: expected a finite number; found a string", on: .firstOutput),
            // A rubric in the first format is refused: it has no `need` and its reasons do not say how they gate.
            BadInput(
                ["--rubric", "rubric-version-1.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-version-1.json is invalid (1 problem): $.schemaVersion: unsupported version 1; this tunewise reads version 2"
            ),
            BadInput(
                ["rubric", "validate", "rubric-version-1.json"], nil, 65,
                "rubric-version-1.json: $.schemaVersion: unsupported version 1; this tunewise reads version 2", on: .firstOutput),
            // `--why-not` and `--explain` are flags of advise, so no question may take their names.
            BadInput(
                ["--rubric", "rubric-why-not-question.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-why-not-question.json is invalid (1 problem): $.questions[17].id: \"why-not\" cannot be a question id: --why-not is already a flag of tunewise"
            ),
            BadInput(
                ["rubric", "validate", "rubric-explain-question.json"], nil, 65,
                "rubric-explain-question.json: $.questions[17].id: \"explain\" cannot be a question id: --explain is already a flag of tunewise",
                on: .firstOutput),
            BadInput(
                ["--rubric", "rubric-unknown-key.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-unknown-key.json is invalid (1 problem): $.colour: unknown key; allowed: $schema, schemaVersion"),
            BadInput(
                ["rubric", "validate", "rubric-unknown-key.json"], nil, 65,
                "rubric-unknown-key.json: $.colour: unknown key; allowed: $schema, schemaVersion", on: .firstOutput),
            // Contradictory: the confidence margins, and exclusions that together leave no strategy.
            BadInput(
                ["--rubric", "rubric-confidence.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-confidence.json is invalid (1 problem): $.confidence: \"medium\" (2) must not exceed \"high\" (1)"),
            BadInput(
                ["--rubric", "rubric-no-strategy.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-no-strategy.json is invalid (1 problem): $.exclusions: together they exclude every strategy when data-volume=none"
            ),
            BadInput(
                ["rubric", "validate", "rubric-no-strategy.json"], nil, 65,
                "rubric-no-strategy.json: $.exclusions: together they exclude every strategy when data-volume=none", on: .firstOutput),
            // The same over every question: far too many combinations of answers to try one by one.
            BadInput(
                ["--rubric", "rubric-no-strategy-wide.json"] + lawFirmFlags, nil, 65,
                "tunewise: rubric rubric-no-strategy-wide.json is invalid (1 problem): $.exclusions: together they exclude every strategy when need=knowledge, data-volume=none, transience=static"
            ),
            BadInput(
                ["rubric", "validate", "rubric-no-strategy-wide.json"], nil, 65,
                "rubric-no-strategy-wide.json: $.exclusions: together they exclude every strategy when need=knowledge, data-volume=none, transience=static",
                on: .firstOutput),
        ]

        /// Flag values that are empty, repeated, or not a finite number >= 0 for `--weight`.
        static let badFlags: [BadInput] = [
            BadInput(lawFirmFlags + ["--format="], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
            BadInput(lawFirmFlags + ["--format", ""], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
            BadInput(["questions", "--format="], nil, 64, "tunewise: --format needs a value; allowed: text, json"),
            BadInput(lawFirmFlags + ["--answers", ""], nil, 64, "tunewise: --answers needs a value"),
            BadInput(lawFirmFlags + ["--rubric="], nil, 64, "tunewise: --rubric needs a value"),
            BadInput(lawFirmFlags + ["--save-answers", ""], nil, 64, "tunewise: --save-answers needs a value"),
            BadInput(
                lawFirmFlags + ["--expect="], nil, 64,
                "tunewise: --expect needs a value; allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
            BadInput(lawFirmFlags + ["--weight", ""], nil, 64, "tunewise: --weight needs a value"),
            BadInput(["--data-volume=", "--no-input"], nil, 64, "tunewise: --data-volume needs a value; allowed: none, few, hundreds, thousands"),
            BadInput(["--data-volume", "few", "--data-volume", "none"], nil, 64, "tunewise: --data-volume was given more than once; give it once"),
            BadInput(lawFirmFlags + ["--format", "json", "--format", "text"], nil, 64, "tunewise: --format was given more than once; give it once"),
            BadInput(
                lawFirmFlags + ["--answers", "a.json", "--answers", "b.json"], nil, 64, "tunewise: --answers was given more than once; give it once"),
            BadInput(
                lawFirmFlags + ["--weight", "budget=1", "--weight", "budget=2"], nil, 64,
                "tunewise: --weight budget was given more than once; give it once"),
            BadInput(["questions", "--format", "json", "--format", "text"], nil, 64, "tunewise: --format was given more than once; give it once"),
            BadInput(
                lawFirmFlags + ["--weight", "budget=nan"], nil, 64,
                "tunewise: invalid --weight 'budget=nan': the weight is not finite; expected QUESTION-ID=NUMBER with a number from 0 to 1000000"),
            BadInput(
                lawFirmFlags + ["--weight", "budget=inf"], nil, 64,
                "tunewise: invalid --weight 'budget=inf': the weight is not finite; expected QUESTION-ID=NUMBER with a number from 0 to 1000000"),
            BadInput(lawFirmFlags + ["--weight", "budget=-inf"], nil, 64, "tunewise: invalid --weight 'budget=-inf': the weight is not finite"),
            BadInput(lawFirmFlags + ["--weight", "budget=1e999"], nil, 64, "tunewise: invalid --weight 'budget=1e999': the weight is not finite"),
            BadInput(
                lawFirmFlags + ["--weight", "budget=-1"], nil, 64,
                "tunewise: invalid --weight 'budget=-1': the weight is negative; expected QUESTION-ID=NUMBER with a number from 0 to 1000000"),
            BadInput(lawFirmFlags + ["--weight", "budget="], nil, 64, "tunewise: invalid --weight 'budget=': '' is not a number"),
            BadInput(lawFirmFlags + ["--weight", "budget"], nil, 64, "tunewise: invalid --weight 'budget': no '='"),
            BadInput(lawFirmFlags + ["--weight", "=1"], nil, 64, "tunewise: invalid --weight '=1': no question id before '='"),
        ]

        /// End of input before the questionnaire is complete: 130, one last line, and nothing
        /// written, not even the answers asked to be saved.
        static let badQuestionnaires: [BadInput] = [
            BadInput(["--interactive"], "", 130, "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
            BadInput(
                ["--interactive", "--save-answers", "saved.json"], "knowledge\nfew\nstatic\n", 130,
                "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
            BadInput(
                ["--interactive", "--format", "json"], "lots\nmany\n", 130,
                "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
            // Every core question answered (seven), then input ends at the offer of refinements.
            BadInput(
                ["--interactive", "--save-answers", "saved.json"], "1\n1\n1\n1\n1\n1\n1\n", 130,
                "tunewise: the questionnaire ended before it was complete; nothing was written", on: .lastError),
            BadInput(
                ["--interactive"], "1\n1\n1\n1\n1\n1\n1\ny\n", 130, "tunewise: the questionnaire ended before it was complete; nothing was written",
                on: .lastError),
        ]

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
            case .firstError: line = result.firstErrorLine
            case .lastError: line = errorLines.last ?? ""
            case .firstOutput: line = String(result.stdout.split(separator: "\n").first ?? "")
            }
            #expect(line.matches(bad.line), "got: \(line)")
            for trace in ["Fatal error", "Stack dump", "Backtrace", "stack trace", "Segmentation"] {
                #expect(!result.stderr.contains(trace), "\(result.stderr)")
            }
            switch bad.stream {
            case .firstError:
                // One line, then only the file's further problems (indented) or the pointer to help.
                #expect(errorLines.dropFirst().allSatisfy { $0.hasPrefix("  ") || $0 == "Run 'tunewise --help' for usage." }, "\(result.stderr)")
            case .lastError: break
            case .firstOutput: #expect(result.stderr.isEmpty)
            }
            if bad.stream != .firstOutput, bad.code != 0, bad.code != 1 {
                #expect(result.stdout.isEmpty, "partial output: \(result.stdout)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files, "a file was left behind")
        }

        @Test func helpStatesTheInputSizeLimit() throws {
            let result = try Binary.run(["--help"])
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

        /// How a run's standard output is broken.
        enum BrokenOutput: String, Sendable {
            /// A pipe whose reading end was closed before the run: a write fails with EPIPE
            /// (SIGPIPE is ignored, so it is an error, not a silent death).
            case readerGone = "a pipe with no reader"
            /// `tunewise ... | head -c1`: the report is written in one go, into the pipe's buffer,
            /// before `head` leaves, so the run succeeds. (A report larger than the buffer would
            /// meet EPIPE, as `readerGone` does.)
            case readerLeavesAfterOneByte = "| head -c1"
            /// `>&-`: descriptor 1 is not open.
            case closed = ">&-"
            /// `>/dev/full`: every write fails with ENOSPC.
            case full = ">/dev/full"
        }

        struct BrokenOutputRun: Sendable, CustomTestStringConvertible {
            var arguments: [String]
            var output: BrokenOutput
            var code: Int32
            /// All of standard error: one line, or nothing.
            var stderr: String

            init(_ arguments: [String], _ output: BrokenOutput, _ code: Int32, _ stderr: String) {
                self.arguments = arguments
                self.output = output
                self.code = code
                self.stderr = stderr
            }

            var testDescription: String { "\(arguments.prefix(2).joined(separator: " ")) \(output.rawValue) -> \(code)" }
        }

        /// A standard output that cannot be written is an output that cannot be written: 73 and
        /// one line naming the system's reason, never a crash, a signal death or a loop.
        static let brokenOutputs: [BrokenOutputRun] = [
            BrokenOutputRun(lawFirmFlags, .readerGone, 73, "tunewise: cannot write standard output: Broken pipe\n"),
            BrokenOutputRun(["questions", "--format", "json"], .readerGone, 73, "tunewise: cannot write standard output: Broken pipe\n"),
            BrokenOutputRun(lawFirmFlags + ["--format", "markdown"], .readerLeavesAfterOneByte, 0, ""),
            BrokenOutputRun(
                lawFirmFlags + ["--expect", "hybrid"], .readerLeavesAfterOneByte, 1, "tunewise: expected hybrid, but the advice is fine-tuning\n"),
            BrokenOutputRun(lawFirmFlags + ["--format", "json"], .closed, 73, "tunewise: cannot write standard output: Bad file descriptor\n"),
            BrokenOutputRun(["rubric", "validate", "default"], .closed, 73, "tunewise: cannot write standard output: Bad file descriptor\n"),
            BrokenOutputRun(lawFirmFlags, .full, 73, "tunewise: cannot write standard output: No space left on device\n"),
            BrokenOutputRun(["--help"], .full, 73, "tunewise: cannot write standard output: No space left on device\n"),
        ]

        @Test(arguments: brokenOutputs)
        func aBrokenStandardOutputEndsTheRunCleanly(_ run: BrokenOutputRun) throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let shell = URL(fileURLWithPath: "/bin/sh")
            let tunewise = Binary.url.path
            let code: Int32
            let result: Binary.Result
            switch run.output {
            case .readerGone:
                var descriptors: [Int32] = [0, 0]
                try #require(pipe(&descriptors) == 0)
                close(descriptors[0])
                let writer = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
                result = try Binary.run(run.arguments, timeout: 10, standardOutput: writer)
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
                result = try Binary.run(run.arguments, timeout: 10, standardOutput: try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full")))
                code = result.code
            }
            #expect(!result.crashed, "killed by a signal or by the time limit")
            #expect(code == run.code)
            #expect(result.stderr == run.stderr)
        }

        @Test func interruptingThePipedQuestionnaireExits130AndWritesNothing() throws {
            let directory = try makeScratchDirectory()
            let logs = try makeScratchDirectory()
            defer {
                try? FileManager.default.removeItem(at: directory)
                try? FileManager.default.removeItem(at: logs)
            }
            let outputURL = logs.appendingPathComponent("stdout")
            let errorURL = logs.appendingPathComponent("stderr")
            try Data().write(to: outputURL)
            try Data().write(to: errorURL)
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["--interactive", "--save-answers", "saved.json"]
            process.currentDirectoryURL = directory
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            try process.run()
            defer { try? input.fileHandleForWriting.close() }
            try input.fileHandleForWriting.write(contentsOf: Data("knowledge\n".utf8))

            // Ctrl-C while the questionnaire waits for the second answer, with input still open. (The
            // child inherits this thread's signal mask, in which dispatch blocks SIGINT; tunewise
            // unblocks it itself, as any parent might have left it blocked.)
            func stderr() -> String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }
            var deadline = Date().addingTimeInterval(10)
            while !stderr().contains("> data-volume"), Date() < deadline { usleep(10_000) }
            #expect(stderr().contains("> data-volume"))
            process.interrupt()
            deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            let hung = process.isRunning
            if hung {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            #expect(!hung)
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 130)
            #expect(try String(contentsOf: outputURL, encoding: .utf8).isEmpty)
            #expect(stderr().hasSuffix("\ntunewise: interrupted; nothing was written\n"))
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
            let lines = ["knowledge", "3", "periodic", "role", "2", "weeks", "important", "y", "documents", "", "api-tuning", "done"]
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
            #expect(questions.count == 17)
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
            #expect(advise.firstErrorLine.hasPrefix("tunewise: rubric \(path) is invalid (2 problems): $.schemaVersion"))
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

/// The files the bad-input rows name, written into each row's working directory.
enum BadFiles {
    /// Writes each file that `arguments` name (as `NAME` or `NAME/...`).
    static func write(in directory: URL, named arguments: [String]) throws {
        func isNamed(_ name: String) -> Bool { arguments.contains { $0 == name || $0.hasPrefix(name + "/") } }
        func file(_ name: String, _ text: @autoclosure () -> String) throws {
            guard isNamed(name) else { return }
            try Data(text().utf8).write(to: directory.appendingPathComponent(name))
        }
        try file("not-json.json", #"{"data-volume": "few", }"#)
        try file("array.json", #"["few"]"#)
        try file("wrong-type.json", #"{"data-volume": true}"#)
        try file("unknown-key.json", #"{"budgett": "minimal"}"#)
        try file("duplicate-key.json", #"{"data-volume": "few", "data-volume": "none"}"#)
        try file("deep.json", String(repeating: "[", count: 100_000))
        try file("deep-object.json", String(repeating: #"{"a":"#, count: 100_000))
        try file("infinite.json", #"{"data-volume": 1e999}"#)
        try file("empty.json", "")
        try file("file", "a regular file, so file/answers.json cannot be created, even by root\n")
        if isNamed("not-utf8.json") {
            try Data(#"{"budget": "minimal"#.utf8 + [0xFF] + #""}"#.utf8).write(to: directory.appendingPathComponent("not-utf8.json"))
        }
        for (name, text) in rubrics { try file(name, text) }
        if isNamed("big.json") {
            // 50 MB, sparse: only the size matters, as the file must be refused before it is read.
            let big = directory.appendingPathComponent("big.json")
            try Data().write(to: big)
            let handle = try FileHandle(forWritingTo: big)
            try handle.truncate(atOffset: 50 << 20)
            try handle.close()
        }
        if isNamed("directory") {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("directory"), withIntermediateDirectories: false)
        }
        if isNamed("fifo") {
            guard mkfifo(directory.appendingPathComponent("fifo").path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    /// The default rubric with one thing broken, by file name.
    static let rubrics: [(name: String, text: String)] = {
        let document = try! JSONParser.parse(Array(BuiltInRubric.json.utf8))
        let rubric = BuiltInRubric.load()
        let everyAnswer = JSONValue.object(rubric.questions.map { ($0.id, .array($0.options.map { .string($0.id) })) })
        let neverPrompt = JSONValue.object([
            ("id", .string("never-prompt")), ("when", everyAnswer), ("strategies", .array([.string("prompt-engineering")])),
            ("reason", .string("A test exclusion.")), ("source", .string("test")),
        ])
        // JSON has no literal for infinity: a marker number is written, then replaced by 1e999.
        let infinite = JSONWriter.write(document.changing(["questions", "0", "weight"]) { _ in .number(123_456.5) })
            .replacingOccurrences(of: "123456.5", with: "1e999")
        /// The rubric with one more refinement question, a copy of the last one named `id`.
        func withExtraQuestion(_ id: String) -> String {
            JSONWriter.write(
                document.changing(["questions"]) { questions in
                    guard case .array(let elements) = questions, let last = elements.last else { preconditionFailure("no questions") }
                    return questions.appending(last.changing(["id"]) { _ in .string(id) })
                })
        }
        return [
            ("rubric-infinite.json", infinite),
            ("rubric-version-1.json", JSONWriter.write(document.changing(["schemaVersion"]) { _ in .number(1) })),
            ("rubric-why-not-question.json", withExtraQuestion("why-not")),
            ("rubric-explain-question.json", withExtraQuestion("explain")),
            ("rubric-negative-weight.json", JSONWriter.write(document.changing(["questions", "0", "weight"]) { _ in .number(-1) })),
            ("rubric-wrong-type.json", JSONWriter.write(document.changing(["schemaVersion"]) { _ in .string("1") })),
            ("rubric-unknown-key.json", JSONWriter.write(document.changing([]) { $0.appending("colour", .string("blue")) })),
            (
                "rubric-confidence.json",
                JSONWriter.write(document.changing(["confidence"]) { _ in .object([("high", .number(1)), ("medium", .number(2))]) })
            ),
            (
                "rubric-no-strategy.json",
                JSONWriter.write(document.changing(["exclusions", "0", "strategies"]) { $0.appending(.string("prompt-engineering")) })
            ),
            ("rubric-no-strategy-wide.json", JSONWriter.write(document.changing(["exclusions"]) { $0.appending(neverPrompt) })),
        ]
    }()
}

extension JSONValue {
    /// This value with `change` applied to the value at `path`, a list of object keys and array indices.
    func changing(_ path: [String], _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard let step = path.first else { return change(self) }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var members):
            let index = members.firstIndex { $0.key == step }!
            members[index].value = members[index].value.changing(rest, change)
            return .object(members)
        case .array(var elements):
            let index = Int(step)!
            elements[index] = elements[index].changing(rest, change)
            return .array(elements)
        default:
            preconditionFailure("no \(step) in \(kindDescription)")
        }
    }

    /// This array with `element` added at the end.
    func appending(_ element: JSONValue) -> JSONValue {
        guard case .array(let elements) = self else { preconditionFailure("not an array") }
        return .array(elements + [element])
    }

    /// This object with the member `key` added at the end.
    func appending(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let members) = self else { preconditionFailure("not an object") }
        return .object(members + [(key, value)])
    }
}

extension String {
    /// Whether this string starts with `pattern`, in which `…` stands for any text.
    func matches(_ pattern: String) -> Bool {
        var pieces = pattern.components(separatedBy: "…")[...]
        guard let first = pieces.popFirst(), hasPrefix(first) else { return false }
        var rest = self[index(startIndex, offsetBy: first.count)...]
        for piece in pieces {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
