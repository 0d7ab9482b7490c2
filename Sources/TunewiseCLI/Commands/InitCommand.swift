import TunewiseKit

/// `tunewise init [FILE]`: writes a starter answers file that `--answers` accepts as it is.
struct InitCommand: TunewiseCommand, Equatable {
    let request: InitRequest

    static let spec = CommandSpec(
        name: "init", summary: "write a starter answers file (or policy)",
        usage: ["init [FILE] [--force] [--rubric FILE]", "init --policy FILE [--force]"],
        discussion: HelpText.initDiscussion, positionals: [.file], flags: InitRequest.flags,
        examples: ["tunewise init answers.json", "tunewise --answers answers.json --no-input"],
        action: .running(InitCommand.self), help: HelpText.initHelp)

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        if let policyPath = request.policyPath { return try writeStarterPolicy(to: policyPath, console: &console) }
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        guard let path = request.path else {
            try console.writeOutput(Self.starterAnswers(rubric))
            return .success
        }
        if !request.force, console.fileExists(path) { throw .fileExists(path: path) }
        // The schema beside the file lets an editor complete and check it; one already there is kept.
        let directory = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
        let schemaPath = directory + AnswersSchema.fileName
        let writesSchema = !console.fileExists(schemaPath)
        // The schema first: should the answers then fail to be written, a second run keeps it
        // and is not refused for an answers file left behind.
        if writesSchema { try console.writeFile(JSONWriter.write(AnswersSchema.document(for: rubric)), to: schemaPath) }
        try console.writeFile(Self.starterAnswers(rubric, schema: AnswersSchema.fileName), to: path)
        let schemaNote = writesSchema ? ", its schema to \(Tunewise.visible(schemaPath))" : ""
        console.writeError(
            "tunewise: wrote starter answers to \(Tunewise.visible(path))\(schemaNote)\n  Edit the answers, then run: tunewise --answers \(shellQuoted(path))\n"
        )
        return .success
    }

    /// Writes ``starterPolicy`` to `path` (standard output for `-`), refusing to replace a file
    /// without `--force`.
    private func writeStarterPolicy(to path: String, console: inout some Console) throws(CommandError) -> ExitCode {
        guard path != "-" else {
            try console.writeOutput(Self.starterPolicy)
            return .success
        }
        if !request.force, console.fileExists(path) { throw .fileExists(path: path) }
        try console.writeFile(Self.starterPolicy, to: path)
        console.writeError(
            "tunewise: wrote a starter policy to \(Tunewise.visible(path)); edit it, then check it with 'tunewise rubric validate \(shellQuoted(path))'\n"
        )
        return .success
    }

    /// A policy that loads as it is and shows each part of the format once, for a team to edit.
    static let starterPolicy = """
        {
          "$comment": "Your organisation's facts and rules on top of the built-in rubric (every key: rubrics/policy.schema.json in tunewise's repository). Keep what applies, delete the rest; flags and answers files still win over these answers. A rule adds points where its answers hold: {id, when, points: {STRATEGY-ID: N}, reason, source}; a caveat or next step is {id, text, source}, with optional when and strategies.",
          "policy": "my-organisation",
          "version": "0.1",
          "extends": "default",
          "answers": {"governance": "confidential"},
          "exclusions": [
            {"id": "no-hosted-training-on-customer-data", "when": {"model-access": ["api-tuning"], "governance": ["confidential", "role-based"]},
             "strategies": ["fine-tuning", "hybrid"],
             "reason": "Customer data may not be uploaded to a hosted provider's training service.", "source": "Data policy (name the section)"}
          ],
          "rules": [],
          "weights": {},
          "caveats": [
            {"id": "model-risk-review", "strategies": ["fine-tuning", "hybrid", "prompt-tuning"],
             "text": "Every trained model needs a model-risk review before release: plan for it in the schedule.", "source": "Model-risk standard (name it)"}
          ],
          "nextSteps": [
            {"id": "register-the-model", "strategies": ["fine-tuning", "hybrid", "prompt-tuning"],
             "text": "Register every trained model in the model inventory, with its training data's lineage, before release.", "source": "Model-risk standard (name it)"}
          ]
        }

        """

    /// A typical case to edit, as an answers file (the format of `--save-answers`): every
    /// core question answered (``Situation/init(starterFor:)``), with a `$comment` on how to
    /// use it and `$options` listing each question's option ids, the refinements as optional.
    /// `schema`, when given, is the `$schema` path an editor resolves beside the file.
    static func starterAnswers(_ rubric: Rubric, schema: String? = nil) -> String {
        let comment = """
            A typical case to start from: change each answer to yours ($options lists the ids; \
            'tunewise questions' explains them), add any refinement that applies, then run \
            'tunewise --answers FILE'. Keys starting with $ are ignored.
            """
        let options = rubric.questions.map { question -> (key: String, value: JSONValue) in
            let ids = question.options.map(\.id).joined(separator: " | ")
            return (question.id, .string(question.isCore ? ids : "\(ids) (optional refinement)"))
        }
        let answers = Situation(starterFor: rubric).orderedAnswers.map { (key: $0.question, value: JSONValue.string($0.answer)) }
        let head: [(key: String, value: JSONValue)] =
            (schema.map { [("$schema", .string($0))] } ?? []) + [("$comment", .string(comment)), ("$options", .object(options))]
        return JSONWriter.write(.object(head + answers))
    }
}

extension InitCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        request = try InitRequest(arguments)
    }
}
