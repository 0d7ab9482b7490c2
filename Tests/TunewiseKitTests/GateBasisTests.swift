import Testing

@testable import TunewiseKit

/// What gates mean for the confidence and the plan: a choice that facts of the situation leave
/// is decided by the situation, not by the team's limits; a strategy the situation rules out is no
/// risk to the first step even where a limit rules it out too; and a prompted model that meets
/// the bar at moderate traffic keeps prompting until its own prices show distilling pays back.
@Suite struct GateBasisTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

    /// With hundreds of examples and nothing said about prompting, a prompted baseline comes
    /// first, as when prompting has not been tried; answered plateaued, training is the advice.
    @Test func hundredsOfExamplesWithPromptingUnsaidMeasureABaselineFirst() throws {
        let answers = [
            "need": "behavior", "data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "flexible", "output-style": "standard",
        ]
        let unsaid = try advisor.advise(Answers(answers))
        #expect(unsaid.strategy == "prompt-engineering")
        #expect(unsaid.decidedBy == ["prompting-unmeasured"])
        #expect(unsaid.plan.map(\.strategy) == ["prompt-engineering", "fine-tuning"])
        #expect(unsaid.openQuestions.contains("prompting-status"))
        let plateaued = try advisor.advise(Answers(answers.merging(["prompting-status": "plateaued"]) { $1 }))
        #expect(!plateaued.decidedBy.contains("prompting-unmeasured"))
        let knowledge = try advisor.advise(Answers(answers.merging(["need": "knowledge"]) { $1 }))
        #expect(!knowledge.decidedBy.contains("prompting-unmeasured"), "a knowledge need has gates of its own")
    }

    /// Facts with nothing to train (knowledge that changes daily, with every resource at hand):
    /// every other strategy is ruled out by the situation itself, none by a limit the team could lift.
    @Test func aChoiceLeftByFactsAloneIsDecidedByTheSituation() throws {
        let advice = try advisor.advise(
            Answers([
                "need": "knowledge", "data-volume": "thousands", "transience": "frequent", "governance": "open", "budget": "substantial",
                "time-to-market": "months", "consistency": "important", "model-access": "weights", "ml-expertise": "strong",
            ]))
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.runnerUp == nil)
        #expect(advice.confidenceBasis == .situation)
        #expect(advice.confidence == .high)
        // A deadline in days rules them out too, but lifting it would open nothing: still the situation.
        let rushed = try advisor.advise(Answers(advice.answers.values.merging(["time-to-market": "days"]) { $1 }))
        #expect(rushed.confidenceBasis == .situation)
        // Facts and a behaviour due in days: the hybrid is ruled out by the deadline alone, so the limits decide.
        let both = try advisor.advise(Answers(advice.answers.values.merging(["time-to-market": "days", "need": "both"]) { $1 }))
        #expect(both.runnerUp == nil)
        #expect(both.ranking.first { $0.strategy == "hybrid" }?.exclusions.map(\.id) == ["ship-in-days"])
        #expect(both.confidenceBasis == .limits)
    }

    /// Fine-tuning facts into weights is ruled out by the situation (facts belong in retrieval) as
    /// well as by a model that cannot be tuned: lifting the limit would not make it an option,
    /// so the evidence for it is no risk to prompting.
    @Test func aStrategyTheSituationRulesOutIsNoRiskEvenWhereALimitRulesItOutToo() throws {
        let answers = Answers([
            "need": "both", "data-volume": "hundreds", "transience": "static", "governance": "confidential", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "critical", "model-access": "api", "prompting-status": "plateaued",
            "output-style": "label",
        ])
        let advice = try advisor.advise(answers)
        let fineTuning = try #require(advice.ranking.first { $0.strategy == "fine-tuning" })
        #expect(fineTuning.excluded)
        #expect(fineTuning.exclusions.map(\.id).contains("knowledge-in-retrieval"))
        #expect(fineTuning.exclusions.map(\.id).contains("hosted-api-without-tuning"))
        #expect(!advice.risks.contains { $0.strategy == "fine-tuning" }, "\(advice.risks.map(\.text))")
    }

    /// A prompted model that meets the bar: at moderate traffic it stays, with distilling a
    /// later stage once the team's own prices show it pays back; at high traffic, distil now.
    @Test func meetingTheBarAtModerateTrafficKeepsPromptingUntilDistillingPaysBack() throws {
        let base = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "prompting-status": "meets-bar", "model-access": "api-tuning",
        ]
        let moderate = try advisor.advise(Answers(base.merging(["query-volume": "medium"]) { $1 }))
        #expect(moderate.strategy == "prompt-engineering")
        #expect(moderate.decidedBy == ["prompting-meets-bar-at-medium-volume"])
        #expect(moderate.plan.map(\.strategy) == ["prompt-engineering", "fine-tuning"])
        #expect(moderate.plan.last?.when.contains("your own prices show a distilled model pays back") == true)
        #expect(moderate.plan.last?.variants.contains { $0.choice == "distillation" } == true)
        // Prompting that meets the bar is the situation, not a limit, and below high traffic the
        // evidence itself favours it: training cannot buy quality.
        #expect(moderate.confidenceBasis == .situation)
        #expect(!moderate.risks.contains { $0.kind == .overruled })
        #expect(moderate.confidence == .high)
        // Traffic unsaid, prompting still leads: distilling pays only at high volume.
        var unsaid = base
        unsaid["query-volume"] = nil
        #expect(try advisor.advise(Answers(unsaid)).strategy == "prompt-engineering")
        // At low traffic distilling is no step to prepare for, and the report does not suggest one.
        let low = try advisor.advise(Answers(base.merging(["query-volume": "low"]) { $1 }))
        #expect(!low.nextSteps.contains { $0.text.hasPrefix("Log the prompted model") })
        #expect(!low.caveats.contains { $0.text.contains("distilling it into a cheaper tuned model is the step") })
        #expect(moderate.caveats.contains { $0.text.contains("distilling it into a cheaper tuned model is the step") })
        let high = try advisor.advise(Answers(base.merging(["query-volume": "high"]) { $1 }))
        #expect(high.strategy == "fine-tuning")
        #expect(high.variants.map(\.choice).contains("distillation"))
    }
}

