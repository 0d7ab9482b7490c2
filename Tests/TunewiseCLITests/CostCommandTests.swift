import Foundation
import Testing
import TunewiseCLI
import TunewiseKit

extension BinaryTests {
    /// `tunewise cost`, run from the built binary.
    @Suite struct CostCommandTests {
        /// `cost --template > f; cost --cost f` exits 0, and the text matches the golden report.
        @Test func theTemplateRoundTrips() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let template = try Binary.run(["cost", "--template"])
            #expect(template.code == 0)
            #expect(template.stderr.isEmpty)
            let file = directory.appendingPathComponent("cost.json")
            try template.stdout.write(to: file, atomically: true, encoding: .utf8)
            let result = try Binary.run(["cost", "--cost", file.path], environment: ["TERM": "xterm-256color"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            try expectMatchesGolden(result.stdout.replacingOccurrences(of: "tunewise \(Tunewise.version)", with: "tunewise 0.0.0-test"), "cost.txt")
            let markdown = try Binary.run(["cost", "--cost", "-", "--format", "markdown"], input: template.stdout)
            #expect(markdown.code == 0)
            try expectMatchesGolden(markdown.stdout.replacingOccurrences(of: "tunewise \(Tunewise.version)", with: "tunewise 0.0.0-test"), "cost.md")
        }

        /// A tuned model that saves a little a month against a large one-off: its payback lies
        /// beyond the months the model looks ahead, and the report says "more than", not a month.
        @Test func aPaybackBeyondTheLookAheadSaysMoreThan() throws {
            let template = try Binary.run(["cost", "--template"]).stdout
            let result = try Binary.run(
                [
                    "cost", "--cost", "-", "--tuned-context-tokens", "0", "--requests-per-day", "300", "--retrieval-per-month", "0",
                    "--retrain-every-months", "0", "--data-prep-hours", "100",
                ], input: template, environment: ["COLUMNS": "300"])
            #expect(result.code == 0)
            #expect(
                result.stdout.contains(
                    "at 300 a day, not within 12 months: it saves every month but pays back only after more than \(CostModel.lookAheadMonths) months."
                ), "\(result.stdout)")
        }

        /// With the template's retrieval figures every strategy keeps its retrieval, so
        /// fine-tuning costs as the hybrid does, and the report says why; given a tuned model's
        /// own context, the two differ and nothing needs saying.
        @Test func fineTuningCostingAsTheHybridSaysWhy() throws {
            let template = try Binary.run(["cost", "--template"]).stdout
            let note = "Every strategy here keeps the retrieved context and its upkeep, so fine-tuning costs as the hybrid does"
            let same = try Binary.run(["cost", "--cost", "-"], input: template, environment: ["COLUMNS": "300"])
            #expect(same.stdout.contains(note), "\(same.stdout)")
            let apart = try Binary.run(["cost", "--cost", "-", "--tuned-context-tokens", "500"], input: template, environment: ["COLUMNS": "300"])
            #expect(apart.code == 0)
            #expect(!apart.stdout.contains(note))
        }

