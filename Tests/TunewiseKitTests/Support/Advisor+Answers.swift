@testable import TunewiseKit

extension Reason {
    /// The reason without the alternative it favours, to compare with a bare contribution.
    var withoutFavours: Reason {
        var reason = self
        reason.favours = nil
        return reason
    }
}

extension Advisor {
    /// The advice for answers written as a dictionary, resolved against the advisor's rubric
    /// first: the tests' shorthand for `advise(try rubric.resolve(answers))`.
    func advise(_ answers: Answers) throws -> Advice {
        try advise(rubric.resolve(answers))
    }

    /// The answers as option indices per question, ``ScoringTable/unanswered`` where absent.
    func situation(for answers: Answers) throws -> [Int] {
        try rubric.resolve(answers).options
    }
}
