import Testing

@testable import TunewiseKit

/// What gates mean for the confidence and the plan: a choice that facts of the situation leave
/// is decided by the situation, not by the team's limits; a strategy the situation rules out is no
/// risk to the first step even where a limit rules it out too; and a prompted model that meets
/// the bar at moderate traffic keeps prompting until its own prices show distilling pays back.
@Suite struct GateBasisTests {
    let advisor = Advisor(rubric: BuiltInRubric.load())

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
    @Test func aStrategyRuledOutOnPrincipleIsNoRiskEvenWhereALimitRulesItOutToo() throws {
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
        // Prompting that meets the bar is the situation, not a limit: nothing the evidence favours is held back.
        #expect(moderate.confidenceBasis == .situation)
        #expect(!moderate.risks.contains { $0.kind == .overruled })
        let high = try advisor.advise(Answers(base.merging(["query-volume": "high"]) { $1 }))
        #expect(high.strategy == "fine-tuning")
        #expect(high.variants.map(\.choice).contains("distillation"))
    }
}
