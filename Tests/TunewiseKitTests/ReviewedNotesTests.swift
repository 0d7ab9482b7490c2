import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// Graders of labels, changing schemas, variety and points (rubric 3.23, review 48).
struct GraderSchemaAndVarietyNotesTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())
    let graded = [
        "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
        "time-to-market": "months", "consistency": "critical", "training-signal": "graders", "model-access": "api-tuning",
        "prompting-status": "plateaued",
    ]

    /// A grader that checks a label is an answer key: the labels are tuned on directly, not
    /// reinforced; free text with the same grader is still reinforced, and told that a
    /// final-answer grader leaves the working ungraded.
    @Test func aLabelsGraderIsAnAnswerKey() throws {
        let labels = try advisor.advise(Answers(graded.merging(["output-style": "label"]) { $1 }))
        #expect(labels.strategy == "fine-tuning")
        #expect(labels.variants.first { $0.variant == "training" }?.choice == "supervised")
        let prose = try advisor.advise(Answers(graded.merging(["output-style": "custom"]) { $1 }))
        #expect(prose.variants.first { $0.variant == "training" }?.choice == "reinforcement")
        #expect(prose.caveats.contains { $0.text.hasPrefix("A grader that checks only the final answer rewards any path to it") })
        let runTime = try #require(prose.nextSteps.first { $0.text.hasPrefix("Then, before any training run, use the grader's checks") })
        #expect(runTime.text.contains("cannot run in production"))
    }

    /// A grader with under a hundred prompts: the few-examples gate keeps training out (the
    /// contract), and the first steps grow the prompt set, with a test split, for a
    /// reinforcement pilot; with thousands, no such step.
    @Test func aGraderWithFewPromptsGrowsThePromptSetFirst() throws {
        let few = try advisor.advise(Answers(graded.merging(["data-volume": "few", "model-access": "weights", "ml-expertise": "strong"]) { $1 }))
        #expect(few.strategy == "prompt-engineering")
        #expect(few.decidedBy.contains("few-examples"))
        let step = try #require(few.nextSteps.first { $0.text.hasPrefix("With a grader and under a hundred prompts") })
        #expect(step.text.contains("keep a fifth of them aside as a test split"))
        let many = try advisor.advise(Answers(graded))
        #expect(!many.nextSteps.contains { $0.text.hasPrefix("With a grader and under a hundred prompts") })
    }

    /// A schema that changes travels in every example and request; variety welcome is measured.
    @Test func trainedPlansKeepChangingSchemasInTheInputAndMeasureVariety() throws {
        let base = [
            "need": "behavior", "data-volume": "thousands", "governance": "open", "budget": "moderate", "time-to-market": "months",
            "model-access": "api-tuning", "prompting-status": "plateaued",
        ]
        let sql = try advisor.advise(
            Answers(base.merging(["output-style": "structured", "transience": "periodic", "consistency": "critical"]) { $1 }))
        #expect(sql.caveats.contains { $0.text.hasPrefix("Where the structure the output must follow changes") })
        let fixed = try advisor.advise(
            Answers(base.merging(["output-style": "structured", "transience": "static", "consistency": "critical"]) { $1 }))
        #expect(!fixed.caveats.contains { $0.text.hasPrefix("Where the structure the output must follow changes") })
        let copy = try advisor.advise(Answers(base.merging(["output-style": "custom", "transience": "static", "consistency": "flexible"]) { $1 }))
        #expect(copy.strategy == "fine-tuning")
        #expect(copy.caveats.contains { $0.text.hasPrefix("Tuning narrows variety") })
    }

    @Test func aScoreDifferenceOfOneIsOnePoint() {
        #expect(pointsPhrase(1) == "1 point")
        #expect(pointsPhrase(-1) == "-1 point")
        #expect(pointsPhrase(2.5) == "2.5 points")
        #expect(pointsPhrase(0) == "0 points")
    }
}

