/// The typed getters a ``RubricReader`` reads values with: each reports what is missing or
/// of the wrong type at its JSON path and returns `nil` (or an empty value) so that reading goes on.
extension RubricReader {
    func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.kindDescription
    }

    func unknownQuestionMessage(_ question: String) -> String {
        let known = questionOptions.keys.sorted()
        let hint = didYouMean(question, in: known)
        return "unknown question \"\(question)\"\(hint); known: \(known.joined(separator: ", "))"
    }

    func unknownStrategyMessage(_ strategy: String) -> String {
        let hint = didYouMean(strategy, in: strategyIDs)
        return "unknown strategy \"\(strategy)\"\(hint); known: \(strategyIDs.joined(separator: ", "))"
    }

    mutating func members(_ value: JSONValue, _ path: String, allowed: [String]) -> JSONValue? {
        guard case .object(let members) = value else {
            report(path, "expected an object; found \(value.kindDescription)")
            return nil
        }
        for member in members where !allowed.contains(member.key) {
            let hint = didYouMean(member.key, in: allowed)
            report("\(path).\(member.key)", "unknown key\(hint); allowed: \(allowed.joined(separator: ", "))")
        }
        return value
    }

    mutating func readList<Element>(
        _ value: JSONValue?, _ path: String, required: Bool,
        _ readElement: (inout RubricReader, JSONValue, String) -> Element?
    ) -> [Element] {
        guard let value else {
            if required { report(path, "missing; expected a non-empty array") }
            return []
        }
        guard case .array(let elements) = value else {
            report(path, "expected an array; found \(value.kindDescription)")
            return []
        }
        if required, elements.isEmpty { report(path, "expected a non-empty array") }
        return elements.enumerated().compactMap { index, element in readElement(&self, element, "\(path)[\(index)]") }
    }

    mutating func checkUniqueIDs(_ ids: [String], _ path: String, what: String) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            report("\(path)[\(index)].id", "duplicate \(what) id \"\(id)\"")
        }
    }

    mutating func required(_ object: JSONValue, _ key: String, _ path: String) -> JSONValue? {
        guard let value = object[key] else {
            report("\(path).\(key)", "missing")
            return nil
        }
        return value
    }

    mutating func string(_ object: JSONValue, _ key: String, _ path: String) -> String? {
        guard let value = required(object, key, path) else { return nil }
        guard case .string(let text) = value, !text.allSatisfy(\.isWhitespace) else {
            report("\(path).\(key)", "expected a non-empty string; found \(value == .string("") ? "an empty string" : value.kindDescription)")
            return nil
        }
        return text
    }

    mutating func optionalString(_ object: JSONValue, _ key: String, _ path: String) -> String? {
        object[key] == nil ? nil : string(object, key, path)
    }

    mutating func identifier(_ object: JSONValue, _ path: String) -> String? {
        guard let id = string(object, "id", path) else { return nil }
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard allowed, id.first != "-" else {
            report("\(path).id", "\"\(id)\" is not a valid id; use lowercase letters, digits and '-'")
            return nil
        }
        return id
    }

    mutating func number(_ object: JSONValue, _ key: String, _ path: String) -> Double? {
        guard let value = required(object, key, path) else { return nil }
        guard case .number(let number) = value, number.isFinite else {
            report("\(path).\(key)", "expected a finite number; found \(value.kindDescription)")
            return nil
        }
        return inRange(number, "\(path).\(key)")
    }

    /// `number` when its magnitude is at most ``Rubric/numberLimit``, which keeps every sum of
    /// weighted points finite; otherwise reports it.
    mutating func inRange(_ number: Double, _ path: String) -> Double? {
        guard abs(number) <= Rubric.numberLimit else {
            let limit = JSONWriter.format(Rubric.numberLimit)
            report(path, "out of range; a rubric's numbers lie between -\(limit) and \(limit), found \(JSONWriter.format(number))")
            return nil
        }
        return number
    }

    mutating func optionalNumber(_ object: JSONValue, _ key: String, _ path: String) -> Double? {
        object[key] == nil ? nil : number(object, key, path)
    }

    mutating func nonNegative(_ object: JSONValue, _ key: String, _ path: String) -> Double? {
        guard let number = number(object, key, path) else { return nil }
        guard number >= 0 else {
            report("\(path).\(key)", "must not be negative; found \(JSONWriter.format(number))")
            return nil
        }
        return number
    }

    mutating func boolean(_ object: JSONValue, _ key: String, _ path: String) -> Bool? {
        guard let value = required(object, key, path) else { return nil }
        guard case .bool(let flag) = value else {
            report("\(path).\(key)", "expected true or false; found \(value.kindDescription)")
            return nil
        }
        return flag
    }

    mutating func citation(_ object: JSONValue, _ path: String) -> Citation? {
        let reason = string(object, "reason", path)
        let source = string(object, "source", path)
        guard let reason, let source else { return nil }
        return Citation(reason: reason, source: source)
    }

    mutating func optionalCitation(_ object: JSONValue, _ path: String, required: Bool, what: String) -> Citation? {
        if object["reason"] == nil, object["source"] == nil {
            if required { report(path, "\(what) need a \"reason\" and a \"source\"") }
            return nil
        }
        return citation(object, path)
    }
}
