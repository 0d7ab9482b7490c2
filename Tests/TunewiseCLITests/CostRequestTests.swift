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
        let command: CostCommand? = try parsed([
            "cost", "--cost", "-", "--requests-per-day", "20_000", "--horizon-months=24", "--transience", "frequent",
            "--format", "markdown",
        ])
        #expect(command == CostCommand(request: expected))
        #expect(try parsed(["cost", "--template"]) == CostCommand(request: CostRequest(template: true)))
        #expect(try parsed(["help", "cost"]) == HelpCommand(topic: "cost"))
    }

    @Test func badNumbersAreUsageErrors() {
        #expect(
            throws: CommandError.invalidCostNumber(flag: "--epochs", value: "-1", reason: "must not be negative; expected a number from 0 to 100")
        ) {
            try CommandRegistry.parse(["cost", "--epochs=-1"])
        }
        #expect(throws: CommandError.repeatedFlag("--epochs")) { try CommandRegistry.parse(["cost", "--epochs", "1", "--epochs", "2"]) }
        #expect(CommandError.invalidCostNumber(flag: "--epochs", value: "x", reason: "y").exitCode == .usage)
        #expect(CommandError.missingCostInputs(["--epochs"]).exitCode == .usage)
        #expect(CommandError.invalidCostFile(path: "x", problems: ["y"]).exitCode == .dataError)
    }
}
