extension Rubric {
    /// Checks answers from any source against the rubric and lays them over `base`, whose
    /// answers they replace (the questionnaire adds each answer to those it was given).
    ///
    /// This is the one place answers are checked: flags, answers files, `sweep --fix` and the
    /// questionnaire's prompts all come through here. What a person types (a flag or a
    /// prompt) is read as ``LenientMatch`` reads it (any case, British spellings, unambiguous
    /// prefixes, option numbers, and question ids spelt either way); an answers file holds
    /// ids exactly.
    /// - Throws: ``InvalidAnswers`` with every unknown question or option, missing or
    ///   non-string value, and question answered twice in `given`.
    public func resolve(_ given: [RawAnswer], onto base: Situation? = nil) throws(InvalidAnswers) -> Situation {
        var situation = base ?? Situation(unanswered: self)
        precondition(situation.questions == questions, "a situation is laid over answers of the same rubric")
        var problems: [AnswerProblem] = []
        var answered = Set<String>()
        for answer in given {
            func problem(_ kind: AnswerProblem.Kind, suggestion: String? = nil, allowed: [String] = []) {
                problems.append(AnswerProblem(source: answer.source, question: answer.question, kind: kind, suggestion: suggestion, allowed: allowed))
            }
            guard let index = questionIndex(answer.question) ?? lenientQuestionIndex(answer) else {
                let known = questions.map(\.id)
                problem(.unknownQuestion, suggestion: closestMatch(to: answer.question, in: known), allowed: known)
                continue
            }
            // A question given twice, under any of its spellings, is the first thing wrong,
            // whatever the second answer.
            guard answered.insert(questions[index].id).inserted else {
                problem(.repeated)
                continue
            }
            let allowed = questions[index].options.map(\.id)
            switch answer.value {
            case .missing:
                problem(.missingOption, allowed: allowed)
            case .notAnOption(let kind):
                problem(.notAnOption(kind: kind), allowed: allowed)
            case .option(let id):
                var chosen = id
                if answer.source.isTyped {
                    switch LenientMatch.match(id, in: allowed, numbered: true) {
                    case .id(let match): chosen = match
                    case .ambiguous(let matches):
                        problem(.ambiguousOption(id, matches: matches), allowed: allowed)
                        continue
                    case .none: break
                    }
                }
                guard let option = questions[index].optionIndex(chosen) else {
                    problem(.unknownOption(id), suggestion: closestMatch(to: id, in: allowed), allowed: allowed)
                    continue
                }
                situation = situation.answering(index, with: option)
            }
        }
        guard problems.isEmpty else { throw InvalidAnswers(problems: problems) }
        return situation
    }

    /// The question a typed answer names by its id spelt another way (`specialisation`).
    private func lenientQuestionIndex(_ answer: RawAnswer) -> Int? {
        guard answer.source.isTyped else { return nil }
        let typed = LenientMatch.folded(answer.question)
        return questions.firstIndex { LenientMatch.folded($0.id) == typed }
    }

    /// Checks answers given as a dictionary (as in an answers file, or in code), each
    /// located by its JSON path `$.QUESTION-ID`.
    /// - Throws: ``InvalidAnswers`` naming every unknown question or option.
    public func resolve(_ answers: Answers) throws(InvalidAnswers) -> Situation {
        try resolve(
            answers.values.sorted { $0.key < $1.key }.map { question, option in
                RawAnswer(question: question, value: .option(option), source: .jsonPath("$.\(question)"))
            })
    }
}
