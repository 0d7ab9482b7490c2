/// Why a cost inputs document was refused.
public enum CostInputsDocumentError: Error, Equatable, Sendable {
    /// The bytes are not JSON.
    case syntax(JSONSyntaxError)
    /// Every problem, as `path: message`.
    case invalid([String])
}

/// The cost inputs file: a JSON object of ``CostField`` keys to numbers (`null` for not
/// given), with `transience` as `static`, `periodic` or `frequent`.
///
/// `$schema` (for editors) and keys starting with `_` (comments, such as the template's
/// `_comment` and `_examplesChecked`) are read and ignored.
public enum CostInputsDocument {
    /// The `$id` of `rubrics/cost.schema.json`, which the template names as its `$schema`: a
    /// path relative to the file, so an editor finds the schema when it is copied beside it.
    public static let schemaID = "cost.schema.json"

    /// The date the template's example prices were checked against public price pages.
    public static let examplesChecked = "2026-11-29"

    /// Parses and checks a cost inputs document.
    /// - Throws: ``CostInputsDocumentError`` naming every unknown key, wrong type and value
    ///   out of bounds with its JSON path.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(CostInputsDocumentError) -> CostInputs {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(error)
        }
        guard case .object(let members) = document else {
            throw .invalid(["$: expected an object of cost inputs, such as {\"requestsPerDay\": 20000}; found \(document.kindDescription)"])
        }
        let keys = CostField.allCases.map(\.rawValue) + ["transience"]
        var inputs = CostInputs()
        var problems: [String] = []
        for (key, value) in members {
            let path = "$.\(key)"
            // Notes: "$schema", "$comment" and any key starting "$", as answers files have them,
            // or "_" (the template's own "_comment").
            if key.hasPrefix("$") || key.hasPrefix("_") { continue }
            if key == "transience" {
                let allowed = CostTransience.allCases.map(\.rawValue)
                switch value {
                case .null: break
                case .string(let text):
                    if let transience = CostTransience(rawValue: text) {
                        inputs.transience = transience
                    } else {
                        problems.append(
                            "\(path): unknown transience \"\(text)\"\(didYouMean(text, in: allowed)); allowed: \(allowed.joined(separator: ", "))")
                    }
                default:
                    problems.append("\(path): expected a string; found \(value.kindDescription); allowed: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            guard let field = CostField(rawValue: key) else {
                problems.append("\(path): unknown key\(didYouMean(key, in: keys)); known: \(keys.joined(separator: ", "))")
                continue
            }
            switch value {
            case .null: continue
            case .number(let number):
                if let kind = field.problem(with: number) {
                    problems.append("\(path): \(CostProblem(field: field, value: number, kind: kind))")
                } else {
                    inputs[field] = number
                }
            default:
                problems.append("\(path): expected a number or null; found \(value.kindDescription)")
            }
        }
        for problem in inputs.problems where problem.kind == .aboveInputPrice {
            problems.append("$.\(problem.field.rawValue): \(problem)")
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return inputs
    }

    /// A starter inputs file: every field, with example figures labelled as examples.
    ///
    /// The prices are illustrative list prices of a small hosted model, its cached input and
    /// its fine-tuned variant as public price pages showed them on ``examplesChecked``;
    /// tunewise relies on none of them. Fields with a default the example keeps are `null`
    /// (not given): the self-hosting fields, so prompt-tuning shows as not costed until a
    /// team that self-hosts fills them in, and the tuned model's context, so it keeps all
    /// of it.
    public static var template: String {
        let examples: [CostField: JSONValue] = [
            .requestsPerDay: .number(20_000),
            .horizonMonths: .number(12),
            .promptTokens: .number(1_500),
            .contextTokens: .number(2_000),
            .outputTokens: .number(300),
            .inputPricePerMillion: .number(0.15),
            .cachedInputPricePerMillion: .number(0.075),
            .cacheHitShare: .number(0.8),
            .outputPricePerMillion: .number(0.6),
            .batchDiscount: .number(0),
            .retrievalPerMonth: .number(150),
            .promptBuildHours: .number(40),
            .tunedPromptTokens: .number(200),
            .tunedInputPricePerMillion: .number(0.3),
            .tunedOutputPricePerMillion: .number(1.2),
            .trainingTokens: .number(2_000_000),
            .epochs: .number(3),
            .trainingPricePerMillion: .number(3),
            .dataPrepHours: .number(24),
            .retrainHours: .number(8),
            .hourlyRate: .number(60),
        ]
        let comment = """
            EXAMPLE FIGURES: replace every number with your own. The prices are illustrative \
            list prices (per million tokens) of a small hosted model (OpenAI's GPT-4o mini), its \
            cached input and its fine-tuned variant as public price pages showed them, checked \
            \(examplesChecked); newer models often discount cached input by 75-90% rather than \
            50%, which favours prompting: use your own model's figures. tunewise builds in no price. Amounts are in the currency of your prices; a month is \
            30 days. null means not given. promptTokens are the instructions and examples; \
            inputTokens the request's own input (a document to extract from, a message to \
            route), sent to every strategy's model, null for 0. tunedContextTokens null keeps all contextTokens: \
            training does not replace retrieved facts. cacheHitShare applies to the fixed prompt \
            (and an in-context collection) of the base and, with tunedCachedInputPricePerMillion \
            (null here; this model's is 0.15), the tuned model, never to retrieved context, and only to a \
            prefix of at least cacheMinimumTokens (null: 1024, the least that providers cache; some \
            models cache only from 2048 or 4096). retrainEveryMonths null \
            takes the cadence from transience (static: none, periodic: 3, frequent: 1). \
            prompt-tuning runs on a self-hosted model: give hostingPerMonth (per unit, with \
            hostingCapacityPerDay requests a day a unit) and promptTuningRunCost to cost it. \
            collectionTokens and the distilled prices count when advise --cost follows advice \
            to put the collection in context or to distil.
            """
        let members: [(key: String, value: JSONValue)] =
            [
                ("$schema", .string(schemaID)),
                ("_comment", .string(comment)),
                ("_examplesChecked", .string(examplesChecked)),
                ("transience", .string(CostTransience.periodic.rawValue)),
            ] + CostField.allCases.map { ($0.rawValue, examples[$0] ?? .null) }
        return JSONWriter.write(.object(members))
    }
}
