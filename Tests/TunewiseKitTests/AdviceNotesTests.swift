import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// Notes of rubric 3.3 that fit the situation or stay away from it, each against the case a
/// fresh-eyes review found it wrong or missing in.
struct AdviceNotesTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

    func advise(_ answers: [String: String]) throws -> Advice {
        let steady = ["transience": "static", "governance": "open", "time-to-market": "weeks", "consistency": "critical"]
        return try advisor.advise(Answers(steady.merging(answers) { $1 }))
    }

    func steps(_ advice: Advice) -> [String] { advice.nextSteps.map(\.text) }
    func caveats(_ advice: Advice) -> [String] { advice.caveats.map(\.text) }

    /// A fixed label set with thousands of labels and no training budget: an embedding
    /// classifier costs next to nothing, so it is offered, where prompting alone is advised.
    @Test func labelsWithoutATrainingBudgetStillGetTheCheapClassifier() throws {
        let labels = try advise(["need": "behavior", "data-volume": "thousands", "budget": "minimal", "output-style": "label"])
        #expect(labels.strategy == "prompt-engineering")
        #expect(steps(labels).contains { $0.hasPrefix("Even with no budget for training runs, a fixed label set") })
        let prose = try advise(["need": "behavior", "data-volume": "thousands", "budget": "minimal", "output-style": "custom"])
        #expect(!steps(prose).contains { $0.hasPrefix("Even with no budget for training runs") })
    }

    /// Training ruled out for good (no access to tuning): no pairs prepared "so a tuned model
    /// can follow", and the labels go into the prompt (many-shot, an optimiser) instead.
    @Test func noTunableModelMeansNoTrainingPrepButManyShotPrompting() throws {
        let apiOnly = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "moderate", "time-to-market": "days", "model-access": "api",
        ])
        #expect(!steps(apiOnly).contains { $0.hasPrefix("Prepare the training pairs") })
        #expect(steps(apiOnly).contains { $0.hasPrefix("With labelled examples but no model to tune") })
        #expect(caveats(apiOnly).contains { $0.hasPrefix("A hosted model changes under you") })
        let tunable = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "moderate", "time-to-market": "days", "model-access": "api-tuning",
        ])
        #expect(steps(tunable).contains { $0.hasPrefix("Prepare the training pairs") })
        #expect(!steps(tunable).contains { $0.hasPrefix("With labelled examples but no model to tune") })
    }

    /// A behaviour's facts arrive with each request, so how often they change decides nothing:
    /// the court-filing case of review 22 gets the same advice at every pace of change, where
    /// frequent change had kept it on prompting.
    @Test func howOftenTheFactsChangeDoesNotDecideABehaviour() throws {
        let court = [
            "need": "behavior", "data-volume": "hundreds", "governance": "role-based", "budget": "moderate", "time-to-market": "months",
            "output-style": "structured", "training-signal": "graders", "model-access": "weights", "ml-expertise": "strong",
            "model-size": "medium", "query-volume": "medium", "prompting-status": "plateaued", "task-diversity": "few",
            "explainability": "required",
        ]
        let strategies = try ["static", "periodic", "frequent"].map { try advise(court.merging(["transience": $0]) { $1 }).strategy }
        #expect(strategies == ["fine-tuning", "fine-tuning", "fine-tuning"])
    }

    /// Labels without a budget to train still go into the prompt many at a time; a prompted
    /// model that meets the bar, whose problem is cost, is not told to add hundreds of examples
    /// (with no model to tune, nor with no budget: review 47), nor is a model under a billion
    /// parameters, whose short context and weak in-context learning many-shot gains were not
    /// measured on.
    @Test func manyShotPromptingWhereTrainingIsOutOfReachAndNotWhereCostIsTheProblem() throws {
        let noBudget = ["need": "behavior", "data-volume": "thousands", "budget": "minimal", "model-access": "api-tuning"]
        #expect(try steps(advise(noBudget)).contains { $0.hasPrefix("With labelled examples but no budget to train") })
        let noTuning = ["need": "behavior", "data-volume": "thousands", "budget": "moderate", "model-access": "api"]
        #expect(try steps(advise(noTuning)).contains { $0.hasPrefix("With labelled examples but no model to tune") })
        for situation in [noBudget, noTuning] {
            for exception in [["prompting-status": "meets-bar", "query-volume": "high"], ["model-size": "small"]] {
                let advice = try advise(situation.merging(exception) { $1 })
                #expect(!steps(advice).contains { $0.contains("many-shot prompting") }, "\(exception)")
            }
        }
        // A prompt frozen because it meets the bar is not then reworked to pick its examples
        // per request (review 49), which would also break its cached prefix.
        let frozen = try advise(noTuning.merging(["prompting-status": "meets-bar"]) { $1 })
        #expect(steps(frozen).contains { $0.hasPrefix("Freeze the prompt that meets the bar") })
        #expect(!steps(frozen).contains { $0.hasPrefix("Choose the worked examples for each request") })
        #expect(try steps(advise(noTuning)).contains { $0.hasPrefix("Choose the worked examples for each request") })
    }

    /// A prompt that has stalled on one model has not found prompting's limit: a plan that
    /// trains runs the held-out set on a stronger model and a prompt optimiser first (review 47),
    /// as a plan that cannot train already did.
    @Test func aStalledPromptTriesAStrongerModelBeforeAnyTrainingRun() throws {
        let stalled = ["data-volume": "thousands", "budget": "moderate", "model-access": "api-tuning", "prompting-status": "plateaued"]
        let behaviour = try advise(stalled.merging(["need": "behavior"]) { $1 })
        #expect(behaviour.strategy == "fine-tuning")
        #expect(steps(behaviour).contains { $0.hasPrefix("Before the first training run, spend a day making sure prompting's limit is real") })
        let improving = try advise(stalled.merging(["need": "behavior", "prompting-status": "improving"]) { $1 })
        #expect(!steps(improving).contains { $0.hasPrefix("Prompting has stalled") })
        // A sub-1B model on a device cannot be swapped for a larger one: that check is not its first step.
        let tiny = try advise(
            stalled.merging(["need": "behavior", "model-size": "small", "model-access": "weights", "ml-expertise": "strong"]) { $1 })
        #expect(!steps(tiny).contains { $0.hasPrefix("Before the first training run, spend a day") })
        // Review 59: a critical bar shipped in days launches with a safeguard; a small collection
        // behind roles may be a cached prompt per role; a managed endpoint for confidential data is checked first.
        let rushed = try advise(["need": "behavior", "data-volume": "hundreds", "budget": "moderate", "time-to-market": "days"])
        #expect(rushed.risks.contains { $0.text.hasPrefix("Consistency is critical and the first version ships in days") })
        let roles = try advise([
            "need": "knowledge", "data-volume": "none", "budget": "moderate", "governance": "role-based", "knowledge-size": "small",
        ])
        #expect(caveats(roles).contains { $0.hasPrefix("With a small collection and a few roles, a cached prompt per role") })
        let managed = try advise([
            "need": "behavior", "data-volume": "hundreds", "budget": "moderate", "governance": "confidential",
            "model-access": "weights", "ml-expertise": "none",
        ])
        #expect(caveats(managed).contains { $0.contains("in your own cloud account or region where the data may not leave it") })
        // A model that only returns a label may learn from every role's examples: no model of each customer's own.
        let perCustomer = "With several customers or roles on a hosted service, give a customer"
        let shared = [
            "need": "behavior", "data-volume": "hundreds", "budget": "moderate", "governance": "role-based", "task-diversity": "many",
            "model-access": "api-tuning", "prompting-status": "plateaued",
        ]
        #expect(steps(try advise(shared.merging(["output-style": "custom"]) { $1 })).contains { $0.hasPrefix(perCustomer) })
        #expect(!steps(try advise(shared.merging(["output-style": "label"]) { $1 })).contains { $0.hasPrefix(perCustomer) })
    }

    /// A small collection is put whole into the prompt however often it changes, assembled from
    /// the current source (review 54: no index to go stale); soft prompts win only where
    /// prompting has been tried and has stalled.
    @Test func liveFactsAreRetrievedAndSoftPromptsNeedAStalledPrompt() throws {
        let small = ["need": "knowledge", "data-volume": "few", "budget": "moderate", "knowledge-size": "small"]
        #expect(try advise(small.merging(["transience": "static"]) { $1 }).variants.map(\.choice).contains("in-context"))
        #expect(try advise(small.merging(["transience": "frequent"]) { $1 }).variants.map(\.choice).contains("in-context"))
        #expect(try advise(small.merging(["knowledge-size": "large", "transience": "frequent"]) { $1 }).variants.map(\.choice).contains("rag"))
        let niche = [
            "need": "behavior", "data-volume": "thousands", "budget": "moderate", "time-to-market": "months", "consistency": "flexible",
            "model-access": "weights", "model-size": "large", "task-diversity": "many", "query-volume": "high", "ml-expertise": "strong",
            "specialization": "general", "output-style": "standard", "explainability": "no", "context-size": "snippet",
            "training-signal": "demonstrations",
        ]
        #expect(try advise(niche.merging(["prompting-status": "plateaued"]) { $1 }).strategy == "prompt-tuning")
        #expect(try advise(niche.merging(["prompting-status": "not-tried"]) { $1 }).strategy != "prompt-tuning")
    }

    /// Format drift is not warned of where decoding constrains the format; a prompted model
    /// meeting the bar logs its outputs for distillation rather than budgeting labels.
    @Test func constrainedFormatsAndDistillationSourcesGetNoStaleAdvice() throws {
        let structured = try advise(["need": "behavior", "data-volume": "few", "budget": "minimal", "output-style": "structured"])
        #expect(!caveats(structured).contains { $0.hasPrefix("Outputs can drift when a prompt is reworded") })
        let custom = try advise(["need": "behavior", "data-volume": "few", "budget": "minimal", "output-style": "custom"])
        #expect(caveats(custom).contains { $0.hasPrefix("Outputs can drift when a prompt is reworded") })
        let meetsBar = try advise([
            "need": "behavior", "data-volume": "none", "budget": "moderate", "prompting-status": "meets-bar", "query-volume": "high",
        ])
        #expect(!steps(meetsBar).contains { $0.hasPrefix("Budget for labelling now") })
        #expect(steps(meetsBar).contains { $0.hasPrefix("Log the prompted model's inputs and outputs on real traffic now") })
    }

    /// Rubric 3.10 (fresh-eyes review 32): the hosted-data caveat stays away from open weights
    /// run in-house, and a whole collection in a long context is filtered per role where
    /// access is by role.
    @Test func hostingAndRoleCaveatsFitTheSituation() throws {
        let confidential = ["need": "knowledge", "data-volume": "hundreds", "budget": "moderate", "governance": "confidential"]
        let hosted = "If the model is hosted, every call sends the data"
        #expect(caveats(try advise(confidential)).contains { $0.hasPrefix(hosted) })
        #expect(!caveats(try advise(confidential.merging(["model-access": "weights"]) { $1 })).contains { $0.hasPrefix(hosted) })
        let corpus = ["need": "knowledge", "data-volume": "hundreds", "budget": "moderate", "context-size": "corpus"]
        let open = caveats(try advise(corpus))
        #expect(open.contains { $0.contains("where the collection fits a long context window, cache it there") })
        let byRole = caveats(try advise(corpus.merging(["governance": "role-based"]) { $1 }))
        #expect(!byRole.contains { $0.contains("where the collection fits a long context window, cache it there") })
        #expect(byRole.contains { $0.contains("filter the collection per user before it enters the prompt") })
    }

    /// A high-risk system's duties beyond logging: its data (test data alone where nothing is
    /// trained) and human oversight.
    @Test func auditedSystemsNameTheirDataAndOversightDuties() throws {
        let audited = ["need": "knowledge", "data-volume": "hundreds", "budget": "moderate", "explainability": "required"]
        let prompting = try advise(audited)
        #expect(prompting.strategy == "prompt-engineering")
        #expect(
            caveats(prompting).contains {
                $0.contains("have their test data examined for bias and gaps, Art. 10, and stay under human oversight, Art. 14")
            })
        let trained = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months", "explainability": "required",
            "prompting-status": "plateaued",
        ])
        #expect(trained.strategy != "prompt-engineering")
        #expect(caveats(trained).contains { $0.contains("training, validation and test data examined for bias and gaps, Art. 10") })
    }

    /// Rubric 3.11 (fresh-eyes review 33): decisions about people are flagged whatever the
    /// output, a trained model is tested for the biases of past decisions, many labels are
    /// counted per label, and open weights run in-house are said to be work of their own.
    @Test func peopleLabelsAndOpenWeightsGetTheirCaveats() throws {
        let grader = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months", "explainability": "required",
            "output-style": "custom", "prompting-status": "plateaued",
        ])
        #expect(grader.strategy == "fine-tuning")
        #expect(caveats(grader).contains { $0.hasPrefix("Where the outputs decide about people") && $0.contains("learns their biases") })
        let labels = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months", "output-style": "label",
            "prompting-status": "plateaued",
        ])
        #expect(caveats(labels).contains { $0.hasPrefix("With many labels, even thousands of examples can leave only a handful for some of them") })
        let onPremises = ["need": "knowledge", "data-volume": "hundreds", "budget": "moderate", "model-access": "weights"]
        #expect(caveats(try advise(onPremises)).contains { $0.hasPrefix("Running open weights yourself is much of the work") })
        #expect(!caveats(try advise(onPremises.merging(["ml-expertise": "none"]) { $1 })).contains { $0.hasPrefix("Running open weights yourself") })
    }

    /// A small collection stays in the prompt even where it changes daily, rebuilt from the
    /// current source, whether requests need it whole or a snippet at a time.
    @Test func aSmallCollectionStaysInThePromptThoughItChangesDaily() throws {
        let daily = ["need": "knowledge", "data-volume": "few", "budget": "minimal", "transience": "frequent", "knowledge-size": "small"]
        let whole = try advise(daily.merging(["context-size": "corpus"]) { $1 })
        #expect(whole.variants.first { $0.variant == "retrieval" }?.choice == "in-context")
        #expect(caveats(whole).contains { $0.hasPrefix("The collection changes daily or faster") })
        let snippets = try advise(daily.merging(["context-size": "snippet"]) { $1 })
        #expect(snippets.variants.first { $0.variant == "retrieval" }?.choice == "in-context")
    }

    /// Rubric 3.13 (fresh-eyes review 34): a tuned model with critical consistency still has
    /// every output checked, and a hybrid with the collection in its prompt counts it in every
    /// training example.
    @Test func trainedPlansCheckOutputsAndCountTheCollection() throws {
        let critical = try advise([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months", "prompting-status": "plateaued",
        ])
        #expect(critical.strategy == "fine-tuning")
        #expect(caveats(critical).contains { $0.hasPrefix("Consistency is critical: a tuned model still samples") })
        let hybrid = try advise([
            "need": "both", "data-volume": "thousands", "budget": "substantial", "time-to-market": "months", "prompting-status": "plateaued",
            "knowledge-size": "small",
        ])
        #expect(hybrid.strategy == "hybrid")
        #expect(caveats(hybrid).contains { $0.hasPrefix("Where the whole collection is in the prompt, every training example carries it") })
    }
    /// Knowledge size unanswered: retrieval is picked, and the report says what answering it
    /// could change (a small collection goes whole into a cached prompt); answered, it does not.
    @Test func retrievalPickedWithoutAKnowledgeSizeSaysSo() throws {
        let knowledge = ["need": "knowledge", "data-volume": "none", "budget": "moderate"]
        let unanswered = try advise(knowledge)
        #expect(unanswered.variants.first { $0.variant == "retrieval" }?.choice == "rag")
        #expect(caveats(unanswered).first { $0.hasPrefix("Retrieval here assumes a collection larger than one prompt") } != nil)
        for size in ["small", "large"] {
            #expect(!caveats(try advise(knowledge.merging(["knowledge-size": size]) { $1 })).contains { $0.hasPrefix("Retrieval here assumes") })
        }
        // Role-based access keeps a collection out of one shared prompt, so there is nothing to ask.
        #expect(!caveats(try advise(knowledge.merging(["governance": "role-based"]) { $1 })).contains { $0.hasPrefix("Retrieval here assumes") })
    }

    /// Review 57: a sub-1B model's label task ships its classifier before any prompt work; live
    /// values come from the system of record before an index; prompted retrieval at high
    /// traffic hears how to keep each call small; data is curated while prompting improves.
    @Test func theFirstStepFitsWhatTheTeamHas() throws {
        let labels = ["need": "behavior", "data-volume": "thousands", "budget": "minimal", "output-style": "label", "model-access": "weights"]
        let small = steps(try advise(labels.merging(["model-size": "small"]) { $1 }))
        let template = try #require(small.firstIndex { $0.hasPrefix("Write a prompt template") })
        #expect(
            small.firstIndex {
                $0.hasPrefix("A model under about a billion parameters follows written instructions less reliably, so ship a classifier first")
            }
            .map { $0 < template } == true)
        #expect(!steps(try advise(labels.merging(["model-size": "large"]) { $1 })).contains { $0.hasPrefix("A model under about a billion") })
        let live = try advise(["need": "knowledge", "data-volume": "none", "budget": "moderate", "transience": "frequent", "ml-expertise": "none"])
        let liveSteps = steps(live)
        let tool = try #require(liveSteps.firstIndex { $0.hasPrefix("For live values") })
        #expect(liveSteps.firstIndex { $0.hasPrefix("Start from a managed retrieval service") }.map { tool < $0 } == true)
        let busy = try advise(["need": "knowledge", "data-volume": "none", "budget": "moderate", "query-volume": "high"])
        #expect(caveats(busy).contains { $0.hasPrefix("At high volume every call pays again for its instructions and retrieved passages") })
        let improving = try advise(["need": "behavior", "data-volume": "hundreds", "budget": "moderate", "prompting-status": "improving"])
        #expect(steps(improving).contains { $0.hasPrefix("While prompting still improves, curate the labelled pairs") })
    }
}

