import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

let defaultRubric = BuiltInRubric.load()

/// Every combination of the seven core answers (4 × 3^6 = 2,916), in a fixed order.
let everyCoreSituation: [Answers] = Contract.coreQuestions.reduce([Answers()]) { partial, question in
    partial.flatMap { answers in
        question.options.map { option in
            var extended = answers
            extended[question.id] = option
            return extended
        }
    }
}

/// Each strategy's score, computed straight from the rubric's definition rather than the
/// scoring table: baseline, plus weight × points of each answer, plus every rule that holds.
/// Whether every clause of `condition` names the option `answers` gives its question: the
/// plain reading of a condition, against which the compiled one is checked.
func plainlyHolds(_ condition: Condition, _ answers: Answers) -> Bool {
    condition.clauses.allSatisfy { clause in answers[clause.question].map(clause.options.contains) ?? false }
}

func referenceScores(_ rubric: Rubric, _ answers: Answers) -> [String: Double] {
    var scores: [String: Double] = [:]
    for strategy in rubric.strategies {
        var score = strategy.baseline
        for question in rubric.questions {
            guard let answer = answers[question.id], let option = question.option(answer) else { continue }
            score += question.weight * (option.points[strategy.id] ?? 0)
        }
        for rule in rubric.rules where plainlyHolds(rule.when, answers) {
            score += rule.points[strategy.id] ?? 0
        }
        scores[strategy.id] = score
    }
    return scores
}

/// The gates of the product contract (SPEC, "Rules the advice never breaks"): an answer, the
/// strategies the recommendation is never, and whether `decidedBy` always names the gate.
/// The fixed rules of the contract: under `when` (every listed question has one of its
/// options), the recommendation is never one of `never`; `gate` is the rubric's exclusion,
/// which `decidedBy` names always (`alwaysNamed`) or where it decided.
let contractGates: [(when: [String: [String]], never: Set<String>, gate: String, alwaysNamed: Bool)] = [
    (["data-volume": ["none"]], ["prompt-tuning", "fine-tuning", "hybrid"], "no-examples", true),
    (["data-volume": ["few"]], ["fine-tuning", "hybrid"], "few-examples", false),
    (["model-access": ["api"]], ["prompt-tuning", "fine-tuning", "hybrid"], "hosted-api-without-tuning", true),
    (["model-access": ["api-tuning"]], ["prompt-tuning"], "soft-prompts-need-weights", false),
    (["budget": ["minimal"]], ["prompt-tuning", "fine-tuning", "hybrid"], "no-training-budget", true),
    (["time-to-market": ["days"]], ["prompt-tuning", "fine-tuning", "hybrid"], "ship-in-days", true),
    (["prompting-status": ["improving"]], ["prompt-tuning", "fine-tuning", "hybrid"], "prompting-still-improving", false),
    (
        ["prompting-status": ["not-tried"], "data-volume": ["none", "few", "hundreds"]], ["prompt-tuning", "fine-tuning", "hybrid"],
        "prompt-first", false
    ),
    (["need": ["knowledge"]], ["fine-tuning"], "knowledge-in-retrieval", false),
]

/// Whether every question of `when` has one of its options in `answers`.
func holds(_ when: [String: [String]], in answers: Answers) -> Bool {
    when.allSatisfy { question, options in answers[question].map(options.contains) ?? false }
}

let trainedStrategies: Set<String> = ["prompt-tuning", "fine-tuning", "hybrid"]

struct AdvisorTests {
    let advisor = Advisor(rubric: defaultRubric)

    @Test func scoresFollowTheRubricsDefinitionAndUnansweredRefinementsMoveNothing() throws {
        for answers in everyCoreSituation {
            let advice = try advisor.advise(answers)
            let reference = referenceScores(defaultRubric, answers)
            for entry in advice.ranking {
                #expect(abs(entry.score - reference[entry.strategy]!) < 0.006, "\(answers.values)")
            }
        }
    }

