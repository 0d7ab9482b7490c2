import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// Prices that settle the advice: a model distilled to cut cost that the team's prices show
    /// never pays back is advised again without it; where nothing else would be left (a policy
    /// that rules prompting alone out once it meets the bar), the advice stays and says first
    /// that its prices undo it. A model tuned on a hosted service is priced with a retrain a
    /// year, as its base retires.
    @Suite struct PriceGateTests {
        static let flags = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "moderate",
            "--time-to-market", "weeks", "--consistency", "important", "--model-access", "api-tuning", "--prompting-status", "meets-bar",
            "--query-volume", "high", "--requests-per-day", "200000", "--no-input", "--format", "json",
        ]

        /// A prompted model that meets the bar at high traffic on a large open model.
        static let openWeightsMeetingTheBar = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "moderate",
            "--time-to-market", "weeks", "--consistency", "important", "--prompting-status", "meets-bar", "--query-volume", "high",
            "--output-style", "custom", "--model-access", "weights", "--ml-expertise", "some", "--model-size", "large", "--no-input",
            "--format", "json",
        ]

        /// Prices at 150,000 requests a day at which a tuned model costs more per request than the
        /// prompted one; no epochs, hosting or soft-prompt run cost, which the tests give as flags.
        static let dearerTunedPrices = """
            {"requestsPerDay": 150000, "promptTokens": 300, "inputTokens": 200, "outputTokens": 40, "inputPricePerMillion": 0.1,
             "outputPricePerMillion": 0.4, "promptBuildHours": 30, "tunedPromptTokens": 50, "tunedInputPricePerMillion": 0.2,
             "tunedOutputPricePerMillion": 0.8, "trainingTokens": 3000000, "trainingPricePerMillion": 5, "dataPrepHours": 60,
             "hourlyRate": 90}
            """

        func advise(policy: String?) throws -> JSONValue {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            if let policy { try policy.write(to: directory.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8) }
            try Binary.run(["cost", "--template"]).stdout.write(to: directory.appendingPathComponent("cost.json"), atomically: true, encoding: .utf8)
            let result = try Binary.run(
                Self.flags + ["--cost", "cost.json"] + (policy == nil ? ["--no-policy"] : ["--policy", "policy.json"]), directory: directory)
            #expect(result.code == 0, "\(result.stderr)")
            return try JSONParser.parse(Array(result.stdout.utf8))
        }

        @Test func pricesThatUndoDistillingKeepThePromptedModel() throws {
            let report = try advise(policy: nil)
            #expect(report["recommendation"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let deciding)? = report["recommendation"]?["decidedBy"] else {
                Issue.record("no deciding gates")
                return
            }
            #expect(deciding.contains(.string(Rubric.pricesGateID)))
        }

        /// The confidence line says the prices decided, not the team's limits.
        @Test func theHeadlineSaysThePricesDecided() throws {
            let template = try Binary.run(["cost", "--template"]).stdout
            let text = try Binary.run(["advise", "--cost", "-"] + Self.flags.dropLast(2) + ["--no-policy"], input: template).stdout
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("decided by your prices, at which the trained steps it would take do not pay back"), "\(text)")
        }

        /// On open weights, ruling out the distilled model must not hand the step to soft prompts
        /// that do not pay back either: each trained step the prices undo is ruled out in turn.
        @Test func everyTrainedStepThatDoesNotPayBackIsRuledOut() throws {
            let covered = [
                "--epochs", "3", "--retrain-hours", "10", "--retrain-every-months", "6", "--hosting-per-month", "2500",
                "--prompt-tuning-run-cost", "400",
            ]
            let result = try Binary.run(["advise", "--cost", "-"] + covered + Self.openWeightsMeetingTheBar, input: Self.dearerTunedPrices)
            #expect(result.code == 0, "\(result.stderr)")
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(report["recommendation"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let ranking)? = report["ranking"] else { return }
            for trained in ["fine-tuning", "prompt-tuning"] {
                let entry = ranking.first { $0["strategy"] == .string(trained) }
                guard case .array(let exclusions)? = entry?["exclusions"] else {
                    Issue.record("\(trained) is not ruled out")
                    continue
                }
                #expect(exclusions.contains { $0["id"] == .string(Rubric.pricesGateID) }, "\(trained)")
            }
        }

        /// Distilling at high traffic with no prices given: whether it pays back is not known, so
        /// the report says so and is not highly confident; with prices that pay it back, no such risk.
        @Test func anUnpricedDistillationSaysSo() throws {
            let answers = Self.flags.filter { $0 != "--requests-per-day" && $0 != "200000" } + ["--model-size", "medium", "--ml-expertise", "some"]
            let unpriced = try JSONParser.parse(Array(try Binary.run(answers).stdout.utf8))
            #expect(unpriced["recommendation"]?["strategy"] == .string("fine-tuning"))
            #expect(unpriced["recommendation"]?["confidence"] != .string("high"))
            #expect(unpriced.risks.contains { $0.text?.contains("Not priced: a distilled model pays back only where") == true })
            let paying = try Binary.run(
                [
                    "advise", "--cost", "-", "--requests-per-day", "200000", "--tuned-input-price-per-million", "0.02",
                    "--tuned-output-price-per-million", "0.08",
                ] + answers, input: try Binary.run(["cost", "--template"]).stdout)
            let priced = try JSONParser.parse(Array(paying.stdout.utf8))
            #expect(priced["recommendation"]?["strategy"] == .string("fine-tuning"))
            #expect(!paying.stdout.contains("Not priced: a distilled model"), "\(paying.stdout)")
        }

        /// A trained step the prices do not cover (no epochs given) where the prompted model
        /// already meets the bar says so first, with low confidence; covered, it does not.
        @Test func anUncostedStepLeftStandingSaysSo() throws {
            let (flags, prices) = (Self.openWeightsMeetingTheBar, Self.dearerTunedPrices)
            let report = try JSONParser.parse(Array(try Binary.run(["advise", "--cost", "-"] + flags, input: prices).stdout.utf8))
            #expect(report["recommendation"]?["strategy"] != .string("prompt-engineering"))
            #expect(report["recommendation"]?["confidence"] == .string("low"))
            let first = try #require(report.risks.first?.text)
            #expect(first.contains("yet your prices do not cover it (it needs --epochs)"), "\(first)")
            let covered = try Binary.run(
                ["advise", "--cost", "-", "--epochs", "3", "--hosting-per-month", "300", "--prompt-tuning-run-cost", "200"] + flags,
                input: prices)
            #expect(!covered.stdout.contains("yet your prices do not cover it"))
        }

        @Test func withNothingElseLeftThePricesAreTheFirstRisk() throws {
            let policy = """
                {"policy": "tuned-when-it-works", "version": "1",
                 "exclusions": [{"id": "no-prompt-only", "when": {"prompting-status": ["meets-bar"], "query-volume": ["high"],
                                 "data-volume": ["thousands"], "need": ["behavior"], "model-access": ["api-tuning"],
                                 "budget": ["moderate"], "time-to-market": ["weeks"]},
                                 "strategies": ["prompt-engineering"], "reason": "A working prompt at high volume is distilled.",
                                 "source": "house rule"}]}
                """
            let report = try advise(policy: policy)
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
            #expect(report["recommendation"]?["confidence"] == .string("low"))
            let first = try #require(report.risks.first)
            #expect(first["kind"] == .string("cost"))
            #expect(first.text?.contains("At your prices this step may not do what it is for") == true, "\(first)")
        }

        @Test func aHostedTuneIsRetrainedAsItsBaseRetires() throws {
            let flags = [
                "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget",
                "moderate", "--time-to-market", "months", "--consistency", "important", "--prompting-status", "plateaued",
                "--no-input", "--format", "json", "--horizon-months", "24",
            ]
            let template = try Binary.run(["cost", "--template"]).stdout
            func strategies(_ access: String, _ extra: [String] = []) throws -> [JSONValue] {
                let result = try Binary.run(["advise", "--cost", "-", "--model-access", access] + flags + extra, input: template)
                let cost = try JSONParser.parse(Array(result.stdout.utf8))["cost"]
                let from = extra.isEmpty ? (access == "api-tuning" ? "hosted-base" : "none") : "input"
                #expect(cost?["retrainCadenceFrom"] == .string(from), "\(access) \(extra)")
                guard case .array(let costed)? = cost?["strategies"] else { return [] }
                return costed
            }
            let tuned = try strategies("api-tuning").first { $0["strategy"] == .string("fine-tuning") }
            #expect(tuned?["retrains"] == .number(1), "one retrain in 24 months, at month 13")
            let own = try strategies("weights").first { $0["strategy"] == .string("fine-tuning") }
            #expect(own?["retrains"] == .number(0), "open weights stay as long as the team keeps them")
            let given = try strategies("api-tuning", ["--retrain-every-months", "0"]).first { $0["strategy"] == .string("fine-tuning") }
            #expect(given?["retrains"] == .number(0), "a cadence given wins")
        }
    }
}
