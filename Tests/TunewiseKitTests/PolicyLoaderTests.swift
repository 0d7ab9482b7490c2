import Testing

@testable import TunewiseKit

/// A policy in the form of SPEC's example: facts of the organisation, an added gate, a weight
/// and a caveat.
let acmePolicy = """
    {
      "policy": "acme-llm-policy",
      "version": "1.2",
      "extends": "default",
      "answers": {"governance": "confidential"},
      "exclusions": [{"id": "no-hosted-training", "when": {"model-access": ["api-tuning"]},
                      "strategies": ["fine-tuning", "hybrid"], "reason": "Customer data never goes to a hosted training service.",
                      "source": "ACME data policy § 4"}],
      "weights": {"budget": 2},
      "caveats": [{"id": "model-risk-review", "strategies": ["fine-tuning"], "text": "Plan eight weeks for the model-risk review.",
                   "source": "ACME model-risk standard"}]
    }
    """

func loadPolicy(_ text: String) throws(RubricLoadError) -> Policy {
    let document: JSONValue
    do { document = try JSONParser.parse(Array(text.utf8)) } catch { throw .syntax(error) }
    return try PolicyLoader.load(document, onto: defaultRubric)
}

private func problems(_ text: String) -> [RubricProblem] {
    do {
        _ = try loadPolicy(text)
        return []
    } catch {
        if case .invalid(let problems) = error { return problems }
        return [RubricProblem(path: "$", message: "not JSON")]
    }
}

struct PolicyLoaderTests {
    /// Only a policy gate that holds in every situation bans a strategy for `rubric check`;
    /// one on a condition (acme's, on hosted tuning) leaves its strategies to be checked.
    @Test func aStrategyIsBannedOnlyByAGateThatHoldsEverywhere() throws {
        #expect(try loadPolicy(acmePolicy).applied(to: defaultRubric).strategiesPolicyRulesOutEverywhere.isEmpty)
        let ban = try loadPolicy(
            """
            {"policy": "no-soft-prompts", "version": "1", "exclusions": [{"id": "no-prompt-tuning",
              "when": {"need": ["knowledge", "behavior", "both"]}, "strategies": ["prompt-tuning"],
              "reason": "We do not run soft prompts.", "source": "Platform policy 1"}]}
            """)
        #expect(ban.applied(to: defaultRubric).strategiesPolicyRulesOutEverywhere == ["prompt-tuning"])
        #expect(defaultRubric.strategiesPolicyRulesOutEverywhere.isEmpty)
        // A gate that a team with its own ML skills is spared does not ban the strategy everywhere.
        let spared = try loadPolicy(
            """
            {"policy": "no-soft-prompts", "version": "1", "exclusions": [{"id": "no-prompt-tuning",
              "when": {"need": ["knowledge", "behavior", "both"]}, "unless": {"ml-expertise": ["strong"]},
              "strategies": ["prompt-tuning"], "reason": "We do not run soft prompts without an ML team.", "source": "Platform policy 1"}]}
            """)
        #expect(spared.applied(to: defaultRubric).strategiesPolicyRulesOutEverywhere.isEmpty)
    }

