/// Reads and validates policy documents (`.tunewise.json`) against the rubric they extend.
///
/// Like ``RubricLoader``, it reports every problem at once with its JSON path: unknown keys,
/// questions, options and strategies, duplicate ids, weights out of range, a built-in gate or
/// rule whose condition or strategies the policy would change, and added gates that together
/// leave no strategy.
public enum PolicyLoader {
    /// The keys a policy document may hold.
    public static let keys = [
        "$schema", "$comment", "policy", "version", "extends", "answers", "exclusions", "rules", "weights", "caveats", "nextSteps",
    ]

    /// Whether `document` is a policy rather than a rubric: an object with a `policy` member.
    public static func isPolicy(_ document: JSONValue) -> Bool { document["policy"] != nil }

    /// What the policy in `document` extends: its `extends` member when that is a string,
    /// else ``BuiltInRubric/name``. ``load(_:onto:)`` checks the member itself.
    public static func extends(_ document: JSONValue) -> String {
        if case .string(let name)? = document["extends"] { return name }
        return BuiltInRubric.name
    }

    /// Validates the policy in `document` against `base`, the rubric it extends.
    /// - Throws: ``RubricLoadError/invalid(_:)`` with every problem found.
    public static func load(_ document: JSONValue, onto base: Rubric) throws(RubricLoadError) -> Policy {
        var reader = RubricReader(reservedQuestionIDs: [])
        reader.questionOptions = Dictionary(uniqueKeysWithValues: base.questions.map { ($0.id, $0.options.map(\.id)) })
        reader.strategyIDs = base.strategies.map(\.id)
        let policy = reader.readPolicy(document, onto: base)
        if let policy { reader.checkExclusionsLeaveAStrategy(policy.applied(to: base)) }
        guard let policy, reader.problems.isEmpty else {
            throw .invalid(reader.problems.isEmpty ? [RubricProblem(path: "$", message: "not a valid policy")] : reader.problems)
        }
        return policy
    }
}

extension RubricReader {
    mutating func readPolicy(_ document: JSONValue, onto base: Rubric) -> Policy? {
        guard let root = members(document, "$", allowed: PolicyLoader.keys) else { return nil }
        let id = optionalString(root, "policy", "$")
        if id == nil, root["policy"] == nil { report("$.policy", "missing; expected the policy's id") }
        let version = string(root, "version", "$")
        // What it extends was read to load the base (``extends(_:)``); here only its type is checked.
        _ = optionalString(root, "extends", "$")
        let answers = root["answers"].map { readPolicyAnswers($0, "$.answers") } ?? Answers()
        let exclusions = readList(root["exclusions"], "$.exclusions", required: false) { reader, value, path in
            reader.readPolicyExclusion(value, path, builtIn: base.exclusions)
        }
        checkUniqueIDs(exclusions.map(\.id), "$.exclusions", what: "exclusion")
        let rules = readList(root["rules"], "$.rules", required: false) { reader, value, path in
            reader.readPolicyRule(value, path, builtIn: base.rules)
        }
        checkUniqueIDs(rules.map(\.id), "$.rules", what: "rule")
        let weights = root["weights"].map { readPolicyWeights($0, "$.weights") } ?? [:]
        let caveats = readList(root["caveats"], "$.caveats", required: false) { reader, value, path in
            reader.readPolicyNote(value, path)
        }
        checkUniqueIDs(caveats.map(\.id), "$.caveats", what: "caveat")
        let nextSteps = readList(root["nextSteps"], "$.nextSteps", required: false) { reader, value, path in
            reader.readPolicyNote(value, path)
        }
        checkUniqueIDs(nextSteps.map(\.id), "$.nextSteps", what: "next step")
        guard let id, let version else { return nil }
        return Policy(
            id: id, version: version, answers: answers, exclusions: exclusions, rules: rules, weights: weights,
            caveats: caveats, nextSteps: nextSteps)
    }

    /// The organisation's answers: every question and option known to the rubric.
    mutating func readPolicyAnswers(_ value: JSONValue, _ path: String) -> Answers {
        guard case .object(let pairs) = value else {
            report(path, "expected an object of question id to option id; found \(value.kindDescription)")
            return Answers()
        }
        var answers = Answers()
        for (question, optionValue) in pairs {
            let answerPath = "\(path).\(question)"
            guard let known = questionOptions[question] else {
                report(answerPath, unknownQuestionMessage(question))
                continue
            }
            guard case .string(let option) = optionValue, known.contains(option) else {
                report(answerPath, "unknown option \(describe(optionValue)); known: \(known.joined(separator: ", "))")
                continue
            }
            answers[question] = option
        }
        return answers
    }

