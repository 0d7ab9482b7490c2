/// Why an answers document was refused.
public enum AnswersDocumentError: Error, Equatable, Sendable {
    /// The bytes are not JSON.
    case syntax(JSONSyntaxError)
    /// The document is not a JSON object, but this kind of value ("an array").
    case notAnObject(found: String)
    /// The document is a report of `advise` (it has a recommendation), not an answers file.
    case report
    /// The object's answers are not the rubric's; every problem, each with its JSON path.
    case invalid([AnswerProblem])

    /// The problem with the whole document, or each answer's, one a line with its JSON path.
    public var problems: [String] {
        switch self {
        case .syntax(let error): [error.description]
        case .notAnObject(let found):
            ["$: expected an object of question id to option id, such as {\"data-volume\": \"few\"}; found \(found)"]
        case .report:
            ["$: a tunewise report, not an answers file; its answers are under $.answers (advise --save-answers FILE writes an answers file)"]
        case .invalid(let problems): problems.map(\.description)
        }
    }
}

/// The answers file format: a JSON object `{"question-id": "option-id", ...}`; keys that
/// start with `$` (`$schema` for editors, `$comment`, `$options`) are read and ignored.
///
/// The same format is read by `--answers` and written by `--save-answers`, so a saved file
/// reproduces the advice it was saved with.
public enum AnswersDocument {
    /// Parses an answers document and resolves it against `rubric`. Whether every core
    /// question is answered is the advisor's to say (``AdviceError/missingAnswers(_:)``),
    /// once the answers are laid over any others (a policy's); ``missingProblem(_:)`` words
    /// a question left unanswered as the document's problem.
    /// - Throws: ``AnswersDocumentError`` naming every unknown id and wrong type with its JSON path.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, against rubric: Rubric) throws(AnswersDocumentError) -> Situation {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(error)
        }
        guard case .object(let members) = document else { throw .notAnObject(found: document.kindDescription) }
        if members.contains(where: { $0.key == "recommendation" }), members.contains(where: { $0.key == "answers" }) { throw .report }
        let given = members.filter { !$0.key.hasPrefix("$") }.map { questionID, value in
            let option: RawAnswer.Value
            if case .string(let id) = value { option = .option(id) } else { option = .notAnOption(kind: value.kindDescription) }
            return RawAnswer(question: questionID, value: option, source: .jsonPath("$.\(questionID)"))
        }
        do {
            return try rubric.resolve(given)
        } catch {
            throw .invalid(error.problems)
        }
    }

    /// The problem of an answers document that leaves `question` unanswered, at its JSON path.
    public static func missingProblem(_ question: Question) -> AnswerProblem {
        AnswerProblem(source: .jsonPath("$.\(question.id)"), question: question.id, kind: .missingOption, allowed: question.options.map(\.id))
    }

    /// The answers of `situation` as a document, in the rubric's question order.
    public static func encode(_ situation: Situation) -> String {
        JSONWriter.write(.object(situation.orderedAnswers.map { ($0.question, .string($0.answer)) }))
    }
}
