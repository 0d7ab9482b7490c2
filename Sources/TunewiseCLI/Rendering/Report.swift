import TunewiseKit

/// A report that names, in its footer, the tool and rubric it was made with.
protocol ProvenanceReporting {
    /// The rubric the report was made from.
    var rubric: Rubric { get }
    /// The version of `tunewise` that made it.
    var toolVersion: String { get }
}

extension ProvenanceReporting {
    /// The tool's and the rubric's versions, for a footer.
    var provenance: String {
        "tunewise \(toolVersion), rubric \(rubric.id) \(rubric.version)"
    }

    /// The `tool` and `rubric` members that follow `schemaVersion` in a JSON report.
    var provenanceMembers: [(key: String, value: JSONValue)] {
        [
            ("tool", .object([("name", .string("tunewise")), ("version", .string(toolVersion))])),
            ("rubric", .object([("id", .string(rubric.id)), ("version", .string(rubric.version))])),
        ]
    }
}

/// Everything a report shows: the advice and what it was made from.
struct Report: ProvenanceReporting {
    let advice: Advice
    let rubric: Rubric
    let toolVersion: String

    func strategyLabel(_ id: String) -> String { rubric.strategy(id)?.label ?? id }

    func questionLabel(_ id: String) -> String { rubric.question(id)?.label ?? id }

    /// A reason's subject: "Data volume: thousands", or the rule's answers joined by " + ".
    func subject(of reason: Reason) -> String {
        switch reason.kind {
        case .answer: return "\(questionLabel(reason.question ?? "")): \(reason.answer ?? "")"
        case .rule:
            return reason.ruleAnswers.map { "\(questionLabel($0.question)): \($0.answer)" }.joined(separator: " + ")
        case .baseline: return "Start simple"
        }
    }

    /// "if transience weighed 1.8× as much", for the weight sensitivity line.
    func weightPhrase(_ change: WeightChange) -> String {
        let question = questionLabel(change.question).lowercased()
        if change.newWeight == 0 { return "if \(question) did not count at all" }
        guard let factor = change.factor else {
            return "if \(question) weighed \(JSONWriter.format(change.newWeight)) instead of 0"
        }
        return "if \(question) weighed \(JSONWriter.format(rounded(factor)))× as much (weight \(JSONWriter.format(change.newWeight)) instead of \(JSONWriter.format(change.weight)))"
    }

    /// The sensitivity grouped by question, in rubric order: (question, [(answer, strategy)]).
    var sensitivityByQuestion: [(question: String, changes: [AnswerChange])] {
        var groups: [(question: String, changes: [AnswerChange])] = []
        for change in advice.sensitivity {
            if groups.last?.question == change.question {
                groups[groups.count - 1].changes.append(change)
            } else {
                groups.append((change.question, [change]))
            }
        }
        return groups
    }
}

/// A signed number for a points column: `+3`, `-1.5`.
func signed(_ value: Double) -> String {
    value > 0 ? "+" + JSONWriter.format(value) : JSONWriter.format(value)
}
