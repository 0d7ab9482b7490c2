import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// A model distilled to cut cost that the team's prices show never pays back is advised
    /// again without it; where nothing else would be left (a policy that rules prompting alone
    /// out once it meets the bar), the advice stays and says first that its prices undo it.
    @Suite struct PriceGateTests {
        static let flags = [
            "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "open", "--budget", "moderate",
            "--time-to-market", "weeks", "--consistency", "important", "--model-access", "api-tuning", "--prompting-status", "meets-bar",
            "--query-volume", "high", "--requests-per-day", "200000", "--no-input", "--format", "json",
        ]

        func advise(policy: String?) throws -> JSONValue {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            if let policy { try policy.write(to: directory.appendingPathComponent("policy.json"), atomically: true, encoding: .utf8) }
            try Binary.run(["cost", "--template"]).stdout.write(to: directory.appendingPathComponent("cost.json"), atomically: true, encoding: .utf8)
            let result = try Binary.run(
                Self.flags + ["--cost", "cost.json"] + (policy == nil ? ["--no-policy"] : ["--policy", "policy.json"]), directory: directory)
            #expect(result.code == 0, "\(result.stderr)")
            return try JSONParser.parse(Array(result.stdout.utf8))
        }

        @Test func pricesThatUndoDistillingKeepThePromptedModel() throws {
            let report = try advise(policy: nil)
            #expect(report["recommendation"]?["strategy"] == .string("prompt-engineering"))
            guard case .array(let deciding)? = report["recommendation"]?["decidedBy"] else {
                Issue.record("no deciding gates")
                return
            }
            #expect(deciding.contains(.string(Rubric.pricesGateID)))
        }

        @Test func withNothingElseLeftThePricesAreTheFirstRisk() throws {
            let policy = """
                {"policy": "tuned-when-it-works", "version": "1",
                 "exclusions": [{"id": "no-prompt-only", "when": {"prompting-status": ["meets-bar"], "query-volume": ["high"],
                                 "data-volume": ["thousands"], "need": ["behavior"], "model-access": ["api-tuning"],
                                 "budget": ["moderate"], "time-to-market": ["weeks"]},
                                 "strategies": ["prompt-engineering"], "reason": "A working prompt at high volume is distilled.",
                                 "source": "house rule"}]}
                """
            let report = try advise(policy: policy)
            #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
            #expect(report["recommendation"]?["confidence"] == .string("low"))
            guard case .array(let risks)? = report["recommendation"]?["risks"], let first = risks.first else {
                Issue.record("no risks")
                return
            }
            #expect(first["kind"] == .string("cost"))
            #expect(first["text"].map { "\($0)".contains("At your prices this step may not do what it is for") } == true, "\(first)")
        }
    }
}
