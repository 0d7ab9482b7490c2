import Testing
import TunewiseKit

@testable import TunewiseCLI

/// `tunewise cost` command lines, parsed in-process.
struct CostRequestTests {
    @Test func flagsBecomeCheckedInputs() throws {
        var expected = CostRequest()
        expected.costPath = "-"
        expected.format = .markdown
        expected.flagInputs = CostInputs([.requestsPerDay: 20_000, .horizonMonths: 24], transience: .frequent)
        let parsed = try Invocation.parse([
            "cost", "--cost", "-", "--requests-per-day", "20_000", "--horizon-months=24", "--transience", "frequent",
            "--format", "markdown",
        ])
        #expect(parsed == .cost(expected))
        #expect(try Invocation.parse(["cost", "--template"]) == .cost(CostRequest(template: true)))
        #expect(try Invocation.parse(["help", "cost"]) == .help(topic: "cost"))
    }

    @Test func badNumbersAreUsageErrors() {
        #expect(
            throws: CommandError.invalidCostNumber(flag: "--epochs", value: "-1", reason: "must not be negative; expected a number from 0 to 100")
        ) {
            try Invocation.parse(["cost", "--epochs=-1"])
        }
        #expect(throws: CommandError.repeatedFlag("--epochs")) { try Invocation.parse(["cost", "--epochs", "1", "--epochs", "2"]) }
        #expect(CommandError.invalidCostNumber(flag: "--epochs", value: "x", reason: "y").exitCode == .usage)
        #expect(CommandError.missingCostInputs(["--epochs"]).exitCode == .usage)
        #expect(CommandError.invalidCostFile(path: "x", problems: ["y"]).exitCode == .dataError)
    }
}