/// Whole-collection requests, distillation before reinforcement and small leads (rubric 3.24, review 49).
struct CollectionDistillationAndLeadNotesTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

    /// Requests over a whole large collection are a step of the plan with a test of their own,
    /// not only a caveat; a collection searched passage by passage gets no such step.
    @Test func wholeCollectionRequestsHaveAStepOfTheirOwn() throws {
        let knowledge = [
            "need": "knowledge", "data-volume": "hundreds", "transience": "periodic", "governance": "confidential", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "knowledge-size": "large",
        ]
        let step = "Requests over the whole collection"
        let corpus = try advisor.advise(Answers(knowledge.merging(["context-size": "corpus"]) { $1 }))
        #expect(corpus.nextSteps.contains { $0.text.hasPrefix(step) })
        let passages = try advisor.advise(Answers(knowledge.merging(["context-size": "documents"]) { $1 }))
        #expect(!passages.nextSteps.contains { $0.text.hasPrefix(step) })
    }

    /// A grader with a model of up to 10B: the plan's own label says supervised first, a step
    /// distils a stronger model's passing solutions before reinforcement, and a team that has
    /// not trained by reinforcement on open weights is told what that stage takes.
    @Test func reinforcementOnASmallModelStartsWithDistillation() throws {
        let graded = [
            "need": "behavior", "data-volume": "hundreds", "transience": "periodic", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "training-signal": "graders", "output-style": "custom",
            "model-access": "weights", "ml-expertise": "some", "prompting-status": "plateaued",
        ]
        let medium = try advisor.advise(Answers(graded.merging(["model-size": "medium"]) { $1 }))
        let training = try #require(medium.variants.first { $0.variant == "training" })
        #expect(training.choice == "reinforcement" && training.choiceLabel.contains("a stronger model can write them"))
        let texts = medium.nextSteps.map(\.text)
        let distil = try #require(texts.firstIndex { $0.hasPrefix("Start with distillation") })
        let reinforce = try #require(texts.firstIndex { $0.hasPrefix("Run it as a reinforcement job") })
        #expect(distil < reinforce)
        #expect(medium.caveats.contains { $0.text.hasPrefix("Running reinforcement on open weights yourself") })
        let large = try advisor.advise(Answers(graded.merging(["model-size": "large", "ml-expertise": "strong"]) { $1 }))
        #expect(!large.nextSteps.contains { $0.text.hasPrefix("Start with distillation") })
        #expect(!large.caveats.contains { $0.text.hasPrefix("Running reinforcement on open weights yourself") })
    }

    /// A prompted model that meets the bar at low traffic: nothing favours training, and a
    /// lead of a fraction of a point is no risk (where a medium lead would be one).
    @Test func aFractionOfAPointIsNoLeanToTraining() throws {
        let meetsBar = try advisor.advise(
            Answers([
                "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                "time-to-market": "months", "consistency": "critical", "prompting-status": "meets-bar", "query-volume": "low",
                "model-access": "api-tuning", "model-size": "large", "output-style": "label",
            ]))
        #expect(meetsBar.strategy == "prompt-engineering")
        // The premise: fine-tuning outscores prompting yet is ruled out now, and the plan moves to it.
        try #require(meetsBar.plan.dropFirst().contains { $0.strategy == "fine-tuning" })
        let score = { (id: String) in meetsBar.ranking.first { $0.strategy == id }?.score ?? 0 }
        let lead = score("fine-tuning") - score("prompt-engineering")
        #expect(lead > 0 && lead < BuiltInRubric.load().confidence.medium, "\(lead)")
        #expect(!meetsBar.risks.contains { $0.kind == .overruled })
    }
}

