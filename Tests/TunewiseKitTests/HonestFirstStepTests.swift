import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// What the first step rests on, and what it says of itself (rubric 3.26 to 3.28, reviews 51 to 53).
struct HonestFirstStepTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())
    /// A team whose prompted model meets the bar, with every answer but its traffic.
    let meetsBar = [
        "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
        "time-to-market": "months", "consistency": "important", "output-style": "structured", "specialization": "niche",
        "model-access": "weights", "model-size": "medium", "ml-expertise": "some", "prompting-status": "meets-bar",
    ]

    /// A prompted model that meets the bar stays while the traffic is unknown (a gate, whatever
    /// the quality answers lean to), and the report says the traffic could change that, below
    /// high confidence; at high traffic it is distilled, as before.
    @Test func aWorkingPromptStaysUntilTheTrafficIsKnown() throws {
        let unknown = try advisor.advise(Answers(meetsBar))
        #expect(unknown.strategy == "prompt-engineering")
        #expect(unknown.decidedBy == ["prompting-meets-bar-at-unknown-volume"])
        #expect(unknown.openQuestions.contains("query-volume"))
        #expect(unknown.confidence == .medium)
        let high = try advisor.advise(Answers(meetsBar.merging(["query-volume": "high"]) { $1 }))
        #expect(high.strategy == "fine-tuning")
        #expect(high.variants.first { $0.variant == "training" }?.choice == "distillation")
        // Only `advise --cost` prices the student at its own prices, so that is where the plan sends the team.
        #expect(high.nextSteps.contains { $0.text.contains("`tunewise advise --cost` checks with your prices") })
    }

    /// Where the situation's own gates rule every alternative out, they are named first,
    /// before the limits that also hold, as the confidence ("decided by your situation") says.
    @Test func theSituationsGatesComeBeforeLimits() throws {
        let knowledge = try advisor.advise(
            Answers([
                "need": "knowledge", "data-volume": "hundreds", "transience": "frequent", "governance": "role-based", "budget": "minimal",
                "time-to-market": "weeks", "consistency": "critical", "model-access": "weights", "ml-expertise": "none",
            ]))
        #expect(knowledge.confidenceBasis == .situation)
        #expect(Array(knowledge.decidedBy.prefix(2)) == ["no-behaviour-to-train", "knowledge-in-retrieval"])
        #expect(knowledge.decidedBy.contains("no-training-budget"))
    }

    /// Soft prompts learn from demonstrations: a grader's scores or preference pairs rule them
    /// out rather than leave them the runner-up.
    @Test func softPromptsAreOutWithGradersOrPreferencePairs() throws {
        let base = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
            "time-to-market": "months", "consistency": "important", "model-access": "weights", "model-size": "large",
            "ml-expertise": "strong", "prompting-status": "plateaued", "task-diversity": "many",
        ]
        for signal in ["graders", "comparisons"] {
            let advice = try advisor.advise(Answers(base.merging(["training-signal": signal]) { $1 }))
            let promptTuning = try #require(advice.ranking.first { $0.strategy == "prompt-tuning" })
            #expect(promptTuning.exclusions.map(\.id) == ["soft-prompts-learn-from-demonstrations"], "\(signal)")
            #expect(advice.runnerUp != "prompt-tuning", "\(signal)")
        }
        let demonstrations = try advisor.advise(Answers(base.merging(["training-signal": "demonstrations"]) { $1 }))
        #expect(demonstrations.ranking.first { $0.strategy == "prompt-tuning" }?.excluded == false)
    }

    /// A model under 1B held at prompting with examples in hand hears that the prompted step
    /// is a baseline, not the product; a larger model does not.
    @Test func aSmallModelsPromptedStepIsABaseline() throws {
        let answers = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
            "time-to-market": "months", "consistency": "critical", "output-style": "label", "model-access": "weights",
            "ml-expertise": "strong", "prompting-status": "not-tried",
        ]
        let small = try advisor.advise(Answers(answers.merging(["model-size": "small"]) { $1 }))
        #expect(small.strategy == "prompt-engineering")
        #expect(small.risks.contains { $0.text.hasPrefix("A model under 1B parameters rarely meets a bar by prompting alone") })
        let medium = try advisor.advise(Answers(answers.merging(["model-size": "medium"]) { $1 }))
        #expect(!medium.risks.contains { $0.text.hasPrefix("A model under 1B parameters") })
    }

    /// A team with nobody who has trained a model is told a classifier of its own needs ML help
    /// or a managed service; a team with skills gets the plain comparison.
    @Test func aClassifierOfYourOwnNeedsSomeoneToOwnIt() throws {
        let labels = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "critical", "output-style": "label", "model-access": "api-tuning",
            "prompting-status": "plateaued",
        ]
        let none = try advisor.advise(Answers(labels.merging(["ml-expertise": "none"]) { $1 }))
        #expect(none.strategy == "fine-tuning")
        #expect(none.nextSteps.contains { $0.text.contains("weigh it only with ML help or a managed custom text-classification service") })
        #expect(!none.nextSteps.contains { $0.text.hasPrefix("For a fixed label set, weigh a classifier") })
        let some = try advisor.advise(Answers(labels.merging(["ml-expertise": "some"]) { $1 }))
        #expect(some.nextSteps.contains { $0.text.hasPrefix("For a fixed label set, weigh a classifier") })
    }

    /// A model under 1B that meets the bar at high traffic is cut by serving levers (quantising,
    /// batching, caching), not distilled into a smaller student; a medium model is distilled.
    @Test func aSmallModelThatMeetsTheBarIsServedCheaperNotDistilled() throws {
        let answers = meetsBar.merging(["query-volume": "high", "output-style": "standard", "specialization": "general"]) { $1 }
        let small = try advisor.advise(Answers(answers.merging(["model-size": "small"]) { $1 }))
        #expect(small.strategy == "prompt-engineering")
        #expect(small.nextSteps.contains { $0.text.hasPrefix("Cut what the model under 1B costs to serve before training anything") })
        #expect(!small.nextSteps.contains { $0.text.hasPrefix("The prompted model meets the bar, so attack its cost first") })
        #expect(!small.caveats.contains { $0.text.hasPrefix("Models under about a billion parameters follow written instructions") })
        let medium = try advisor.advise(Answers(answers))
        #expect(medium.strategy == "fine-tuning")
        #expect(!medium.nextSteps.contains { $0.text.hasPrefix("Cut what the model under 1B costs") })
    }

    /// Steps that need someone who has trained a model (a tuning pilot, tuning the retriever)
    /// are left out where nobody on the team has; a small model on a knowledge task hears of a
    /// larger generator, not of tuning it.
    @Test func stepsFitTheTeamAndTheTask() throws {
        let improving = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "model-access": "weights", "prompting-status": "improving",
        ]
        let pilot = "With thousands of labelled pairs at hand, run a small tuning pilot"
        let withHelp = try advisor.advise(Answers(improving.merging(["ml-expertise": "some"]) { $1 }))
        #expect(withHelp.nextSteps.contains { $0.text.hasPrefix(pilot) })
        let alone = try advisor.advise(Answers(improving.merging(["ml-expertise": "none"]) { $1 }))
        #expect(!alone.nextSteps.contains { $0.text.hasPrefix(pilot) })
        let knowledge = try advisor.advise(
            Answers([
                "need": "knowledge", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                "time-to-market": "months", "consistency": "important", "model-size": "small", "model-access": "weights",
                "ml-expertise": "none",
            ]))
        #expect(
            knowledge.caveats.contains { $0.text.hasPrefix("A model under about a billion parameters reads and combines retrieved passages poorly") })
        #expect(!knowledge.caveats.contains { $0.text.hasPrefix("Models under about a billion parameters follow written instructions") })
        #expect(!knowledge.nextSteps.contains { $0.text.contains("tune the retriever") })
    }

    /// A fixed label set with hundreds of examples and a budget, on a model that cannot be
    /// tuned, hears of a classifier of its own, as thousands and no budget do.
    @Test func hundredsOfLabelsMayTrainAClassifierBesideThePrompt() throws {
        let labels = [
            "need": "behavior", "data-volume": "hundreds", "transience": "frequent", "governance": "open", "budget": "substantial",
            "time-to-market": "weeks", "consistency": "critical", "output-style": "label", "model-access": "api",
            "prompting-status": "plateaued",
        ]
        let advice = try advisor.advise(Answers(labels))
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.nextSteps.contains { $0.text.hasPrefix("With hundreds or thousands of labelled examples and a fixed set of labels") })
    }

    /// Preference pairs whose answers are labels hear that the supervised pass on the preferred
    /// labels does most of the work (the contract keeps the preference pass after it); free-text
    /// pairs do not. A tuned open model's serving is the team's own work, and the caveat says so.
    @Test func labelPairsAreLabelledExamples() throws {
        let pairs = [
            "need": "behavior", "data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "training-signal": "comparisons", "model-access": "weights",
            "model-size": "medium", "ml-expertise": "strong", "prompting-status": "plateaued",
        ]
        let labels = try advisor.advise(Answers(pairs.merging(["output-style": "label"]) { $1 }))
        #expect(labels.strategy == "fine-tuning")
        #expect(labels.variants.first { $0.variant == "training" }?.choice == "preference")
        #expect(labels.nextSteps.contains { $0.text.hasPrefix("Your pairs' answers are labels from a fixed set") })
        #expect(labels.caveats.contains { $0.text.hasPrefix("Serving the tuned model is yours too") })
        let prose = try advisor.advise(Answers(pairs.merging(["output-style": "custom"]) { $1 }))
        #expect(prose.variants.first { $0.variant == "training" }?.choice == "preference")
        #expect(!prose.nextSteps.contains { $0.text.hasPrefix("Your pairs' answers are labels") })
        let hosted = try advisor.advise(Answers(pairs.merging(["output-style": "label", "model-access": "api-tuning"]) { $1 }))
        #expect(!hosted.caveats.contains { $0.text.hasPrefix("Serving the tuned model is yours too") })
    }

    /// A small collection stays whole in the prompt however often it changes (sent as it is on
    /// every call); a team with nobody who has trained a model, or days to ship, starts retrieval
    /// from a managed service; a sub-1B model behind an API is not told to quantise it.
    @Test func retrievalAndServingFitWhatTheTeamRuns() throws {
        let handbook = [
            "need": "knowledge", "data-volume": "few", "transience": "frequent", "governance": "confidential", "budget": "minimal",
            "time-to-market": "weeks", "consistency": "critical", "knowledge-size": "small", "model-access": "api",
            "context-size": "documents", "ml-expertise": "none",
        ]
        let small = try advisor.advise(Answers(handbook))
        #expect(small.variants.first { $0.variant == "retrieval" }?.choice == "in-context")
        #expect(small.caveats.contains { $0.text.hasPrefix("The collection changes daily or faster: assemble the prompt from the current source") })
        let large = try advisor.advise(Answers(handbook.merging(["knowledge-size": "large"]) { $1 }))
        #expect(large.variants.first { $0.variant == "retrieval" }?.choice == "rag")
        #expect(large.nextSteps.first { $0.text.hasPrefix("Start from a managed retrieval service") } != nil)
        let skilled = try advisor.advise(Answers(handbook.merging(["knowledge-size": "large", "ml-expertise": "strong"]) { $1 }))
        #expect(!skilled.nextSteps.contains { $0.text.contains("managed retrieval service") })
        let hosted = try advisor.advise(
            Answers(meetsBar.merging(["query-volume": "high", "model-size": "small", "model-access": "api-tuning"]) { $1 }))
        #expect(hosted.nextSteps.contains { $0.text.hasPrefix("A model under 1B behind an API is cheap already") })
        #expect(!hosted.nextSteps.contains { $0.text.contains("quantise it") })
    }

    /// With access by role, a model that can only return a label cannot pass one role's text
    /// to another: it may learn from every role's examples; free text keeps the per-role rule.
    @Test func aLabelCannotLeakOneRolesText() throws {
        let roles = [
            "need": "behavior", "data-volume": "thousands", "transience": "periodic", "governance": "role-based", "budget": "moderate",
            "time-to-market": "months", "consistency": "critical", "model-access": "api-tuning", "prompting-status": "plateaued",
        ]
        let labels = try advisor.advise(Answers(roles.merging(["output-style": "label"]) { $1 }))
        #expect(labels.strategy == "fine-tuning")
        #expect(labels.caveats.contains { $0.text.hasPrefix("With role-based access and labels as the output") })
        #expect(!labels.caveats.contains { $0.text.hasPrefix("With role-based access a single tuned model can leak") })
        let prose = try advisor.advise(Answers(roles.merging(["output-style": "custom"]) { $1 }))
        #expect(prose.caveats.contains { $0.text.hasPrefix("With role-based access a single tuned model can leak") })
    }

    /// A whole collection in every request counts a little for a tuned model, and its reason
    /// says why (the instructions move into the weights), not that training is no cure.
    @Test func aCorpusReasonSaysWhatItFavours() throws {
        let books = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "model-access": "api-tuning", "prompting-status": "plateaued",
            "context-size": "corpus",
        ]
        let advice = try advisor.advise(Answers(books))
        #expect(advice.strategy == "fine-tuning")
        let corpus = try #require(advice.reasons.first { $0.question == "context-size" })
        #expect(corpus.text.contains("A tuned model gains a little, its instructions and examples moving into its weights"))
        #expect(advice.caveats.contains { $0.text.hasPrefix("Inputs run to whole documents or collections") })
    }

    /// A few dozen labels get a few-shot classifier as a second baseline beside the prompt; a
    /// managed index and one of your own are loaded alike, so the steps do not contradict.
    @Test func aFewLabelsGetAFewShotClassifierAndIndexStepsAgree() throws {
        let few = [
            "need": "behavior", "data-volume": "few", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "important", "output-style": "label", "model-access": "api-tuning",
        ]
        let advice = try advisor.advise(Answers(few))
        #expect(advice.strategy == "prompt-engineering")
        #expect(
            advice.nextSteps.contains {
                $0.text.hasPrefix(
                    "With a few dozen labelled examples and a fixed set of labels (at least about eight a label), a few-shot classifier")
            })
        let manual = try advisor.advise(
            Answers([
                "need": "knowledge", "data-volume": "none", "transience": "periodic", "governance": "open", "budget": "minimal",
                "time-to-market": "weeks", "consistency": "important", "knowledge-size": "large", "ml-expertise": "none",
            ]))
        #expect(manual.nextSteps.contains { $0.text.hasPrefix("Start from a managed retrieval service") })
        #expect(manual.nextSteps.contains { $0.text.hasPrefix("Whether the index is a managed service's or your own") })
    }
}
