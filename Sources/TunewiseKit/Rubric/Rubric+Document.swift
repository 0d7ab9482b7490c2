extension Rubric {
    /// The rubric as a document in the format ``RubricLoader`` reads, which loads back as an
    /// equal rubric (less ``policy``: a policy's gates, rules, weights and notes are written as
    /// the rubric's own). `tunewise rubric show` prints it: the effective rubric a policy makes.
    public var document: JSONValue {
        .object([
            ("$schema", .string("rubric.schema.json")), ("schemaVersion", .number(Double(schemaVersion))), ("id", .string(id)),
            ("version", .string(version)), ("title", .string(title)),
            ("confidence", .object([("high", .number(confidence.high)), ("medium", .number(confidence.medium))])),
            ("strategies", .array(strategies.map(document))), ("questions", .array(questions.map(document))),
            ("rules", .array(rules.map(document))), ("exclusions", .array(exclusions.map(document))),
            ("variants", .array(variants.map(document))), ("properties", .array(properties.map(document))),
            ("references", .array(references.map(document))),
        ])
    }

    private func document(_ strategy: Strategy) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(strategy.id)), ("label", .string(strategy.label)), ("summary", .string(strategy.summary)),
        ]
        if strategy.baseline != 0 { members.append(("baseline", .number(strategy.baseline))) }
        members += citationMembers(strategy.baselineCitation)
        for (key, notes) in [("caveats", strategy.caveats), ("nextSteps", strategy.nextSteps), ("risks", strategy.risks)] where !notes.isEmpty {
            members.append((key, .array(notes.map(document))))
        }
        return .object(members)
    }

    private func document(_ question: Question) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(question.id)), ("label", .string(question.label)), ("text", .string(question.text)),
            ("help", .string(question.help)), ("core", .bool(question.isCore)),
        ]
        switch question.lever {
        case .none: break
        case .either: members.append(("lever", .bool(true)))
        case .upward: members.append(("lever", .string(Lever.upward.rawValue)))
        }
        members.append(("weight", .number(question.weight)))
        if let defaultOption = question.defaultOption { members.append(("default", .string(defaultOption))) }
        members.append(("options", .array(question.options.map(document))))
        if !question.askWhen.clauses.isEmpty { members.append(("askWhen", document(question.askWhen))) }
        return .object(members)
    }

    private func document(_ option: Option) -> JSONValue {
        .object(
            [("id", .string(option.id)), ("label", .string(option.label)), ("help", .string(option.help)), ("points", points(option.points))]
                + citationMembers(option.citation))
    }

    private func document(_ rule: Rule) -> JSONValue {
        .object([("id", .string(rule.id)), ("when", document(rule.when)), ("points", points(rule.points))] + citationMembers(rule.citation))
    }

    private func document(_ exclusion: Exclusion) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(exclusion.id)), ("when", document(exclusion.when))]
        if let unless = document(exceptions: exclusion.unless) { members.append(("unless", unless)) }
        members.append(("strategies", .array(exclusion.strategies.map(JSONValue.string))))
        members += citationMembers(exclusion.citation)
        if let later = exclusion.later {
            let assume = JSONValue.object(later.assume.map { ($0.question, .string($0.option)) })
            members.append(("later", .object([("trigger", .string(later.trigger)), ("assume", assume)])))
        }
        return .object(members)
    }

    private func document(_ variant: Variant) -> JSONValue {
        .object([
            ("id", .string(variant.id)), ("label", .string(variant.label)), ("strategies", .array(variant.strategies.map(JSONValue.string))),
            (
                "choices",
                .array(
                    variant.choices.map { choice in
                        var members: [(key: String, value: JSONValue)] = [("id", .string(choice.id)), ("label", .string(choice.label))]
                        if !choice.whenAny.isEmpty { members.append(("whenAny", .array(choice.whenAny.map(document)))) }
                        if let unless = document(exceptions: choice.unless) { members.append(("unless", unless)) }
                        members += citationMembers(choice.citation)
                        for (key, notes) in [("caveats", choice.caveats), ("nextSteps", choice.nextSteps)] where !notes.isEmpty {
                            members.append((key, .array(notes.map(document))))
                        }
                        return .object(members)
                    })
            ),
        ])
    }

    private func document(_ property: MonotoneProperty) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("question", .string(property.question))]
        if !property.scale.isEmpty { members.append(("scale", .array(property.scale.map(JSONValue.string)))) }
        return .object(members + [("favours", .string(property.favours)), ("over", .string(property.over))])
    }

    private func document(_ reference: Reference) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(reference.id)), ("title", .string(reference.title)), ("author", .string(reference.author)),
        ]
        if let year = reference.year { members.append(("year", .number(Double(year)))) }
        if let url = reference.url { members.append(("url", .string(url))) }
        return .object(members)
    }

    /// An `unless` as written: none, one condition, or a list of them.
    private func document(exceptions: [Condition]) -> JSONValue? {
        switch exceptions.count {
        case 0: nil
        case 1: document(exceptions[0])
        default: .array(exceptions.map(document))
        }
    }

    private func document(_ note: Note) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("text", .string(note.text))]
        if let source = note.source { members.append(("source", .string(source))) }
        if !note.when.clauses.isEmpty { members.append(("when", document(note.when))) }
        if let unless = document(exceptions: note.unless) { members.append(("unless", unless)) }
        if note.stage != .build { members.append(("stage", .string(note.stage.rawValue))) }
        return .object(members)
    }

    private func document(_ condition: Condition) -> JSONValue {
        .object(condition.clauses.map { ($0.question, .array($0.options.map(JSONValue.string))) })
    }

    /// Points by strategy id, in the rubric's order of strategies.
    private func points(_ points: [String: Double]) -> JSONValue {
        .object(strategies.compactMap { strategy in points[strategy.id].map { (strategy.id, .number($0)) } })
    }

    private func citationMembers(_ citation: Citation?) -> [(key: String, value: JSONValue)] {
        citation.map { [("reason", .string($0.reason)), ("source", .string($0.source))] } ?? []
    }
}
