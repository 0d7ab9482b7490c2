/// Why an answers document was refused.
public enum AnswersDocumentError: Error, Equatable, Sendable {
    /// The bytes are not JSON.
    case syntax(JSONSyntaxError)
    /// The JSON is not an object of question id to option id that the rubric knows; every
    /// problem, as `path: message`.
    case invalid([String])
}

/// The answers file format: a JSON object `{"question-id": "option-id", ...}`.
///
/// The same format is read by `--answers` and written by `--save-answers`, so a saved file
/// reproduces the advice it was saved with.
public enum AnswersDocument {
    /// Parses and checks an answers document against `rubric`.
    /// - Throws: ``AnswersDocumentError`` naming every unknown id and wrong type with its JSON path.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, against rubric: Rubric) throws(AnswersDocumentError) -> Answers {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(error)
        }
        guard case .object(let members) = document else {
            throw .invalid([
                "$: expected an object of question id to option id, such as {\"data-volume\": \"few\"}; found \(document.kindDescription)"
            ])
        }
        var answers = Answers()
        var problems: [String] = []
        for (questionID, value) in members {
            let path = "$.\(questionID)"
            guard let question = rubric.question(questionID) else {
                let hint = didYouMean(questionID, in: rubric.questions.map(\.id))
                problems.append("\(path): unknown question\(hint); known: \(rubric.questions.map(\.id).joined(separator: ", "))")
                continue
            }
            let allowed = question.options.map(\.id)
            guard case .string(let optionID) = value else {
                problems.append(
                    "\(path): expected an option id as a string; found \(value.kindDescription); allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            guard allowed.contains(optionID) else {
                let hint = didYouMean(optionID, in: allowed)
                problems.append("\(path): unknown option \"\(optionID)\"\(hint); allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            answers[questionID] = optionID
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return answers
    }

    /// The answers as a document, in the rubric's question order.
    public static func encode(_ answers: Answers, rubric: Rubric) -> String {
        JSONWriter.write(.object(answers.ordered(by: rubric).map { ($0.question, .string($0.option)) }))
    }
}
