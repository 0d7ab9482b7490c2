/// Reading a rubric's strategies, their notes, and its questions and options.
extension RubricReader {
    // MARK: Strategies

    mutating func readStrategy(_ value: JSONValue, _ path: String) -> Strategy? {
        guard
            let object = members(
                value, path,
                allowed: [
                    "id", "label", "summary", "baseline", "reason", "source", "caveats", "nextSteps", "risks",
                ])
        else { return nil }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let summary = string(object, "summary", path)
        let baseline = optionalNumber(object, "baseline", path) ?? 0
        let citation = optionalCitation(object, path, required: baseline != 0, what: "a non-zero baseline")
        guard let id else { return nil }
        return Strategy(
            id: id, label: label ?? "", summary: summary ?? "", baseline: baseline, baselineCitation: citation,
            caveats: [], nextSteps: [])
    }

    mutating func checkStrategies(_ strategies: [Strategy], _ path: String) {
        checkUniqueIDs(strategies.map(\.id), path, what: "strategy")
        for (index, strategy) in strategies.enumerated() where !Contract.strategyIDs.contains(strategy.id) {
            report("\(path)[\(index)].id", "unknown strategy \"\(strategy.id)\"; known: \(Contract.strategyIDs.joined(separator: ", "))")
        }
        let present = Set(strategies.map(\.id))
        let missing = Contract.strategyIDs.filter { !present.contains($0) }
        if !missing.isEmpty, !strategies.isEmpty {
            report(path, "missing fixed strateg\(missing.count == 1 ? "y" : "ies") \(missing.joined(separator: ", "))")
        }
        strategyIDs = strategies.map(\.id).filter(Contract.strategyIDs.contains)
    }

    /// Caveats, next steps and risks hold conditions on questions, so they are read after the questions.
    mutating func readStrategyNotes(_ value: JSONValue?, _ strategies: [Strategy], _ path: String) -> [Strategy] {
        guard case .array(let elements)? = value, elements.count == strategies.count else { return strategies }
        return zip(elements.indices, strategies).map { index, strategy in
            var strategy = strategy
            let elementPath = "\(path)[\(index)]"
            strategy.caveats = readList(elements[index]["caveats"], "\(elementPath).caveats", required: false) {
                reader, value, path in reader.readNote(value, path)
            }
            strategy.nextSteps = readList(elements[index]["nextSteps"], "\(elementPath).nextSteps", required: false) {
                reader, value, path in reader.readNote(value, path, isStep: true)
            }
            strategy.risks = readList(elements[index]["risks"], "\(elementPath).risks", required: false) {
                reader, value, path in reader.readNote(value, path)
            }
            return strategy
        }
    }

    /// A caveat, risk or, with `isStep`, a next step, which may also give its `stage`.
    mutating func readNote(_ value: JSONValue, _ path: String, isStep: Bool = false) -> Note? {
        let keys = ["text", "source", "when", "unless"] + (isStep ? ["stage"] : [])
        guard let object = members(value, path, allowed: keys) else { return nil }
        let text = string(object, "text", path)
        let source = optionalString(object, "source", path)
        let condition = object["when"].map { readCondition($0, "\(path).when", minimumClauses: 1) } ?? .always
        let exceptions = readExceptions(object["unless"], "\(path).unless")
        let stage = object["stage"] == nil ? .build : readStage(object, path)
        guard let text, let condition, let exceptions, let stage else { return nil }
        return Note(text: text, source: source, when: condition, unless: exceptions, stage: stage)
    }

    /// A note's or a variant choice's `unless`: absent (none), one condition, or a non-empty
    /// list of them, any of which leaves it out; `nil` where one is wrong (reported).
    mutating func readExceptions(_ value: JSONValue?, _ path: String) -> [Condition]? {
        guard let value else { return [] }
        guard case .array(let elements) = value else { return readCondition(value, path, minimumClauses: 1).map { [$0] } }
        guard !elements.isEmpty else {
            report(path, "expected a non-empty array")
            return nil
        }
        let conditions = readList(value, path, required: true) { reader, value, path in reader.readCondition(value, path, minimumClauses: 1) }
        return conditions.count == elements.count ? conditions : nil
    }

    private mutating func readStage(_ object: JSONValue, _ path: String) -> Note.Stage? {
        let names = Note.Stage.allCases.map(\.rawValue)
        guard let name = string(object, "stage", path) else { return nil }
        guard let stage = Note.Stage(rawValue: name) else {
            report("\(path).stage", "unknown stage \"\(name)\"; known: \(names.joined(separator: ", "))")
            return nil
        }
        return stage
    }

    // MARK: Questions

