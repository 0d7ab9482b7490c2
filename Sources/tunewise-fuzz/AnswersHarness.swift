import TunewiseBuiltIn
import TunewiseKit

/// Answers files, read against the built-in rubric.
enum AnswersHarness {
    static func run(_ bytes: [UInt8]) -> String {
        let rubric = BuiltInRubric.load()
        let situation: Situation
        do {
            situation = try AnswersDocument.decode(bytes, against: rubric)
        } catch {
            switch error {
            case .syntax(let error): return "not JSON: \(error.description)"
            case .notAnObject(let found): return "not an object: \(found)"
            case .report: return "a report, not answers"
            case .invalid(let problems):
                require(!problems.isEmpty, "invalid answers with no problems")
                return "invalid answers: \(problems[0].description) (\(problems.count - 1) more)"
            }
        }
        // What --save-answers writes reads back as the same answers.
        let saved = AnswersDocument.encode(situation)
        do {
            let reread = try AnswersDocument.decode(Array(saved.utf8), against: rubric)
            require(reread == situation, "saved answers read back differently:\n\(saved)")
        } catch {
            fatalError("saved answers do not read back (\(error)):\n\(saved)")
        }
        let missing = situation.missingCoreQuestions
        guard missing.isEmpty else { return "valid answers, \(missing.count) core questions missing" }
        return "valid answers; " + AdviceHarness.check(Advisor(rubric: rubric), situation)
    }
}