extension GateBasisTests {
    /// A behaviour's facts arrive with each request, so the rule on it takes back what their
    /// pace costs training: the answer and the rule cancel, and neither is given as a reason
    /// or a counterpoint. Weighted otherwise, they no longer cancel, and both are given.
    @Test func anAnswerAndARuleThatCancelAreLeftOutTogether() throws {
        let answers = Answers([
            "need": "behavior", "data-volume": "thousands", "transience": "periodic", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "prompting-status": "plateaued",
        ])
        func mentionsTransience(_ advice: Advice) -> Bool {
            (advice.reasons + advice.counterpoints).contains { $0.question == "transience" || $0.rule == "behaviour-with-facts-in-the-input" }
        }
        let advice = try advisor.advise(answers)
        #expect(advice.strategy == "fine-tuning")
        #expect(!mentionsTransience(advice), "\(advice.reasons + advice.counterpoints)")
        let weighted = Advisor(rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: ["transience": 3]))
        #expect(mentionsTransience(try weighted.advise(answers)))
    }

    /// In a rubric that lets thousands of examples train before prompting is tried (as the
    /// contract allows; the built-in one prompts first), the step rests on a baseline nobody
    /// has measured: never high confidence.
    @Test func trainingBeforePromptingIsTriedIsNeverHighConfidence() throws {
        var trainsFirst = defaultRubric
        trainsFirst.exclusions.removeAll { $0.id == "prompt-first" }
        let advisor = Advisor(rubric: trainsFirst)
        let base = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
            "time-to-market": "months", "consistency": "critical", "model-access": "weights", "output-style": "custom", "model-size": "small",
            "ml-expertise": "strong",
        ]
        let untried = try advisor.advise(Answers(base.merging(["prompting-status": "not-tried"]) { $1 }))
        #expect(untried.strategy == "fine-tuning")
        #expect(untried.margin >= defaultRubric.confidence.high)
        #expect(untried.restsOnAnUntriedBaseline && untried.openQuestions.isEmpty && untried.assumptions.isEmpty)
        #expect(untried.confidence == .medium)
        let plateaued = try advisor.advise(Answers(base.merging(["prompting-status": "plateaued"]) { $1 }))
        #expect(plateaued.strategy == "fine-tuning")
        #expect(!plateaued.restsOnAnUntriedBaseline)
        #expect(plateaued.confidence == .high)
        // The built-in rubric prompts first, whatever the model's size.
        #expect(try self.advisor.advise(Answers(base.merging(["prompting-status": "not-tried"]) { $1 })).strategy == "prompt-engineering")
    }

    /// Thousands of examples do not skip the prompted baseline: prompting comes first and the plan trains once it falls short, the evidence's
    /// lean to training said in the risks without making the first step less sure.
    @Test func thousandsOfExamplesStillPromptFirstOnALargerModel() throws {
        let answers = Answers([
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
            "time-to-market": "months", "consistency": "critical", "model-access": "weights", "output-style": "custom",
            "model-size": "large", "prompting-status": "not-tried",
        ])
        let advice = try advisor.advise(answers)
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.decidedBy == ["prompt-first"])
        #expect(advice.plan.map(\.strategy) == ["prompt-engineering", "fine-tuning"])
        #expect(advice.plan.last?.when.contains("falls short of your quality bar") == true)
        #expect(advice.risks.first?.kind == .overruled && advice.risks.first?.strategy == "fine-tuning")
        #expect(advice.confidence == .high && advice.confidenceBasis == .situation)
        #expect(advice.sensitivity.contains { $0.question == "prompting-status" && $0.answer == "plateaued" && $0.strategy == "fine-tuning" })
    }

    /// Prompting an open model with nobody to run it: the report says who serves it.
    @Test func anOpenModelWithNoOneToServeItSaysSo() throws {
        let answers = [
            "need": "behavior", "data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal",
            "time-to-market": "weeks", "consistency": "important", "model-access": "weights",
        ]
        let unserved = try advisor.advise(Answers(answers.merging(["ml-expertise": "none"]) { $1 }))
        #expect(unserved.strategy == "prompt-engineering")
        #expect(unserved.caveats.contains { $0.text.hasPrefix("Serving an open model yourself takes GPUs") })
        let served = try advisor.advise(Answers(answers.merging(["ml-expertise": "strong"]) { $1 }))
        #expect(!served.caveats.contains { $0.text.hasPrefix("Serving an open model yourself takes GPUs") })
    }
    /// A policy's own gate is a limit, not a fact of the situation: a policy that forbids
    /// training on candidates' CVs leaves prompting short of high confidence, names what the
    /// evidence favours, and gives no step that trains a model (a classifier of one's own included).
    @Test func aPolicysGateIsALimitAndForbidsEveryTrainingStep() throws {
        let policy = try loadPolicy(
            """
            {"policy": "hr-policy", "version": "1", "extends": "default",
             "exclusions": [{"id": "no-training-on-cvs", "when": {"output-style": ["label"]},
                             "strategies": ["prompt-tuning", "fine-tuning", "hybrid"],
                             "reason": "Candidate CVs may not be used to train models.", "source": "HR policy 2"}]}
            """)
        let answers = [
            "need": "behavior", "data-volume": "thousands", "transience": "periodic", "governance": "confidential", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "critical", "output-style": "label", "prompting-status": "plateaued",
        ]
        #expect(try advisor.advise(Answers(answers)).strategy != "prompt-engineering")
        let bound = try Advisor(rubric: policy.applied(to: BuiltInRubric.load())).advise(Answers(answers))
        #expect(bound.strategy == "prompt-engineering")
        #expect(bound.confidenceBasis == .limits)
        #expect(bound.confidence != .high)
        #expect(bound.risks.contains { $0.kind == .overruled && $0.gates == ["no-training-on-cvs"] }, "\(bound.risks.map(\.text))")
        let classifier = "With hundreds or thousands of labelled examples and a fixed set of labels, train a small classifier"
        let apiOnly = try advisor.advise(Answers(answers.merging(["model-access": "api"]) { $1 }))
        #expect(apiOnly.nextSteps.contains { $0.text.hasPrefix(classifier) }, "the step is there where no policy forbids training")
        #expect(!bound.nextSteps.contains { $0.text.hasPrefix(classifier) })
    }
    /// Weeks on open weights leave no room for an index and a tuned model together, except for
    /// a team that trains and serves models already, or where the facts are a small collection
    /// whole in the prompt (no index to build); with neither answered, the gate holds.
    @Test func twoSystemsInWeeksAreRuledOutUnlessTheTeamOrTheCollectionMakesThemOne() throws {
        let base = [
            "need": "both", "data-volume": "thousands", "transience": "periodic", "governance": "open", "budget": "substantial",
            "time-to-market": "weeks", "consistency": "critical", "model-access": "weights", "prompting-status": "plateaued",
        ]
        func gates(_ extra: [String: String]) throws -> [String] {
            let advice = try advisor.advise(Answers(base.merging(extra) { $1 }))
            return advice.ranking.first { $0.strategy == "hybrid" }?.exclusions.map(\.id) ?? []
        }
        #expect(try gates([:]) == ["two-systems-need-time"])
        #expect(try gates(["ml-expertise": "some"]) == ["two-systems-need-time"])
        #expect(try gates(["knowledge-size": "large"]) == ["two-systems-need-time"])
        #expect(try gates(["ml-expertise": "strong"]).isEmpty)
        #expect(try gates(["knowledge-size": "small", "ml-expertise": "some"]).isEmpty)
        let spared = try advisor.advise(Answers(base.merging(["ml-expertise": "strong"]) { $1 }))
        #expect(spared.strategy == "hybrid")
        #expect(!spared.decidedBy.contains("two-systems-need-time"))
    }
}

/// Whether limits alone (gates on a question the team can change) rule out some strategy of
/// `advice`'s ranking under the built-in rubric: lifting them would make it an option.
func rulesOutByLimitsAlone(_ advice: Advice) -> Bool {
    !limitedAlone(advice).isEmpty
}

/// Whether limits alone rule out a strategy that scores above the recommendation or trails it
/// by less than a medium lead: only then do the answers that favour it make a risk.
func rulesOutACloseOneByLimitsAlone(_ advice: Advice) -> Bool {
    let winner = advice.ranking.first { $0.strategy == advice.strategy }!.score
    return limitedAlone(advice).contains { winner - $0.score < defaultRubric.confidence.medium }
}

/// The strategies that limits (gates on a lever question) alone rule out.
private func limitedAlone(_ advice: Advice) -> [RankedStrategy] {
    let limits = Set(
        defaultRubric.exclusions.filter { $0.when.clauses.contains { defaultRubric.question($0.question)?.isLever == true } }.map(\.id))
    return advice.ranking.filter { $0.excluded && $0.exclusions.allSatisfy { limits.contains($0.id) } }
}
