import TunewiseKit

/// `tunewise questions`: the rubric's questions, options and help, for people (wrapped to the
/// terminal's width) and for scripts.
struct QuestionsCommand {
    let rubricPath: String?
    let format: QuestionsFormat

    func run(console: inout some Console) throws(CommandError) {
        let rubric = try Tunewise.loadRubric(rubricPath)
        try console.writeOutput(format == .json ? json(rubric) : text(rubric).wrapped(to: TextStyle.width(in: console.environment)))
    }

    private func text(_ rubric: Rubric) -> String {
        var lines = ["\(rubric.title) (\(rubric.id) \(rubric.version))"]
        for question in rubric.questions {
            lines.append("")
            let kind = question.isCore ? "core" : "refinement"
            lines.append("--\(question.id)  (\(kind)) \(question.label): \(question.text)")
            let width = question.options.map(\.id.count).max() ?? 0
            for option in question.options {
                let marker = option.id == question.defaultOption ? " (default)" : ""
                lines.append("    \(option.id.padded(to: width))  \(option.help)\(marker)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ rubric: Rubric) -> String {
        JSONWriter.write(
            .object([
                ("schemaVersion", .number(1)),
                ("rubric", .object([("id", .string(rubric.id)), ("version", .string(rubric.version))])),
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
                                ("default", question.defaultOption.map(JSONValue.string) ?? .null),
                                (
                                    "options",
                                    .array(
                                        question.options.map { option in
                                            .object([("id", .string(option.id)), ("label", .string(option.label)), ("help", .string(option.help))])
                                        })
                                ),
                            ])
                        })
                ),
                (
                    "strategies",
                    .array(
                        rubric.strategies.map { strategy in
                            .object([("id", .string(strategy.id)), ("label", .string(strategy.label)), ("summary", .string(strategy.summary))])
                        })
                ),
            ]))
    }
}