/// A system that meets the bar is kept, not rebuilt; a label's grader explains itself (rubric 3.25, review 50).
struct WorkingSystemAndLabelGraderNotesTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

    /// A retrieval system that meets the bar is frozen and measured, not re-chunked, re-prompted
    /// or its retriever re-tuned; what distilling means where the facts stay in the index.
    @Test func aRetrievalSystemThatMeetsTheBarIsNotRebuilt() throws {
        let knowledge = [
            "need": "knowledge", "data-volume": "hundreds", "transience": "periodic", "governance": "confidential", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "important", "knowledge-size": "large", "query-volume": "high",
        ]
        let rebuilding = [
            "Whether the index is a managed service's or your own", "Instruct the model to answer only",
            "With hundreds or thousands of labelled questions",
        ]
        let meetsBar = try advisor.advise(Answers(knowledge.merging(["prompting-status": "meets-bar"]) { $1 }))
        let steps = meetsBar.nextSteps.map(\.text)
        #expect(steps.contains { $0.hasPrefix("Freeze the prompt that meets the bar") })
        #expect(!steps.contains { step in rebuilding.contains { step.hasPrefix($0) } }, "\(steps)")
        #expect(meetsBar.caveats.contains { $0.text.hasPrefix("The prompted system already meets the bar") })
        #expect(!meetsBar.caveats.contains { $0.text.hasPrefix("The prompted model already meets the bar") })
        let building = try advisor.advise(Answers(knowledge.merging(["prompting-status": "improving"]) { $1 }))
        #expect(rebuilding.dropLast().allSatisfy { prefix in building.nextSteps.contains { $0.text.hasPrefix(prefix) } })
    }

    /// A model under a billion parameters reads a small collection through an index: its
    /// short context and weak use of long prompts rule out sending the collection whole.
    @Test func aSmallModelReadsASmallCollectionThroughAnIndex() throws {
        let small = [
            "need": "knowledge", "data-volume": "hundreds", "transience": "periodic", "governance": "open", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "important", "knowledge-size": "small", "model-access": "weights",
        ]
        let retrieval = { (size: String) in
            try self.advisor.advise(Answers(small.merging(["model-size": size]) { $1 })).variants.first { $0.variant == "retrieval" }?.choice
        }
        #expect(try retrieval("small") == "rag")
        #expect(try retrieval("large") == "in-context")
    }

    /// Graders of labels: the plan tunes on the labels and a step says why and how; a team
    /// that already tunes through a hosted service is not told to use one.
    @Test func aLabelGraderSaysWhyTheTuningIsSupervised() throws {
        let labels = try advisor.advise(
            Answers([
                "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "moderate",
                "time-to-market": "weeks", "consistency": "critical", "training-signal": "graders", "output-style": "label",
                "model-access": "api-tuning", "prompting-status": "plateaued", "ml-expertise": "none",
            ]))
        #expect(labels.strategy == "fine-tuning")
        #expect(labels.variants.first { $0.variant == "training" }?.choice == "supervised")
        #expect(labels.nextSteps.contains { $0.text.hasPrefix("Your grader compares each output with a reference label") })
        #expect(!labels.caveats.contains { $0.text.hasPrefix("Nobody on the team has trained a model: use a hosted tuning service") })
    }
}

/// Preference pairs are put to work wherever the plan does not train on them yet (review 50).
struct PreferencePairsAtWorkTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())
    let pairs = [
        "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
        "time-to-market": "months", "consistency": "important", "training-signal": "comparisons",
    ]

    /// Distilling a prompted model that meets the bar: the pairs pick the teacher's outputs and
    /// tune the student afterwards; prompting alone: a judge checked against them picks samples.
    @Test func pairsPickOutputsAndTuneTheStudentOrJudgeSamples() throws {
        let distil = try advisor.advise(
            Answers(pairs.merging(["prompting-status": "meets-bar", "query-volume": "high", "model-access": "api-tuning"]) { $1 }))
        #expect(distil.variants.first { $0.variant == "training" }?.choice == "distillation")
        #expect(distil.nextSteps.contains { $0.text.hasPrefix("Your preference pairs still count here") })
        let prompted = try advisor.advise(Answers(pairs.merging(["model-access": "api", "prompting-status": "plateaued"]) { $1 }))
        #expect(prompted.strategy == "prompt-engineering")
        #expect(prompted.nextSteps.contains { $0.text.hasPrefix("Put the preference pairs to work at run time as well") })
        let demonstrations = try advisor.advise(
            Answers(pairs.merging(["model-access": "api", "prompting-status": "plateaued", "training-signal": "demonstrations"]) { $1 }))
        #expect(!demonstrations.nextSteps.contains { $0.text.hasPrefix("Put the preference pairs to work at run time") })
    }
}
