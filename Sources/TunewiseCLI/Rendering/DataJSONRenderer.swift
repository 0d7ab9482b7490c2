import TunewiseData
import TunewiseKit

/// The machine-readable data report, schema version 2.
///
/// `files[]` (`path`, `role`, `lines`, `bytes`), `format`, `examples` (`valid`, `invalid`,
/// `unique`, `duplicates`, `nearDuplicates`), `structure[]` and `faults[]` and `pii[]`
/// (`kind`, `count`, `lines`), `tokens` (`total`, `median`, `p95`, `max`, `limit`,
/// `overLimit`), `leakage.evalExamplesInTrain` and `answers` are fixed by the product
/// contract; the rest is added for scripts that want every figure.
struct DataJSONRenderer: ReportRenderer {
    func render(_ report: DataReport) -> String {
        let train = report.train.measurement
        var data: [(String, JSONValue)] = [
            ("files", .array([Self.file(report.train, role: "train")] + (report.eval.map { [Self.file($0, role: "eval")] } ?? []))),
            ("format", .string(train.format.rawValue)),
            (
                "examples",
                .object([
                    ("valid", Self.number(train.valid)), ("invalid", Self.number(train.invalid)), ("unique", Self.number(train.unique)),
                    ("duplicates", Self.number(train.duplicates)), ("nearDuplicates", Self.number(train.nearDuplicates)),
                ])
            ),
            ("structure", Self.tallies(train.structure.found.map { ($0.kind.rawValue, $0.tally) })),
            ("faults", Self.tallies(train.faults.found.map { ($0.kind.rawValue, $0.tally) })),
            ("tokens", Self.tokens(train.tokens)),
        ]
        if let eval = report.eval?.measurement, let leakage = eval.leakage {
            data.append(
                (
                    "leakage",
                    .object([
                        ("evalExamplesInTrain", Self.number(leakage.evalExamplesInTrain)),
                        ("evalLinesInTrain", .array(leakage.evalLinesInTrain.map(Self.number))),
                        ("evalPairsInTrain", Self.trainingPairs(leakage.evalPairsInTrain)),
                        ("evalPromptsInTrain", Self.number(leakage.evalPromptsInTrain)),
                        ("evalPromptPairsInTrain", Self.trainingPairs(leakage.evalPromptPairsInTrain)),
                        ("evalNearDuplicatesOfTrain", Self.number(leakage.evalNearDuplicatesOfTrain)),
                        ("evalNearPairsInTrain", Self.trainingPairs(leakage.evalNearPairsInTrain)),
                    ])
                ))
        }
        data.append(("pii", Self.tallies(train.personalData.found.map { ($0.kind.rawValue, $0.tally) })))
        data.append(("answers", .object(report.answers.map { ($0.question, .string($0.option)) })))
        data.append(contentsOf: Self.details(train))
        return JSONWriter.write(
            .object([
                ("schemaVersion", Self.number(DataReport.schemaVersion)),
                ("tool", .object([("name", .string("tunewise")), ("version", .string(report.toolVersion))])),
                ("data", .object(data)),
            ]))
    }

    private static func number(_ value: Int) -> JSONValue { .number(Double(value)) }

    private static func file(_ file: DataReport.File, role: String) -> JSONValue {
        let measurement = file.measurement
        return .object([
            ("path", .string(file.name)), ("role", .string(role)), ("lines", number(measurement.lines)), ("bytes", number(measurement.bytes)),
            ("valid", number(measurement.valid)), ("invalid", number(measurement.invalid)),
            ("blankLines", number(measurement.blankLines)), ("crlfLines", number(measurement.crlfLines)),
            ("byteOrderMark", .bool(measurement.hasByteOrderMark)),
        ])
    }

    private static func tallies(_ tallies: [(String, Tally)]) -> JSONValue {
        .array(tallies.map { kind, found in .object([("kind", .string(kind))] + tally(found)) })
    }

