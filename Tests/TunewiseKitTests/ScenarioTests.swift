import Testing

@testable import TunewiseKit

/// A realistic situation drawn from an article or a vendor guide, and the advice a
/// practitioner would sign: what to do now, the plan, and the gates that decide it.
struct Scenario: CustomTestStringConvertible, Sendable {
    /// What the team is building, and where the expected advice comes from.
    var name: String
    var answers: [String: String]
    /// The plan's strategies in order; the first is the recommendation.
    var plan: [String]
    /// The gates expected in `decidedBy`, in rubric order.
    var decidedBy: [String] = []
    /// Variant choices the recommendation must carry (`rag`, `none`, `peft`, `full`).
    var variants: [String] = []

    var testDescription: String { name }
}

private let core = ["transience": "static", "governance": "open", "budget": "moderate", "time-to-market": "months", "consistency": "important"]

private func situation(_ answers: [String: String]) -> [String: String] {
    core.merging(answers) { _, new in new }
}

/// Many tasks on one large open model, thousands of pairs, a strong team and prompting plateaued.
private let manyTasksOnALargeOpenModel = situation([
    "need": "behavior", "data-volume": "thousands", "time-to-market": "weeks", "model-access": "weights",
    "model-size": "large", "ml-expertise": "strong", "task-diversity": "many", "explainability": "no",
    "prompting-status": "plateaued",
])