    mutating func readQuestion(_ value: JSONValue, _ path: String) -> Question? {
        guard
            let object = members(
                value, path,
                allowed: [
                    "id", "label", "text", "help", "core", "lever", "weight", "default", "options", "askWhen",
                ])
        else { return nil }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let text = string(object, "text", path)
        let help = string(object, "help", path)
        let core = boolean(object, "core", path)
        let lever = readLever(object, path)
        let weight = nonNegative(object, "weight", path)
        let defaultOption = optionalString(object, "default", path)
        let options = readList(object["options"], "\(path).options", required: true) { reader, value, path in
            reader.readOption(value, path)
        }
        checkUniqueIDs(options.map(\.id), "\(path).options", what: "option")
        if options.count == 1 { report("\(path).options", "a question needs at least two options") }
        // Rules and exclusions hold a question's options as bits of a 64-bit mask.
        if options.count > Rubric.optionLimit {
            report("\(path).options", "a question has at most \(Rubric.optionLimit) options; found \(options.count)")
        }
        if let defaultOption, !options.contains(where: { $0.id == defaultOption }) {
            report("\(path).default", "unknown option \"\(defaultOption)\"; known: \(options.map(\.id).joined(separator: ", "))")
        }
        // Any other problem is already recorded; keeping the question lets references to it
        // resolve, so one mistake is reported once rather than at every reference.
        guard let id else { return nil }
        return Question(
            id: id, label: label ?? "", text: text ?? "", help: help ?? "", isCore: core ?? false, lever: lever, weight: weight ?? 0,
            defaultOption: defaultOption, options: options)
    }

    /// A question's `lever`: absent or `false` (a fact), `true` (either way) or `"upward"`
    /// (only to later options).
    mutating func readLever(_ object: JSONValue, _ path: String) -> Lever {
        switch object["lever"] {
        case nil, .bool(false)?: return .none
        case .bool(true)?: return .either
        case .string(Lever.upward.rawValue)?: return .upward
        case let value?:
            let found = if case .string(let text) = value { "\"\(text)\"" } else { value.kindDescription }
            report("\(path).lever", "expected true, false or \"upward\"; found \(found)")
            return .none
        }
    }

    /// A refinement's `askWhen` names other questions, so it is read after the questions.
    mutating func readAskWhen(_ value: JSONValue?, _ questions: [Question], _ path: String) -> [Question] {
        guard case .array(let elements)? = value, elements.count == questions.count else { return questions }
        return zip(elements.indices, questions).map { index, question in
            guard let condition = elements[index]["askWhen"] else { return question }
            var question = question
            let conditionPath = "\(path)[\(index)].askWhen"
            if question.isCore { report(conditionPath, "a core question is always asked; only refinements may have \"askWhen\"") }
            question.askWhen = readCondition(condition, conditionPath, minimumClauses: 1) ?? .always
            return question
        }
    }

    mutating func readOption(_ value: JSONValue, _ path: String) -> Option? {
        guard let object = members(value, path, allowed: ["id", "label", "help", "points", "reason", "source"]) else {
            return nil
        }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let help = string(object, "help", path)
        let points = object["points"].map { readPoints($0, "\(path).points") } ?? [:]
        let citation = optionalCitation(
            object, path, required: points.values.contains { $0 != 0 }, what: "points")
        guard let id else { return nil }
        return Option(id: id, label: label ?? "", help: help ?? "", points: points, citation: citation)
    }

    mutating func checkQuestions(_ questions: [Question], _ path: String) {
        checkUniqueIDs(questions.map(\.id), path, what: "question")
        for (index, question) in questions.enumerated() {
            if reservedQuestionIDs.contains(question.id) {
                report("\(path)[\(index)].id", "\"\(question.id)\" cannot be a question id: --\(question.id) is already a flag of tunewise")
            }
            questionOptions[question.id] = question.options.map(\.id)
            let fixed =
                Contract.coreQuestions.first { $0.id == question.id }.map { ($0, true) }
                ?? Contract.refinementQuestions.first { $0.id == question.id }.map { ($0, false) }
            guard let (contract, isCore) = fixed else { continue }
            let options = question.options.map(\.id)
            if options != contract.options {
                report(
                    "\(path)[\(index)].options",
                    "the fixed question \"\(question.id)\" must have the options \(contract.options.joined(separator: ", ")) in that order; found \(options.joined(separator: ", "))"
                )
            }
            if question.isCore != isCore {
                report("\(path)[\(index)].core", "the fixed question \"\(question.id)\" must have \"core\": \(isCore)")
            }
        }
        let present = Set(questions.map(\.id))
        let missing = (Contract.coreQuestions + Contract.refinementQuestions).map(\.id).filter { !present.contains($0) }
        if !missing.isEmpty {
            report(path, "missing fixed question\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
    }
}
