import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// Inputs that made the fuzz harnesses (`.ci/fuzz/run`) stop, each kept once fixed.
struct FuzzRegressionTests {
    let dataVolume = BuiltInRubric.load().question("data-volume")!

    /// Found by the arguments target: the input `\xFF-9223372036854775808` (no arguments, then
    /// that line typed at a terminal) trapped on `number - 1` overflowing for the lowest Int.
    /// The first prompt is now `need`, with three options; the second, data volume, has four.
    @Test func theLowestIntegerTypedAtAPromptIsNotAnOption() {
        let (code, console) = run([], ScriptedConsole(lines: ["-9223372036854775808"], inputIsTerminal: true))
        #expect(code == .interrupted)
        #expect(console.errors.contains("there is no option -9223372036854775808; type 1-3"))
        #expect(console.output.isEmpty)
        let second = run([], ScriptedConsole(lines: ["knowledge", "-9223372036854775808"], inputIsTerminal: true))
        #expect(second.code == .interrupted)
        #expect(second.console.errors.contains("there is no option -9223372036854775808; type 1-4"))
        #expect(second.console.output.isEmpty)
    }

    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "0", "-1", "5"])
    func numbersOutsideTheOptionsAreRefused(typed: String) {
        #expect(TypedAnswer.parse(typed, for: dataVolume) == .invalid("there is no option \(typed); type 1-4, an option name, or ? for help"))
    }

    /// `--weight data-volume=1e308` overflowed the scores, and the JSON report held `inf`
    /// and `-nan`. Weights are now at most ``Rubric/numberLimit``, at which the report is JSON.
    @Test func aHugeWeightIsRefused() {
        let (code, console) = run(lawFirmFlags + ["--weight", "data-volume=1e308", "--format", "json"])
        #expect(code == .usage)
        #expect(console.output.isEmpty)
        #expect(
            console.errors.hasPrefix(
                "tunewise: invalid --weight 'data-volume=1e308': a weight is a number from 0 to 1000000\n"
            ))
    }

    @Test func theLargestWeightGivesAJSONReport() throws {
        let (code, console) = run(lawFirmFlags + ["--weight", "data-volume=1000000", "--format", "json"])
        #expect(code == .success)
        let report = try JSONParser.parse(Array(console.output.utf8))
        #expect(report["recommendation"]?["strategy"] == .string("fine-tuning"))
    }
}
