import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// Moving through the questionnaire without a terminal: forward, back across refinements
/// that are asked only under some answers, and from the review to one answer and back.
struct QuestionnaireFlowTests {
    let rubric = BuiltInRubric.load()

    /// A flow with the core questions answered from `core` one by one.
    func flow(answering core: [String]) -> QuestionnaireFlow {
        var flow = QuestionnaireFlow(rubric: rubric, start: Situation(unanswered: rubric))
        for option in core { flow.complete(.answered(option)) }
        return flow
    }

    let knowledgeCase = ["knowledge", "few", "static", "open", "minimal", "days", "flexible"]

    @Test func asksTheCoreQuestionsThenOffersTheRefinementsThenReviews() {
        var flow = QuestionnaireFlow(rubric: rubric, start: Situation(unanswered: rubric))
        #expect(flow.current == .question("need"))
        for option in knowledgeCase { flow.complete(.answered(option)) }
        #expect(flow.current == .offer)
        flow.complete(.offer(false))
        #expect(flow.current == .review)
        flow.confirm()
        #expect(flow.current == .finished)
        #expect(flow.situation.orderedAnswers.map(\.answer) == knowledgeCase)
    }

    @Test func backReturnsToThePreviousQuestionAndRemembersItsAnswer() {
        var flow = flow(answering: ["knowledge", "few"])
        #expect(flow.current == .question("transience"))
        let moved1 = flow.back()
        #expect(moved1)
        #expect(flow.current == .question("data-volume"))
        // Going back takes the answer off the path, but keeps it as the default to offer.
        #expect(flow.situation["data-volume"] == nil)
        #expect(flow.remembered["data-volume"] == "few")
        let moved2 = flow.back()
        #expect(moved2)
        #expect(flow.current == .question("need"))
        let moved = flow.back()
        #expect(!moved, "there is nothing before the first question")
        #expect(flow.current == .question("need"))
    }

    @Test func backSkipsRefinementsThatWereNotAsked() {
        // need: behavior leaves knowledge-size out; data-volume: none leaves training-signal out.
        var flow = flow(answering: ["behavior", "none", "static", "open", "minimal", "days", "flexible"])
        flow.complete(.offer(true))
        let asked = flow.applicableRefinements.map(\.id)
        #expect(!asked.contains("knowledge-size"))
        #expect(!asked.contains("training-signal"))
        for _ in asked { flow.complete(.skipped) }
        #expect(flow.current == .review)
        // Back from the review goes to the last refinement asked, model-size, not knowledge-size.
        flow.back()
        #expect(flow.current == .question("model-size"))
    }

    @Test func aChangedAnswerChangesWhichRefinementsComeNext() {
        var flow = flow(answering: knowledgeCase)
        flow.complete(.offer(true))
        for _ in 0..<11 { flow.complete(.skipped) }
        #expect(flow.current == .question("knowledge-size"))
        flow.complete(.answered("small"))
        #expect(flow.situation["knowledge-size"] == "small")
        // Back through every refinement and the offer to need, which becomes behavior.
        while flow.current != .question("need") { flow.back() }
        flow.complete(.answered("behavior"))
        for option in knowledgeCase.dropFirst() { flow.complete(.answered(option)) }
        flow.complete(.offer(true))
        for _ in 0..<11 { flow.complete(.skipped) }
        #expect(flow.current == .review, "knowledge-size is not asked when only behaviour is needed")
        #expect(flow.situation["knowledge-size"] == nil)
    }

    @Test func doneSkipsTheRestOfTheRefinements() {
        var flow = flow(answering: knowledgeCase)
        flow.complete(.offer(true))
        flow.complete(.answered("snippet"))
        flow.complete(.done)
        #expect(flow.current == .review)
        flow.back()
        #expect(flow.current == .question("specialization"))
    }

    @Test func theReviewEditsOneAnswerAndReturns() {
        var flow = flow(answering: knowledgeCase)
        flow.complete(.offer(false))
        #expect(flow.reviewQuestions.prefix(7).map(\.id) == rubric.questions.filter(\.isCore).map(\.id))
        let moved3 = flow.edit(0)
        #expect(!moved3)
        let moved4 = flow.edit(flow.reviewQuestions.count + 1)
        #expect(!moved4)
        let moved5 = flow.edit(2)
        #expect(moved5)
        #expect(flow.current == .edit("data-volume"))
        flow.complete(.answered("thousands"))
        #expect(flow.current == .review)
        #expect(flow.situation["data-volume"] == "thousands")
        // Back from an edit returns to the review, changing nothing.
        let moved6 = flow.edit(3)
        #expect(moved6)
        flow.back()
        #expect(flow.current == .review)
        #expect(flow.situation["transience"] == "static")
    }

