import Testing

@testable import TunewiseKit

/// The one place answers are checked: flags, files, `--fix` and prompts alike.
struct ResolveTests {
    let rubric = defaultRubric

    func flag(_ question: String, _ option: String?) -> RawAnswer {
        RawAnswer(question: question, value: option.map(RawAnswer.Value.option) ?? .missing, source: .flag("--\(question)"))
    }

    @Test func resolvesKnownAnswersIntoASituation() throws {
        let situation = try rubric.resolve([flag("need", "behavior"), flag("model-size", "large")])
        #expect(situation["need"] == "behavior")
        #expect(situation["model-size"] == "large")
        #expect(situation["budget"] == nil)
        #expect(situation["no-such-question"] == nil)
        #expect(situation.answers == Answers(["need": "behavior", "model-size": "large"]))
        #expect(situation.orderedAnswers.map(\.question) == ["need", "model-size"].sorted { rubric.questionIndex($0)! < rubric.questionIndex($1)! })
        #expect(situation.missingCoreQuestions.map(\.id) == ["data-volume", "transience", "governance", "budget", "time-to-market", "consistency"])
        #expect(!situation.unansweredRefinements.map(\.id).contains("model-size"))
    }

    @Test func laterAnswersOverrideTheBaseButNotEachOther() throws {
        let file = try rubric.resolve(Answers(["budget": "minimal", "need": "knowledge"]))
        let overlaid = try rubric.resolve([flag("budget", "substantial")], onto: file)
        #expect(overlaid.answers == Answers(["budget": "substantial", "need": "knowledge"]))
        #expect(
            throws: InvalidAnswers(problems: [
                AnswerProblem(source: .flag("--budget"), question: "budget", kind: .repeated, suggestion: nil, allowed: [])
            ])
        ) {
            try rubric.resolve([flag("budget", "minimal"), flag("budget", "moderate")])
        }
        // Two spellings of one question are one question given twice.
        for pair in [[flag("specialization", "niche"), flag("specialisation", "general")], [flag("need", "behavior"), flag("NEED", "knowledge")]] {
            do {
                _ = try rubric.resolve(pair)
                Issue.record("\(pair) was accepted")
            } catch {
                #expect(error.problems.map(\.kind) == [.repeated])
            }
        }
    }

    @Test func everyProblemIsFoundInTheOrderGiven() {
        do {
            _ = try rubric.resolve([flag("budgett", "minimal"), flag("budget", "hugee"), flag("need", nil)])
            Issue.record("unknown answers were accepted")
        } catch {
            #expect(error.problems.map(\.kind) == [.unknownQuestion, .unknownOption("hugee"), .missingOption])
            #expect(error.problems[0].suggestion == "budget")
            #expect(error.problems[0].allowed == rubric.questions.map(\.id))
            #expect(error.problems[1].allowed == ["minimal", "moderate", "substantial"])
            #expect(error.problems[2].allowed == ["knowledge", "behavior", "both"])
        }
    }

    /// One wording per source, with the same "did you mean" everywhere.
    @Test(arguments: [
        (
            RawAnswer(question: "budget", value: .option("minimul"), source: .flag("--budget")),
            "invalid value 'minimul' for --budget (did you mean 'minimal'?)"
        ),
        (
            RawAnswer(question: "budget", value: .option("minimul"), source: .flag("--fix")),
            "invalid value 'minimul' for --fix budget (did you mean 'minimal'?)"
        ),
        (
            RawAnswer(question: "budgt", value: .option("minimal"), source: .flag("--fix")),
            "unknown question in --fix 'budgt' (did you mean 'budget'?)"
        ),
        (RawAnswer(question: "budget", value: .missing, source: .flag("--budget")), "--budget needs a value"),
        (RawAnswer(question: "budgt", value: .option("minimal"), source: .jsonPath("$.budgt")), "$.budgt: unknown question (did you mean 'budget'?)"),
        (
            RawAnswer(question: "budget", value: .option("minimul"), source: .jsonPath("$.budget")),
            "$.budget: unknown option 'minimul' (did you mean 'minimal'?)"
        ),
        (
            RawAnswer(question: "budget", value: .notAnOption(kind: "a number"), source: .jsonPath("$.budget")),
            "$.budget: expected an option id as a string; found a number"
        ),
        (RawAnswer(question: "budget", value: .option("lots"), source: .prompt), "'lots' is not an option"),
    ])
    func describesAProblemWhereItCameFrom(answer: RawAnswer, summary: String) {
        #expect(throws: (any Error).self) { try rubric.resolve([answer]) }
        do {
            _ = try rubric.resolve([answer])
        } catch {
            #expect(error.problems.map(\.summary) == [summary])
            let problem = error.problems[0]
            let list = problem.allowed.joined(separator: ", ")
            #expect(problem.description == (list.isEmpty ? summary : "\(summary); \(problem.allowedLabel): \(list)"))
        }
    }

    @Test func anAnswersDocumentIsResolvedWithItsJSONPaths() throws {
        let situation = try AnswersDocument.decode(Array(#"{"need": "both", "model-size": "small"}"#.utf8), against: rubric)
        #expect(situation.answers == Answers(["need": "both", "model-size": "small"]))
        #expect(try AnswersDocument.decode(Array(AnswersDocument.encode(situation).utf8), against: rubric) == situation)
        #expect(throws: AnswersDocumentError.notAnObject(found: "an array")) {
            try AnswersDocument.decode(Array("[]".utf8), against: rubric)
        }
        // A report given where answers belong is named as such, not as ten unknown questions.
        let report = #"{"schemaVersion": 2, "answers": {"need": "both"}, "recommendation": {"strategy": "hybrid"}}"#
        #expect(throws: AnswersDocumentError.report) { try AnswersDocument.decode(Array(report.utf8), against: rubric) }
        #expect(
            AnswersDocumentError.report.problems == [
                "$: a tunewise report, not an answers file; its answers are under $.answers (advise --save-answers FILE writes an answers file)"
            ])
    }

    @Test func aStarterSituationAnswersEveryCoreQuestionWithItsDefaultOrMiddleOption() {
        let starter = Situation(starterFor: rubric)
        #expect(starter.missingCoreQuestions.isEmpty)
        for question in rubric.questions {
            let typical = question.defaultOption ?? question.options[question.options.count / 2].id
            #expect(starter[question.id] == (question.isCore ? typical : nil), "\(question.id)")
        }
    }
}
