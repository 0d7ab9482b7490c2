import Testing

@testable import TunewiseKit

/// Rubrics that made the loader trap or the advice overflow, each kept once fixed. The fuzz
/// harnesses are in `Sources/tunewise-fuzz` and run by `.ci/fuzz/run`.
struct FuzzRegressionTests {
    /// The problems of a rubric file's text, or none; a trap fails the whole test run.
    func problems(inText text: String) -> [RubricProblem] {
        do {
            _ = try RubricLoader.load(Array(text.utf8))
            return []
        } catch let .invalid(problems) {
            return problems
        } catch {
            return [RubricProblem(path: "$", message: "\(error)")]
        }
    }

    /// A version beyond `Int` trapped when converted; 1.5 was read as version 1.
    @Test(arguments: ["1e19", "-1e300", "9223372036854775807", "1.5", "0.999999"])
    func aSchemaVersionThatIsNotTheSupportedOneIsRefused(version: String) {
        let text = JSONWriter.write(TestRubric().json)
            .replacing("\"schemaVersion\": 2,", with: "\"schemaVersion\": \(version),")
        #expect(text.contains("\"schemaVersion\": \(version),"))
        let found = problems(inText: text)
        #expect(found.map(\.path) == ["$.schemaVersion"], "found: \(found)")
    }

    /// Exclusions that mention 64 two-option questions made the count of their answer
    /// combinations, 2^64, overflow while deciding whether to enumerate them.
    @Test func exclusionsOverManyQuestionsDoNotOverflow() throws {
        let extra = (1...64).map { index in
            JSONValue.object([
                ("id", .string("extra-\(index)")), ("label", .string("Extra \(index)")), ("text", .string("Extra?")),
                ("help", .string("Help.")), ("core", .bool(false)), ("weight", .number(1)),
                ("options", .array(["yes", "no"].map { .object([("id", .string($0)), ("label", .string($0)), ("help", .string("Help."))]) })),
            ])
        }
        let base = TestRubric().json
        guard case .array(let questions)? = base["questions"] else {
            Issue.record("the test rubric has no questions")
            return
        }
        let exclusion = JSONValue.object([
            ("id", .string("all-extras")),
            ("when", .object((1...64).map { ("extra-\($0)", .array([.string("yes")])) })),
            ("strategies", .array([.string("hybrid")])),
            ("reason", .string("A test reason.")), ("source", .string("test")),
        ])
        let document =
            base
            .replacing([.key("questions")], with: .array(questions + extra))
            .replacing([.key("exclusions")], with: .array([exclusion]))
        let rubric = try RubricLoader.load(Array(JSONWriter.write(document).utf8))
        #expect(rubric.questions.count == Contract.coreQuestions.count + Contract.refinementQuestions.count + 64)
        #expect(rubric.exclusions.first?.when.clauses.count == 64)
    }

    /// Finite but huge numbers overflowed the scores to infinity and NaN, which the JSON
    /// report wrote as `inf` and `-nan`: not JSON.
    @Test(arguments: [
        ([PathStep.key("questions"), .index(0), .key("weight")], 1e308, "$.questions[0].weight"),
        (
            [.key("questions"), .index(1), .key("options"), .index(3), .key("points"), .key("fine-tuning")], -1e300,
            "$.questions[1].options[3].points.fine-tuning"
        ),
        ([.key("strategies"), .index(0), .key("baseline")], 1_000_000.5, "$.strategies[0].baseline"),
        ([.key("rules"), .index(0), .key("points"), .key("hybrid")], 2e6, "$.rules[0].points.hybrid"),
        ([.key("confidence"), .key("high")], 1e20, "$.confidence.high"),
    ])
    func numbersBeyondTheLimitAreRefused(path: [PathStep], value: Double, problemPath: String) {
        let found = problems(inText: JSONWriter.write(defaultDocument.replacing(path, with: .number(value))))
        #expect(found.map(\.path) == [problemPath], "found: \(found)")
        #expect(found.first?.message.hasPrefix("out of range; a rubric's numbers lie between -1000000 and 1000000") == true)
    }

    @Test func adviceAtTheLimitsIsFinite() throws {
        var builder = TestRubric()
        for question in Contract.coreQuestions + Contract.refinementQuestions {
            builder.weights[question.id] = Rubric.numberLimit
            for (index, option) in question.options.enumerated() {
                let sign = index.isMultiple(of: 2) ? 1.0 : -1.0
                builder.points[question.id, default: [:]][option] = Dictionary(
                    uniqueKeysWithValues: Contract.strategyIDs.enumerated().map {
                        ($1, sign * ($0.isMultiple(of: 2) ? Rubric.numberLimit : -Rubric.numberLimit))
                    })
            }
        }
        builder.baselines = ["prompt-engineering": Rubric.numberLimit, "hybrid": -Rubric.numberLimit]
        let rubric = try builder.load()
        let advisor = Advisor(rubric: rubric)
        for pick in [0, 1, 2] {
            let answers = Answers(Dictionary(uniqueKeysWithValues: rubric.questions.map { ($0.id, $0.options[min(pick, $0.options.count - 1)].id) }))
            let advice = try advisor.advise(answers)
            var numbers = [advice.margin] + advice.ranking.map(\.score) + (advice.reasons + advice.counterpoints).map(\.points)
            if let change = advice.weightSensitivity { numbers += [change.weight, change.newWeight] }
            #expect(numbers.allSatisfy { $0.isFinite }, "\(numbers)")
        }
    }

    /// The weight that would change the advice is one `--weight` accepts, even when the
    /// strategies' points differ so little that it would be astronomically large.
    @Test func aSuggestedWeightIsWithinTheLimit() throws {
        var builder = TestRubric()
        builder.baselines = ["prompt-engineering": 1]
        builder.points["budget"] = ["minimal": ["prompt-tuning": 1e-9]]
        let rubric = try builder.load()
        let answers = Answers(Dictionary(uniqueKeysWithValues: rubric.questions.filter(\.isCore).map { ($0.id, $0.options[0].id) }))
        let advice = try Advisor(rubric: rubric).advise(answers)
        #expect(advice.strategy == "prompt-engineering")
        #expect(advice.weightSensitivity.map { $0.newWeight <= Rubric.numberLimit } ?? true, "\(String(describing: advice.weightSensitivity))")
    }
}
