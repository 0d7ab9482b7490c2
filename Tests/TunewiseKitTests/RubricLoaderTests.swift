import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// One step of a path into a JSON document.
enum PathStep {
    case key(String)
    case index(Int)
}

extension JSONValue {
    /// This value with the value at `path` replaced by `newValue`, or removed when it is `nil`.
    func replacing(_ path: [PathStep], with newValue: JSONValue?) -> JSONValue {
        guard let step = path.first else { return newValue ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(let members), .key(let key)):
            var members = members
            if let index = members.firstIndex(where: { $0.key == key }) {
                if rest.isEmpty, newValue == nil {
                    members.remove(at: index)
                } else {
                    members[index].value = members[index].value.replacing(rest, with: newValue)
                }
            } else if let newValue, rest.isEmpty {
                members.append((key, newValue))
            }
            return .object(members)
        case (.array(let elements), .index(let index)):
            var elements = elements
            if rest.isEmpty, newValue == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].replacing(rest, with: newValue)
            }
            return .array(elements)
        default:
            preconditionFailure("path does not match the document")
        }
    }
}

/// The built-in rubric as a JSON document, to break in one place per test.
let defaultDocument = try! JSONParser.parse(Array(BuiltInRubric.json.utf8))

/// The problems the loader reports for `document`, or none.
func problems(in document: JSONValue) -> [RubricProblem] {
    do {
        // Reserving "format", as the command line, whose --format it is, does.
        _ = try RubricLoader.load(document, reservedQuestionIDs: ["format"])
        return []
    } catch let .invalid(problems) {
        return problems
    } catch {
        return [RubricProblem(path: "$", message: "\(error)")]
    }
}

struct RubricLoaderTests {
    @Test func theBuiltInRubricLoads() throws {
        let rubric = try RubricLoader.load(Array(BuiltInRubric.json.utf8))
        #expect(rubric.id == "default")
        #expect(rubric.strategies.map(\.id) == Contract.strategyIDs)
        #expect(rubric.questions.map(\.id) == (Contract.coreQuestions + Contract.refinementQuestions).map(\.id))
    }