let scenarios: [Scenario] = [
    Scenario(
        name: "000 (When to use prompt engineering): a flower shop with a few descriptions, no budget, due in days, prompts a template",
        answers: situation(["need": "behavior", "data-volume": "few", "budget": "minimal", "time-to-market": "days", "consistency": "flexible"]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["few-examples", "no-training-budget", "ship-in-days"], variants: ["none"]),
    Scenario(
        name: "000 (When to use fine-tuning): a law firm extracting fields from thousands of labelled case files fine-tunes",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "governance": "confidential", "budget": "substantial",
            "consistency": "critical", "specialization": "niche", "output-style": "custom",
            "prompting-status": "plateaued", "model-access": "api-tuning",
        ]),
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name:
            "000 (Conclusion) and SPEC: the same law firm before trying prompts, thousands of pairs at hand, measures a prompted baseline first and tunes once it falls short",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "governance": "confidential", "budget": "substantial",
            "consistency": "critical", "specialization": "niche", "output-style": "custom",
            "prompting-status": "not-tried", "model-access": "api-tuning",
        ]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["prompt-first"]),
    Scenario(
        name: "Azure, OpenAI guides and ovadia-2023: an FAQ bot over a static product manual retrieves, it does not fine-tune",
        answers: situation(["need": "knowledge", "data-volume": "none"]),
        plan: ["prompt-engineering"], decidedBy: ["no-behaviour-to-train", "knowledge-in-retrieval", "no-examples"], variants: ["rag"]),
    Scenario(
        name: "ovadia-2023: a knowledge bot stays on retrieval even with thousands of labelled questions",
        answers: situation(["need": "knowledge", "data-volume": "thousands"]),
        plan: ["prompt-engineering"], decidedBy: ["no-behaviour-to-train", "knowledge-in-retrieval"], variants: ["rag"]),
    Scenario(
        name: "001 (Information Transience): a news assistant over daily-changing facts retrieves",
        answers: situation(["need": "knowledge", "data-volume": "hundreds", "transience": "frequent", "time-to-market": "weeks"]),
        plan: ["prompt-engineering"], decidedBy: ["no-behaviour-to-train", "knowledge-in-retrieval"], variants: ["rag"]),
    Scenario(
        name: "001 (Data Governance): an HR assistant with role-based access filters at retrieval",
        answers: situation([
            "need": "knowledge", "data-volume": "thousands", "transience": "periodic", "governance": "role-based",
            "time-to-market": "weeks",
        ]),
        plan: ["prompt-engineering"], decidedBy: ["no-behaviour-to-train", "knowledge-in-retrieval"],
        variants: ["rag"]),
    Scenario(
        name: "001 (Data Governance): role-restricted facts plus a house style stay in retrieval beside a tuned model",
        answers: situation([
            "need": "both", "data-volume": "thousands", "governance": "role-based", "budget": "substantial",
            "consistency": "critical", "output-style": "custom", "prompting-status": "plateaued",
        ]),
        plan: ["hybrid"], variants: ["peft", "rag"]),
    Scenario(
        name: "001 (Time to Market): an MVP due in days with thousands of examples prompts now and fine-tunes once it ships",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "time-to-market": "days",
            "consistency": "critical",
        ]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["ship-in-days"]),
    Scenario(
        name: "002 (Achieving Deep Domain Expertise): a patent drafter in its own format, prompting plateaued, fine-tunes",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "governance": "confidential", "budget": "substantial",
            "consistency": "critical", "specialization": "niche", "output-style": "custom", "prompting-status": "plateaued",
        ]),
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name: "002 (When Prompt Engineering Reaches Its Limits): a plateaued classifier with hundreds of pairs fine-tunes",
        answers: situation(["need": "behavior", "data-volume": "hundreds", "consistency": "critical", "prompting-status": "plateaued"]),
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name: "002 (The Hybrid Approach) and balaguer-2024: a niche support bot with fresh facts and a house format combines both",
        answers: situation([
            "need": "both", "data-volume": "thousands", "transience": "frequent", "governance": "confidential",
            "budget": "substantial", "consistency": "critical", "specialization": "niche", "output-style": "custom",
            "prompting-status": "plateaued", "model-access": "api-tuning",
        ]),
        plan: ["hybrid"], variants: ["peft", "rag"]),
    Scenario(
        name: "lester-2021 and hu-2021: many tasks on one large open model train per-task adapters, close behind soft prompts",
        answers: manyTasksOnALargeOpenModel,
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name: "004 (Challenges of fine-tuning): little data that changes daily is retrieved, not trained",
        answers: situation(["need": "knowledge", "data-volume": "few", "transience": "frequent", "time-to-market": "weeks"]),
        plan: ["prompt-engineering"], decidedBy: ["no-behaviour-to-train", "knowledge-in-retrieval", "few-examples"], variants: ["rag"]),
    Scenario(
        name: "004 (Challenges of fine-tuning): no labelled examples prompts now, even for a rich team with a niche behaviour",
        answers: situation([
            "need": "behavior", "data-volume": "none", "budget": "substantial", "consistency": "critical",
            "specialization": "niche", "ml-expertise": "strong",
        ]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["no-examples"]),
    Scenario(
        name: "003 (Comparison): a hosted model without tuning can only be prompted, until the team can tune one",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "consistency": "critical",
            "model-access": "api", "specialization": "niche",
        ]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["hosted-api-without-tuning"]),
    Scenario(
        name: "002 (Iterative Refinement with Both Methods): facts plus a house style due in weeks on open weights ship retrieval first, then tune",
        answers: situation([
            "need": "both", "data-volume": "thousands", "transience": "periodic", "budget": "substantial",
            "time-to-market": "weeks", "consistency": "critical", "output-style": "custom", "prompting-status": "plateaued",
            "model-access": "weights", "ml-expertise": "some",
        ]),
        plan: ["prompt-engineering", "hybrid"], decidedBy: ["two-systems-need-time", "knowledge-in-retrieval"], variants: ["rag"]),
    Scenario(
        name: "001 (Time to Market): a team that trains and serves models builds the index and the adapter together in weeks",
        answers: situation([
            "need": "both", "data-volume": "thousands", "transience": "periodic", "budget": "substantial",
            "time-to-market": "weeks", "consistency": "critical", "output-style": "custom", "prompting-status": "plateaued",
            "model-access": "weights", "ml-expertise": "strong",
        ]),
        plan: ["hybrid"], variants: ["rag"]),
    Scenario(
        name: "anthropic-prompt-caching: with a small collection whole in the prompt there is no index to build, so weeks leave room to tune",
        answers: situation([
            "need": "both", "data-volume": "thousands", "transience": "periodic", "budget": "moderate",
            "time-to-market": "weeks", "consistency": "important", "prompting-status": "plateaued",
            "model-access": "weights", "ml-expertise": "some", "knowledge-size": "small",
        ]),
        plan: ["hybrid"], variants: ["in-context"]),
    Scenario(
        name: "000 (When to use prompt engineering), dettmers-2023: no training budget keeps even a data-rich team on prompts until one is approved",
        answers: situation(["need": "behavior", "data-volume": "thousands", "budget": "minimal", "consistency": "critical"]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["no-training-budget"]),
    Scenario(
        name: "openai-fine-tuning: a tone-and-format job with under a hundred examples prompts until it has a few hundred pairs",
        answers: situation([
            "need": "behavior", "data-volume": "few", "consistency": "critical", "output-style": "custom",
            "prompting-status": "plateaued", "model-access": "api-tuning",
        ]),
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["few-examples"]),
    Scenario(
        name: "hu-2021: a strong team with open weights of a small model and thousands of pairs for one task can afford full fine-tuning",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "consistency": "critical",
            "model-access": "weights", "model-size": "small", "ml-expertise": "strong", "prompting-status": "plateaued",
            "task-diversity": "one",
        ]),
        plan: ["fine-tuning"], variants: ["full"]),
    Scenario(
        name: "hu-2021: on a model above ten billion parameters the same team trains LoRA adapters",
        answers: situation([
            "need": "behavior", "data-volume": "thousands", "budget": "substantial", "consistency": "critical",
            "model-access": "weights", "model-size": "large", "ml-expertise": "strong", "prompting-status": "plateaued",
        ]),
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name: "google-vertex-tuning: hundreds of examples on a hosted model with tuning, prompting plateaued, fine-tunes",
        answers: situation([
            "need": "behavior", "data-volume": "hundreds", "consistency": "critical", "model-access": "api-tuning",
            "prompting-status": "plateaued",
        ]),
        plan: ["fine-tuning"], variants: ["peft"]),
    Scenario(
        name: "002 (Maintaining Model Versatility): a general assistant for many tasks with flexible output prompts",
        answers: situation([
            "need": "behavior", "data-volume": "hundreds", "consistency": "flexible", "task-diversity": "many",
            "specialization": "general",
        ]),
        // How prompting went is not said: a prompted baseline comes first, and training only if it falls short.
        plan: ["prompt-engineering", "fine-tuning"], decidedBy: ["prompting-unmeasured"], variants: ["none"]),
]

