import TunewiseKit

// Steps that more than one command takes, written once: diff reads answers files and advises
// as advise does; advise costs a plan as cost does. (Measuring a data file stays
// DataCommand.measure, which owns the measurement's types.)
extension Tunewise {
    /// The advice for a situation, with the advisor's errors as command errors. The advisor
    /// is the one check that every core question is answered: a question left unanswered is
    /// a missing answer, or, for answers read from `answersFile` alone with nobody to ask
    /// (diff), that file's problem at its JSON path, as any other problem of the file is.
    static func advise(_ situation: Situation, with advisor: Advisor, answersFile: String? = nil) throws(CommandError) -> Advice {
        do {
            return try advisor.advise(situation)
        } catch {
            switch error {
            case .everyStrategyExcluded: throw .everyStrategyExcluded
            case .missingAnswers(let questions):
                guard let answersFile else { throw .missingAnswers(questions) }
                let missing = advisor.rubric.questions.filter { questions.contains($0.id) }
                throw .incompleteAnswersFile(path: displayName(answersFile), .invalid(missing.map(AnswersDocument.missingProblem)))
            }
        }
    }

    /// How messages name an answers file: `-` is standard input.
    private static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }

    /// `situation` over the answers of `rubric`'s policy, if any: a policy's answers are
    /// defaults under everything given or measured, for advise and diff alike.
    static func withPolicyDefaults(_ situation: Situation, _ rubric: Rubric) -> Situation {
        guard let policy = rubric.policy, let fromPolicy = try? rubric.resolve(policy.answers) else { return situation }
        return situation.laid(over: fromPolicy)
    }

    /// The answers in `bytes`, read from `path` (`-`: standard input), resolved against
    /// `rubric`; whether they answer every core question is the advisor's to say (``advise(_:with:answersFile:)``).
    static func decodeAnswers(_ bytes: [UInt8], path: String, _ rubric: Rubric) throws(CommandError) -> Situation {
        do {
            return try AnswersDocument.decode(bytes, against: rubric)
        } catch {
            throw .invalidAnswersFile(path: displayName(path), error)
        }
    }

    /// Runs the cost model with each strategy carried out as `shapes` says, mapping its
    /// errors to command errors; for `cost` and `advise --cost` (which passes
    /// `requiringTrained` false: its plan is costed as far as the figures go).
    /// - Throws: ``CommandError/missingCostInputs(_:)`` naming the flags that supply what
    ///   is missing.
    static func compareCosts(
        _ inputs: CostInputs, shapes: [String: CostShape] = [:], requiringTrained: Bool = true
    ) throws(CommandError) -> CostComparison {
        do {
            return try CostModel.compare(inputs, shapes: shapes, requiringTrained: requiringTrained)
        } catch {
            switch error {
            case .missing(let fields): throw .missingCostInputs(fields.map(\.suppliedBy))
            case .invalid(let problems):
                // Flags and files check each number as they read it; what is left is a cached
                // price above the input price, which only the two together show.
                let problem = problems[0]
                throw .invalidCostNumber(
                    flag: problem.field.flag, value: JSONWriter.format(problem.value), reason: "\(problem.reason); \(problem.allowedText)")
            }
        }
    }

    /// Sets the training tokens to those estimated in a data file (`nil`: it has no valid
    /// example), unless `flag` (the `--training-tokens` given) sets them: the file given for this
    /// run wins over a cost file's figure, which may be the template's example. Says in one line
    /// what was used when the figures differ by more than the estimate's error, when the file
    /// gives none, and what the estimate leaves out (`caveat`) when it is used.
    static func takeTrainingTokens(
        _ measured: Int?, caveat: String?, from file: String, flag: Double?, into inputs: inout CostInputs, _ console: inout some Console
    ) {
        let name = Tunewise.visible(file)
        guard let measured else {
            let used =
                flag.map { "; \(CostField.trainingTokens.flag) \(JSONWriter.format($0)) is used" }
                ?? inputs[.trainingTokens].map { "; the cost file's \(CostField.trainingTokens.rawValue) \(JSONWriter.format($0)) is used" } ?? ""
            console.writeError("tunewise: note: \(name) has no valid example, so it gives no training tokens\(used)\n")
            return
        }
        func differs(_ given: Double) -> Bool { abs(given - Double(measured)) > Double(measured) / 10 }
        if let flag {
            if differs(flag) {
                console.writeError(
                    "tunewise: note: \(CostField.trainingTokens.flag) \(JSONWriter.format(flag)) is used, but \(name) holds about "
                        + "\(grouped(measured)) training tokens (estimated)\n")
            }
            return
        }
        if let fromFile = inputs[.trainingTokens], differs(fromFile) {
            console.writeError(
                "tunewise: note: the \(grouped(measured)) training tokens estimated in \(name) are used, not the cost file's "
                    + "\(CostField.trainingTokens.rawValue) \(JSONWriter.format(fromFile))\n")
        }
        if let caveat { console.writeError("tunewise: note: in \(name), \(caveat)\n") }
        inputs.values[.trainingTokens] = Double(measured)
        inputs.trainingTokensFrom = name
    }

    /// The inputs in the file at `path` (`-`: standard input), with the same limits as `--answers`.
    static func readCostInputs(_ path: String, _ console: inout some Console) throws(CommandError) -> CostInputs {
        let bytes = path == "-" ? try console.readAllInput() : try console.readFile(path)
        let name = path == "-" ? "standard input" : path
        do {
            return try CostInputsDocument.decode(bytes)
        } catch {
            switch error {
            case .syntax(let error): throw .invalidCostFile(path: name, problems: ["not valid JSON: \(error.description)"])
            case .invalid(let problems): throw .invalidCostFile(path: name, problems: problems)
            }
        }
    }

}
