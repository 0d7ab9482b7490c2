/// One thing wrong with a rubric file, at a JSON path such as `questions[3].options[1].points.fine-tune`.
public struct RubricProblem: Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is; `$` is the whole document.
    public var path: String
    /// What is wrong and, where it helps, what is allowed.
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// Why a rubric could not be loaded.
public enum RubricLoadError: Error, Equatable, Sendable {
    /// The bytes are not JSON.
    case syntax(JSONSyntaxError)
    /// The JSON breaks the rubric format; every problem found, in document order.
    case invalid([RubricProblem])
}

/// Reads and validates rubric documents.
///
/// Validation reports every problem at once, each with its JSON path, so an author can fix
/// a file in one pass: unknown keys, wrong types, duplicate ids, references to unknown
/// questions, options or strategies, missing reasons or sources, negative weights, missing
/// fixed questions, and exclusions that together leave no strategy at all.
public enum RubricLoader {
    /// Parses and validates a rubric.
    /// - Parameters:
    ///   - bytes: the document, UTF-8 JSON.
    ///   - reservedQuestionIDs: names a question id may not take, such as the flags of the
    ///     command line that reads the rubric (every question id is also a flag there).
    /// - Throws: ``RubricLoadError``.
    public static func load<Bytes: Collection<UInt8>>(_ bytes: Bytes, reservedQuestionIDs: Set<String> = []) throws(RubricLoadError) -> Rubric {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(error)
        }
        return try load(document, reservedQuestionIDs: reservedQuestionIDs)
    }

    /// Validates an already parsed rubric document; `reservedQuestionIDs` as for the method that reads bytes.
    /// - Throws: ``RubricLoadError/invalid(_:)`` with every problem found.
    public static func load(_ document: JSONValue, reservedQuestionIDs: Set<String> = []) throws(RubricLoadError) -> Rubric {
        var reader = RubricReader(reservedQuestionIDs: reservedQuestionIDs)
        let rubric = reader.readRubric(document)
        guard let rubric, reader.problems.isEmpty else {
            throw .invalid(reader.problems.isEmpty ? [RubricProblem(path: "$", message: "not a valid rubric")] : reader.problems)
        }
        return rubric
    }
}

/// Walks a rubric document, building the model and recording each problem with its path.
///
/// The typed getters it reads values with are in `RubricReader+Primitives.swift`.
struct RubricReader {
    /// Names a question id may not take: the flags of the command line reading the rubric.
    let reservedQuestionIDs: Set<String>
    var problems: [RubricProblem] = []
    /// The strategies conditions and points may name: the fixed ones the rubric declares.
    var strategyIDs: [String] = Contract.strategyIDs
    /// Each question read so far, by id, with its option ids.
    var questionOptions: [String: [String]] = [:]

    mutating func report(_ path: String, _ message: String) {
        problems.append(RubricProblem(path: path, message: message))
    }

    // MARK: The document

    mutating func readRubric(_ document: JSONValue) -> Rubric? {
        guard
            let root = members(
                document, "$",
                allowed: [
                    "$schema", "schemaVersion", "id", "version", "title", "confidence", "strategies", "questions",
                    "rules", "exclusions", "variants", "properties", "references",
                ])
        else { return nil }
        // Compared as read: converting to Int first would trap on a huge number and read 1.5 as 1.
        let schemaVersion = number(root, "schemaVersion", "$")
        if let schemaVersion, schemaVersion != Double(Rubric.supportedSchemaVersion) {
            report(
                "$.schemaVersion",
                "unsupported version \(JSONWriter.format(schemaVersion)); this tunewise reads version \(Rubric.supportedSchemaVersion)")
        }
        let id = string(root, "id", "$")
        let version = string(root, "version", "$")
        let title = string(root, "title", "$")
        let confidence = readConfidence(root["confidence"], "$.confidence")
        let strategies = readList(root["strategies"], "$.strategies", required: true) { reader, value, path in
            reader.readStrategy(value, path)
        }
        checkStrategies(strategies, "$.strategies")
        let questions = readList(root["questions"], "$.questions", required: true) { reader, value, path in
            reader.readQuestion(value, path)
        }
        checkQuestions(questions, "$.questions")
        // Conditions elsewhere refer to questions, so strategies and questions come first.
        let strategiesWithNotes = readStrategyNotes(root["strategies"], strategies, "$.strategies")
        let askedQuestions = readAskWhen(root["questions"], questions, "$.questions")
        let rules = readList(root["rules"], "$.rules", required: false) { reader, value, path in
            reader.readRule(value, path)
        }
        checkUniqueIDs(rules.map(\.id), "$.rules", what: "rule")
        let exclusions = readList(root["exclusions"], "$.exclusions", required: false) { reader, value, path in
            reader.readExclusion(value, path)
        }
        checkUniqueIDs(exclusions.map(\.id), "$.exclusions", what: "exclusion")
        let variants = readList(root["variants"], "$.variants", required: false) { reader, value, path in
            reader.readVariant(value, path)
        }
        checkUniqueIDs(variants.map(\.id), "$.variants", what: "variant")
        let properties = readList(root["properties"], "$.properties", required: false) { reader, value, path in
            reader.readProperty(value, path)
        }
        let references = readList(root["references"], "$.references", required: false) { reader, value, path in
            reader.readReference(value, path)
        }
        checkUniqueIDs(references.map(\.id), "$.references", what: "reference")
        // With no problem reported, the schema version is the supported one.
        guard problems.isEmpty, schemaVersion != nil, let id, let version, let title, let confidence else { return nil }
        let rubric = Rubric(
            schemaVersion: Rubric.supportedSchemaVersion, id: id, version: version, title: title,
            strategies: strategiesWithNotes, questions: askedQuestions, rules: rules, exclusions: exclusions,
            variants: variants, confidence: confidence, properties: properties, references: references)
        checkExclusionsLeaveAStrategy(rubric)
        return problems.isEmpty ? rubric : nil
    }

