import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// Flags read values as the questionnaire reads answers, and reports always show the ids.
    @Suite struct ForgivingFlagsTests {
        @Test func questionFlagsTakeAnyCaseBritishSpellingPrefixesAndNumbers() throws {
            let forgiving = [
                "--need", "Behaviour", "--data-volume", "4", "--transience", "STAT", "--governance", "role_based",
                "--budget", "mod", "--time-to-market", "Weeks", "--consistency", "crit", "--specialisation", "niche",
                "--format", "JSON",
            ]
            let result = try Binary.run(forgiving)
            #expect(result.code == 0, "\(result.stderr)")
            let answers = try JSONParser.parse(Array(result.stdout.utf8))["answers"]
            #expect(answers?["need"] == .string("behavior"))
            #expect(answers?["data-volume"] == .string("thousands"))
            #expect(answers?["governance"] == .string("role-based"))
            #expect(answers?["specialization"] == .string("niche"))
            let exact = try Binary.run([
                "--need", "behavior", "--data-volume", "thousands", "--transience", "static", "--governance", "role-based",
                "--budget", "moderate", "--time-to-market", "weeks", "--consistency", "critical", "--specialization", "niche",
                "--format", "json",
            ])
            #expect(result.stdout == exact.stdout)
        }

        @Test func anAmbiguousValueNamesItsCandidates() throws {
            let result = try Binary.run(["--need", "b"])
            #expect(result.code == 64)
            #expect(result.stderr.hasPrefix("tunewise: ambiguous value 'b' for --need: could be 'behavior' or 'both'; type more letters\n"))
            let format = try Binary.run(["sweep", "--format", "c", "--fix", "need=Knowledge"])
            #expect(format.code == 0, "\(format.stderr)")
            #expect(format.stdout.hasPrefix("question,answer,situations,"))
        }

        @Test func smallerSlipsGetPointedMessages() throws {
            let negative = try Binary.run(["cost", "--requests-per-day", "-5"])
            #expect(negative.code == 64)
            #expect(
                negative.stderr.hasPrefix(
                    "tunewise: invalid --requests-per-day '-5': must not be negative\n  expected: a number from 0 to 1000000000\n"))
            let misspelt = try Binary.run(["--tranzience", "static"])
            #expect(misspelt.code == 64)
            #expect(
                misspelt.stderr == "tunewise: unknown flag '--tranzience' (did you mean '--transience'?)\nRun 'tunewise help advise' for usage.\n")
            let file = try Binary.run(["answers.json"])
            #expect(file.code == 64)
            #expect(file.stderr.hasPrefix("tunewise: unknown command 'answers.json' (did you mean 'tunewise --answers answers.json'?)\n"))
        }
    }
}
