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
}
