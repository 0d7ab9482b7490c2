import Foundation
import TunewiseKit

/// `tunewise advise`: gathers answers from flags, a file and the questionnaire, then reports.
struct AdviseCommand {
    let request: AdviseRequest

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(request.rubricPath, console: &console)
        let flagAnswers = try answersFromFlags(rubric)
        let weights = try Tunewise.weightOverrides(request.weights, in: rubric)
        var answers = try request.answersPath.map { path throws(CommandError) in try readAnswers(path, rubric, &console) } ?? Answers()
        answers = answers.overlaid(with: flagAnswers)

        let missing = rubric.missingCoreQuestions(in: answers)
        let canAsk = request.interactive || (!request.noInput && request.answersPath != "-" && console.inputIsTerminal)
        let asks = request.interactive || (!missing.isEmpty && canAsk)
        if !missing.isEmpty, !canAsk { throw .missingAnswers(missing.map(\.id)) }
        if asks {
            let promptStyle = TextStyle.forStream(
                isTerminal: console.inputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
            answers = try Questionnaire(rubric: rubric, style: promptStyle).run(completing: answers, console: &console)
        }

        let advice = try Self.advise(answers, with: Advisor(rubric: rubric, weightOverrides: weights))

        let cost = try costComparison(for: answers, &console)
        let report = Report(advice: advice, rubric: rubric, toolVersion: Tunewise.version, explain: request.explain, cost: cost)
        let style = TextStyle.forStream(
            isTerminal: console.outputIsTerminal, noColorFlag: request.noColor, environment: console.environment)
        let text = request.format.renderer(style: style, whyNot: request.whyNot).render(report)
        if let path = request.saveAnswersPath {
            try console.writeFile(AnswersDocument.encode(answers, rubric: rubric), to: path)
        }
        try console.writeOutput(text)
        if let path = request.saveAnswersPath { console.writeError("tunewise: wrote answers to \(Tunewise.visible(path))\n") }
        if asks {
            console.writeError("\nThe same advice as one command:\n  \(oneShotCommand(answers, rubric))\n")
        }
        if let expected = request.expect, expected != advice.strategy {
            Tunewise.report(.expectationFailed(expected: expected, actual: advice.strategy), console: &console)
            return .expectationFailed
        }
        return .success
    }

    /// The cost of each strategy from `--cost` and the cost flags, with the retrain cadence
    /// taken from the transience answer unless given; `nil` when no cost input was given.
    private func costComparison(for answers: Answers, _ console: inout some Console) throws(CommandError) -> CostComparison? {
        guard request.wantsCost else { return nil }
        let fileInputs = try request.costPath.map { path throws(CommandError) in try CostCommand.readInputs(path, &console) } ?? CostInputs()
        var inputs = fileInputs.overlaid(with: request.costInputs)
        if let transience = answers["transience"].flatMap(CostTransience.init(rawValue:)) { inputs.transience = transience }
        return try CostCommand.compare(inputs)
    }

    /// The `--QUESTION-ID OPTION-ID` flags, checked against the rubric.
    private func answersFromFlags(_ rubric: Rubric) throws(CommandError) -> Answers {
        var answers = Answers()
        for flag in request.answerFlags {
            guard let question = rubric.question(flag.name) else {
                throw Invocation.unknownFlag(flag, allowed: Invocation.adviseFlags + rubric.questions.map(\.id))
            }
            let allowed = question.options.map(\.id)
            guard let value = flag.value else { throw .missingValue(flag: flag.spelling, allowed: allowed) }
            guard allowed.contains(value) else {
                throw .invalidValue(flag: flag.spelling, value: value, allowed: allowed, suggestion: closestMatch(to: value, in: allowed))
            }
            guard answers[question.id] == nil else { throw .repeatedFlag(flag.spelling) }
            answers[question.id] = value
        }
        return answers
    }

    private func readAnswers(_ path: String, _ rubric: Rubric, _ console: inout some Console) throws(CommandError) -> Answers {
        let bytes = path == "-" ? try console.readAllInput() : try console.readFile(path)
        return try Self.decodeAnswers(bytes, path: path, rubric)
    }

    /// The advice for answers already checked against the advisor's rubric (as flags, files
    /// and the questionnaire check them), with its errors as command errors.
    static func advise(_ answers: Answers, with advisor: Advisor) throws(CommandError) -> Advice {
        do {
            return try advisor.advise(answers)
        } catch {
            switch error {
            case .everyStrategyExcluded: throw .everyStrategyExcluded
            case .missingAnswers(let questions): throw .missingAnswers(questions)
            case .invalidAnswers(let problems): preconditionFailure("answers were not checked: \(problems)")
            }
        }
    }

    /// The answers in `bytes`, read from `path` (`-`: standard input), checked against `rubric`;
    /// `diff` reads its answers files the same way.
    static func decodeAnswers(_ bytes: [UInt8], path: String, _ rubric: Rubric) throws(CommandError) -> Answers {
        let name = path == "-" ? "standard input" : path
        do {
            return try AnswersDocument.decode(bytes, against: rubric)
        } catch {
            switch error {
            case .syntax(let error): throw .invalidAnswersFile(path: name, problems: ["not valid JSON: \(error.description)"])
            case .invalid(let problems): throw .invalidAnswersFile(path: name, problems: problems)
            }
        }
    }

    /// The command line that gives the same advice without asking.
    private func oneShotCommand(_ answers: Answers, _ rubric: Rubric) -> String {
        var words = ["tunewise"]
        if let path = request.rubricPath { words += ["--rubric", shellQuoted(path)] }
        words += answers.ordered(by: rubric).map { "--\($0.question) \($0.option)" }
        words += request.weights.map { "--weight \($0.question)=\(JSONWriter.format($0.weight))" }
        if request.format != .text { words.append("--format \(request.format.rawValue)") }
        words.append("--no-input")
        return words.joined(separator: " ")
    }
}

/// `text` quoted for a POSIX shell when it holds anything but safe characters.
func shellQuoted(_ text: String) -> String {
    let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
    guard !safe || text.isEmpty else { return text }
    var quoted = "'"
    for scalar in text.unicodeScalars {
        if scalar == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(scalar) }
    }
    return quoted + "'"
}
