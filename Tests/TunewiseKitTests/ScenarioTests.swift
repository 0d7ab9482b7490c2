import Testing
@testable import TunewiseKit

/// A situation one of the source articles describes, and the advice the article argues for.
struct Scenario: CustomTestStringConvertible, Sendable {
    var name: String
    var answers: [String: String]
    var strategy: String
    /// The retrieval or tuning-method choice the advice should carry, if any.
    var variant: String?

    var testDescription: String { name }
}

let scenarios: [Scenario] = [
    Scenario(
        name: "IBM: a flower shop with a few example descriptions prompts with a template",
        answers: ["data-volume": "few", "transience": "static", "governance": "open", "budget": "minimal",
                  "time-to-market": "days", "consistency": "important"],
        strategy: "prompt-engineering", variant: "prompt-only"),
    Scenario(
        name: "IBM: a law firm with thousands of its own case files fine-tunes",
        answers: ["data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "substantial",
                  "time-to-market": "months", "consistency": "critical", "specialization": "niche"],
        strategy: "fine-tuning", variant: "peft"),
    Scenario(
        name: "NILG: knowledge that changes daily is retrieved, not trained in",
        answers: ["data-volume": "thousands", "transience": "frequent", "governance": "open", "budget": "moderate",
                  "time-to-market": "weeks", "consistency": "important"],
        strategy: "prompt-engineering", variant: "rag"),
    Scenario(
        name: "NILG: role-based access is filtered at retrieval time",
        answers: ["data-volume": "thousands", "transience": "periodic", "governance": "role-based", "budget": "moderate",
                  "time-to-market": "weeks", "consistency": "important"],
        strategy: "prompt-engineering", variant: "rag"),
    Scenario(
        name: "NILG: an MVP that must ship in days starts with prompts",
        answers: ["data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
                  "time-to-market": "days", "consistency": "flexible"],
        strategy: "prompt-engineering"),
    Scenario(
        name: "NILG: a whole book of background per request is trained in",
        answers: ["data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                  "time-to-market": "months", "consistency": "important", "context-size": "corpus"],
        strategy: "fine-tuning"),
    Scenario(
        name: "002: drafting patent applications in their own format fine-tunes",
        answers: ["data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "substantial",
                  "time-to-market": "months", "consistency": "critical", "specialization": "niche", "output-style": "custom"],
        strategy: "fine-tuning"),
    Scenario(
        name: "002: prompting that has plateaued moves on to fine-tuning",
        answers: ["data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
                  "time-to-market": "months", "consistency": "critical", "prompting-status": "plateaued"],
        strategy: "fine-tuning"),
    Scenario(
        name: "002: a niche domain with fresh facts fine-tunes the foundation and retrieves the news",
        answers: ["data-volume": "thousands", "transience": "frequent", "governance": "confidential", "budget": "substantial",
                  "time-to-market": "months", "consistency": "critical", "specialization": "niche", "output-style": "custom"],
        strategy: "hybrid", variant: "rag"),
    Scenario(
        name: "003: open weights of a large model and many tasks suit prompt-tuning",
        answers: ["data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
                  "time-to-market": "weeks", "consistency": "important", "model-access": "weights", "model-size": "large",
                  "ml-expertise": "strong", "task-diversity": "many", "explainability": "no"],
        strategy: "prompt-tuning"),
    Scenario(
        name: "UbiOps: frequently changing data with little of it is not fine-tuned",
        answers: ["data-volume": "few", "transience": "frequent", "governance": "open", "budget": "moderate",
                  "time-to-market": "weeks", "consistency": "important"],
        strategy: "prompt-engineering", variant: "rag"),
    Scenario(
        name: "UbiOps: with no domain data, even a rich team with critical needs prompts",
        answers: ["data-volume": "none", "transience": "static", "governance": "open", "budget": "substantial",
                  "time-to-market": "months", "consistency": "critical", "specialization": "niche", "ml-expertise": "strong"],
        strategy: "prompt-engineering"),
    Scenario(
        name: "003: a hosted model without tuning can only be prompted",
        answers: ["data-volume": "thousands", "transience": "static", "governance": "open", "budget": "substantial",
                  "time-to-market": "months", "consistency": "critical", "model-access": "api", "specialization": "niche"],
        strategy: "prompt-engineering"),
]

struct ScenarioTests {
    @Test(arguments: scenarios)
    func givesTheAdviceTheArticleArguesFor(_ scenario: Scenario) throws {
        let advice = try Advisor(rubric: defaultRubric).advise(Answers(scenario.answers))
        #expect(advice.strategy == scenario.strategy)
        if let variant = scenario.variant {
            #expect(advice.variants.map(\.choice).contains(variant), "\(advice.variants.map(\.choice))")
        }
        #expect(!advice.reasons.isEmpty)
        #expect(!advice.nextSteps.isEmpty)
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
    static let namedPapers = ["Lester et al. 2021", "Hu et al. 2021"]

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

    @Test func everySourceNamesAnArticleOrPaperAndALocator() {
        for citation in Self.citations {
            let named = (Self.articles + Self.namedPapers).contains { citation.source.hasPrefix($0) }
            #expect(named, "unknown source: \(citation.source)")
            #expect(citation.source.contains(" § ") || Self.namedPapers.contains { citation.source.hasPrefix($0) }, "no locator: \(citation.source)")
            #expect(citation.reason.count >= 30, "reason too short: \(citation.reason)")
        }
    }

    @Test func everyOptionExplainsItself() {
        for question in defaultRubric.questions {
            #expect(!question.help.isEmpty)
            for option in question.options {
                #expect(!option.help.isEmpty)
                #expect(option.citation != nil, "\(question.id)=\(option.id) has no reason")
            }
        }
    }
}