    /// A tally's count and first lines.
    private static func tally(_ tally: Tally) -> [(key: String, value: JSONValue)] {
        [("count", number(tally.count)), ("lines", .array(tally.lines.map { number($0) }))]
    }

    private static func tokens(_ tokens: TokenStatistics) -> JSONValue {
        .object([
            ("total", number(tokens.total)), ("median", number(tokens.median)), ("p95", number(tokens.p95)), ("max", number(tokens.max)),
            ("limit", number(tokens.limit)), ("overLimit", number(tokens.overLimit)), ("method", .string(DataReport.tokenMethod)),
        ])
    }

    /// Members beyond the contract: the formats counted, the duplicates and near-duplicates
    /// kept (each with the line it repeats), the lines over the token limit, the invalid lines
    /// in another tool's layout, the preference pairs that reverse an earlier one and their
    /// answers' lengths, and outputs.
    private static func details(_ measurement: DataMeasurement) -> [(String, JSONValue)] {
        let outputs = measurement.outputs
        return [
            (
                "formats",
                .object([
                    ("chat", number(measurement.chatExamples)), ("prompt-completion", number(measurement.promptCompletionExamples)),
                    ("preference", number(measurement.preferenceExamples)),
                ])
            ),
            // How many entries the lists of lines and pairs keep; the counts beside them are exact.
            ("kept", .object([("lines", number(Tally.keptLines)), ("nearDuplicatePairs", number(DataAnalyzer.keptPairs))])),
            ("duplicateLines", .array(measurement.duplicateLines.map(number))),
            ("duplicatePairs", pairs(measurement.duplicatePairs)),
            ("overLimitLines", .array(measurement.overLimitLines.map(number))),
            ("otherLayouts", tallies(measurement.otherLayouts.found.map { ($0.kind.rawValue, $0.tally) })),
            ("notUTF8Lines", .object(tally(measurement.notUTF8Lines))),
            ("ratings", .object([("rated", number(measurement.rated)), ("false", number(measurement.ratedDown))])),
            // Prompts without an answer beside a reference for a grader, among the chat examples.
            ("graded", number(measurement.gradedExamples)),
            ("assistantTurns", number(measurement.assistantTurns)),
            ("reasoningExamples", number(measurement.reasoningExamples)),
            ("mediaExamples", number(measurement.mediaExamples)),
            ("nearDuplicatePairs", pairs(measurement.nearDuplicatePairs)),
            ("reversals", number(measurement.reversals)),
            // The answers' estimated tokens in preference pairs whose answers differ.
            (
                "answerLengths",
                .object([
                    ("pairs", number(measurement.answerLengths.pairs)), ("preferredLonger", number(measurement.answerLengths.preferredLonger)),
                    ("preferredShorter", number(measurement.answerLengths.preferredShorter)),
                    ("preferredTokens", number(measurement.answerLengths.preferredTokens)),
                    ("otherTokens", number(measurement.answerLengths.otherTokens)),
                ])
            ),
            ("reversalPairs", pairs(measurement.reversalPairs)),
            (
                "outputs",
                .object([
                    ("count", number(outputs.outputs)), ("json", number(outputs.jsonOutputs)),
                    ("wrappedJSON", .object(tally(outputs.wrappedJSON))), ("brokenJSON", .object(tally(outputs.brokenJSON))),
                    ("labels", .array(outputs.labels.map { .object([("label", .string($0.text)), ("count", number($0.count))]) })),
                ])
            ),
        ]
    }

    /// Evaluation lines and the training lines they repeat, as `{"line", "trainingLine"}` objects.
    private static func trainingPairs(_ pairs: [LinePair]) -> JSONValue {
        .array(pairs.map { .object([("line", number($0.line)), ("trainingLine", number($0.earlierLine))]) })
    }

    /// Pairs of lines as `{"line", "earlierLine"}` objects.
    private static func pairs(_ pairs: [LinePair]) -> JSONValue {
        .array(pairs.map { .object([("line", number($0.line)), ("earlierLine", number($0.earlierLine))]) })
    }
}