    mutating func readConfidence(_ value: JSONValue?, _ path: String) -> ConfidenceThresholds? {
        guard let value else {
            report(path, "missing; expected an object with \"high\" and \"medium\" margins")
            return nil
        }
        guard let object = members(value, path, allowed: ["high", "medium"]) else { return nil }
        guard let high = nonNegative(object, "high", path), let medium = nonNegative(object, "medium", path) else {
            return nil
        }
        if medium > high { report(path, "\"medium\" (\(JSONWriter.format(medium))) must not exceed \"high\" (\(JSONWriter.format(high)))") }
        return ConfidenceThresholds(high: high, medium: medium)
    }

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
                reader, value, path in reader.readNote(value, path)
            }
            strategy.risks = readList(elements[index]["risks"], "\(elementPath).risks", required: false) {
                reader, value, path in reader.readNote(value, path)
            }
            return strategy
        }
    }

    mutating func readNote(_ value: JSONValue, _ path: String) -> Note? {
        guard let object = members(value, path, allowed: ["text", "source", "when"]) else { return nil }
        let text = string(object, "text", path)
        let source = optionalString(object, "source", path)
        let condition = object["when"].map { readCondition($0, "\(path).when", minimumClauses: 1) } ?? .always
        guard let text, let condition else { return nil }
        return Note(text: text, source: source, when: condition)
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
        let lever = object["lever"] == nil ? false : boolean(object, "lever", path)
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
            id: id, label: label ?? "", text: text ?? "", help: help ?? "", isCore: core ?? false, isLever: lever ?? false, weight: weight ?? 0,
            defaultOption: defaultOption, options: options)
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

    // MARK: Rules, exclusions, variants and properties

    mutating func readRule(_ value: JSONValue, _ path: String) -> Rule? {
        guard let object = members(value, path, allowed: ["id", "when", "points", "reason", "source"]) else { return nil }
        let id = identifier(object, path)
        let condition = required(object, "when", path).flatMap { readCondition($0, "\(path).when", minimumClauses: 2) }
        let points = required(object, "points", path).map { readPoints($0, "\(path).points") }
        let citation = citation(object, path)
        guard let id, let condition, let points, let citation else { return nil }
        return Rule(id: id, when: condition, points: points, citation: citation)
    }

    mutating func readExclusion(_ value: JSONValue, _ path: String) -> Exclusion? {
        guard let object = members(value, path, allowed: ["id", "when", "strategies", "reason", "source", "later"]) else {
            return nil
        }
        let id = identifier(object, path)
        let condition = required(object, "when", path).flatMap { readCondition($0, "\(path).when", minimumClauses: 1) }
        let strategies = readStrategyList(object["strategies"], "\(path).strategies")
        let citation = citation(object, path)
        let later = object["later"].flatMap { readDeferral($0, lifting: condition, "\(path).later") }
        guard let id, let condition, let strategies, let citation else { return nil }
        return Exclusion(id: id, when: condition, strategies: strategies, citation: citation, later: later)
    }

    /// A gate's `later`: the trigger, and answers under which the gate's `condition` fails.
    mutating func readDeferral(_ value: JSONValue, lifting condition: Condition?, _ path: String) -> Deferral? {
        guard let object = members(value, path, allowed: ["trigger", "assume"]) else { return nil }
        let trigger = string(object, "trigger", path)
        guard let assumeValue = required(object, "assume", path) else { return nil }
        guard case .object(let pairs) = assumeValue, !pairs.isEmpty else {
            report("\(path).assume", "expected a non-empty object of question id to option id; found \(assumeValue.kindDescription)")
            return nil
        }
        var assume: [(question: String, option: String)] = []
        for (questionID, optionValue) in pairs {
            let pairPath = "\(path).assume.\(questionID)"
            guard let known = questionOptions[questionID] else {
                report(pairPath, unknownQuestionMessage(questionID))
                continue
            }
            guard case .string(let option) = optionValue, known.contains(option) else {
                report(pairPath, "unknown option \(describe(optionValue)) of \"\(questionID)\"; known: \(known.joined(separator: ", "))")
                continue
            }
            assume.append((questionID, option))
        }
        guard let trigger, assume.count == pairs.count else { return nil }
        if let condition {
            let lifted = Answers(Dictionary(uniqueKeysWithValues: assume.map { ($0.question, $0.option) }))
            let stillHolds = condition.clauses.allSatisfy { clause in
                lifted[clause.question].map(clause.options.contains) ?? true
            }
            if stillHolds {
                report("\(path).assume", "must answer some question of the gate's \"when\" with an option outside it, so that the gate lifts")
            }
        }
        return Deferral(trigger: trigger, assume: assume)
    }

    mutating func readVariant(_ value: JSONValue, _ path: String) -> Variant? {
        guard let object = members(value, path, allowed: ["id", "label", "strategies", "choices"]) else { return nil }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let strategies = readStrategyList(object["strategies"], "\(path).strategies")
        let choices = readList(object["choices"], "\(path).choices", required: true) { reader, value, path in
            reader.readVariantChoice(value, path)
        }
        checkUniqueIDs(choices.map(\.id), "\(path).choices", what: "choice")
        if choices.last.map({ !$0.whenAny.isEmpty }) ?? false {
            report("\(path).choices", "the last choice must have no \"whenAny\", so that some choice always applies")
        }
        guard let id, let label, let strategies else { return nil }
        return Variant(id: id, label: label, strategies: strategies, choices: choices)
    }

    mutating func readVariantChoice(_ value: JSONValue, _ path: String) -> VariantChoice? {
        guard let object = members(value, path, allowed: ["id", "label", "whenAny", "reason", "source", "caveats", "nextSteps"]) else {
            return nil
        }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let conditions = readList(object["whenAny"], "\(path).whenAny", required: false) { reader, value, path in
            reader.readCondition(value, path, minimumClauses: 1)
        }
        let citation = citation(object, path)
        let caveats = readList(object["caveats"], "\(path).caveats", required: false) { reader, value, path in
            reader.readNote(value, path)
        }
        let nextSteps = readList(object["nextSteps"], "\(path).nextSteps", required: false) { reader, value, path in
            reader.readNote(value, path)
        }
        guard let id, let label, let citation else { return nil }
        return VariantChoice(id: id, label: label, whenAny: conditions, citation: citation, caveats: caveats, nextSteps: nextSteps)
    }

    mutating func readProperty(_ value: JSONValue, _ path: String) -> MonotoneProperty? {
        guard let object = members(value, path, allowed: ["question", "scale", "favours", "over"]) else { return nil }
        let question = string(object, "question", path)
        let favours = string(object, "favours", path)
        let over = string(object, "over", path)
        var scale: [String] = []
        if let question, let known = questionOptions[question] {
            if let scaleValue = object["scale"] {
                let elements: [JSONValue]
                if case .array(let array) = scaleValue { elements = array } else { elements = [] }
                scale = elements.compactMap { if case .string(let id) = $0 { id } else { nil } }
                if scale.count != elements.count || scale.count < 2 || Set(scale).count != scale.count || !scale.allSatisfy(known.contains) {
                    report(
                        "\(path).scale",
                        "expected two or more options of \"\(question)\", each once, in rising order; known: \(known.joined(separator: ", "))")
                }
            }
        } else if let question {
            report("\(path).question", unknownQuestionMessage(question))
        }
        for (key, strategy) in [("favours", favours), ("over", over)] {
            if let strategy, !strategyIDs.contains(strategy) { report("\(path).\(key)", unknownStrategyMessage(strategy)) }
        }
        if let favours, favours == over { report(path, "\"favours\" and \"over\" must name two different strategies") }
        guard let question, let favours, let over else { return nil }
        return MonotoneProperty(question: question, scale: scale, favours: favours, over: over)
    }

    mutating func readReference(_ value: JSONValue, _ path: String) -> Reference? {
        guard let object = members(value, path, allowed: ["id", "title", "author", "year", "url"]) else { return nil }
        let id = identifier(object, path)
        let title = string(object, "title", path)
        let author = string(object, "author", path)
        let year = number(object, "year", path)
        let url = string(object, "url", path)
        if let year, year != year.rounded() || year < 1900 || year > 2100 {
            report("\(path).year", "expected a year such as 2021; found \(JSONWriter.format(year))")
        }
        guard let id, let title, let author, let year, let url else { return nil }
        return Reference(id: id, title: title, author: author, year: Int(year), url: url)
    }

    /// A condition object: question id to the list of options that satisfy it.
    mutating func readCondition(_ value: JSONValue, _ path: String, minimumClauses: Int) -> Condition? {
        guard case .object(let members) = value else {
            report(path, "expected an object of question id to a list of option ids; found \(value.kindDescription)")
            return nil
        }
        if members.count < minimumClauses {
            report(
                path,
                minimumClauses == 1
                    ? "a condition needs at least one question"
                    : "a rule's condition needs at least \(minimumClauses) questions; a single answer's points belong on its option")
        }
        var clauses: [(question: String, options: [String])] = []
        for (questionID, optionsValue) in members {
            let clausePath = "\(path).\(questionID)"
            guard let known = questionOptions[questionID] else {
                report(clausePath, unknownQuestionMessage(questionID))
                continue
            }
            guard case .array(let elements) = optionsValue, !elements.isEmpty else {
                report(clausePath, "expected a non-empty list of option ids; known: \(known.joined(separator: ", "))")
                continue
            }
            var options: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let option) = element, known.contains(option) else {
                    report(
                        "\(clausePath)[\(index)]", "unknown option \(describe(element)) of \"\(questionID)\"; known: \(known.joined(separator: ", "))"
                    )
                    continue
                }
                if options.contains(option) { report("\(clausePath)[\(index)]", "duplicate option \"\(option)\"") }
                options.append(option)
            }
            clauses.append((questionID, options))
        }
        return Condition(clauses: clauses)
    }

    mutating func readPoints(_ value: JSONValue, _ path: String) -> [String: Double] {
        guard case .object(let members) = value else {
            report(path, "expected an object of strategy id to points; found \(value.kindDescription)")
            return [:]
        }
        var points: [String: Double] = [:]
        for (strategy, pointsValue) in members {
            guard strategyIDs.contains(strategy) else {
                report("\(path).\(strategy)", unknownStrategyMessage(strategy))
                continue
            }
            guard case .number(let number) = pointsValue, number.isFinite else {
                report("\(path).\(strategy)", "expected a finite number; found \(pointsValue.kindDescription)")
                continue
            }
            points[strategy] = inRange(number, "\(path).\(strategy)")
        }
        return points
    }

    mutating func readStrategyList(_ value: JSONValue?, _ path: String) -> [String]? {
        guard case .array(let elements)? = value, !elements.isEmpty else {
            report(path, "expected a non-empty list of strategy ids; known: \(strategyIDs.joined(separator: ", "))")
            return nil
        }
        var strategies: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let strategy) = element, strategyIDs.contains(strategy) else {
                report("\(path)[\(index)]", "unknown strategy \(describe(element)); known: \(strategyIDs.joined(separator: ", "))")
                continue
            }
            strategies.append(strategy)
        }
        return strategies
    }

    /// Reports when some answers trigger exclusions that together remove every strategy:
    /// the search is ``ExclusionCoverage``'s, analysis rather than loading.
    mutating func checkExclusionsLeaveAStrategy(_ rubric: Rubric) {
        guard let answers = ExclusionCoverage.answersExcludingEveryStrategy(in: rubric) else { return }
        let situation = answers.ordered(by: rubric).map { "\($0.question)=\($0.option)" }.joined(separator: ", ")
        report("$.exclusions", "together they exclude every strategy when \(situation)")
    }
}
