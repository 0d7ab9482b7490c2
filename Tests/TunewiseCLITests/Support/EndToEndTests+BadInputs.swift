import Foundation
import Testing
import TunewiseKit

// The table of bad input that `refusesBadInputWithOneClearLine` runs, one row per class.

extension BinaryTests.EndToEndTests {
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
        /// The start of the second line of standard error (`  allowed: …`, `  known: …` or `  missing: …`), when
        /// the allowed values did not fit the first; `…` stands for any text, as in ``line``.
        var allowed: String?

        init(
            _ arguments: [String], _ input: String?, _ code: Int32, _ line: String, on stream: Line = .firstError,
            allowed: String? = nil
        ) {
            self.arguments = arguments
            self.input = input
            self.code = code
            self.line = line
            self.stream = stream
            self.allowed = allowed
        }

        /// The last line of a usage error: the help on the command that failed (`advise` when
        /// the arguments name none), or `--help` when the command itself is unknown.
        var helpPointer: String {
            let commands = ["advise", "questions", "sweep", "cost", "rubric", "diff", "completions", "init"]
            let first = arguments.first ?? "-"
            let help = first.hasPrefix("-") ? "help advise" : commands.contains(first) ? "help \(first)" : "--help"
            return "Run 'tunewise \(help)' for usage."
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
            BadInput(
                ["--data-volum", "few"], nil, 64, "tunewise: unknown flag '--data-volum' (did you mean '--data-volume'?)"),
            // `-h` is the only short flag; the others name the long flag they most likely meant.
            BadInput(["-v"], nil, 64, "tunewise: unknown flag '-v': the only short flag is -h (did you mean '--version'?)"),
            BadInput(["sweep", "-f", "json"], nil, 64, "tunewise: unknown flag '-f': the only short flag is -h (did you mean '--format'?)"),
            // Control characters from a file are shown as escapes, never sent to the terminal.
            BadInput(
                ["--answers", "-"], #"{"\u001b[31mred": "x"}"#, 65, #"tunewise: answers file standard input: $.\u{1B}[31mred: unknown question"#,
                allowed: "  known: need, data-volume, transience,"),
            BadInput(
                ["frobnicate"], nil, 64, "tunewise: unknown command 'frobnicate'",
                allowed: "  allowed: advise, questions, sources, sweep, cost, rubric, diff, completions,"),
            // Too many to name on the first line: they follow on their own line.
            BadInput(
                ["--data-volume", "few", "--no-input"], nil, 64,
                "tunewise: 6 core questions unanswered; answer them with flags, --answers FILE or in a terminal",
                allowed: "  missing: --need, --transience, --governance, --budget,"),
            BadInput([], nil, 64, "tunewise: 7 core questions unanswered;", allowed: "  missing: --need, --data-volume,"),
            // `need` is core: every other core answer given is not enough.
            BadInput(
                Array(lawFirmFlags.dropFirst(2)) + ["--no-input"], nil, 64,
                "tunewise: missing answers for --need; answer them with flags, --answers FILE or in a terminal"),
            BadInput(
                ["--answers", "-"],
                #"{"data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal", "time-to-market": "days", "consistency": "flexible"}"#,
                64, "tunewise: missing answers for --need;"),
            BadInput(
                ["--need", "facts", "--no-input"], nil, 64, "tunewise: invalid value 'facts' for --need; allowed: knowledge, behavior, both"),
            // The command line is checked before any file is read, and advise takes the cost flags.
            BadInput(
                ["--answers", "missing.json", "--nede", "behavior"], nil, 64, "tunewise: unknown flag '--nede' (did you mean '--need'?)"),
            BadInput(
                lawFirmFlags + ["--requests-per-dya", "5"], nil, 64,
                "tunewise: unknown flag '--requests-per-dya' (did you mean '--requests-per-day'?)"),
            // Too many flags to list and none close: the help has them all.
            BadInput(lawFirmFlags + ["--frobnicate", "5"], nil, 64, "tunewise: unknown flag '--frobnicate'"),
            BadInput(["--need", "behavior", "--need", "bogus"], nil, 64, "tunewise: --need was given more than once; give it once"),
            // The list would take the first line past 100 characters: it follows on its own line.
            BadInput(
                ["--need", "behavour", "--no-input"], nil, 64, "tunewise: invalid value 'behavour' for --need (did you mean 'behavior'?)",
                allowed: "  allowed: knowledge, behavior, both"),
            BadInput(
                ["--answers", "-"], "{\"need\": \"skills\"}", 65,
                "tunewise: answers file standard input: $.need: unknown option 'skills'", allowed: "  allowed: knowledge, behavior, both"),
            // --why-not takes a strategy id, named from the contract's list.
            BadInput(
                lawFirmFlags + ["--why-not", "fine-tune"], nil, 64, "tunewise: invalid value 'fine-tune' for --why-not (did you mean 'fine-tuning'?)",
                allowed: "  allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
            BadInput(
                lawFirmFlags + ["--why-not", "retrieval"], nil, 64, "tunewise: invalid value 'retrieval' for --why-not",
                allowed: "  allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
            BadInput(
                lawFirmFlags + ["--why-not="], nil, 64,
                "tunewise: --why-not needs a value; allowed: prompt-engineering, prompt-tuning, fine-tuning, hybrid"),
            BadInput(
                lawFirmFlags + ["--why-not", "hybrid", "--why-not", "prompt-tuning"], nil, 64,
                "tunewise: --why-not was given more than once; give it once"),
            BadInput(lawFirmFlags + ["--explain=yes"], nil, 64, "tunewise: invalid value 'yes' for --explain; allowed: no value"),
            BadInput(["--weight", "budget=NaN"], nil, 64, "tunewise: invalid --weight 'budget=NaN': a weight is a number from 0 to 1000000"),
            BadInput(
                ["--weight", "budgie=1"] + lawFirmFlags, nil, 64, "tunewise: unknown question in --weight 'budgie' (did you mean 'budget'?)",
                allowed: "  allowed: need, data-volume, transience, governance, budget, time-to-market,"),
            BadInput(["--format", ""], nil, 64, "tunewise: --format needs a value; allowed: text, json, markdown"),
            BadInput(
                ["--answers", "/nonexistent/answers.json"], nil, 66, "tunewise: cannot read /nonexistent/answers.json: No such file or directory"),
            BadInput(["--answers", "/tmp"], nil, 66, "tunewise: cannot read /tmp: it is a directory"),
            BadInput(["--answers", "/dev/zero"], nil, 66, "tunewise: cannot read /dev/zero: not a regular file"),
            BadInput(["--rubric", "/nonexistent/rubric.json"], nil, 66, "tunewise: cannot read /nonexistent/rubric.json"),
            BadInput(
                ["--answers", "-"], "{\"data-volume\": ", 65,
                "tunewise: answers file standard input is not valid JSON: line 1, column 17: unexpected end of input"),
            BadInput(
                ["--answers", "-"], "[\"few\"]", 65,
                "tunewise: answers file standard input has a problem: $: expected an object of question id to option id"),
            BadInput(
                ["--answers", "-"], "{\"data-volume\": 3}", 65,
                "tunewise: answers file standard input has a problem: $.data-volume: expected an option id as a string; found a number",
                allowed: "  allowed: none, few, hundreds, thousands"),
            BadInput(
                ["--answers", "-"], "{\"data-volume\": \"few\", \"data-volume\": \"none\"}", 65,
                "tunewise: answers file standard input is not valid JSON: line 1, column 24: duplicate key \"data-volume\""),
            BadInput(
                ["--answers", "-"], "{\"budgett\": \"minimal\"}", 65,
                "tunewise: answers file standard input: $.budgett: unknown question (did you mean 'budget'?)",
                allowed: "  known: need, data-volume, transience,"),
            // The ids an unknown question could have been follow on their own line, and the
            // count of further problems cannot be mistaken for one of them.
            BadInput(
                ["--answers", "-"], #"{"budgett": "minimal", "need": "skills"}"#, 65,
                #"tunewise: answers file standard input has 2 problems: $.budgett: unknown question (did you mean 'budget'?)"#,
                allowed: "  known: need, data-volume, transience, governance, budget, time-to-market,"),
            BadInput(
                ["--answers", "-"], "{\"budget\": \"huge\"}", 65,
                "tunewise: answers file standard input: $.budget: unknown option 'huge'", allowed: "  allowed: minimal, moderate, substantial"),
            BadInput(
                ["--answers", "-"], "", 65, "tunewise: answers file standard input is not valid JSON: line 1, column 1: the document is empty"),
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
            "tunewise: answers file not-json.json is not valid JSON: line 1, column 24: expected a string key in the object"),
        BadInput(
            ["--rubric", "not-json.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric not-json.json is not valid JSON: line 1, column 24: expected a string key in the object"),
        BadInput(
            ["rubric", "validate", "not-json.json"], nil, 65,
            "not-json.json: not valid JSON: line 1, column 24: expected a string key in the object", on: .firstOutput),
        // JSON, but not an object.
        BadInput(
            ["--answers", "array.json"], nil, 65, "tunewise: answers file array.json has a problem: $: expected an object of question id to option id"
        ),
        BadInput(
            ["--rubric", "array.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric array.json is invalid (1 problem): $: expected an object; found an array"),
        BadInput(["rubric", "validate", "array.json"], nil, 65, "array.json: $: expected an object; found an array", on: .firstOutput),
        // A value of the wrong type.
        BadInput(
            ["--answers", "wrong-type.json"], nil, 65,
            "tunewise: answers file wrong-type.json has a problem: $.data-volume: expected an option id as a string; found a boolean",
            allowed: "  allowed: none, few, hundreds, thousands"),
        BadInput(
            ["--answers", "-"], "{\"data-volume\": null}", 65,
            "tunewise: answers file standard input: $.data-volume: expected an option id as a string; found null",
            allowed: "  allowed: none, few, hundreds, thousands"),
        // An unknown key.
        BadInput(
            ["--answers", "unknown-key.json"], nil, 65,
            "tunewise: answers file unknown-key.json: $.budgett: unknown question (did you mean 'budget'?)",
            allowed: "  known: need, data-volume, transience,"),
        // A duplicated key is refused wherever it is: which of the two would win is not obvious.
        BadInput(
            ["--answers", "duplicate-key.json"], nil, 65,
            "tunewise: answers file duplicate-key.json is not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object"),
        BadInput(
            ["--rubric", "duplicate-key.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric duplicate-key.json is not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object"),
        BadInput(
            ["rubric", "validate", "duplicate-key.json"], nil, 65,
            "duplicate-key.json: not valid JSON: line 1, column 24: duplicate key \"data-volume\" in one object", on: .firstOutput),
        // 100,000 levels of nesting stop at the 65th, never exhausting the stack.
        BadInput(
            ["--answers", "deep.json"], nil, 65,
            "tunewise: answers file deep.json is not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
        BadInput(
            ["--answers", "deep-object.json"], nil, 65,
            "tunewise: answers file deep-object.json is not valid JSON: line 1, column 321: nesting is deeper than 64 levels"),
        BadInput(
            ["--answers", "-"], String(repeating: "[", count: 100_000), 65,
            "tunewise: answers file standard input is not valid JSON: line 1, column 65: nesting is deeper than 64 levels"),
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
            "tunewise: answers file not-utf8.json is not valid JSON: line 1, column 20: the file is not valid UTF-8 text"),
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
            "tunewise: answers file empty.json is not valid JSON: line 1, column 1: the document is empty; expected a JSON value"),
        BadInput(
            ["--rubric", "empty.json"] + lawFirmFlags, nil, 65,
            "tunewise: rubric empty.json is not valid JSON: line 1, column 1: the document is empty; expected a JSON value"),
        BadInput(
            ["rubric", "validate", "empty.json"], nil, 65,
            "empty.json: not valid JSON: line 1, column 1: the document is empty; expected a JSON value", on: .firstOutput),
        // A number too large to be finite (JSON has no NaN or infinity literal; 1e999 would overflow to one).
        BadInput(
            ["--answers", "infinite.json"], nil, 65,
            "tunewise: answers file infinite.json is not valid JSON: line 1, column 17: the number 1e999 at $.data-volume is out of range; numbers must be finite"
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

}
