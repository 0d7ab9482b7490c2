extension Rubric {
    /// A situation (one option index or ``ScoringTable/unanswered`` per question) as answers.
    func answers(_ situation: [Int]) -> Answers {
        Answers(
            Dictionary(
                uniqueKeysWithValues: situation.enumerated().compactMap { question, option in
                    option == ScoringTable.unanswered ? nil : (questions[question].id, questions[question].options[option].id)
                }))
    }
}
