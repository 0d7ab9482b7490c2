import TunewiseKit

/// `questions --format json`, for scripts that build forms: the rubric's id, its questions
/// with their options, and its strategies. A question's `default` is the policy's answer
/// where a policy gives one (the questionnaire does not ask it), else the option preselected
/// when it is asked.
struct QuestionsJSONRenderer: ReportRenderer {
    func render(_ rubric: Rubric) -> String {
        JSONWriter.write(
            .object(
                [
                    ("schemaVersion", .number(1)),
                    ("rubric", .object([("id", .string(rubric.id)), ("version", .string(rubric.version))])),
                ]
                    + policyMembers(of: rubric, withAnswers: true) + [
                        (
                            "questions",
                            .array(
                                rubric.questions.map { question in
                                    .object([
                                        ("id", .string(question.id)),
                                        ("label", .string(question.label)),
                                        ("text", .string(question.text)),
                                        ("help", .string(question.help)),
                                        ("core", .bool(question.isCore)),
                                        (
                                            "default",
                                            (rubric.policy?.answers[question.id] ?? question.defaultOption).map(JSONValue.string) ?? .null
                                        ),
                                        (
                                            "options",
                                            .array(
                                                question.options.map { option in
                                                    .object([
                                                        ("id", .string(option.id)), ("label", .string(option.label)), ("help", .string(option.help)),
                                                    ])
                                                })
                                        ),
                                    ])
                                })
                        ),
                        (
                            "strategies",
                            .array(
                                rubric.strategies.map { strategy in
                                    .object([
                                        ("id", .string(strategy.id)), ("label", .string(strategy.label)), ("summary", .string(strategy.summary)),
                                    ])
                                })
                        ),
                    ]))
    }
}