    /// Over every core combination with each answer of the two refinements that gate (model
    /// access and prompting status), advised once each: the contract's gates hold
    /// (``expectGatesHold(_:_:)``) and the plan keeps the limits that stay (``expectPlanKeepsItsLimits(_:_:)``).
    @Test(arguments: [nil, "api", "api-tuning", "weights"])
    func gatesAreNeverOutvotedAndPlansKeepTheirLimits(modelAccess: String?) throws {
        for var answers in everyCoreSituation {
            answers["model-access"] = modelAccess
            for prompting in [nil, "not-tried", "improving", "plateaued", "meets-bar"] {
                answers["prompting-status"] = prompting
                let advice = try advisor.advise(answers)
                expectGatesHold(advice, answers)
                expectPlanKeepsItsLimits(advice, answers)
            }
        }
    }

    /// The recommendation is never a strategy a gate rules out, `decidedBy` names the gate
    /// where the contract says so, and a strategy that scored higher but was ruled out makes
    /// its gate appear.
    private func expectGatesHold(_ advice: Advice, _ answers: Answers) {
        for gate in contractGates where holds(gate.when, in: answers) {
            #expect(!gate.never.contains(advice.strategy), "\(gate.gate) at \(answers.values)")
            if gate.alwaysNamed { #expect(advice.decidedBy.contains(gate.gate), "\(answers.values)") }
        }
        // Every strategy that scored higher but was ruled out is ruled out by a named gate.
        for entry in advice.ranking where entry.excluded && entry.score > advice.ranking.first!.score {
            #expect(entry.exclusions.contains { advice.decidedBy.contains($0.id) }, "\(entry.strategy) at \(answers.values)")
        }
        // Every excluded strategy comes last with the gates that removed it.
        let excluded = advice.ranking.filter(\.excluded)
        #expect(advice.ranking.suffix(excluded.count).allSatisfy { $0.excluded && !$0.exclusions.isEmpty })
        #expect(!excluded.contains { $0.strategy == advice.strategy })
        // Gates decide when they rule out a strategy that scored higher, or leave no choice.
        let overruled = excluded.contains { $0.score > advice.ranking.first!.score }
        #expect(advice.decidedBy.isEmpty == !(overruled || advice.confidenceBasis != .margin), "\(answers.values)")
    }

    /// The plan starts with the advice; its later stage follows only from gates that hold for
    /// now, and never breaks a gate that stays (a knowledge need) or one it does not lift (a
    /// minimal budget trains only once a budget is approved).
    private func expectPlanKeepsItsLimits(_ advice: Advice, _ answers: Answers) {
        #expect(advice.plan.first?.strategy == advice.strategy)
        #expect(advice.plan.first?.when == PlanStage.now)
        #expect(advice.plan.count <= 2)
        guard let later = advice.plan.dropFirst().first else { return }
        #expect(later.strategy != advice.strategy)
        #expect(!later.after.isEmpty && !later.when.isEmpty)
        // The deciding gates lift first; gates that still rule the later strategy out follow.
        #expect(later.after.allSatisfy(Self.deferrableGates.contains), "\(later.after)")
        #expect(later.after.first.map(advice.decidedBy.contains) == true, "\(later.after)")
        #expect(defaultRubric.exclusions.contains { later.after.contains($0.id) && $0.strategies.contains(later.strategy) })
        let held = advice.ranking.first { $0.strategy == later.strategy }!.exclusions.map(\.id)
        // A gate may follow that lifting the others brings into force (a hundred examples, then a baseline).
        let comingIntoForce = defaultRubric.exclusions.filter {
            later.after.contains($0.id) && !advice.decidedBy.contains($0.id) && !held.contains($0.id)
        }
        var lifted = answers
        for gate in defaultRubric.exclusions where later.after.contains(gate.id) && !comingIntoForce.contains(gate) {
            for (question, option) in gate.later!.assume { lifted[question] = option }
        }
        for gate in comingIntoForce {
            let holds = plainlyHolds(gate.when, lifted) && !gate.unless.contains { plainlyHolds($0, lifted) }
            #expect(holds && gate.strategies.contains(later.strategy), "\(gate.id) at \(answers.values)")
        }
        if answers["budget"] == "minimal", trainedStrategies.contains(later.strategy) {
            #expect(later.after.contains("no-training-budget"), "\(later.after)")
        }
        if answers["model-access"] == "api-tuning" { #expect(later.strategy != "prompt-tuning") }
        if answers["need"] == "knowledge" { #expect(later.strategy != "fine-tuning") }
    }

    private static let deferrableGates = Set(defaultRubric.exclusions.filter { $0.later != nil }.map(\.id))

    /// The directions of evidence the issue fixes, checked over every combination of the
    /// core answers, each alone and together with each refinement answer.
    @Test(arguments: [
        ("data-volume", "fine-tuning", "prompt-engineering"), ("data-volume", "hybrid", "prompt-engineering"),
        ("budget", "fine-tuning", "prompt-engineering"), ("budget", "hybrid", "prompt-engineering"),
        ("time-to-market", "fine-tuning", "prompt-engineering"), ("time-to-market", "hybrid", "prompt-engineering"),
        ("time-to-market", "prompt-tuning", "prompt-engineering"), ("consistency", "fine-tuning", "prompt-engineering"),
        ("context-size", "fine-tuning", "prompt-engineering"), ("specialization", "fine-tuning", "prompt-engineering"),
        ("prompting-status", "fine-tuning", "prompt-engineering"), ("ml-expertise", "fine-tuning", "prompt-engineering"),
        ("query-volume", "fine-tuning", "prompt-engineering"), ("output-style", "fine-tuning", "prompt-engineering"),
        ("transience", "prompt-engineering", "fine-tuning"), ("governance", "prompt-engineering", "fine-tuning"),
        ("task-diversity", "prompt-engineering", "fine-tuning"),
        ("explainability", "prompt-engineering", "prompt-tuning"), ("explainability", "prompt-engineering", "fine-tuning"),
        ("model-size", "prompt-tuning", "fine-tuning"),
    ])
    func directionsOfEvidenceHold(question: String, favours: String, over: String) throws {
        #expect(defaultRubric.properties.contains { $0.question == question && $0.favours == favours && $0.over == over })
        let property = defaultRubric.properties.first { $0.question == question && $0.favours == favours && $0.over == over }
        let scale = property.map(\.scale).flatMap { $0.isEmpty ? nil : $0 } ?? defaultRubric.question(question)!.options.map(\.id)
        try expectMonotone(question: question, scale: scale, favours: favours, over: over)
    }

    /// A knowledge need never makes plain fine-tuning better: from knowledge to both to
    /// behaviour, fine-tuning's lead over prompting never shrinks.
    @Test func aKnowledgeNeedNeverFavoursFineTuning() throws {
        let property = defaultRubric.properties.first { $0.question == "need" && $0.favours == "fine-tuning" }
        #expect(property?.scale == ["knowledge", "both", "behavior"])
        try expectMonotone(question: "need", scale: ["knowledge", "both", "behavior"], favours: "fine-tuning", over: "prompt-engineering")
    }

    private func expectMonotone(question: String, scale: [String], favours: String, over: String) throws {
        let questionIndex = defaultRubric.questionIndex(question)!
        let favoured = defaultRubric.strategyIndex(favours)!
        let disfavoured = defaultRubric.strategyIndex(over)!
        let options = scale.map { id in defaultRubric.questions[questionIndex].options.firstIndex { $0.id == id }! }
        let refinements = defaultRubric.questions.indices.filter { !defaultRubric.questions[$0].isCore && $0 != questionIndex }
        let extras: [(Int, Int)?] =
            [nil]
            + refinements.flatMap { other in
                defaultRubric.questions[other].options.indices.map { (other, $0) }
            }
        // A failure is recorded once, at the first situation where the order breaks: the loop
        // scores some 400,000 situations, too many for an expectation each.
        for base in everyCoreSituation where base[question] == scale[0] || defaultRubric.questions[questionIndex].isCore == false {
            let baseSituation = try advisor.situation(for: base)
            for extra in extras {
                var situation = baseSituation
                if let (other, option) = extra { situation[other] = option }
                var previous = -Double.infinity
                for option in options {
                    situation[questionIndex] = option
                    let scores = advisor.table.scores(situation)
                    let difference = scores[favoured] - scores[disfavoured]
                    if difference < previous - 1e-9 {
                        Issue.record("\(question) option \(option) lowers \(favours) against \(over) at \(situation)")
                        return
                    }
                    previous = difference
                }
            }
        }
    }

    /// Reasons and counterpoints split the recommendation's lead over the average of the
    /// strategies still in the running: every reason favours it, every counterpoint counts
    /// against it, and together they add up to that lead.
    @Test func everyReasonPointsTheWayItClaims() throws {
        for answers in everyCoreSituation {
            let advice = try advisor.advise(answers)
            #expect(advice.reasons.allSatisfy { $0.points > 0 })
            #expect(advice.counterpoints.allSatisfy { $0.points < 0 })
            #expect(advice.reasons.map(\.points) == advice.reasons.map(\.points).sorted(by: >))
            let scores = referenceScores(defaultRubric, answers)
            let running = advice.ranking.filter { !$0.excluded && $0.strategy != advice.strategy }.map(\.strategy)
            let field = running.isEmpty ? defaultRubric.strategies.map(\.id).filter { $0 != advice.strategy } : running
            let lead = scores[advice.strategy]! - field.map { scores[$0]! }.reduce(0, +) / Double(field.count)
            let situation = try advisor.situation(for: answers)
            let indices = field.map { defaultRubric.strategyIndex($0)! }
            let parts = advisor.contributions(situation, of: defaultRubric.strategyIndex(advice.strategy)!, against: indices)
            #expect(abs(parts.map(\.points).reduce(0, +) - lead) < 0.1, "\(answers.values)")
            #expect(advice.reasons == parts.filter { $0.points >= Advisor.reasonThreshold })
            let against = Array(parts.filter { $0.points <= -Advisor.reasonThreshold }.reversed())
            // Against the advice: with an alternative open, a counterpoint naming it; with none, a risk
            // where limits alone rule out one not far behind; nothing where the situation rules all out.
            #expect(advice.counterpoints.map(\.withoutFavours) == (running.isEmpty ? [] : against))
            #expect(advice.counterpoints.allSatisfy { $0.favours.map(running.contains) ?? false }, "\(answers.values)")
            #expect(
                advice.risks.compactMap(\.reason).map(\.withoutFavours) == (running.isEmpty && rulesOutACloseOneByLimitsAlone(advice) ? against : []))
            for reason in advice.reasons + advice.counterpoints {
                #expect(!reason.text.isEmpty && !reason.source.isEmpty)
                if reason.kind == .answer { #expect(answers[reason.question!] == reason.answer) }
            }
        }
    }

    /// Every alternative says why it is not the advice: the gates that removed it, or reasons
    /// that each favour the recommendation over it.
    @Test func everyAlternativeHasAWhyNot() throws {
        for answers in everyCoreSituation {
            let advice = try advisor.advise(answers)
            let scores = referenceScores(defaultRubric, answers)
            for entry in advice.ranking where entry.strategy != advice.strategy {
                #expect(!entry.whyNot.isEmpty, "\(entry.strategy) at \(answers.values)")
                if entry.excluded {
                    #expect(entry.whyNot.map(\.rule) == entry.exclusions.map(\.id))
                } else if scores[advice.strategy]! > scores[entry.strategy]! {
                    #expect(entry.whyNot.allSatisfy { $0.points > 0 })
                }
            }
            #expect(advice.ranking.first { $0.strategy == advice.strategy }?.whyNot.isEmpty == true)
        }
    }

    @Test func sensitivityListsExactlyTheSingleChangesThatChangeTheAdvice() throws {
        for answers in everyCoreSituation.enumerated().filter({ $0.offset % 13 == 0 }).map(\.element) {
            let advice = try advisor.advise(answers)
            var expected: [String] = []
            for question in defaultRubric.questions {
                for option in question.options where option.id != answers[question.id] {
                    var changed = answers
                    changed[question.id] = option.id
                    let other = try advisor.advise(changed).strategy
                    if other != advice.strategy { expected.append("\(question.id)=\(option.id)->\(other)") }
                }
            }
            #expect(advice.sensitivity.map { "\($0.question)=\($0.answer)->\($0.strategy)" } == expected)
            for change in advice.sensitivity {
                let question = defaultRubric.question(change.question)!
                // A lever is the team's to pull either way, or for "upward" ones only towards later options.
                let isMore = answers[change.question].map { question.optionIndex(change.answer)! > question.optionIndex($0)! } ?? false
                let isTeams = question.lever == .either || (question.lever == .upward && isMore)
                let kind: AnswerChange.Kind = answers[change.question] == nil ? .unanswered : isTeams ? .lever : .fact
                #expect(change.kind == kind)
            }
            #expect(advice.openQuestions == orderedUnique(advice.sensitivity.filter { $0.kind == .unanswered }.map(\.question)))
        }
    }

    /// A lever is pulled towards more: fewer examples or less budget than the team has are
    /// facts of another situation, more examples a change the team can make.
    @Test func lessIsAFactAndMoreIsALever() throws {
        let situation: [String: String] = [
            "need": "behavior", "transience": "static", "governance": "open", "budget": "substantial", "time-to-market": "months",
            "consistency": "critical",
        ]
        let trained = try advisor.advise(Answers(situation.merging(["data-volume": "thousands"]) { $1 }))
        #expect(trained.strategy == "fine-tuning")
        let less = trained.sensitivity.filter { $0.question == "data-volume" || $0.question == "budget" }
        #expect(Set(less.map(\.question)) == ["data-volume", "budget"] && less.allSatisfy { $0.kind == .fact }, "\(less)")
        let prompted = try advisor.advise(Answers(situation.merging(["data-volume": "few"]) { $1 }))
        #expect(prompted.strategy != "fine-tuning")
        let more = prompted.sensitivity.filter { $0.question == "data-volume" }
        #expect(more.contains { $0.answer == "thousands" } && more.allSatisfy { $0.kind == .lever }, "\(more)")
    }

    /// Confidence from the margin over the runner-up, at the thresholds (high 4, medium 1.5)
    /// and just below them, capped at medium while a refinement that could change the advice
    /// is unanswered; with every other strategy ruled out it is high, on principle or by the limits.
    @Test(arguments: [
        (4.0, Confidence.high), (3.75, .medium), (1.5, .medium), (1.25, .low), (0, .low),
    ])
    func confidenceFollowsTheMarginAtItsThresholds(_ margin: Double, _ expected: Confidence) throws {
        var builder = TestRubric()
        builder.baselines = ["prompt-engineering": margin]
        let answers = Answers(everyCoreSituation[0].values)
        let advice = try Advisor(rubric: try builder.load()).advise(answers)
        // A tie (margin 0) goes to the simpler strategy, prompt engineering too.
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.margin == margin)
        #expect(advice.confidenceBasis == .margin)
        #expect(advice.confidence == expected)
        // A refinement that would change the advice, unanswered: never high.
        builder.points["context-size"] = ["corpus": ["fine-tuning": margin + 1]]
        let open = try Advisor(rubric: try builder.load()).advise(answers)
        #expect(open.openQuestions == ["context-size"])
        #expect(open.confidence == (expected == .high ? .medium : expected))
        // Every other strategy ruled out by the situation itself: decided by it, with high confidence.
        builder.exclusions = [
            .init(id: "only-prompting", when: ["need": ["knowledge"]], strategies: ["prompt-tuning", "fine-tuning", "hybrid"])
        ]
        let principled = try Advisor(rubric: try builder.load()).advise(answers)
        #expect(principled.runnerUp == nil && principled.confidence == .high && principled.confidenceBasis == .situation)
        // Ruled out by a limit the team could lift (a lever: the budget), the limits decide.
        builder.levers = ["budget": "upward"]
        builder.exclusions = [
            .init(id: "only-prompting", when: ["budget": [answers["budget"]!]], strategies: ["prompt-tuning", "fine-tuning", "hybrid"])
        ]
        let limited = try Advisor(rubric: try builder.load()).advise(answers)
        #expect(limited.runnerUp == nil && limited.confidence == .high && limited.confidenceBasis == .limits)
    }

    @Test func tiesGoToTheSimplerStrategy() {
        #expect(ScoringTable.winner(scores: [1, 1, 1, 1], excluded: StrategySet()) == 0)
        #expect(ScoringTable.winner(scores: [0, 2, 2, 1], excluded: StrategySet()) == 1)
        #expect(ScoringTable.winner(scores: [3, 2, 2, 1], excluded: StrategySet([0])) == 1)
        #expect(ScoringTable.winner(scores: [3, 2, 2, 1], excluded: StrategySet([0, 1, 2, 3])) == nil)
        let baselines = defaultRubric.strategies.map(\.baseline)
        #expect(baselines[0] == baselines.max(), "prompt engineering starts with the most points")
    }

    @Test func weightSensitivityIsPlausibleAndConfirmedByScoringAgain() throws {
        var checked = 0
        for answers in everyCoreSituation {
            let advice = try advisor.advise(answers)
            guard let change = advice.weightSensitivity else { continue }
            let reweighted = Advisor(rubric: defaultRubric, weights: try Weights(of: defaultRubric, overriding: [change.question: change.newWeight]))
            #expect(try reweighted.advise(answers).strategy == change.strategy)
            #expect(change.strategy != advice.strategy)
            let factor = change.factor
            #expect(factor <= Advisor.plausibleWeightFactor + 0.01 && factor >= 1 / Advisor.plausibleWeightFactor - 0.01)
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func refusesMissingCoreAnswers() throws {
        let situation = try defaultRubric.resolve(Answers(["data-volume": "few"]))
        #expect(throws: AdviceError.missingAnswers(["need", "transience", "governance", "budget", "time-to-market", "consistency"])) {
            try advisor.advise(situation)
        }
    }
}

/// Every condition of the default rubric, compiled as the advisor evaluates it, holds exactly
/// when its plain reading does: the questionnaire decides what to ask with the same evaluator.
struct CompiledConditionTests {
    @Test func agreeWithThePlainReadingOnEveryConditionOfTheDefaultRubric() {
        let rubric = defaultRubric
        var conditions = rubric.questions.map(\.askWhen) + rubric.rules.map(\.when) + rubric.exclusions.map(\.when)
        for variant in rubric.variants {
            for choice in variant.choices { conditions += choice.whenAny + (choice.caveats + choice.nextSteps).map(\.when) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var answers = Answers()
            // Some questions left unanswered, and now and then an option no question has.
            for question in rubric.questions where Bool.random(using: &generator) {
                answers[question.id] = Int.random(in: 0..<20, using: &generator) == 0 ? "unknown" : question.options.randomElement()!.id
            }
            for condition in conditions {
                #expect(rubric.holds(condition, for: answers) == plainlyHolds(condition, answers), "\(answers.values)")
            }
        }
    }
}
