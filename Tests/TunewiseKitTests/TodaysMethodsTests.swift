import Testing

@testable import TunewiseKit

/// A situation on the inputs of today's methods (training signal, knowledge size, a prompted model
/// that meets the bar, structured and label outputs), the source its expected advice rests
/// on, and what the advice must say.
struct MethodCase: CustomTestStringConvertible, Sendable {
    /// What the team is building, and the source of the expected advice.
    var name: String
    var answers: [String: String]
    /// The recommended strategy: what to do now.
    var strategy: String
    /// Variant choices the recommendation must carry.
    var variants: [String] = []
    /// Variant choices it must not carry.
    var notVariants: [String] = []
    /// Kinds of risk the advice must list.
    var risks: [Risk.Kind] = []
    /// The plan's later strategy, when the plan must have one.
    var later: String? = nil

    var testDescription: String { name }
}

private let steady = ["transience": "static", "governance": "open", "budget": "moderate", "time-to-market": "months", "consistency": "important"]

private func given(_ answers: [String: String]) -> [String: String] { steady.merging(answers) { _, new in new } }

private let behaviourWithData = given(["need": "behavior", "data-volume": "thousands", "prompting-status": "plateaued"])

let methodCases: [MethodCase] = [
    MethodCase(
        name: "rafailov-2023, openai-dpo: thumbs-up/down feedback on a support bot trains by preference, not supervised alone",
        answers: behaviourWithData.merging(["training-signal": "comparisons", "model-access": "api-tuning"]) { $1 },
        strategy: "fine-tuning", variants: ["preference", "peft"], notVariants: ["supervised"]),
    MethodCase(
        name: "rafailov-2023: comparisons on open weights with a strong team still train by preference",
        answers: behaviourWithData.merging(["training-signal": "comparisons", "model-access": "weights", "ml-expertise": "strong"]) { $1 },
        strategy: "fine-tuning", variants: ["preference"], notVariants: ["supervised"]),
    MethodCase(
        name: "openai-rft, shao-2024: text-to-SQL checked by running the query trains against the grader",
        answers: behaviourWithData.merging(["training-signal": "graders", "model-access": "api-tuning", "consistency": "critical"]) { $1 },
        strategy: "fine-tuning", variants: ["reinforcement"]),
    MethodCase(
        name: "deepseek-r1-2025: a grader on open weights with a strong team uses reinforcement fine-tuning",
        answers: behaviourWithData.merging(["training-signal": "graders", "model-access": "weights", "ml-expertise": "strong"]) { $1 },
        strategy: "fine-tuning", variants: ["reinforcement"]),
    MethodCase(
        name: "openai-fine-tuning: ordinary labelled pairs train supervised",
        answers: behaviourWithData.merging(["training-signal": "demonstrations", "model-access": "api-tuning"]) { $1 },
        strategy: "fine-tuning", variants: ["supervised", "peft"]),
    MethodCase(
        name: "hsieh-2023, openai-distillation: a prompted model that meets the bar at high volume is distilled into a smaller one",
        answers: given([
            "need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "high", "model-access": "api-tuning",
        ]),
        strategy: "fine-tuning", variants: ["distillation"]),
    MethodCase(
        name: "hsieh-2023: a prompted model that meets the bar at low volume stays prompted",
        answers: given(["need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "low"]),
        strategy: "prompt-engineering"),
    MethodCase(
        name: "openai-distillation: meets the bar at high volume but nothing logged yet prompts now and distils later",
        answers: given([
            "need": "behavior", "data-volume": "none", "prompting-status": "meets-bar", "query-volume": "high", "model-access": "api-tuning",
        ]),
        strategy: "prompt-engineering", later: "fine-tuning"),
    MethodCase(
        name: "anthropic-prompt-caching, gemini-1-5-2024: a 300-page handbook that everyone may read goes whole into a cached prompt",
        answers: given(["need": "knowledge", "data-volume": "none", "knowledge-size": "small"]),
        strategy: "prompt-engineering", variants: ["in-context"], notVariants: ["rag"]),
    MethodCase(
        name: "001 (Data Governance): a small collection with role-based access still retrieves, so it can filter per user",
        answers: given(["need": "knowledge", "data-volume": "none", "knowledge-size": "small", "governance": "role-based"]),
        strategy: "prompt-engineering", variants: ["rag"], notVariants: ["in-context"]),
    MethodCase(
        name: "004 (Prompt engineering): a large collection needs an index",
        answers: given(["need": "knowledge", "data-volume": "none", "knowledge-size": "large"]),
        strategy: "prompt-engineering", variants: ["rag"]),
    MethodCase(
        name: "liu-2023: an unanswered collection size keeps the default of retrieval",
        answers: given(["need": "knowledge", "data-volume": "none"]),
        strategy: "prompt-engineering", variants: ["rag"]),
    MethodCase(
        name: "002 (Hybrid): facts and a house style with a small confidential collection: a tuned model with the collection in context",
        answers: given([
            "need": "both", "data-volume": "thousands", "governance": "confidential", "knowledge-size": "small", "output-style": "custom",
            "prompting-status": "plateaued", "transience": "periodic",
        ]),
        strategy: "hybrid", variants: ["in-context"]),
    MethodCase(
        name: "openai-structured-outputs, willard-2023: schema-bound extraction with few examples prompts with constrained decoding",
        answers: given(["need": "behavior", "data-volume": "few", "output-style": "structured", "consistency": "critical"]),
        strategy: "prompt-engineering", variants: ["none"]),
    MethodCase(
        name:
            "bucher-2024: a ticket router with 50,000 labelled tickets, 2M requests a day and a sub-1B open model that prompting left short trains a classifier",
        answers: given([
            "need": "behavior", "data-volume": "thousands", "output-style": "label", "query-volume": "high", "model-size": "small",
            "model-access": "weights", "ml-expertise": "some", "prompting-status": "plateaued", "task-diversity": "one",
        ]),
        strategy: "fine-tuning", variants: ["full"]),
    MethodCase(
        name: "SPEC, 000 (Conclusion): prompting not tried with only hundreds of pairs prompts first",
        answers: given(["need": "behavior", "data-volume": "hundreds", "prompting-status": "not-tried", "output-style": "custom"]),
        strategy: "prompt-engineering", later: "fine-tuning"),
    MethodCase(
        name: "002 (The Plateau Effect): prompting still improving keeps prompting, whatever the data",
        answers: given(["need": "behavior", "data-volume": "thousands", "prompting-status": "improving", "output-style": "custom"]),
        strategy: "prompt-engineering", later: "fine-tuning"),
    MethodCase(
        name: "openai-fine-tuning: weeks to ship with pairs in hand and hosted tuning leave room for a training run",
        answers: behaviourWithData.merging(["time-to-market": "weeks", "model-access": "api-tuning", "output-style": "custom"]) { $1 },
        strategy: "fine-tuning"),
    MethodCase(
        name: "001 (Time to Market): weeks on open weights leave a team new to serving models room for retrieval, not two systems",
        answers: given([
            "need": "both", "data-volume": "thousands", "time-to-market": "weeks", "model-access": "weights", "ml-expertise": "some",
            "output-style": "custom", "prompting-status": "plateaued",
        ]),
        strategy: "prompt-engineering", later: "hybrid"),
    MethodCase(
        name: "002 (The Plateau Effect): plateaued prompting forced by a deadline in days carries the risk of falling short",
        answers: given([
            "need": "behavior", "data-volume": "thousands", "prompting-status": "plateaued", "time-to-market": "days", "consistency": "critical",
        ]),
        strategy: "prompt-engineering", risks: [.overruled, .declared], later: "fine-tuning"),
    MethodCase(
        name: "budget minimal (SPEC): a data-rich team with no training budget is told the evidence favours training",
        answers: given(["need": "behavior", "data-volume": "thousands", "budget": "minimal", "output-style": "custom", "consistency": "critical"]),
        strategy: "prompt-engineering", risks: [.overruled, .against]),
    MethodCase(
        name: "sheng-2023: many tasks on a large open model serve per-task adapters together",
        answers: behaviourWithData.merging([
            "task-diversity": "many", "model-access": "weights", "model-size": "large", "ml-expertise": "strong", "explainability": "no",
        ]) { $1 },
        strategy: "fine-tuning", variants: ["peft"]),
    MethodCase(
        name: "carlini-2021: confidential records on open weights train with a regurgitation test",
        answers: behaviourWithData.merging(["governance": "confidential", "model-access": "weights", "ml-expertise": "strong"]) { $1 },
        strategy: "fine-tuning"),
    MethodCase(
        name: "004 (Prompt tuning): auditors who need evidence per decision keep a prompted system with retrieval",
        answers: given(["need": "knowledge", "data-volume": "hundreds", "explainability": "required", "transience": "periodic"]),
        strategy: "prompt-engineering", variants: ["rag"]),
    MethodCase(
        name: "rafailov-2023: comparisons that still face a gate keep prompting now and plan preference tuning later",
        answers: given(["need": "behavior", "data-volume": "thousands", "training-signal": "comparisons", "prompting-status": "improving"]),
        strategy: "prompt-engineering", later: "fine-tuning"),
    MethodCase(
        name: "hsieh-2023: meets the bar at medium volume with a house style weighs distillation",
        answers: given([
            "need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "high", "output-style": "label",
            "model-access": "api-tuning",
        ]),
        strategy: "fine-tuning", variants: ["distillation"]),
    MethodCase(
        name: "hsieh-2023: a prompted model that meets the bar distils, whatever feedback the team also holds",
        answers: given([
            "need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "high",
            "training-signal": "comparisons", "model-access": "api-tuning", "budget": "substantial",
        ]),
        strategy: "fine-tuning", variants: ["distillation"], notVariants: ["preference"]),
]

struct TodaysMethodsTests {
    let advisor = Advisor(rubric: defaultRubric)

    @Test(arguments: methodCases)
    func followsTodaysMethods(_ example: MethodCase) throws {
        let advice = try advisor.advise(Answers(example.answers))
        #expect(advice.strategy == example.strategy)
        let choices = advice.variants.map(\.choice)
        #expect(example.variants.allSatisfy(choices.contains), "\(choices)")
        #expect(!example.notVariants.contains(where: choices.contains), "\(choices)")
        let kinds = Set(advice.risks.map(\.kind))
        #expect(example.risks.allSatisfy(kinds.contains), "\(advice.risks.map(\.text))")
        if let later = example.later {
            #expect(advice.plan.dropFirst().map(\.strategy) == [later])
        }
    }

    /// Next steps come stage by stage, as a team takes them: the baseline and the grader
    /// (written, then tried at run time) before the data, the data before the runs (the method's, then the hosted service's),
    /// the rollout against live traffic, retraining last; a hybrid evaluates and builds its knowledge half before it trains.
    @Test func nextStepsComeStageByStage() throws {
        let graded = try advisor.advise(
            Answers(behaviourWithData.merging(["training-signal": "graders", "model-access": "api-tuning"]) { $1 }))
        let texts = graded.nextSteps.map(\.text)
        let order = [
            "Before training, measure the prompted model", "Before the first training run, spend a day", "Write the grader first",
            "Then, before any training run, use the grader", "Turn the material into examples", "Use all the curated examples you hold",
            "Where each prompt's reference is the exact output", "Run it as a reinforcement job", "On the provider's hosted service",
            "Before the tuned model takes all traffic", "Plan who retrains the model",
        ]
        #expect(texts.count == order.count, "\(texts)")
        for (text, prefix) in zip(texts, order) { #expect(text.hasPrefix(prefix), "\(texts)") }
        let distilled = try advisor.advise(
            Answers(given(["need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "high"])))
        #expect(distilled.variants.map(\.choice).contains("distillation"))
        #expect(distilled.nextSteps[1].text.hasPrefix("While the student is built, apply the cheap levers"))
        // A prompt that meets the bar at low volume is kept, not written anew or sampled several times.
        let kept = try advisor.advise(
            Answers(
                given([
                    "need": "behavior", "data-volume": "thousands", "prompting-status": "meets-bar", "query-volume": "low",
                    "training-signal": "graders",
                ])))
        #expect(kept.strategy == "prompt-engineering")
        #expect(kept.nextSteps.contains { $0.text.hasPrefix("Freeze the prompt that meets the bar") })
        #expect(!kept.nextSteps.contains { $0.text.hasPrefix("Write a prompt template") || $0.text.hasPrefix("Use the grader at run time") })
        // Labels are audited by reason codes and scores, not by passages they cannot quote.
        let audited = try advisor.advise(
            Answers(given(["need": "behavior", "data-volume": "thousands", "output-style": "label", "explainability": "required"])))
        #expect(audited.caveats.contains { $0.text.hasPrefix("For labels, auditors need reason codes") })
        #expect(!audited.caveats.contains { $0.text.contains("cite the passage") })
        // A team whose prompted model already meets the bar is not told to stop there if it does.
        #expect(distilled.nextSteps[0].text.hasPrefix("Before training, measure the prompted model"))
        #expect(!distilled.nextSteps.contains { $0.text.contains("stop there") })
        let hybrid = try advisor.advise(
            Answers(
                given([
                    "need": "both", "data-volume": "thousands", "transience": "periodic", "budget": "substantial", "consistency": "critical",
                    "output-style": "custom",
                ])))
        #expect(hybrid.strategy == "hybrid")
        let steps = hybrid.nextSteps.map(\.text)
        let index = try #require(steps.firstIndex { $0.hasPrefix("Whether the index is a managed service's or your own") })
        let fineTune = try #require(steps.firstIndex { $0.hasPrefix("Fine-tune on examples") })
        let reindex = try #require(steps.firstIndex { $0.hasPrefix("Re-index") })
        #expect(steps[0].hasPrefix("Set up the evaluation in two layers"))
        #expect(index < fineTune && fineTune < reindex, "\(steps)")
    }

    /// An open question most of whose answers would change the advice makes it rest on an
    /// assumption: low confidence whatever the lead, with the question named; answered as
    /// the advice assumes, it is an assumption no more.
    @Test func adviceThatRestsOnAnUnansweredQuestionIsLowConfidence() throws {
        let answers = given([
            "need": "behavior", "data-volume": "thousands", "time-to-market": "weeks", "training-signal": "comparisons",
            "ml-expertise": "none", "model-access": "api-tuning",
        ])
        let advice = try advisor.advise(Answers(answers))
        #expect(advice.strategy == "fine-tuning")
        #expect(advice.assumptions == ["prompting-status"])
        #expect(advice.confidence == .low)
        #expect(advice.margin >= defaultRubric.confidence.medium)
        let plateaued = try advisor.advise(Answers(answers.merging(["prompting-status": "plateaued"]) { $1 }))
        #expect(plateaued.strategy == "fine-tuning")
        #expect(plateaued.assumptions.isEmpty)
        #expect(plateaued.confidence != .low)
    }

    /// The evidence favouring a strategy lowers the confidence only when a limit rules it out
    /// (the first step may fall short); a strategy ruled out on principle (knowledge belongs
    /// in retrieval: no lever in the gate) is no risk at all.
    @Test func evidenceForAStrategyRuledOutForGoodKeepsTheConfidence() throws {
        let knowledge = try advisor.advise(
            Answers(
                given([
                    "need": "knowledge", "data-volume": "thousands", "budget": "substantial", "consistency": "critical",
                    "prompting-status": "plateaued", "model-access": "weights", "ml-expertise": "strong", "specialization": "niche",
                    "knowledge-size": "large", "context-size": "documents",
                ])))
        #expect(knowledge.strategy == "prompt-engineering")
        #expect(knowledge.ranking.contains { $0.strategy == "fine-tuning" && $0.excluded && $0.score > knowledge.ranking[0].score })
        #expect(!knowledge.risks.contains { $0.kind == .overruled })
        #expect(!knowledge.plan.dropFirst().contains { $0.strategy == "fine-tuning" })
        #expect(knowledge.confidence == .high)
        let deadline = try advisor.advise(
            Answers(
                given(["need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "days", "consistency": "critical"]))
        )
        #expect(deadline.risks.contains { $0.kind == .overruled && $0.strategy == "fine-tuning" })
        #expect(deadline.plan.dropFirst().contains { $0.strategy == "fine-tuning" })
        #expect(deadline.confidence == .medium)
    }

    /// A grader with nobody who has trained a model: the plan tunes supervised on the outputs
    /// the grader passes (rejection sampling), reinforcement later with help (review 50).
    @Test func aGraderWithoutTrainingSkillsBeginsWithRejectionSampling() throws {
        let answers = behaviourWithData.merging(["training-signal": "graders", "model-access": "api-tuning"]) { $1 }
        let novices = try advisor.advise(Answers(answers.merging(["ml-expertise": "none"]) { $1 }))
        #expect(novices.variants.map(\.choice).contains("supervised"))
        #expect(novices.nextSteps.contains { $0.text.contains("(rejection sampling)") })
        let experts = try advisor.advise(Answers(answers.merging(["ml-expertise": "strong"]) { $1 }))
        #expect(experts.variants.map(\.choice).contains("reinforcement") && !experts.nextSteps.contains { $0.text.contains("(rejection sampling)") })
    }

    @Test func thereAreAtLeastTwentyFiveCases() {
        #expect(methodCases.count >= 25)
    }

    /// Every core situation, then a fixed random sample with refinements.
    static let situations: [Answers] = {
        var generator = SplitMix64(seed: 2026)
        let refinements = defaultRubric.questions.filter { !$0.isCore }
        let sample = (0..<1_500).map { index in
            var answers = everyCoreSituation[Int(generator.next() % UInt64(everyCoreSituation.count))]
            for question in refinements {
                let pick = Int(generator.next() % UInt64(question.options.count + 1))
                if pick < question.options.count { answers[question.id] = question.options[pick].id }
            }
            return answers
        }
        return everyCoreSituation + sample
    }()

    /// Caveats are never empty; every chosen variant, now and in later stages, shows a caveat
    /// of its own; what weighs against the only strategy left is a risk, not a counterpoint.
    @Test func everyChoiceHasItsCaveatsAndSignsAreHonest() throws {
        for answers in Self.situations {
            let advice = try advisor.advise(answers)
            #expect(!advice.caveats.isEmpty, "\(answers.values)")
            for stage in advice.plan {
                let caveats = stage.when == PlanStage.now ? advice.caveats : stage.caveats
                let laterAnswers = stage.when == PlanStage.now ? answers : nil
                #expect(!caveats.isEmpty, "\(stage.strategy) at \(answers.values)")
                for decision in stage.variants {
                    let choice = defaultRubric.variants.first { $0.id == decision.variant }!.choices.first { $0.id == decision.choice }!
                    let own = choice.caveats.filter { caveat in laterAnswers.map { plainlyHolds(caveat.when, $0) } ?? true }.map(\.text)
                    #expect(own.contains { text in caveats.contains { $0.text == text } }, "\(decision.choice) at \(answers.values)")
                }
            }
            let open = advice.ranking.contains { !$0.excluded && $0.strategy != advice.strategy }
            if !open { #expect(advice.counterpoints.isEmpty, "\(answers.values)") }
            #expect(advice.counterpoints.allSatisfy { $0.favours != nil })
        }
    }

    /// The contract's fixed rules hold now, and later stages never train with the supervised
    /// variant alone when the feedback is comparisons.
    @Test func theFixedRulesHoldWithRefinements() throws {
        for answers in Self.situations {
            let advice = try advisor.advise(answers)
            for gate in contractGates where holds(gate.when, in: answers) {
                #expect(!gate.never.contains(advice.strategy), "\(gate.gate) at \(answers.values)")
            }
            if answers["training-signal"] == "comparisons" {
                for stage in advice.plan {
                    #expect(!stage.variants.contains { $0.variant == "training" && $0.choice == "supervised" }, "\(answers.values)")
                }
            }
            if answers["prompting-status"] == "not-tried", trainedStrategies.contains(advice.strategy) {
                // With thousands of pairs at hand, training may start, but the first step measures a prompted baseline.
                let first = try #require(advice.nextSteps.first).text.lowercased()
                #expect(first.contains("baseline"), "\(answers.values)")
            }
        }
    }

    /// A sentence that argues from a cost or a component says so only where the advice incurs
    /// it: "every weight" only beside full fine-tuning, an index to keep fresh only beside
    /// retrieval-augmented generation.
    @Test func reasonsClaimOnlyWhatTheVariantIncurs() throws {
        let claims: [(phrase: String, needs: String)] = [("all weights", "full"), ("every weight", "full"), ("re-index", "rag")]
        for answers in Self.situations {
            let advice = try advisor.advise(answers)
            let choices = Set(advice.variants.map(\.choice))
            let trained = trainedStrategies.contains(advice.strategy)
            for reason in advice.reasons + advice.counterpoints {
                for claim in claims where reason.text.contains(claim.phrase) {
                    let relevant = claim.needs == "full" ? trained && advice.strategy != "prompt-tuning" : !trained
                    #expect(!relevant || choices.contains(claim.needs), "\(claim.phrase) without \(claim.needs) at \(answers.values)")
                }
            }
        }
    }

    /// A forced choice says it is forced, and a strategy the evidence favours but limits alone
    /// rule out (gates on a lever: data, budget, deadline, skills, model) is named as a risk,
    /// the one the plan moves to later first; one the situation itself rules out is not.
    @Test func confidenceSaysWhatItRestsOn() throws {
        let limits = Set(
            defaultRubric.exclusions.filter { gate in gate.when.clauses.contains { defaultRubric.question($0.question)?.isLever == true } }
                .map(\.id))
        #expect(limits.isSuperset(of: ["ship-in-days", "no-training-budget", "hosted-api-without-tuning"]))
        #expect(
            limits.isDisjoint(with: [
                "knowledge-in-retrieval", "nothing-to-retrieve", "no-behaviour-to-train", "prompting-still-improving",
                "prompting-meets-bar-at-low-volume",
            ]))
        for answers in everyCoreSituation {
            let advice = try advisor.advise(answers)
            let overruled = advice.ranking.filter { entry in
                entry.excluded && entry.score > advice.ranking.first { $0.strategy == advice.strategy }!.score
                    && entry.exclusions.allSatisfy { limits.contains($0.id) }
            }
            // The one the plan moves to later, if any, else the best-scoring one.
            let reached = overruled.filter { entry in advice.plan.dropFirst().contains { $0.strategy == entry.strategy } }
            let favoured = (reached.isEmpty ? overruled : reached).max { $0.score < $1.score }.map(\.strategy)
            #expect(advice.risks.compactMap(\.strategy) == (favoured.map { [$0] } ?? []), "\(answers.values)")
            let open = advice.ranking.contains { !$0.excluded && $0.strategy != advice.strategy }
            // With no option left, a limit that rules out any of them makes it the limits' doing.
            let limited = advice.ranking.contains { $0.excluded && $0.exclusions.allSatisfy { limits.contains($0.id) } }
            #expect(advice.confidenceBasis == (open ? .margin : limited ? .limits : .situation), "\(answers.values)")
        }
    }
}
