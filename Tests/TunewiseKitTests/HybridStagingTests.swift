import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// When a hybrid is built at once and when its halves are staged (rubric 3.30, review 56), what
/// a later stage waits for, and the notes a trained plan owes its readers.
struct HybridStagingTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())
    /// Facts plus a house style, thousands of pairs, prompting plateaued, due in weeks.
    let both = [
        "need": "both", "data-volume": "thousands", "transience": "periodic", "governance": "open", "budget": "moderate",
        "time-to-market": "weeks", "consistency": "important", "prompting-status": "plateaued", "knowledge-size": "large",
        "output-style": "custom", "model-size": "large",
    ]

    func advise(_ changes: [String: String]) throws -> Advice {
        try advisor.advise(Answers(both.merging(changes) { $1 }))
    }

    /// A team that has never trained a model builds the index first, hosted tuning or not, and
    /// tunes once evaluation shows the gap; a team that has tuned before builds both with hosted tuning.
    @Test func aTeamNewToTrainingStagesTheHybridInWeeks() throws {
        let newTeam = try advise(["model-access": "api-tuning", "ml-expertise": "none"])
        #expect(newTeam.plan.map(\.strategy) == ["prompt-engineering", "hybrid"])
        #expect(newTeam.decidedBy.contains("two-systems-need-experience"))
        #expect(newTeam.confidenceBasis == .limits)
        #expect(try advise(["model-access": "api-tuning", "ml-expertise": "some"]).strategy == "hybrid")
        // Months leave room for both; a small collection whole in the prompt leaves no index to build.
        #expect(try advise(["model-access": "api-tuning", "ml-expertise": "none", "time-to-market": "months"]).strategy == "hybrid")
        #expect(try advise(["model-access": "api-tuning", "ml-expertise": "none", "knowledge-size": "small"]).strategy == "hybrid")
    }

    /// A prompted system with retrieval that meets the bar at high traffic is already built:
    /// nothing is shipped first, and the plan distils it now on open weights too.
    @Test func aWorkingPromptedSystemIsNotBuiltAgainFirst() throws {
        let atScale = try advise(["prompting-status": "meets-bar", "query-volume": "high", "model-access": "weights", "ml-expertise": "some"])
        #expect(atScale.strategy == "hybrid")
        #expect(atScale.variants.first { $0.variant == "training" }?.choice == "distillation")
        #expect(!atScale.decidedBy.contains("two-systems-need-time"))
    }

    /// Every trained plan says tuning can wear away safety behaviour; a prompted one does not.
    @Test func trainedPlansCarryTheSafetyCaveat() throws {
        let safety = "Tuning, even on harmless examples, can weaken the base model's refusals"
        let hybrid = try advise(["model-access": "api-tuning", "ml-expertise": "some"])
        #expect(hybrid.caveats.contains { $0.text.hasPrefix(safety) })
        let tuned = try advise(["need": "behavior", "model-access": "api-tuning", "ml-expertise": "some"])
        #expect(tuned.strategy == "fine-tuning")
        #expect(tuned.caveats.contains { $0.text.hasPrefix(safety) })
        // Hosted tuning's own end dates (review 60): OpenAI's self-serve fine-tuning closes to new jobs.
        let closing = try #require(tuned.caveats.first { $0.text.contains("hosted tuning itself is closing at some providers") })
        // Review 64: Microsoft Foundry tunes OpenAI models only for existing customers; Vertex AI's new name.
        #expect(closing.text.contains("Microsoft Foundry trains OpenAI models only for customers who already did, until at least April 2027"))
        #expect(closing.text.contains("Gemini Enterprise Agent Platform, formerly Vertex AI"))
        #expect(closing.source?.contains("azure-model-retirements") == true)
        // Review 61: a knowledge task due in days prepares no pairs for a tuned model that cannot follow.
        let facts = try advise(["need": "knowledge", "time-to-market": "days", "prompting-status": "improving"])
        #expect(!facts.nextSteps.contains { $0.text.hasPrefix("Prepare the training pairs while the prompted version ships") })
        let behaviour = try advise(["need": "behavior", "time-to-market": "days", "prompting-status": "improving", "model-access": "api-tuning"])
        #expect(behaviour.nextSteps.contains { $0.text.hasPrefix("Prepare the training pairs while the prompted version ships") })
        let prompted = try advise(["prompting-status": "improving", "model-access": "api-tuning"])
        #expect(prompted.strategy == "prompt-engineering")
        #expect(!prompted.caveats.contains { $0.text.hasPrefix(safety) })
    }

    /// Preference pairs in a hybrid are built on the passages served; on a hosted service the
    /// method may not be offered for the model.
    @Test func preferencePairsInAHybridCarryTheirPassages() throws {
        let pairs = try advise(["training-signal": "comparisons", "model-access": "api-tuning", "ml-expertise": "some"])
        #expect(pairs.strategy == "hybrid")
        #expect(pairs.caveats.contains { $0.text.hasPrefix("In a hybrid, build each pair on the retrieved passages") })
        #expect(pairs.caveats.contains { $0.text.hasPrefix("Preference tuning is offered for only some hosted models") })
        let open = try advise(["training-signal": "comparisons", "model-access": "weights", "ml-expertise": "strong"])
        #expect(!open.caveats.contains { $0.text.hasPrefix("Preference tuning is offered for only some hosted models") })
    }

    /// A plateau claimed with no labelled examples has no held-out set behind it; a small model
    /// gets retrieval with a small collection, and the report says why.
    @Test func claimsTheAnswersCannotBackAreNamed() throws {
        let unmeasured = try advise(["data-volume": "none"])
        #expect(unmeasured.caveats.contains { $0.text.hasPrefix("A plateau is measured on a held-out set") })
        #expect(!(try advise([:])).caveats.contains { $0.text.hasPrefix("A plateau is measured on a held-out set") })
        let small = try advise(["knowledge-size": "small", "model-size": "small", "model-access": "weights", "ml-expertise": "strong"])
        #expect(small.variants.first { $0.variant == "retrieval" }?.choice == "rag")
        #expect(small.caveats.contains { $0.text.hasPrefix("The collection would fit whole in a larger model's prompt") })
    }

    /// Open weights with nobody to train them, due in weeks: once someone can train, two systems
    /// in weeks still hold the hybrid back, so the later stage waits for both events.
    @Test func aLaterStageWaitsForEveryGateThatHoldsForNow() throws {
        let advice = try advise(["model-access": "weights", "ml-expertise": "none"])
        #expect(advice.decidedBy == ["no-skills-for-open-weights"])
        #expect(advice.plan.map(\.strategy) == ["prompt-engineering", "hybrid"])
        #expect(advice.plan[1].after == ["no-skills-for-open-weights", "two-systems-need-time"])
        #expect(advice.plan[1].conditions.count == 2)
    }

    @Test func shipInDaysWithThousandsOfExamplesPromptsNowAndTrainsOnceItShips() throws {
        let advice = try advisor.advise(
            Answers([
                "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open",
                "budget": "substantial", "time-to-market": "days", "consistency": "critical",
            ]))
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.decidedBy == ["ship-in-days"])
        #expect(advice.confidenceBasis == .limits)
        #expect(advice.plan.map(\.strategy) == ["prompt-engineering", "fine-tuning"])
        #expect(advice.plan[1].when == "once the first version ships and its held-out score, cost or latency shows where prompting falls short")
        #expect(!advice.reasons.contains { $0.question == "time-to-market" } || advice.strategy == "prompt-engineering")
    }

    /// A first version due in days while prompting has already plateaued: the training run
    /// starts beside it for a team that can run one; a grader's signal due in weeks trains
    /// supervised on the answers it passes, and reinforcement waits for months.
    @Test func whatADeadlineLeavesRoomFor() throws {
        let rushed = [
            "need": "behavior", "data-volume": "thousands", "budget": "moderate", "time-to-market": "days", "prompting-status": "plateaued",
            "model-access": "weights", "ml-expertise": "strong",
        ]
        let steps = try advise(rushed).nextSteps.map(\.text)
        #expect(steps.contains { $0.hasPrefix("Prompting has already plateaued below your bar: unless a stronger model") })
        #expect(!steps.contains { $0.hasPrefix("Prepare the training pairs while the prompted version ships") })
        let newTeam = try advise(rushed.merging(["model-access": "api-tuning", "ml-expertise": "none"]) { $1 }).nextSteps.map(\.text)
        #expect(!newTeam.contains { $0.hasPrefix("Prompting has already plateaued below your bar: unless") })
        let graded = try advise([
            "need": "behavior", "training-signal": "graders", "output-style": "structured", "model-access": "api-tuning", "ml-expertise": "some",
        ])
        #expect(graded.variants.first { $0.variant == "training" }?.choice == "supervised")
        #expect(graded.nextSteps.contains { $0.text.hasPrefix("A few weeks leave room for one supervised run, not a reinforcement run") })
        let unhurried = try advise([
            "need": "behavior", "training-signal": "graders", "output-style": "structured", "model-access": "api-tuning", "ml-expertise": "some",
            "time-to-market": "months",
        ])
        #expect(unhurried.variants.first { $0.variant == "training" }?.choice == "reinforcement")
    }

    /// Review 58: notes that promised what the plan cannot give, or started over what works.
    @Test func notesMatchWhatThePlanCanGive() throws {
        let smallRisk = "A model under 1B parameters rarely meets a bar by prompting alone"
        // A sub-1B knowledge assistant keeps its facts in retrieval: no tuning stage is promised.
        let facts = try advise(["need": "knowledge", "model-size": "small", "model-access": "weights", "prompting-status": "improving"])
        #expect(!facts.risks.contains { $0.text.hasPrefix(smallRisk) })
        // Review 61: a behaviour that changes daily keeps its fast-moving part out of the weights.
        let daily = try advise(["need": "behavior", "transience": "frequent", "model-access": "api-tuning", "ml-expertise": "some"])
        #expect(daily.strategy == "fine-tuning")
        #expect(daily.caveats.contains { $0.text.hasPrefix("Where the behaviour itself changes daily or faster") })
        #expect(!daily.caveats.contains { $0.text.hasPrefix("Training is not one-off where the behaviour itself changes") })
        let prompted = try advise(["need": "behavior", "transience": "frequent", "prompting-status": "improving"])
        #expect(prompted.caveats.contains { $0.text.hasPrefix("Rules that change daily belong in the prompt as versioned text") })
        // Review 61: where the model must stay that small, reading passages is the behaviour to train.
        #expect(facts.caveats.contains { $0.text.contains("answer --need both to plan tuning it on retrieved passages as served") })
        let behaviour = try advise(["need": "behavior", "model-size": "small", "model-access": "weights", "prompting-status": "improving"])
        #expect(behaviour.risks.contains { $0.text.hasPrefix(smallRisk) })
        // A working retrieval system is not replaced by a managed service.
        let working = try advise([
            "need": "knowledge", "data-volume": "none", "prompting-status": "meets-bar", "ml-expertise": "none", "model-access": "api",
        ])
        #expect(!working.nextSteps.contains { $0.text.hasPrefix("Start from a managed retrieval service") })
        // A team already iterating on its prompt is not told to write one.
        #expect(!facts.nextSteps.contains { $0.text.hasPrefix("Write a prompt template") })
        // The staged hybrid waits for the gap retrieval leaves, which a plateaued team can meet.
        let staged = try advise(["model-access": "weights", "ml-expertise": "some"])
        #expect(staged.plan.map(\.strategy) == ["prompt-engineering", "hybrid"])
        #expect(staged.plan[1].when.hasPrefix("once retrieval with prompts ships and the gap its evaluation still shows"))
        #expect(staged.nextSteps.contains { $0.text.hasPrefix("You already serve this open model, so an adapter") })
        // Open weights with nobody to train them: arrange the skills first.
        let untrained = try advise(["model-access": "weights", "ml-expertise": "none"])
        #expect(untrained.nextSteps.contains { $0.text.hasPrefix("Arrange the skills the trained plan needs now") })
        // High traffic on a hosted large model: tune the smallest tier that reaches the bar.
        let busy = try advise(["need": "behavior", "model-access": "api-tuning", "ml-expertise": "some", "query-volume": "high"])
        #expect(busy.strategy == "fine-tuning")
        #expect(busy.nextSteps.contains { $0.text.hasPrefix("At this traffic, tune the smallest hosted tier") })
    }
}