    @Test func aPolicyAddsToTheRubricAndNamesItself() throws {
        let policy = try loadPolicy(acmePolicy)
        let rubric = policy.applied(to: defaultRubric)
        #expect(
            rubric.policy
                == AppliedPolicy(
                    id: "acme-llm-policy", version: "1.2", answers: Answers(["governance": "confidential"]), exclusionIDs: ["no-hosted-training"],
                    weights: ["budget": 2]))
        #expect(rubric.exclusions.count == defaultRubric.exclusions.count + 1)
        #expect(rubric.exclusions.last?.id == "no-hosted-training")
        #expect(rubric.question("budget")?.weight == 2)
        #expect(rubric.strategy("fine-tuning")?.caveats.last?.text == "Plan eight weeks for the model-risk review.")
        #expect(rubric.strategy("prompt-engineering")?.caveats == defaultRubric.strategy("prompt-engineering")?.caveats)
    }

    @Test func theAddedGateDecidesTheAdvice() throws {
        let rubric = try loadPolicy(acmePolicy).applied(to: defaultRubric)
        let answers = Answers([
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential", "budget": "moderate",
            "time-to-market": "months", "consistency": "critical", "model-access": "api-tuning", "prompting-status": "plateaued",
            "output-style": "custom",
        ])
        #expect(try Advisor(rubric: defaultRubric).advise(answers).strategy == "fine-tuning")
        let advice = try Advisor(rubric: rubric).advise(answers)
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.decidedBy.contains("no-hosted-training"))
    }

    /// A policy cannot put points on an option, so its own rule may hold on one answer; a
    /// rubric's rule still needs two questions.
    @Test func aPolicyRuleMayHoldOnOneAnswer() throws {
        let policy = try loadPolicy(
            #"""
            {"policy": "p", "version": "1", "rules": [{"id": "own-gpus", "when": {"model-access": ["weights"]},
              "points": {"fine-tuning": 2}, "reason": "We serve tuned models on our own GPU pool.", "source": "Platform handbook"}]}
            """#)
        let rubric = policy.applied(to: defaultRubric)
        let answers = Answers([
            "need": "behavior", "data-volume": "hundreds", "transience": "static", "governance": "open", "budget": "moderate",
            "time-to-market": "months", "consistency": "important", "model-access": "weights",
        ])
        let before = try Advisor(rubric: defaultRubric).advise(answers).ranking.first { $0.strategy == "fine-tuning" }!.score
        let after = try Advisor(rubric: rubric).advise(answers).ranking.first { $0.strategy == "fine-tuning" }!.score
        #expect(after == before + 2)
        var builder = TestRubric()
        builder.rules = [.init(id: "one", when: ["budget": ["minimal"]], points: ["hybrid": 1])]
        #expect(throws: RubricLoadError.self) { try builder.load() }
    }

    @Test func aBuiltInGateMayBeRewordedButNotNarrowed() throws {
        let reworded = try loadPolicy(
            """
            {"policy": "p", "version": "1", "exclusions": [{"id": "ship-in-days", "reason": "Our release train leaves no time to train.", "source": "Release handbook"}]}
            """
        ).applied(to: defaultRubric)
        let gate = try #require(reworded.exclusions.first { $0.id == "ship-in-days" })
        #expect(gate.citation.reason == "Our release train leaves no time to train.")
        #expect(gate.when == defaultRubric.exclusions.first { $0.id == "ship-in-days" }?.when)

        #expect(
            problems(
                """
                {"policy": "p", "version": "1", "exclusions": [{"id": "ship-in-days", "when": {"time-to-market": ["weeks"]}, "strategies": ["hybrid"], "reason": "Narrower.", "source": "x"}]}
                """
            ).map(\.path) == ["$.exclusions[0].when", "$.exclusions[0].strategies"])
        #expect(
            problems(
                """
                {"policy": "p", "version": "1", "rules": [{"id": "plateau-with-data", "when": {"budget": ["minimal"]}, "reason": "Changed.", "source": "x"}]}
                """
            ).map(\.path) == ["$.rules[0].when"])
    }

    @Test func everyProblemHasItsPath() {
        let found = problems(
            """
            {"policy": "p", "version": "1", "answers": {"governanse": "open", "budget": "lavish"}, "weights": {"budget": -1},
             "caveats": [{"id": "c", "strategies": ["fine-tune"], "text": "t"}], "colour": 1}
            """)
        #expect(
            found.map(\.path) == ["$.colour", "$.answers.governanse", "$.answers.budget", "$.weights.budget", "$.caveats[0].strategies[0]"],
            "\(found)")
    }

    @Test func gatesThatLeaveNoStrategyAreRefused() {
        let found = problems(
            """
            {"policy": "p", "version": "1", "exclusions": [{"id": "never", "when": {"need": ["behavior"]},
             "strategies": ["prompt-engineering", "prompt-tuning", "fine-tuning", "hybrid"], "reason": "No reason at all here.", "source": "x"}]}
            """)
        #expect(found.map(\.path) == ["$.exclusions"])
    }

    @Test func aDocumentIsAPolicyWhenItNamesOne() throws {
        #expect(PolicyLoader.isPolicy(try JSONParser.parse(Array(acmePolicy.utf8))))
        #expect(!PolicyLoader.isPolicy(try JSONParser.parse(Array("{\"id\": \"default\"}".utf8))))
        #expect(PolicyLoader.extends(try JSONParser.parse(Array("{\"extends\": \"team.json\"}".utf8))) == "team.json")
        #expect(PolicyLoader.extends(try JSONParser.parse(Array("{}".utf8))) == "default")
    }
}

/// The rubric written as a document loads back as the same rubric, with a policy's additions
/// as its own.
struct RubricDocumentTests {
    @Test func theDefaultRubricRoundTrips() throws {
        let reloaded = try RubricLoader.load(JSONWriter.write(defaultRubric.document).utf8)
        #expect(reloaded == defaultRubric)
    }

    @Test func aRubricWithAPolicyRoundTripsAsItsEffectiveRubric() throws {
        var effective = try loadPolicy(acmePolicy).applied(to: defaultRubric)
        let reloaded = try RubricLoader.load(JSONWriter.write(effective.document).utf8)
        effective.policy = nil
        #expect(reloaded == effective)
        #expect(reloaded.exclusions.contains { $0.id == "no-hosted-training" })
    }
}
