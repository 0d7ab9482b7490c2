import TunewiseKit

/// Where the questionnaire is, and how it moves: forward as questions are answered, back to
/// the question asked before, and from the review of all answers to one answer and back.
///
/// This is the questionnaire without its input and output, so that navigation is tested
/// without a terminal. The answers are those of the questions on the path actually asked
/// (a refinement is asked only while its `askWhen` holds), plus edits made from the review;
/// an answer given earlier and left behind by `back` is remembered as the default when that
/// question comes up again.
struct QuestionnaireFlow {
    /// One place the questionnaire can be.
    enum Step: Equatable {
        /// A question, by id.
        case question(String)
        /// "N optional questions can sharpen the advice. Answer them?"
        case offer
        /// The review of every answer before the report.
        case review
        /// A question asked again from the review, by id; answering it returns to the review.
        case edit(String)
        /// The answers are confirmed.
        case finished
    }

    /// What came of one step.
    enum Outcome: Equatable {
        /// A question answered with an option id.
        case answered(String)
        /// A refinement left unanswered.
        case skipped
        /// This and every remaining refinement left unanswered.
        case done
        /// The offer of the refinements, taken (`true`) or declined.
        case offer(Bool)
    }

    /// The rubric asked from.
    let rubric: Rubric
    /// The answers given before the questionnaire (flags, files, a policy).
    let start: Situation
    /// The core questions the questionnaire asks, in rubric order.
    let core: [Question]
    /// The refinements it may ask, in rubric order, each only while its `askWhen` holds.
    let refinements: [Question]
    /// The steps taken so far with what came of each, oldest first.
    private(set) var path: [(step: Step, outcome: Outcome)] = []
    /// Answers changed from the review for questions not on the path (`nil`: made unknown).
    private(set) var edits: [String: String?] = [:]
    /// Every answer given in this run, by question id, even those `back` left behind.
    private(set) var remembered: [String: String] = [:]
    /// The step being asked.
    private(set) var current: Step = .finished

    /// The questionnaire for what `start`, a situation of `rubric`, leaves open.
    init(rubric: Rubric, start: Situation) {
        self.rubric = rubric
        self.start = start
        core = start.missingCoreQuestions
        refinements = start.unansweredRefinements
        current = next(after: nil)
    }

    /// The situation with every answer given so far: the start, the answers on the path, then
    /// the review's edits; refinements answered here whose `askWhen` no longer holds are dropped.
    var situation: Situation {
        var answers = start.answers.values
        for entry in path {
            guard case .question(let id) = entry.step else { continue }
            if case .answered(let option) = entry.outcome { answers[id] = option } else { answers[id] = nil }
        }
        for (id, option) in edits { answers[id] = option }
        // Dropping one may make another's condition fail: repeat until nothing changes.
        var dropped = true
        while dropped {
            dropped = false
            for question in refinements where answers[question.id] != nil && !rubric.asks(question, given: Answers(answers)) {
                answers[question.id] = nil
                dropped = true
            }
        }
        do {
            return try rubric.resolve(Answers(answers))
        } catch {
            // Every id and option here is the rubric's own (the questionnaire records the ids
            // the resolver found), so this is a defect: loud in a debug build.
            assertionFailure("the questionnaire's answers are the rubric's: \(error.problems)")
            return start
        }
    }

    /// The questions the review lists, numbered from 1 in this order: every core question,
    /// then every refinement that is answered or that would be asked now.
    var reviewQuestions: [Question] {
        let answers = situation.answers
        return start.questions.filter { question in
            answers[question.id] != nil || rubric.asks(question, given: answers)
        }
    }

    /// The refinements that would be asked now, in order.
    var applicableRefinements: [Question] {
        let answers = situation.answers
        return refinements.filter { rubric.asks($0, given: answers) }
    }

    /// Records what came of the current step and moves to the next one.
    mutating func complete(_ outcome: Outcome) {
        if case .answered(let option) = outcome, let id = currentQuestionID { remembered[id] = option }
        switch current {
        case .edit(let id):
            if let index = path.lastIndex(where: { $0.step == .question(id) }) {
                path[index].outcome = outcome
            } else if case .answered(let option) = outcome {
                edits[id] = .some(option)
            } else {
                edits[id] = .some(nil)
            }
            current = .review
        case .review, .finished:
            return
        case .question(let id):
            // Answered in its course, a question's earlier edit from the review is spent.
            edits[id] = nil
            path.append((current, outcome))
            current = next(after: (current, outcome))
        case .offer:
            path.append((current, outcome))
            current = next(after: (current, outcome))
        }
    }

    /// Goes back to the step asked before this one, or from an edit to the review; `false`
    /// (and nothing changes) at the first step.
    @discardableResult
    mutating func back() -> Bool {
        if case .edit = current {
            current = .review
            return true
        }
        guard let last = path.popLast() else { return false }
        current = last.step
        return true
    }

    /// From the review, asks the question numbered `number` there again; `false` for a number
    /// the review does not show.
    mutating func edit(_ number: Int) -> Bool {
        let questions = reviewQuestions
        guard current == .review, number >= 1, number <= questions.count else { return false }
        current = .edit(questions[number - 1].id)
        return true
    }

    /// From the review, confirms the answers.
    mutating func confirm() {
        if current == .review { current = .finished }
    }

    /// The id of the question being asked, in its course or from the review.
    var currentQuestionID: String? {
        switch current {
        case .question(let id), .edit(let id): id
        default: nil
        }
    }

    /// The step after `previous` (none: the first), given the answers so far.
    private func next(after previous: (step: Step, outcome: Outcome)?) -> Step {
        let ids = core.map(\.id)
        switch previous {
        case nil:
            if let first = ids.first { return .question(first) }
            return afterCore()
        case .some((.question(let id), let outcome)):
            if let index = ids.firstIndex(of: id) {
                return index + 1 < ids.count ? .question(ids[index + 1]) : afterCore()
            }
            if outcome == .done { return .review }
            let index = refinements.firstIndex { $0.id == id } ?? refinements.endIndex
            return nextRefinement(from: index + 1)
        case .some((.offer, let outcome)):
            return outcome == .offer(true) ? nextRefinement(from: 0) : .review
        default:
            return .review
        }
    }

    /// After the core questions: the offer when any refinement would be asked, else the review.
    private func afterCore() -> Step {
        applicableRefinements.isEmpty ? reviewOrFinish() : .offer
    }

    /// The first refinement from `index` on that would be asked now, else the review.
    private func nextRefinement(from index: Int) -> Step {
        guard index < refinements.count else { return .review }
        let answers = situation.answers
        let question = refinements[index...].first { rubric.asks($0, given: answers) }
        return question.map { .question($0.id) } ?? .review
    }

    /// The review, or the end when nothing was asked.
    private func reviewOrFinish() -> Step {
        path.isEmpty ? .finished : .review
    }
}
