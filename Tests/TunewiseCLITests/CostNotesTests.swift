import Foundation
import ProcessRunner
import Testing
import TunewiseKit

extension BinaryTests {
    /// What a cost report says beside its figures, end to end from the template: the cache
    /// that does not apply, the context a tuned model is said not to need, retrieval priced
    /// without its tokens, the prompt building a later stage repeats, and the chart's words.
    @Suite struct CostNotesTests {
        /// `tunewise cost` over the template with `flags`, on 80 columns (no colour).
        func cost(_ flags: [String]) throws -> Outcome {
            let template = try Binary.run(["cost", "--template"]).stdout
            return try Binary.run(["cost", "--cost", "-"] + flags, input: template, environment: ["COLUMNS": "80"])
        }

        /// `tunewise` with `arguments` (which read a cost file from standard input with
        /// `--cost -`), given the template, on 300 columns.
        func adviseWithTemplate(_ arguments: [String]) throws -> Outcome {
            try Binary.run(arguments, input: try Binary.run(["cost", "--template"]).stdout, environment: ["COLUMNS": "300"])
        }

        /// A 400-token prompt is under what providers cache: the report says the cache share
        /// does not apply, and prices it in full: (400 × 0.15 + 5 × 0.6) / 1e6 = 0.000063.
        @Test func aPromptTooShortToCacheIsSaidAndPricedInFull() throws {
            let result = try cost([
                "--prompt-tokens", "400", "--context-tokens", "0", "--retrieval-per-month", "0", "--cache-hit-share", "0.9", "--output-tokens", "5",
                "--requests-per-day", "500000", "--format", "json",
            ])
            let report = try JSONParser.parse(Array(result.stdout.utf8))
            guard case .array(let strategies)? = report["cost"]?["strategies"] else {
                Issue.record("no strategies")
                return
            }
            #expect(strategies.first?["monthly"] == .number(945), "500,000 × 30 × 0.000063")
            let text = try cost([
                "--prompt-tokens", "400", "--context-tokens", "0", "--retrieval-per-month", "0", "--cache-hit-share", "0.9",
            ]).stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(
                text.contains(
                    "No cache discount for prompt-engineering: its fixed prompt is under the 1,024 tokens that providers cache at the least "
                        + "(some models only from 2,048 or 4,096: --cache-minimum-tokens), so --cache-hit-share does not apply to it."), "\(text)")
            // The template's 1,500-token prompt is cached: no such note.
            #expect(!(try cost([]).stdout.contains("No cache discount")))
        }

        /// A model that caches only longer prefixes (review 47): the template's 1,500-token
        /// prompt is then priced in full, and the note names the team's own minimum.
        @Test func aProvidersOwnCacheMinimumDecidesWhatIsCached() throws {
            func monthly(_ arguments: [String]) throws -> JSONValue? {
                let report = try JSONParser.parse(Array(cost(arguments + ["--format", "json"]).stdout.utf8))
                guard case .array(let strategies)? = report["cost"]?["strategies"] else { return nil }
                return strategies.first { $0["strategy"] == .string("prompt-engineering") }?["monthly"]
            }
            let cached = try monthly([])
            let uncached = try monthly(["--cache-minimum-tokens", "2048"])
            #expect(cached != nil && uncached != nil && cached != uncached)
            #expect(try monthly(["--cache-minimum-tokens", "1500"]) == cached)
            #expect(try monthly(["--cache-hit-share", "0"]) == uncached)
            let text = try cost(["--cache-minimum-tokens", "2048"]).stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(
                text.contains(
                    "its fixed prompt is under the 2,048 tokens your provider caches at the least (--cache-minimum-tokens), so --cache-hit-share"),
                "\(text)")
        }

        /// A tuned model given less context than the base retrieves is said in the report
        /// itself, which a CI summary shows, as well as on standard error.
        @Test func aTunedModelWithoutItsContextIsSaidInTheReport() throws {
            let markdown = try cost(["--tuned-context-tokens", "0", "--format", "markdown"])
            #expect(
                markdown.stdout.contains(
                    "Tuned models are costed with --tuned-context-tokens below --context-tokens, as if training replaced retrieved facts, "
                        + "which it does not: their payback is only as sound as that assumption."))
            #expect(markdown.stderr.contains("warning: tunedContextTokens (0) is below contextTokens (2000)"))
        }

        /// Strategies that pay back in the same month are named together, in the plural.
        @Test func theChartNamesStrategiesThatPayBackTogether() throws {
            let result = try cost([
                "--requests-per-day", "200000", "--context-tokens", "0", "--tuned-input-price-per-million", "0.15",
                "--tuned-output-price-per-million", "0.6", "--cache-hit-share", "0",
            ])
            #expect(result.stdout.contains("fine-tuning and hybrid pay back in month 2"), "\(result.stdout)")
        }

