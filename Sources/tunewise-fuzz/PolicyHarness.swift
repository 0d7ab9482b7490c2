import TunewiseBuiltIn
import TunewiseKit

/// Policy files on the built-in rubric: the JSON layer, the policy loader, the rubric it
/// makes, and advice from that rubric with the policy's answers laid under the core ones.
enum PolicyHarness {
    static func run(_ bytes: [UInt8]) -> String {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            return "not JSON: \(error.description)"
        }
        let base = BuiltInRubric.load()
        let policy: Policy
        do {
            policy = try PolicyLoader.load(document, onto: base)
        } catch {
            guard case .invalid(let problems) = error else { fatalError("the policy loader reported a syntax error for parsed JSON") }
            require(!problems.isEmpty, "an invalid policy with no problems")
            return "invalid policy: \(problems[0]) (\(problems.count - 1) more)"
        }
        let rubric = policy.applied(to: base)
        require(rubric.policy?.id == policy.id, "the applied rubric does not name its policy")
        // A policy never narrows a built-in gate: each keeps its condition and strategies.
        for gate in base.exclusions {
            let kept = rubric.exclusions.first { $0.id == gate.id }
            require(kept?.when == gate.when && kept?.strategies == gate.strategies, "the policy narrowed the gate \(gate.id)")
        }
        do {
            _ = try rubric.resolve(policy.answers)
        } catch {
            fatalError("the policy's own answers refused: \(error)")
        }
        return "valid policy; " + AdviceHarness.check(rubric: rubric)
    }
}