    /// Question id to weight, each a finite number from 0 to ``Rubric/numberLimit``.
    mutating func readPolicyWeights(_ value: JSONValue, _ path: String) -> [String: Double] {
        guard case .object(let pairs) = value else {
            report(path, "expected an object of question id to weight; found \(value.kindDescription)")
            return [:]
        }
        var weights: [String: Double] = [:]
        for (question, _) in pairs {
            guard questionOptions[question] != nil else {
                report("\(path).\(question)", unknownQuestionMessage(question))
                continue
            }
            if let weight = nonNegative(value, question, path) { weights[question] = weight }
        }
        return weights
    }

    /// A gate the policy adds, or new wording for a built-in one: a built-in gate's condition
    /// and strategies, where given, must be its own, so a policy cannot narrow it.
    mutating func readPolicyExclusion(_ value: JSONValue, _ path: String, builtIn: [Exclusion]) -> Exclusion? {
        guard case .string(let id)? = value["id"], let original = builtIn.first(where: { $0.id == id }) else {
            return readExclusion(value, path)
        }
        guard let object = members(value, path, allowed: ["id", "when", "strategies", "reason", "source"]) else { return nil }
        if let when = object["when"], let condition = readCondition(when, "\(path).when", minimumClauses: 1),
            !sameClauses(condition, original.when)
        {
            report("\(path).when", "cannot change when the built-in gate \"\(id)\" holds; a policy may reword it (reason, source) but not narrow it")
        }
        if let strategies = object["strategies"].flatMap({ readStrategyList($0, "\(path).strategies") }),
            Set(strategies) != Set(original.strategies)
        {
            report(
                "\(path).strategies",
                "cannot change what the built-in gate \"\(id)\" rules out; a policy may reword it (reason, source) but not narrow it")
        }
        guard let citation = citation(object, path) else { return nil }
        var reworded = original
        reworded.citation = citation
        return reworded
    }

    /// A rule the policy adds, or new wording for a built-in one, whose condition and points stay.
    mutating func readPolicyRule(_ value: JSONValue, _ path: String, builtIn: [Rule]) -> Rule? {
        guard case .string(let id)? = value["id"], let original = builtIn.first(where: { $0.id == id }) else {
            // A policy cannot put points on an option, so its rules may hold on one answer.
            return readRule(value, path, minimumClauses: 1)
        }
        for key in ["when", "points"] where value[key] != nil {
            report("\(path).\(key)", "cannot change the built-in rule \"\(id)\"; a policy may reword it (reason, source) only")
        }
        guard let object = members(value, path, allowed: ["id", "when", "points", "reason", "source"]) else { return nil }
        guard let citation = citation(object, path) else { return nil }
        var reworded = original
        reworded.citation = citation
        return reworded
    }

    /// A caveat or next step the policy adds: an id, the text, an optional source and
    /// condition, and the strategies it is for (all when absent).
    mutating func readPolicyNote(_ value: JSONValue, _ path: String) -> PolicyNote? {
        guard let object = members(value, path, allowed: ["id", "when", "strategies", "text", "source"]) else { return nil }
        let id = identifier(object, path)
        let strategies = object["strategies"].map { readStrategyList($0, "\(path).strategies") ?? [] } ?? []
        let text = string(object, "text", path)
        let source = optionalString(object, "source", path)
        let condition = object["when"].map { readCondition($0, "\(path).when", minimumClauses: 1) } ?? .always
        guard let id, let text, let condition else { return nil }
        return PolicyNote(id: id, strategies: strategies, note: Note(text: text, source: source, when: condition))
    }

    /// Whether two conditions hold for the same answers: the same questions, each with the
    /// same options, in any order.
    private func sameClauses(_ a: Condition, _ b: Condition) -> Bool {
        func normalised(_ condition: Condition) -> [String: Set<String>] {
            Dictionary(condition.clauses.map { ($0.question, Set($0.options)) }) { first, second in first.intersection(second) }
        }
        return normalised(a) == normalised(b)
    }
}