struct ScenarioTests {
    @Test(arguments: scenarios)
    func givesTheAdviceAPractitionerWouldSign(_ scenario: Scenario) throws {
        let advice = try Advisor(rubric: defaultRubric).advise(Answers(scenario.answers))
        #expect(advice.plan.map(\.strategy) == scenario.plan)
        #expect(advice.strategy == scenario.plan.first)
        #expect(advice.decidedBy == scenario.decidedBy)
        let choices = advice.variants.map(\.choice)
        #expect(scenario.variants.allSatisfy(choices.contains), "\(choices)")
        #expect(!advice.reasons.isEmpty)
        #expect(!advice.nextSteps.isEmpty)
    }

    /// Next steps start with an evaluation plan, and follow the variants shown: a retrieval
    /// choice brings a step that builds and evaluates the index, a tuning method its own step.
    @Test(arguments: scenarios)
    func nextStepsStartWithEvaluationAndFollowTheVariants(_ scenario: Scenario) throws {
        let advice = try Advisor(rubric: defaultRubric).advise(Answers(scenario.answers))
        let first = try #require(advice.nextSteps.first).text.lowercased()
        #expect(["held-out", "test set", "bar"].contains { first.contains($0) }, "\(first)")
        let steps = advice.nextSteps.map { $0.text.lowercased() }
        if advice.variants.contains(where: { $0.choice == "rag" }) {
            #expect(steps.contains { $0.contains("index") })
            #expect(steps.contains { $0.contains("retrieval") && $0.contains("evaluate") })
        }
        if advice.variants.contains(where: { $0.choice == "full" }) {
            #expect(steps.contains { $0.contains("full fine-tuning") })
        }
        if advice.variants.contains(where: { $0.choice == "peft" }) {
            #expect(!steps.contains { $0.contains("full fine-tuning") })
        }
    }