        @Test func theJSONReportHasTheFixedFields() throws {
            let template = try Binary.run(["cost", "--template"])
            let result = try Binary.run(
                ["cost", "--cost", "-", "--format", "json", "--requests-per-day", "50000", "--horizon-months", "24"], input: template.stdout)
            #expect(result.code == 0)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["schemaVersion"] == .number(1))
            #expect(report["tool"]?["version"] == .string(Tunewise.version))
            let cost = try #require(report["cost"])
            #expect(cost["horizonMonths"] == .number(24))
            #expect(cost["requestsPerDay"] == .number(50_000), "flags win over the file")
            guard case .array(let strategies)? = cost["strategies"], case .array(let breakEven)? = cost["breakEven"] else {
                Issue.record("no strategies or breakEven in \(result.stdout)")
                return
            }
            for strategy in strategies {
                for key in ["strategy", "oneOff", "monthly", "cumulative"] { #expect(strategy[key] != nil, "\(key)") }
                guard case .array(let cumulative)? = strategy["cumulative"] else { continue }
                #expect(cumulative.count == 24)
            }
            for entry in breakEven {
                for key in ["strategy", "requestsPerDay", "paybackMonth"] { #expect(entry[key] != nil, "\(key)") }
            }
        }

        @Test func plainASCIIForADumbTerminalOrNoColor() throws {
            let template = try Binary.run(["cost", "--template"])
            // Fine-tuning without the context (a one-line warning says so): 519 − 252 = 267 saved a
            // month against 1458 more once and 498 a retrain every 3 months: 1458 + 498 × 3 −
            // 267 × 11 = 15 > 0 at month 11, 2952 − 3204 < 0 at month 12.
            for (arguments, environment) in [([String](), ["TERM": "dumb"]), ([], ["NO_COLOR": "1"]), (["--no-color"], ["TERM": "xterm"])] {
                let result = try Binary.run(
                    ["cost", "--cost", "-", "--tuned-context-tokens", "0"] + arguments, input: template.stdout, environment: environment)
                #expect(result.code == 0)
                #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(environment)")
                #expect(result.stdout.contains("fine-tuning pays back in month 12 ^"))
                #expect(
                    result.stderr
                        == "tunewise: warning: tunedContextTokens (0) is below contextTokens (2000): tuned models are costed as if "
                        + "training replaced retrieved facts, which it does not\n")
            }
        }

        /// Hosting and per-token prices together count a self-hosted model twice: the report
        /// says so, in `cost` and in `advise --cost`, and not when either is zero.
        @Test func hostingBesidePerTokenPricesIsNamed() throws {
            let template = try Binary.run(["cost", "--template"]).stdout
            let note = "Tuned models are costed with hosting (3,000.00 a month a unit) and per-token prices"
            let both = try Binary.run(["cost", "--cost", "-", "--hosting-per-month", "3000"], input: template, environment: ["COLUMNS": "300"])
            #expect(both.code == 0)
            #expect(both.stdout.contains(note), "\(both.stdout)")
            let hostingOnly = try Binary.run(
                [
                    "cost", "--cost", "-", "--hosting-per-month", "3000", "--tuned-input-price-per-million", "0", "--tuned-output-price-per-million",
                    "0",
                ],
                input: template, environment: ["COLUMNS": "300"])
            #expect(hostingOnly.code == 0)
            #expect(!hostingOnly.stdout.contains("Tuned models are costed with hosting"))
            // A self-hosted model's per-token prices may be left out: hosting is its price.
            let unpriced = template.split(separator: "\n").filter { !$0.contains("\"tunedInputPrice") && !$0.contains("\"tunedOutputPrice") }
            let hostedAlone = try Binary.run(
                ["cost", "--cost", "-", "--hosting-per-month", "3000", "--format", "json"], input: unpriced.joined(separator: "\n"))
            #expect(hostedAlone.code == 0, "\(hostedAlone.stderr)")
            let zeroPriced = try Binary.run(
                [
                    "cost", "--cost", "-", "--hosting-per-month", "3000", "--tuned-input-price-per-million", "0",
                    "--tuned-output-price-per-million", "0", "--format", "json",
                ], input: template)
            let strategies = { (json: String) throws -> JSONValue? in try JSONParser.parse(Array(json.utf8))["cost"]?["strategies"] }
            #expect(try strategies(hostedAlone.stdout) == strategies(zeroPriced.stdout))
            let advise = try Binary.run(
                [
                    "advise", "--cost", "-", "--hosting-per-month", "3000", "--need", "behavior", "--data-volume", "thousands", "--transience",
                    "static", "--governance", "open", "--budget", "substantial", "--time-to-market", "months", "--consistency", "important",
                    "--no-input", "--format", "json",
                ], input: template)
            #expect(advise.stdout.contains(note), "\(advise.stdout)")
        }

        /// Figures only advice uses are named as left out, so that `cost` and `advise --cost`
        /// never disagree in silence.
        @Test func figuresOnlyAdviceUsesAreNamedAsLeftOut() throws {
            let template = try Binary.run(["cost", "--template"]).stdout
            let plain = try Binary.run(["cost", "--cost", "-"], input: template, environment: ["COLUMNS": "300"])
            #expect(!plain.stdout.contains("Not used here"))
            let given = try Binary.run(
                ["cost", "--cost", "-", "--collection-tokens", "60000", "--distilled-output-price-per-million", "0.4"], input: template,
                environment: ["COLUMNS": "300"])
            #expect(given.code == 0)
            #expect(given.stdout.contains("Not used here: --collection-tokens, --distilled-output-price-per-million. Only advise --cost"))
        }

        @Test func helpForCost() throws {
            let result = try Binary.run(["help", "cost"])
            #expect(result.code == 0)
            #expect(result.stdout.hasPrefix("tunewise cost:"))
            for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            #expect(try Binary.run(["--help"]).stdout.contains("tunewise cost [--cost FILE]"))
            #expect(try Binary.run(["cost", "--help"]).stdout.hasPrefix("tunewise cost:"))
        }

        struct BadCost: Sendable, CustomTestStringConvertible {
            var arguments: [String]
            var input: String?
            var code: Int32
            var line: String

            init(_ arguments: [String], _ input: String, _ code: Int32, _ line: String) {
                self.arguments = arguments
                self.input = input
                self.code = code
                self.line = line
            }

            init(_ arguments: [String], _ code: Int32, _ line: String) {
                self.arguments = arguments
                self.code = code
                self.line = line
            }

            var testDescription: String { "\(arguments.joined(separator: " ")) -> \(code)" }
        }

        static let baseline = [
            "--requests-per-day", "100", "--prompt-tokens", "1000", "--output-tokens", "100",
            "--input-price-per-million", "1", "--output-price-per-million", "2",
        ]

        static let badCosts: [BadCost] = [
            BadCost(
                ["cost"], 64,
                "tunewise: missing 5 cost inputs; pass them as flags or --cost FILE"
            ),
            BadCost(
                ["cost"] + baseline, 64,
                "tunewise: missing 9 cost inputs; pass them as flags or --cost FILE"
            ),
            BadCost(
                ["cost", "--requests-per-day=-5"], 64,
                "tunewise: invalid --requests-per-day '-5': must not be negative"),
            BadCost(["cost", "--requests-per-day", "NaN"], 64, "tunewise: invalid --requests-per-day 'NaN': must be finite"),
            BadCost(["cost", "--requests-per-day", "inf"], 64, "tunewise: invalid --requests-per-day 'inf': must be finite"),
            BadCost(["cost", "--requests-per-day", "1e12"], 64, "tunewise: invalid --requests-per-day '1e12': is out of range"),
            BadCost(["cost", "--requests-per-day", "lots"], 64, "tunewise: invalid --requests-per-day 'lots': not a number"),
            BadCost(["cost", "--requests-per-day", "0x10"], 64, "tunewise: invalid --requests-per-day '0x10': not a number"),
            BadCost(
                ["cost", "--horizon-months", "0"], 64,
                "tunewise: invalid --horizon-months '0': is out of range; expected: a whole number from 1 to 120"),
            BadCost(["cost", "--horizon-months", "121"], 64, "tunewise: invalid --horizon-months '121': is out of range"),
            BadCost(["cost", "--horizon-months", "1.5"], 64, "tunewise: invalid --horizon-months '1.5': must be a whole number"),
            BadCost(["cost", "--transience", "often"], 64, "tunewise: invalid value 'often' for --transience; allowed: static, periodic, frequent"),
            BadCost(["cost", "--request-per-day", "5"], 64, "tunewise: unknown flag '--request-per-day' (did you mean '--requests-per-day'?)"),
            BadCost(["cost", "--format", "csv"], 64, "tunewise: invalid value 'csv' for --format"),
            BadCost(["cost", "--template", "--format", "json"], 64, "tunewise: --template and --format cannot be used together"),
            BadCost(["cost", "--requests-per-day"], 64, "tunewise: --requests-per-day needs a value; allowed: a number from 0 to 1000000000"),
            BadCost(
                ["cost", "--cost", "-"], #"{"requestsPerDay": -5}"#, 65,
                "tunewise: cost file standard input: $.requestsPerDay: must not be negative; found -5"),
            BadCost(
                ["cost", "--cost", "-"], #"{"requestsPerDay": 1e999}"#, 65,
                "tunewise: cost file standard input has a problem: not valid JSON: line 1, column 20: the number 1e999"),
            BadCost(
                ["cost", "--cost", "-"], #"{"requestsPerDay": 1e300}"#, 65, "tunewise: cost file standard input: $.requestsPerDay: is out of range"),
            BadCost(
                ["cost", "--cost", "-"], #"{"requestsPerDay": "many"}"#, 65,
                "tunewise: cost file standard input: $.requestsPerDay: expected a number or null; found a string"),
            BadCost(
                ["cost", "--cost", "-"], #"{"requestPerDay": 5, "epochs": -1}"#, 65,
                "tunewise: cost file standard input has 2 problems: $.requestPerDay: unknown key (did you mean 'requestsPerDay'?)"),
            BadCost(
                ["cost", "--cache-hit-share", "1.5"], 64,
                "tunewise: invalid --cache-hit-share '1.5': is out of range; expected: a number from 0 to 1"),
            BadCost(
                ["cost", "--hosting-capacity-per-day", "0"], 64,
                "tunewise: invalid --hosting-capacity-per-day '0': is out of range"),
            BadCost(
                ["cost", "--cost", "-"], #"{"inputPricePerMillion": 0.15, "cachedInputPricePerMillion": 0.3}"#, 65,
                "tunewise: cost file standard input has a problem: $.cachedInputPricePerMillion: must not exceed inputPricePerMillion"),
            BadCost(
                ["cost"] + baseline + ["--cached-input-price-per-million", "5"], 64,
                "tunewise: invalid --cached-input-price-per-million '5': must not exceed inputPricePerMillion; allowed: a number"),
            BadCost(
                ["cost"] + baseline + ["--cache-hit-share", "0.5"], 64,
                "tunewise: missing cost inputs: --cached-input-price-per-million"),
            BadCost(["cost", "--cost", "-"], "[]", 65, "tunewise: cost file standard input has a problem: $: expected an object of cost inputs"),
            BadCost(["cost", "--cost", "-"], "", 65, "tunewise: cost file standard input has a problem: not valid JSON"),
            BadCost(["cost", "--cost", "/nonexistent/cost.json"], 66, "tunewise: cannot read /nonexistent/cost.json: No such file or directory"),
            BadCost(["cost", "--cost", "/tmp"], 66, "tunewise: cannot read /tmp: it is a directory"),
            BadCost(
                ["cost", "--cost", "-"], String(repeating: " ", count: 2 << 20), 66,
                "tunewise: standard input is larger than the 1 MiB limit for input files; not read"),
        ]

        /// Each bad input: its exit code, a one-line error on standard error, nothing on standard output.
        @Test(arguments: badCosts)
        func badInputGetsAOneLineError(_ bad: BadCost) throws {
            let result = try Binary.run(bad.arguments, input: bad.input)
            #expect(!result.crashed)
            #expect(result.code == bad.code)
            #expect(result.firstProblem.line.hasPrefix(bad.line), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }

        /// Too many missing inputs to name on the first line: they follow it, with the way to
        /// get a file to fill in.
        @Test func missingCostInputsAreListedBelowTheFirstLine() throws {
            let result = try Binary.run(["cost"])
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count > 1 && lines[1].hasPrefix("  missing: --requests-per-day, --prompt-tokens,"), "\(result.stderr)")
            #expect(result.stderr.contains("\n  'tunewise cost --template' writes a --cost FILE to fill in\n"))
        }

        /// A file's flags win: a negative number in the file is still refused, but a missing one
        /// can come from a flag.
        @Test func flagsFillWhatTheFileLeavesOut() throws {
            let template = try Binary.run(["cost", "--template"])
            let result = try Binary.run(
                ["cost", "--cost", "-", "--hosting-per-month", "0", "--prompt-tuning-run-cost", "300", "--format", "json"], input: template.stdout)
            #expect(result.code == 0)
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            guard case .array(let strategies)? = report["cost"]?["strategies"] else {
                Issue.record("no strategies")
                return
            }
            #expect(strategies.map { $0["strategy"] } == Contract.strategyIDs.map(JSONValue.string))
        }
    }
}
