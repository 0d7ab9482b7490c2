extension Rubric {
    /// The answers of a situation given as option indices (one option index or
    /// ``ScoringTable/unanswered`` per question), as the sweep and the rubric check find them.
    func answers(_ options: [Int]) -> Answers {
        Situation(rubric: self, options: options).answers
    }
}