    @Test(arguments: [
        (
            [PathStep.key("questions"), .index(0), .key("options"), .index(1), .key("points"), .key("fine-tune")], JSONValue.number(1),
            "$.questions[0].options[1].points.fine-tune", "unknown strategy \"fine-tune\" (did you mean 'fine-tuning'?)"
        ),
        (
            [.key("questions"), .index(2), .key("id")], .string("data-volume"),
            "$.questions[2].id", "duplicate question id \"data-volume\""
        ),
        (
            [.key("strategies"), .index(0), .key("nextSteps"), .index(1), .key("unless")],
            .object([("transience", .array([.string("hourly")]))]),
            "$.strategies[0].nextSteps[1].unless.transience[0]", "unknown option \"hourly\" of \"transience\"; known: static, periodic, frequent"
        ),
        (
            [.key("strategies"), .index(0), .key("nextSteps"), .index(1), .key("unless")],
            .array([.object([("budget", .array([.string("minimal")]))]), .object([("transience", .array([.string("hourly")]))])]),
            "$.strategies[0].nextSteps[1].unless[1].transience[0]", "unknown option \"hourly\" of \"transience\"; known: static, periodic, frequent"
        ),
        (
            [.key("strategies"), .index(0), .key("nextSteps"), .index(1), .key("unless")], .array([]),
            "$.strategies[0].nextSteps[1].unless", "expected a non-empty array"
        ),
        (
            [.key("variants"), .index(0), .key("choices"), .index(0), .key("unless")], .object([("output-style", .array([.string("lable")]))]),
            "$.variants[0].choices[0].unless.output-style[0]",
            "unknown option \"lable\" of \"output-style\"; known: standard, custom, structured, label"
        ),
        (
            [.key("variants"), .index(0), .key("choices"), .index(3), .key("unless")], .object([("output-style", .array([.string("label")]))]),
            "$.variants[0].choices", "the last choice must have no \"whenAny\" and no \"unless\", so that some choice always applies"
        ),
        (
            [.key("questions"), .index(1), .key("lever")], .string("downward"),
            "$.questions[1].lever", "expected true, false or \"upward\"; found \"downward\""
        ),
        (
            [.key("questions"), .index(1), .key("lever")], .number(1),
            "$.questions[1].lever", "expected true, false or \"upward\"; found a number"
        ),
        (
            [.key("questions"), .index(0), .key("weight")], .number(-1),
            "$.questions[0].weight", "must not be negative; found -1"
        ),
        (
            [.key("questions"), .index(0), .key("weight")], .string("heavy"),
            "$.questions[0].weight", "expected a finite number; found a string"
        ),
        (
            [.key("rules"), .index(0), .key("when"), .key("output-styl")], .array([.string("custom")]),
            "$.rules[0].when.output-styl", "unknown question \"output-styl\" (did you mean 'output-style'?)"
        ),
        (
            [.key("rules"), .index(0), .key("when"), .key("transience")], .array([.string("hourly")]),
            "$.rules[0].when.transience[0]", "unknown option \"hourly\" of \"transience\"; known: static, periodic, frequent"
        ),
        (
            [.key("rules"), .index(0), .key("source")], nil,
            "$.rules[0].source", "missing"
        ),
        (
            [.key("exclusions"), .index(0), .key("reason")], .string(""),
            "$.exclusions[0].reason", "expected a non-empty string; found an empty string"
        ),
        (
            [.key("exclusions"), .index(0), .key("strategies"), .index(0)], .string("rag"),
            "$.exclusions[0].strategies[0]", "unknown strategy \"rag\""
        ),
        (
            [.key("strategies"), .index(3), .key("id")], .string("agents"),
            "$.strategies[3].id", "unknown strategy \"agents\""
        ),
        (
            [.key("questions"), .index(0), .key("options"), .index(0), .key("reason")], nil,
            "$.questions[0].options[0].reason", "missing"
        ),
        (
            [.key("questions"), .index(6)], nil,
            "$.questions", "missing fixed question consistency"
        ),
        (
            [.key("questions"), .index(0), .key("optoins")], .array([]),
            "$.questions[0].optoins", "unknown key (did you mean 'options'?)"
        ),
        (
            [.key("confidence"), .key("medium")], .number(99),
            "$.confidence", "\"medium\" (99) must not exceed \"high\""
        ),
        (
            [.key("schemaVersion")], .number(1),
            "$.schemaVersion", "unsupported version 1"
        ),
        (
            [.key("schemaVersion")], .number(1.5),
            "$.schemaVersion", "unsupported version 1.5"
        ),
        // Too large for an Int: refused, not a crash.
        (
            [.key("schemaVersion")], .number(1e300),
            "$.schemaVersion", "out of range"
        ),
        (
            [.key("questions"), .index(7), .key("options")],
            .array(
                (0...64).map { index in
                    .object([
                        ("id", .string("o\(index)")), ("label", .string("O")), ("help", .string("Pick it.")),
                        ("points", .object([])), ("reason", .string("A reason.")), ("source", .string("A source § Here")),
                    ])
                }),
            "$.questions[7].options", "a question has at most 64 options; found 65"
        ),
        // Only a next step has a stage, and only one of the four.
        (
            [.key("strategies"), .index(0), .key("caveats"), .index(0), .key("stage")], .string("prepare"),
            "$.strategies[0].caveats[0].stage", "unknown key"
        ),
        (
            [.key("strategies"), .index(2), .key("nextSteps"), .index(0), .key("stage")], .string("deploy"),
            "$.strategies[2].nextSteps[0].stage", "unknown stage \"deploy\"; known: prepare, build, train, operate"
        ),
        (
            [.key("strategies"), .index(2), .key("nextSteps"), .index(0), .key("stage")], .bool(true),
            "$.strategies[2].nextSteps[0].stage", "expected a non-empty string; found"
        ),
        // A gate's `unless` names one question a condition, so that the gate stays one condition.
        (
            [.key("exclusions"), .index(0), .key("unless")],
            .object([("budget", .array([.string("minimal")])), ("transience", .array([.string("static")]))]),
            "$.exclusions[0].unless", "each condition of a gate's \"unless\" names one question; one names budget, transience"
        ),
        (
            [.key("exclusions"), .index(0), .key("unless")], .array([.object([("transience", .array([.string("hourly")]))])]),
            "$.exclusions[0].unless[0].transience[0]", "unknown option \"hourly\" of \"transience\""
        ),
        // two-systems-need-time: a later stage must lift the gate, by its `when` or its `unless`.
        (
            [.key("exclusions"), .index(13), .key("later"), .key("assume")], .object([("ml-expertise", .string("some"))]),
            "$.exclusions[13].later.assume", "must answer some question of the gate's \"when\" with an option outside it, or meet one"
        ),
        (
            [.key("questions"), .index(15), .key("id")], .string("format"),
            "$.questions[15].id", "\"format\" cannot be a question id: --format is already a flag of tunewise"
        ),
    ])
    func reportsAProblemAtItsJSONPath(path: [PathStep], value: JSONValue?, problemPath: String, message: String) {
        let found = problems(in: defaultDocument.replacing(path, with: value))
        #expect(found.contains { $0.path == problemPath && $0.message.hasPrefix(message) }, "found: \(found)")
    }

    @Test func reportsEveryProblemAtOnce() {
        let broken =
            defaultDocument
            .replacing([.key("questions"), .index(0), .key("weight")], with: .number(-2))
            .replacing([.key("rules"), .index(0), .key("points"), .key("hybird")], with: .number(1))
            .replacing([.key("exclusions"), .index(0), .key("source")], with: nil)
        let found = problems(in: broken)
        #expect(found.map(\.path) == ["$.questions[0].weight", "$.rules[0].points.hybird", "$.exclusions[0].source"])
    }

