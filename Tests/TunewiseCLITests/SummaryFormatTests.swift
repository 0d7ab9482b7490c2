import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// `--format summary`: the advice on one line for scripts.
struct SummaryFormatTests {
    /// A team that must ship within days and has few examples: gates decide.
    static let gatedFlags = [
        "--need", "knowledge", "--data-volume", "few", "--transience", "static", "--governance", "open",
        "--budget", "minimal", "--time-to-market", "days", "--consistency", "flexible", "--no-input",
    ]

    @Test func aGatedAdviceNamesTheFirstDecidingGateAndItsReason() throws {
        let (code, console) = run(Self.gatedFlags + ["--format", "summary"])
        #expect(code == .success)
        #expect(console.errors.isEmpty)
        let rubric = BuiltInRubric.load()
        let advice = try Advisor(rubric: rubric).advise(rubric.resolve(Answers(answersGiven(by: Self.gatedFlags))))
        let gate = try #require(rubric.exclusions.first { $0.id == advice.decidedBy.first })
        #expect(console.output == "prompt-engineering high (\(gate.id): \(gate.citation.reason))\n")
        #expect(console.output.split(separator: "\n").count == 1)
    }

    @Test func scoredAdviceNamesTheTopReasonsSubject() {
        let (code, console) = run(lawFirmFlags + ["--no-input", "--format", "summary"])
        #expect(code == .success)
        #expect(console.output == "fine-tuning low (Data volume: thousands)\n")
    }

    @Test func expectStillGatesWithTheSummary() {
        let (code, console) = run(lawFirmFlags + ["--no-input", "--format", "summary", "--expect", "prompt-engineering"])
        #expect(code == .expectationFailed)
        #expect(console.output == "fine-tuning low (Data volume: thousands)\n")
        #expect(console.errors.contains("expected prompt-engineering"))
    }

    @Test func theHelpListsTheSummaryFormat() {
        let (_, console) = run(["help", "advise"])
        #expect(console.output.contains("markdown or summary (one line)"))
    }
}

/// The answers given by `--QUESTION-ID OPTION-ID` pairs in `flags`, switches skipped.
func answersGiven(by flags: [String]) -> [String: String] {
    var answers: [String: String] = [:]
    var index = 0
    while index < flags.count {
        if index + 1 < flags.count, !flags[index + 1].hasPrefix("--") {
            answers[String(flags[index].dropFirst(2))] = flags[index + 1]
            index += 2
        } else {
            index += 1
        }
    }
    return answers
}

extension BinaryTests {
    @Suite struct SummaryFormatEndToEndTests {
        @Test func printsOneLineAndHonoursExpect() throws {
            let result = try Binary.run(SummaryFormatTests.gatedFlags + ["--format", "summary", "--expect", "prompt-engineering"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix("prompt-engineering high ("))
            #expect(result.stdout.filter { $0 == "\n" }.count == 1)
            let mismatch = try Binary.run(lawFirmFlags + ["--no-input", "--format=summary", "--expect", "hybrid"])
            #expect(mismatch.code == 1)
            #expect(mismatch.stdout == "fine-tuning low (Data volume: thousands)\n")
        }
    }
}
