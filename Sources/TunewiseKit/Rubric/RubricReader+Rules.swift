/// Reading a rubric's rules, exclusions, variants, properties and references, and the checks
/// that need the whole rubric.
extension RubricReader {
    // MARK: Rules, exclusions, variants and properties

    /// A rule: in a rubric its condition names at least two questions (a single answer's points
    /// belong on its option); a policy, which cannot change options, may give `minimumClauses` 1.
    mutating func readRule(_ value: JSONValue, _ path: String, minimumClauses: Int = 2) -> Rule? {
        guard let object = members(value, path, allowed: ["id", "when", "points", "reason", "source"]) else { return nil }
        let id = identifier(object, path)
        let condition = required(object, "when", path).flatMap { readCondition($0, "\(path).when", minimumClauses: minimumClauses) }
        let points = required(object, "points", path).map { readPoints($0, "\(path).points") }
        let citation = citation(object, path)
        guard let id, let condition, let points, let citation else { return nil }
        return Rule(id: id, when: condition, points: points, citation: citation)
    }

    mutating func readExclusion(_ value: JSONValue, _ path: String) -> Exclusion? {
        guard let object = members(value, path, allowed: ["id", "when", "unless", "strategies", "reason", "source", "later"]) else {
            return nil
        }
        let id = identifier(object, path)
        let condition = required(object, "when", path).flatMap { readCondition($0, "\(path).when", minimumClauses: 1) }
        let exceptions = readExceptions(object["unless"], "\(path).unless").flatMap { checkOneQuestionEach($0, "\(path).unless") }
        let strategies = readStrategyList(object["strategies"], "\(path).strategies")
        let citation = citation(object, path)
        let later = object["later"].flatMap { readDeferral($0, lifting: condition, unless: exceptions ?? [], "\(path).later") }
        guard let id, let condition, let exceptions, let strategies, let citation else { return nil }
        return Exclusion(id: id, when: condition, unless: exceptions, strategies: strategies, citation: citation, later: later)
    }

    /// A gate's `unless` conditions, each on one question (its negation is then one clause,
    /// so the gate stays a single condition however it is evaluated); `nil` where one names
    /// several (reported).
    private mutating func checkOneQuestionEach(_ exceptions: [Condition], _ path: String) -> [Condition]? {
        let wide = exceptions.filter { $0.clauses.count > 1 }
        guard wide.isEmpty else {
            let questions = wide[0].clauses.map(\.question).joined(separator: ", ")
            report(path, "each condition of a gate's \"unless\" names one question; one names \(questions): give each its own condition")
            return nil
        }
        return exceptions
    }

    /// A gate's `later`: the trigger, and answers under which the gate's `condition` fails or
    /// one of its `unless` conditions holds.
    mutating func readDeferral(_ value: JSONValue, lifting condition: Condition?, unless exceptions: [Condition] = [], _ path: String) -> Deferral? {
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
            let spared = exceptions.contains { exception in
                exception.clauses.allSatisfy { clause in lifted[clause.question].map(clause.options.contains) ?? false }
            }
            if stillHolds && !spared {
                report(
                    "\(path).assume",
                    "must answer some question of the gate's \"when\" with an option outside it, or meet one of its \"unless\" conditions, so that the gate lifts"
                )
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
        if choices.last.map({ !$0.whenAny.isEmpty || !$0.unless.isEmpty }) ?? false {
            report("\(path).choices", "the last choice must have no \"whenAny\" and no \"unless\", so that some choice always applies")
        }
        guard let id, let label, let strategies else { return nil }
        return Variant(id: id, label: label, strategies: strategies, choices: choices)
    }

    mutating func readVariantChoice(_ value: JSONValue, _ path: String) -> VariantChoice? {
        guard let object = members(value, path, allowed: ["id", "label", "whenAny", "unless", "reason", "source", "caveats", "nextSteps"]) else {
            return nil
        }
        let id = identifier(object, path)
        let label = string(object, "label", path)
        let conditions = readList(object["whenAny"], "\(path).whenAny", required: false) { reader, value, path in
            reader.readCondition(value, path, minimumClauses: 1)
        }
        let exceptions = readExceptions(object["unless"], "\(path).unless")
        let citation = citation(object, path)
        let caveats = readList(object["caveats"], "\(path).caveats", required: false) { reader, value, path in
            reader.readNote(value, path)
        }
        let nextSteps = readList(object["nextSteps"], "\(path).nextSteps", required: false) { reader, value, path in
            reader.readNote(value, path, isStep: true)
        }
        guard let id, let label, let exceptions, let citation else { return nil }
        return VariantChoice(
            id: id, label: label, whenAny: conditions, unless: exceptions, citation: citation, caveats: caveats, nextSteps: nextSteps)
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
        let year = optionalNumber(object, "year", path)
        let url = optionalString(object, "url", path)
        if let year, year != year.rounded() || year < 1900 || year > 2100 {
            report("\(path).year", "expected a year such as 2021; found \(JSONWriter.format(year))")
        }
        guard let id, let title, let author else { return nil }
        return Reference(id: id, title: title, author: author, year: year.map { Int($0) }, url: url)
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