    @Test func theReviewSetsARefinementNotAskedAndDropsOneNoLongerAsked() throws {
        var flow = flow(answering: knowledgeCase)
        flow.complete(.offer(false))
        let number = try #require(flow.reviewQuestions.firstIndex { $0.id == "knowledge-size" }) + 1
        let moved7 = flow.edit(number)
        #expect(moved7)
        flow.complete(.answered("large"))
        #expect(flow.situation["knowledge-size"] == "large")
        // need: behavior leaves knowledge-size unasked, so its answer goes too.
        let moved8 = flow.edit(1)
        #expect(moved8)
        flow.complete(.answered("behavior"))
        #expect(flow.situation["knowledge-size"] == nil)
        #expect(!flow.reviewQuestions.contains { $0.id == "knowledge-size" })
    }

    @Test func anAnswerGivenInItsCourseWinsOverAnEarlierEdit() throws {
        var flow = flow(answering: knowledgeCase)
        flow.complete(.offer(true))
        flow.complete(.done)
        // From the review, specialization (never asked: done came first) is set to niche ...
        let number = try #require(flow.reviewQuestions.firstIndex { $0.id == "specialization" }) + 1
        let editing = flow.edit(number)
        #expect(editing)
        flow.complete(.answered("niche"))
        #expect(flow.situation["specialization"] == "niche")
        // ... then back to context-size, answered this time, and on to specialization: general.
        flow.back()
        #expect(flow.current == .question("context-size"))
        #expect(flow.remembered["specialization"] == "niche", "the edit is the default offered")
        flow.complete(.answered("snippet"))
        #expect(flow.current == .question("specialization"))
        flow.complete(.answered("general"))
        #expect(flow.situation["specialization"] == "general")
    }

    @Test func flagsAreNotAskedAndNothingAskedMeansNoReview() throws {
        let given = try rubric.resolve(
            Answers(Dictionary(uniqueKeysWithValues: zip(rubric.questions.filter(\.isCore).map(\.id), knowledgeCase))))
        var flow = QuestionnaireFlow(rubric: rubric, start: given)
        #expect(flow.current == .offer)
        flow.complete(.offer(false))
        #expect(flow.current == .review)
        let everything = try rubric.resolve(
            Answers(Dictionary(uniqueKeysWithValues: rubric.questions.map { ($0.id, $0.options[0].id) })))
        #expect(QuestionnaireFlow(rubric: rubric, start: everything).current == .finished)
    }

    @Test(arguments: [
        ("back", TypedAnswer.back), ("<", .back), ("BACK", .back), ("quit", .quit), ("Q", .quit), (" q ", .quit), ("skip", .skip),
    ])
    func readsTheNavigationWordsInAnyCase(typed: String, expected: TypedAnswer) {
        #expect(TypedAnswer.parse(typed, for: rubric.question("need")!) == expected)
    }

    @Test func noOptionOfTheBuiltInRubricIsAWord() {
        for question in rubric.questions {
            #expect(TypedAnswer.shadowedOptions(of: question).isEmpty, "\(question.id)")
            // Nor does "q" shadow a prefix: no option starts with it.
            #expect(!question.options.contains { $0.id.hasPrefix("q") }, "\(question.id)")
        }
    }

    @Test func anOptionNamedLikeAWordIsChosenByItsNumber() {
        var question = rubric.question("need")!
        question.options[2].id = "back"
        #expect(TypedAnswer.shadowedOptions(of: question).map(\.number) == [3])
        #expect(TypedAnswer.parse("back", for: question) == .back)
        #expect(TypedAnswer.parse("3", for: question) == .option("back"))
    }

    @Test(arguments: [
        ("", ReviewReply.confirm), ("OK", .confirm), ("3", .edit(3)), ("<", .back), ("Back", .back), ("quit", .quit), ("?", .help),
        ("maybe", .invalid),
    ])
    func readsTheReview(typed: String, expected: ReviewReply) {
        #expect(ReviewReply.parse(typed) == expected)
    }
}
