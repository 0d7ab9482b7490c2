import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// `tunewise init`: a starter answers file that `--answers` accepts as it is.
struct InitCommandTests {
    /// A typical case, not the most constrained one: each core question's default or middle
    /// option, with every question's ids listed for the editor.
    @Test func printsATypicalCaseWithEveryQuestionsOptionsListed() throws {
        for arguments in [["init"], ["init", "-"]] {
            let (code, console) = run(arguments)
            #expect(code == .success)
            #expect(console.errors.isEmpty)
            let rubric = BuiltInRubric.load()
            let situation = try AnswersDocument.decode(Array(console.output.utf8), against: rubric)
            let core = rubric.questions.filter(\.isCore)
            #expect(situation.orderedAnswers.map(\.question) == core.map(\.id))
            #expect(situation.orderedAnswers.map(\.answer) == ["behavior", "hundreds", "periodic", "confidential", "moderate", "weeks", "important"])
            let document = try JSONParser.parse(Array(console.output.utf8))
            for question in rubric.questions {
                let ids = question.options.map(\.id).joined(separator: " | ")
                #expect(document["$options"]?[question.id] == .string(question.isCore ? ids : "\(ids) (optional refinement)"))
            }
            // Printed, it names no schema file, as none is written beside it.
            #expect(document["$schema"] == nil)
        }
    }

    @Test func writesAFileThatAdviseAcceptsWithItsSchemaBeside() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("answers.json").path
        let schema = directory.appendingPathComponent("answers.schema.json").path
        let (code, console) = run(["init", path])
        #expect(code == .success)
        #expect(console.output.isEmpty)
        #expect(
            console.errors
                == "tunewise: wrote starter answers to \(path), its schema to \(schema)\n  Edit the answers, then run: tunewise --answers \(path)\n")
        #expect(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))["$schema"] == .string("answers.schema.json"))
        #expect(try String(contentsOfFile: schema, encoding: .utf8) == JSONWriter.write(AnswersSchema.document(for: BuiltInRubric.load())))
        let advised = run(["--answers", path, "--no-input", "--format", "summary"])
        #expect(advised.code == .success)
        #expect(!advised.console.output.isEmpty)
        // A schema already there is the team's: kept.
        try "{}".write(toFile: schema, atomically: true, encoding: .utf8)
        let again = run(["init", path, "--force"])
        #expect(again.code == .success)
        #expect(again.console.errors.hasPrefix("tunewise: wrote starter answers to \(path)\n"))
        #expect(try String(contentsOfFile: schema, encoding: .utf8) == "{}")
    }

    @Test func refusesToOverwriteUnlessForced() throws {
        let directory = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("answers.json").path
        try "{\"need\": \"both\"}".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = run(["init", path])
        #expect(refused.code == .cannotCreate)
        #expect(
            refused.console.errors == "tunewise: \(path) already exists; nothing was written (--force overwrites it)\nSee 'tunewise help init'.\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"need\": \"both\"}")
        let forced = run(["init", "--force", path])
        #expect(forced.code == .success)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"data-volume\""))
    }

    @Test func takesAtMostOneFile() {
        let (code, console) = run(["init", "a.json", "b.json"])
        #expect(code == .usage)
        #expect(console.errors.hasPrefix("tunewise: unknown argument to 'init' 'b.json'"))
        #expect(run(["init", "--format", "json"]).code == .usage)
    }
}

extension BinaryTests {
    @Suite struct InitEndToEndTests {
        /// The README's start: `tunewise init x.json && tunewise --answers x.json --no-input`.
        @Test func theStarterFileGivesAdviceAsPasted() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let shell = URL(fileURLWithPath: "/bin/sh")
            let command = "\"$0\" init x.json && \"$0\" --answers x.json --no-input"
            let result = try Binary.run(["-c", command, Binary.url.path], directory: directory, executable: shell)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Recommendation: "))
            #expect(result.stderr.hasPrefix("tunewise: wrote starter answers to x.json"))
            let again = try Binary.run(["init", "x.json"], directory: directory)
            #expect(again.code == 73)
        }
    }
}
