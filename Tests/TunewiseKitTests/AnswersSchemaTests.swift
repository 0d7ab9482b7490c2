import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

/// `rubrics/answers.schema.json` is the built-in rubric's answers schema as `init` writes it.
struct AnswersSchemaTests {
    static let file = PolicySchemaTests.rubrics.appendingPathComponent("answers.schema.json")

    @Test func theFileIsTheBuiltInRubricsSchema() throws {
        let rubric = try RubricLoader.load(Array(BuiltInRubric.json.utf8))
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(text == JSONWriter.write(AnswersSchema.document(for: rubric)), "regenerate: tunewise init DIR/a.json writes it beside")
    }

    /// Each question's allowed values are its option ids in order; only the core ones are required.
    @Test func itAllowsEachQuestionsOptionsAndRequiresTheCoreOnes() throws {
        let rubric = BuiltInRubric.load()
        let schema = AnswersSchema.document(for: rubric)
        #expect(schema["required"] == .array(rubric.questions.filter(\.isCore).map { .string($0.id) }))
        for question in rubric.questions {
            guard case .array(let choices)? = schema["properties"]?[question.id]?["oneOf"] else {
                Issue.record("no choices for \(question.id)")
                continue
            }
            #expect(choices.map { $0["const"] } == question.options.map { .string($0.id) })
        }
    }

    /// The `$` keys an editor or a reader adds are ignored by the answers reader.
    @Test func dollarKeysAreIgnoredWhenAnswersAreRead() throws {
        let text = #"{"$schema": "answers.schema.json", "$comment": "x", "$options": {"need": 1}, "need": "knowledge"}"#
        let situation = try AnswersDocument.decode(Array(text.utf8), against: BuiltInRubric.load())
        #expect(situation.orderedAnswers.map(\.question) == ["need"])
    }
}