    /// Per-task LoRA adapters served together on one base now own the many-task case that
    /// soft prompts were made for; soft prompts stay the runner-up, and the advice names
    /// multi-adapter serving.
    @Test func manyTasksOnALargeOpenModelServesAdaptersTogether() throws {
        let advice = try Advisor(rubric: defaultRubric).advise(Answers(manyTasksOnALargeOpenModel))
        #expect(advice.strategy == "fine-tuning")
        #expect(advice.runnerUp == "prompt-tuning")
        #expect(advice.nextSteps.contains { $0.text.contains("multi-adapter serving") })
    }

    @Test func everyStrategyWinsSomewhereAndPromptingWinsMostCoreSituations() throws {
        let advisor = Advisor(rubric: defaultRubric)
        var wins: [String: Int] = [:]
        for answers in everyCoreSituation { wins[try advisor.advise(answers).strategy, default: 0] += 1 }
        #expect(wins["prompt-engineering"]! > everyCoreSituation.count / 2)
        #expect(wins["fine-tuning", default: 0] > 0)
        #expect(wins["hybrid", default: 0] > 0)
    }
}

struct DefaultRubricContentTests {
    static let articles = [
        "000-ibm-community-prompt-engineering-vs-fine-tuning",
        "001-nilg-customizing-language-models",
        "002-fine-tuning-vs-prompt-engineering-when-to-use-which",
        "003-fine-tuning-prompt-engineering-prompt-tuning",
        "004-ubiops-when-to-fine-tune",
    ]
    /// Every (reason, source) pair of the rubric.
    static var citations: [Citation] {
        let rubric = defaultRubric
        return rubric.questions.flatMap { $0.options.compactMap(\.citation) }
            + rubric.rules.map(\.citation) + rubric.exclusions.map(\.citation)
            + rubric.variants.flatMap { $0.choices.map(\.citation) }
            + rubric.strategies.compactMap(\.baselineCitation)
    }

    @Test func everyArticleIsCited() {
        let sources = Self.citations.map(\.source)
        for article in Self.articles {
            #expect(sources.contains { $0.hasPrefix(article) }, "\(article) is never cited")
        }
    }

    /// Every work a source names is an entry of the rubric's references (so a report can give
    /// its title and address), an article always with a locator (`002-… § Heading`), and
    /// every reference is cited somewhere.
    @Test func everySourceNamesAReferenceAndEveryArticleALocator() {
        let references = Set(defaultRubric.references.map(\.id))
        #expect(Set(Self.articles).isSubset(of: references), "an article without a reference entry")
        var cited: Set<String> = []
        let notes =
            defaultRubric.strategies.flatMap { $0.caveats + $0.nextSteps + $0.risks }
            + defaultRubric.variants.flatMap { $0.choices.flatMap { $0.caveats + $0.nextSteps } }
        for source in Self.citations.map(\.source) + notes.compactMap(\.source) {
            for work in CitedWork.works(in: source) {
                #expect(references.contains(work.id), "not a reference: \(work.id) in \(source)")
                #expect(!Self.articles.contains(work.id) || work.locator != nil, "an article without a locator: \(source)")
                cited.insert(work.id)
            }
        }
        #expect(cited == references, "references never cited: \(references.subtracting(cited).sorted())")
        for citation in Self.citations { #expect(citation.reason.count >= 30, "reason too short: \(citation.reason)") }
    }

    @Test func everyOptionExplainsItselfAndEveryScoredOptionSaysWhy() {
        for question in defaultRubric.questions {
            #expect(!question.help.isEmpty)
            for option in question.options {
                #expect(!option.help.isEmpty)
                let scored = option.points.values.contains { $0 != 0 }
                #expect(!scored || option.citation != nil, "\(question.id)=\(option.id) has points but no reason")
            }
        }
    }
}