    @Test func refusesExclusionsThatLeaveNoStrategy() {
        let everything = JSONValue.array(Contract.strategyIDs.map(JSONValue.string))
        let broken = defaultDocument.replacing([.key("exclusions"), .index(0), .key("strategies")], with: everything)
        let found = problems(in: broken)
        #expect(found.count == 1)
        #expect(found.first?.path == "$.exclusions")
        #expect(found.first?.message.hasPrefix("together they exclude every strategy when") == true)
    }

    /// Exclusions over all 16 questions: 38 million combinations of answers, too many to try one by one.
    @Test func refusesExclusionsThatLeaveNoStrategyHoweverManyQuestionsTheyName() {
        let everyAnswer = JSONValue.object(BuiltInRubric.load().questions.map { ($0.id, .array($0.options.map { .string($0.id) })) })
        let found = problems(in: addingExclusion(of: "prompt-engineering", when: everyAnswer))
        #expect(found.map(\.path) == ["$.exclusions"])
        #expect(
            found.first?.message.hasPrefix("together they exclude every strategy when need=knowledge, data-volume=none, transience=static") == true)
    }

    /// Exclusions that between them name every strategy but can never all apply at once are fine.
    @Test func acceptsExclusionsThatCannotAllApplyAtOnce() {
        // The built-in exclusions of every trained strategy need no or few examples, a minimal
        // budget, days to ship, prompting still to try, a hosted API without tuning, or open
        // weights with nobody to train them.
        let when = JSONValue.object([
            ("model-access", .array([.string("api-tuning"), .string("weights")])),
            ("data-volume", .array([.string("hundreds"), .string("thousands")])),
            ("budget", .array([.string("moderate"), .string("substantial")])),
            ("time-to-market", .array([.string("weeks"), .string("months")])),
            ("prompting-status", .array([.string("plateaued")])),
            ("need", .array([.string("behavior")])),
            ("ml-expertise", .array([.string("some"), .string("strong")])),
        ])
        #expect(problems(in: addingExclusion(of: "prompt-engineering", when: when)).isEmpty)
    }

    /// A gate's `unless` spares it: where it does in every situation, the gates leave a strategy;
    /// where only an unanswered refinement keeps it, they do not, and the answers say so.
    @Test func countsWhatAGatesUnlessSpares() {
        let everyAnswer = JSONValue.object(BuiltInRubric.load().questions.map { ($0.id, .array($0.options.map { .string($0.id) })) })
        let everyNeed = JSONValue.object([("need", .array([.string("knowledge"), .string("behavior"), .string("both")]))])
        #expect(problems(in: addingExclusion(of: "prompt-engineering", when: everyAnswer, unless: everyNeed)).isEmpty)
        let everySkill = JSONValue.object([("ml-expertise", .array([.string("none"), .string("some"), .string("strong")]))])
        let found = problems(
            in: addingExclusion(of: "prompt-engineering", when: .object([("need", .array([.string("knowledge")]))]), unless: everySkill))
        #expect(found.map(\.path) == ["$.exclusions"])
        #expect(
            found.first.map {
                $0.message.hasPrefix("together they exclude every strategy when need=knowledge") && !$0.message.contains("ml-expertise")
            } == true)
    }

    @Test func aLaterStageMayLiftAGateByItsUnless() {
        let lifted = defaultDocument.replacing(
            [.key("exclusions"), .index(13), .key("later"), .key("assume")], with: .object([("ml-expertise", .string("strong"))]))
        #expect(problems(in: lifted).isEmpty)
    }

    private func addingExclusion(of strategy: String, when: JSONValue, unless: JSONValue? = nil) -> JSONValue {
        guard case .array(let exclusions)? = defaultDocument["exclusions"] else { preconditionFailure("no exclusions") }
        let exclusion = JSONValue.object(
            [("id", .string("test-exclusion")), ("when", when)] + (unless.map { [("unless", $0)] } ?? []) + [
                ("strategies", .array([.string(strategy)])), ("reason", .string("A test exclusion.")), ("source", .string("test")),
            ])
        return defaultDocument.replacing([.key("exclusions")], with: .array(exclusions + [exclusion]))
    }

    @Test func aRuleNeedsTwoQuestions() {
        let broken = defaultDocument.replacing(
            [.key("rules"), .index(0), .key("when")], with: .object([("transience", .array([.string("frequent")]))]))
        #expect(problems(in: broken).map(\.path) == ["$.rules[0].when"])
    }

    @Test func fixedQuestionsKeepTheirOptionsInOrder() {
        let reordered = defaultDocument.replacing(
            [.key("questions"), .index(2), .key("options"), .index(0), .key("id")], with: .string("daily"))
        let found = problems(in: reordered)
        #expect(found.contains { $0.path == "$.questions[2].options" && $0.message.contains("static, periodic, frequent in that order") })
    }

    @Test func reportsJSONSyntaxSeparately() {
        #expect(throws: RubricLoadError.syntax(JSONSyntaxError(message: "expected a string key in the object", line: 1, column: 2))) {
            try RubricLoader.load(Array("{".utf8))
        }
        #expect(throws: RubricLoadError.invalid([RubricProblem(path: "$", message: "expected an object; found an array")])) {
            try RubricLoader.load(Array("[]".utf8))
        }
    }
}