        /// `advise --cost`: a plan that retrieves, with no context tokens given, is costed with
        /// the upkeep and says so; a later stage's one-off says how much of it the first
        /// stage's prompt building is (40 hours at 60).
        @Test func adviceSaysWhatItsCostsLeaveOutOrRepeat() throws {
            let knowledge = try adviseWithTemplate(
                [
                    "--need", "knowledge", "--data-volume", "hundreds", "--transience", "frequent", "--governance", "role-based", "--budget",
                    "moderate", "--time-to-market", "weeks", "--consistency", "important", "--no-input", "--no-policy", "--cost", "-",
                    "--requests-per-day", "3000", "--context-tokens", "0",
                ])
            #expect(
                knowledge.stdout.contains(
                    "Prompt engineering retrieves its facts, but no --context-tokens were given: it is costed with the retrieval upkeep and "
                        + "no retrieved tokens a request; give them to price what each request reads."), "\(knowledge.stdout)")
            // 3,000 × 30 × (1500 × (0.8 × 0.075 + 0.2 × 0.15) + 300 × 0.6) / 1e6 = 28.35, and the 150 upkeep.
            #expect(knowledge.stdout.contains("2,400.00 one-off, 178.35 a month"), "\(knowledge.stdout)")
            let staged = try adviseWithTemplate(
                [
                    "--need", "both", "--data-volume", "hundreds", "--transience", "periodic", "--governance", "open", "--budget", "moderate",
                    "--time-to-market", "weeks", "--consistency", "important", "--prompting-status", "not-tried", "--no-input", "--no-policy",
                    "--cost", "-",
                ])
            #expect(staged.stdout.contains("Now, Prompt engineering: 2,400.00 one-off, 519.00 a month"), "\(staged.stdout)")
            #expect(staged.stdout.contains("3,858.00 one-off (2,400.00 of it the prompt building an earlier stage pays)"), "\(staged.stdout)")
        }

        /// A distilled model the plan moves to later, which these prices say pays back: not
        /// "ruled out, not an option", but the cost side of the plan's next step met.
        @Test func aLaterStageThatPaysBackIsNotCalledRuledOut() throws {
            let result = try adviseWithTemplate(
                [
                    "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "moderate",
                    "--time-to-market", "weeks", "--consistency", "important", "--prompting-status", "meets-bar", "--query-volume", "medium",
                    "--model-access", "api-tuning", "--no-input", "--no-policy", "--cost", "-", "--requests-per-day", "200000",
                    "--tuned-input-price-per-million", "0.05", "--tuned-output-price-per-million", "0.2",
                ])
            #expect(result.stdout.contains("Then, PEFT / fine-tuning: 3,858.00 one-off"), "\(result.stdout)")
            #expect(!result.stdout.contains("would cost least"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "Cost check: at 200,000 requests a day, PEFT / fine-tuning would pay back against prompting in month 1, so where the "
                        + "plan's move to it waits on cost, that much is met"))
        }

        /// Where the plan has no prompting stage, prompting is the baseline priced as the plan
        /// gets its facts: with the whole collection in every prompt, as the hybrid is.
        @Test func theBaselineGetsItsFactsAsThePlanDoes() throws {
            let result = try adviseWithTemplate(
                [
                    "--need", "both", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "substantial",
                    "--time-to-market", "months", "--consistency", "critical", "--context-size", "corpus", "--knowledge-size", "small",
                    "--output-style", "custom", "--no-input", "--no-policy", "--cost", "-", "--collection-tokens", "150000",
                    "--requests-per-day", "2000",
                ])
            #expect(result.stdout.contains("Now, Hybrid (fine-tuned model + prompts and retrieval):"), "\(result.stdout)")
            // 150,000 + 1,500 cacheable tokens, 80 % at 0.075: (151500 × 0.09 + 300 × 0.6) / 1e6 = 0.013815 a request.
            #expect(result.stdout.contains("(45.42 against 13.82 per 1,000 requests)"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "against): 2,400.00 one-off, 828.90 a month, 12,346.80 over 12 months. It too is costed with the whole collection in "
                        + "every prompt, as the plan gets its facts."))
        }

        /// The volume costed answers query-volume: where the answer given (or none) differs and
        /// that would change the advice, the first risk says so and the confidence drops a level.
        @Test func aCostedVolumeThatContradictsTheAnswerIsARisk() throws {
            let answers = [
                "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "confidential", "--budget",
                "moderate", "--time-to-market", "weeks", "--consistency", "important", "--model-access", "api-tuning", "--prompting-status",
                "meets-bar", "--no-input", "--no-policy", "--format", "json",
            ]
            let plain = try JSONParser.parse(Array(try Binary.run(answers + ["--query-volume", "low"]).stdout.utf8))
            #expect(plain["recommendation"]?["confidence"] == .string("high"))
            let costed = try JSONParser.parse(
                Array(
                    try adviseWithTemplate(answers + ["--query-volume", "low", "--cost", "-", "--requests-per-day", "200000"]).stdout.utf8))
            #expect(costed["recommendation"]?["strategy"] == .string("prompt-engineering"))
            #expect(costed["recommendation"]?["confidence"] == .string("medium"))
            guard case .array(let risks)? = costed["recommendation"]?["risks"] else {
                Issue.record("no risks")
                return
            }
            #expect(risks.first?["kind"] == .string("cost"))
            #expect(
                risks.first?["text"]
                    == .string(
                        "You answered query-volume low, but your cost inputs serve 200,000 requests a day, which is query-volume high: with "
                            + "that answer the advice would be PEFT / fine-tuning."))
            // A volume that agrees with the answer raises nothing.
            let agreeing = try JSONParser.parse(
                Array(try adviseWithTemplate(answers + ["--query-volume", "low", "--cost", "-", "--requests-per-day", "800"]).stdout.utf8))
            #expect(agreeing["recommendation"]?["confidence"] == .string("high"))
        }
    }
}
