import Foundation
import ProcessRunner
import Testing

/// The lines of a command printed with ` \` continuations, as a POSIX shell reads them: one
/// line; the text after its last line is ignored.
func joiningContinuations(_ text: String) -> String {
    var joined: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        guard line.hasSuffix(" \\") else {
            joined.append(line)
            break
        }
        joined.append(line.dropLast(2))
    }
    return joined.joined(separator: " ")
}

/// The words of the command after "The same advice as one command:" on `stderr`.
func oneShotWords(_ stderr: String) -> [String]? {
    guard let range = stderr.range(of: "The same advice as one command:\n") else { return nil }
    return joiningContinuations(String(stderr[range.upperBound...])).split(separator: " ").map(String.init)
}

extension BinaryTests {
    /// The built binary's questionnaire, fed line by line through a pipe.
    @Suite struct QuestionnaireEndToEndTests {
        /// Runs `tunewise --interactive` with `lines` typed, and `arguments`.
        func asked(_ lines: [String], _ arguments: [String] = []) throws -> Outcome {
            try Binary.run(["--interactive"] + arguments, input: lines.joined(separator: "\n") + "\n")
        }

        @Test func backReturnsToTheQuestionBeforeAndKeepsItsAnswerAsTheDefault() throws {
            let lines = ["knowledge", "few", "back", "back", "behavior", "", "static", "open", "minimal", "days", "flexible", "n", ""]
            let result = try asked(lines, ["--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr.contains("> data-volume [few]: "), "the answer left behind is the default")
            #expect(result.stderr.contains("> need [knowledge]: "))
            #expect(result.stdout.contains("\"need\": \"behavior\""))
            #expect(result.stdout.contains("\"data-volume\": \"few\""))
        }

        @Test func backAcrossTheOfferAndTheRefinements() throws {
            // From the review, back goes to the refinement where done was typed, then to the
            // offer, a step of its own, then to the last core question, whose answer is kept.
            let lines = ["behavior", "none", "static", "open", "minimal", "days", "flexible", "y", "done", "<", "<", "<", "", "n", ""]
            let result = try asked(lines, ["--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr.components(separatedBy: "> context-size [skip]: ").count == 3, "context-size is asked twice")
            #expect(result.stderr.components(separatedBy: "Answer them? [Y/n]").count == 4, "the offer is asked three times")
            #expect(result.stderr.contains("> consistency [flexible]: "))
            // need: behavior and data-volume: none ask neither knowledge-size nor training-signal.
            #expect(result.stderr.contains("10 optional questions"))
            #expect(!result.stderr.contains("knowledge-size"))
        }

        @Test func quitLeavesWithNothingOnStandardOutputAndExit130() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            for quit in ["quit", "Q", "QUIT"] {
                let result = try Binary.run(
                    ["--interactive", "--save-answers", "saved.json"], input: "knowledge\nfew\n\(quit)\nstatic\n", directory: directory)
                #expect(result.code == 130)
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasSuffix("\ntunewise: left the questionnaire; nothing was written\n"))
                #expect(!result.stderr.contains("transience: static"))
            }
            // From the review too.
            let review = try asked(["knowledge", "few", "static", "open", "minimal", "days", "flexible", "n", "q"])
            #expect(review.code == 130)
            #expect(review.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }

        @Test func theReviewEditsAnAnswerAndTheCommandAgrees() throws {
            // Review: 2 edits data-volume to thousands; back from 3 changes nothing; Enter confirms.
            let lines = ["behavior", "few", "static", "confidential", "substantial", "months", "critical", "n", "2", "thousands", "3", "<", "ok"]
            let result = try asked(lines, ["--format", "json"])
            #expect(result.code == 0)
            #expect(result.stderr.contains("Your answers"))
            #expect(result.stderr.contains("   2. data-volume       few"))
            #expect(result.stderr.contains("   2. data-volume       thousands"))
            #expect(result.stderr.contains("[change 2] Data volume"))
            #expect(result.stdout.contains("\"data-volume\": \"thousands\""))
            #expect(result.stdout.contains("\"strategy\": \"fine-tuning\""))
            let words = try #require(oneShotWords(result.stderr))
            #expect(words.contains("thousands"))
            let replayed = try Binary.run(Array(words.dropFirst()))
            #expect(replayed.code == 0)
            #expect(replayed.stdout == result.stdout)
        }

        @Test func endOfInputAtTheReviewExits130() throws {
            let result = try asked(["knowledge", "few", "static", "open", "minimal", "days", "flexible", "n"])
            #expect(result.code == 130)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("Your answers"))
        }
    }
}
