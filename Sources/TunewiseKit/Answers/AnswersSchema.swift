/// The JSON Schema of an answers file for one rubric: each question a property whose value is
/// one of its option ids, each option described, the core questions required, so an editor
/// completes and checks the file. `rubrics/answers.schema.json` is the built-in rubric's.
public enum AnswersSchema {
    /// The file name `init` gives the schema beside the answers it writes, and their `$schema`.
    public static let fileName = "answers.schema.json"

    /// The schema of an answers file for `rubric`.
    public static func document(for rubric: Rubric) -> JSONValue {
        let properties = rubric.questions.map { question -> (key: String, value: JSONValue) in
            let kind = question.isCore ? "core, required" : "refinement, optional"
            return (
                question.id,
                .object([
                    ("description", .string("\(question.label) (\(kind)): \(question.text)")),
                    (
                        "oneOf",
                        .array(question.options.map { .object([("const", .string($0.id)), ("description", .string($0.help))]) })
                    ),
                ])
            )
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(fileName)),
            ("title", .string("Tunewise answers for the rubric \(rubric.id) \(rubric.version)")),
            (
                "description",
                .string(
                    "What `tunewise --answers FILE` reads and `--save-answers FILE` writes: question id to option id. Keys starting with $ ($schema, $comment) are ignored."
                )
            ),
            ("type", .string("object")),
            ("required", .array(rubric.questions.filter(\.isCore).map { .string($0.id) })),
            ("properties", .object(properties)),
            ("patternProperties", .object([("^\\$", .object([]))])),
            ("additionalProperties", .bool(false)),
        ])
    }
}
