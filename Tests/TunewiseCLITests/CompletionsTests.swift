import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

extension BinaryTests {
    /// `tunewise completions`: the bash script is driven in a real bash, as the shell does
    /// on Tab; the zsh and fish scripts are checked for what they must name.
    @Suite struct CompletionsTests {
        /// The words bash offers for the command line `words`, the last being the word under
        /// the cursor, with the script from `tunewise completions bash` plus `arguments`.
        static func bashCompletions(_ words: [String], arguments: [String] = []) throws -> [String] {
            let generated = try Binary.run(["completions", "bash"] + arguments)
            #expect(generated.code == 0, "\(generated.stderr)")
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let script = directory.appendingPathComponent("tunewise.bash")
            try Data(generated.stdout.utf8).write(to: script)
            let quoted = words.map(shellQuoted).joined(separator: " ")
            let driver = """
                source \(shellQuoted(script.path)) || exit 3
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE=\(shellQuoted(words.joined(separator: " ")))
                _tunewise
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let result = try Binary.run(["--norc", "--noprofile", "-c", driver], executable: URL(fileURLWithPath: "/bin/bash"))
            #expect(result.code == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init)
        }

        @Test func bashCompletesCommandNames() throws {
            let all = try Self.bashCompletions(["tunewise", ""])
            #expect(all == CommandRegistry.commands.map(\.name))
            #expect(try Self.bashCompletions(["tunewise", "sw"]) == ["sweep"])
            #expect(try Self.bashCompletions(["tunewise", "co"]) == ["cost", "completions"])
        }

        @Test func bashCompletesAQuestionFlag() throws {
            #expect(try Self.bashCompletions(["tunewise", "--bud"]) == ["--budget"])
            #expect(try Self.bashCompletions(["tunewise", "advise", "--data-v"]) == ["--data-volume"])
        }

        @Test func bashCompletesTheOptionsOfAQuestion() throws {
            #expect(try Self.bashCompletions(["tunewise", "--budget", ""]) == ["minimal", "moderate", "substantial"])
            #expect(try Self.bashCompletions(["tunewise", "--need", "knowledge", "--budget", "mo"]) == ["moderate"])
            // --budget=mo: bash splits the word at '='.
            #expect(try Self.bashCompletions(["tunewise", "--budget", "=", "mo"]) == ["moderate"])
        }

        @Test func bashCompletesStrategyIDsAfterExpectAndWhyNot() throws {
            #expect(try Self.bashCompletions(["tunewise", "--expect", ""]) == Contract.strategyIDs)
            #expect(try Self.bashCompletions(["tunewise", "--why-not", "f"]) == ["fine-tuning"])
        }

        @Test func bashCompletesEachCommandsOwnFlagsAndValues() throws {
            #expect(try Self.bashCompletions(["tunewise", "sweep", "--format", ""]) == SweepFormat.allCases.map(\.rawValue))
            #expect(try Self.bashCompletions(["tunewise", "--format", ""]) == AdviseFormat.allCases.map(\.rawValue))
            #expect(try Self.bashCompletions(["tunewise", "sweep", "--fix", "budget", "=", ""]) == ["minimal", "moderate", "substantial"])
            #expect(try Self.bashCompletions(["tunewise", "sweep", "--a"]) == ["--all", "--against"])
            #expect(try Self.bashCompletions(["tunewise", "completions", ""]) == ["bash", "zsh", "fish"])
            #expect(try Self.bashCompletions(["tunewise", "rubric", ""]) == ["validate", "check", "show"])
            // A flag's value is not taken for the command.
            #expect(try Self.bashCompletions(["tunewise", "--rubric", "sweep", "--a"]) == ["--answers"])
        }

        @Test func completionsFollowTheRubricInUse() throws {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let rubric = directory.appendingPathComponent("team.json")
            try Data(rubricWithTeamSize.utf8).write(to: rubric)
            let options = try Self.bashCompletions(["tunewise", "--team-size", ""], arguments: ["--rubric", rubric.path])
            #expect(options == ["solo", "crowd"])
            #expect(try !Self.bashCompletions(["tunewise", "--team-size", ""]).contains("solo"), "the built-in rubric has no team-size")
        }

        /// Where fish is installed, the fish script is loaded in a real fish and asked, as Tab
        /// asks it, what completes each command line.
        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
        func fishCompletesCommandsQuestionsAndOptions() throws {
            let generated = try Binary.run(["completions", "fish"])
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let script = directory.appendingPathComponent("tunewise.fish")
            try Data(generated.stdout.utf8).write(to: script)
            func completions(_ line: String) throws -> [String] {
                let driver = "source \(shellQuoted(script.path)); complete -C \(shellQuoted(line))"
                let result = try Binary.run(["--no-config", "-c", driver], executable: URL(fileURLWithPath: "/usr/bin/fish"))
                #expect(result.code == 0, "\(result.stderr)")
                return result.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
            }
            #expect(try completions("tunewise sw") == ["sweep"])
            #expect(try completions("tunewise --data-v") == ["--data-volume"])
            #expect(try completions("tunewise --need ").sorted() == ["behavior", "both", "knowledge"])
            #expect(try completions("tunewise --why-not f") == ["fine-tuning"])
        }

        @Test(arguments: ["zsh", "fish"]) func zshAndFishScriptsNameEveryQuestionAndOption(shell: String) throws {
            let result = try Binary.run(["completions", shell])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            for question in BuiltInRubric.load().questions {
                #expect(result.stdout.contains(question.id), "\(shell) script lacks \(question.id)")
                for option in question.options { #expect(result.stdout.contains(option.id)) }
            }
            for strategy in Contract.strategyIDs { #expect(result.stdout.contains(strategy)) }
            let checker = URL(fileURLWithPath: "/usr/bin/\(shell)")
            if FileManager.default.isExecutableFile(atPath: checker.path) {
                let directory = try makeScratchDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                let script = directory.appendingPathComponent("tunewise.\(shell)")
                try Data(result.stdout.utf8).write(to: script)
                let check = try Binary.run(["-n", script.path], executable: checker)
                #expect(check.code == 0, "\(check.stderr)")
            }
        }

        @Test func anUnknownOrMissingShellIsAUsageError() throws {
            let unknown = try Binary.run(["completions", "tcsh"])
            #expect(unknown.code == 64)
            #expect(unknown.stdout.isEmpty)
            #expect(unknown.firstErrorLine == "tunewise: unknown shell 'tcsh'; allowed: bash, zsh, fish")
            let missing = try Binary.run(["completions"])
            #expect(missing.code == 64)
            #expect(missing.firstErrorLine == "tunewise: 'completions' needs a shell: bash, zsh, fish")
            let unreadable = try Binary.run(["completions", "bash", "--rubric", "/nonexistent/rubric.json"])
            #expect(unreadable.code == 66)
        }
    }
}

/// The built-in rubric with one more refinement, `team-size` (`solo` or `crowd`), that
/// moves no score.
let rubricWithTeamSize: String = {
    let question = """
        {"id": "team-size", "label": "Team size", "text": "How big is the team?", "help": "People on it.", "core": false,
         "weight": 1, "options": [{"id": "solo", "label": "Solo", "help": "One person."},
         {"id": "crowd", "label": "Crowd", "help": "Many people."}]},
        """
    let json = BuiltInRubric.json
    let anchor = "\"questions\": ["
    let range = json.range(of: anchor)!
    return json.replacingCharacters(in: range, with: anchor + question)
}()