/// Reinforcement's lessons of 2025 and retrieved labels (rubric 3.22, review 47).
struct ReinforcementAndRetrievedLabelNotesTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

    /// The mathematics-and-code case graded by tests: reinforcement trains on prompts the model
    /// passes some of the time and watches pass@k and length; a model of up to ten billion
    /// parameters hears that distilling a stronger reasoner comes first, a large one does not.
    @Test func reinforcementCarriesTheLessonsOf2025() throws {
        let graded = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
            "time-to-market": "months", "consistency": "important", "training-signal": "graders", "model-access": "weights",
            "ml-expertise": "strong", "prompting-status": "plateaued",
        ]
        let medium = try advisor.advise(Answers(graded.merging(["model-size": "medium"]) { $1 }))
        #expect(medium.variants.contains { $0.choice == "reinforcement" })
        let run = try #require(medium.nextSteps.first { $0.text.hasPrefix("Run it as a reinforcement job") })
        #expect(run.text.contains("always or never passes teach it nothing"))
        #expect(run.source?.contains("yu-2025") == true && run.source?.contains("yue-2025") == true)
        #expect(medium.caveats.contains { $0.text.hasPrefix("For a model of up to about ten billion parameters") })
        let large = try advisor.advise(Answers(graded.merging(["model-size": "large"]) { $1 }))
        #expect(!large.caveats.contains { $0.text.hasPrefix("For a model of up to about ten billion parameters") })
    }

    /// Labels drawn from retrieved policy are grounded and logged, not told to quote passages
    /// in an output that is one word.
    @Test func aRetrievedLabelIsGroundedNotCited() throws {
        let situation = [
            "need": "both", "data-volume": "thousands", "transience": "frequent", "governance": "confidential", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "critical", "model-access": "api",
        ]
        let labels = try advisor.advise(Answers(situation.merging(["output-style": "label"]) { $1 }))
        let texts = labels.nextSteps.map(\.text)
        #expect(texts.contains { $0.hasPrefix("Have the model choose its label from the retrieved passages only") }, "\(texts)")
        #expect(!texts.contains { $0.hasPrefix("Instruct the model to answer only from the retrieved passages") })
        let prose = try advisor.advise(Answers(situation.merging(["output-style": "custom"]) { $1 }))
        #expect(prose.nextSteps.contains { $0.text.hasPrefix("Instruct the model to answer only from the retrieved passages") })
    }
}
