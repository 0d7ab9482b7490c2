import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

/// The declarations in ``CommandRegistry`` drive parsing, help, completions and the man page;
/// these tests hold each of them to what the declarations say.
struct CommandRegistryTests {
    static let rubric = BuiltInRubric.load()
    static let questions = rubric.questions.map(\.id)

    /// The flags completions and the unknown-flag message offer for `command`: its own (and
    /// its subcommands'), the question flags in their place, and `--help`.
    static func offeredFlags(_ command: CommandSpec) -> [String] {
        let spellings = command.allFlags.flatMap { $0.kind == .questionAnswer ? questions.map { "--\($0)" } : [$0.spelling] }
        return spellings.contains("--help") ? spellings : spellings + ["--help"]
    }

    /// A flag with no close match is refused naming the declared ones where they are few
    /// enough to read; the help pointer that follows covers the rest.
    @Test(arguments: CommandRegistry.allCommands.filter { !$0.takesQuestionFlags && $0.subcommandNames.isEmpty })
    func anUnknownFlagIsRefusedNamingTheDeclaredOnesWhenFew(_ command: CommandSpec) {
        let path = CommandRegistry.commands.contains { $0.name == command.name } ? [command.name] : ["rubric", command.name]
        let spellings = command.flagSpellings() + (command.flag(named: "help") == nil ? ["--help"] : [])
        let listed = spellings.count <= CommandSpec.flagsListedLimit ? spellings : []
        let error = CommandError.unknownWord("--frobnicate", kind: "flag", allowed: listed, suggestion: nil)
        #expect(throws: error) { try CommandRegistry.parse(path + ["--frobnicate"]) }
    }

    /// The same, spelled out for three commands, so that a slip in the rule above cannot hide
    /// behind the helpers it shares with the code.
    @Test(arguments: [
        (["data", "x.jsonl"], ["--eval", "--format", "--strict", "--token-limit", "--no-color", "--help"]),
        (["sources"], ["--format", "--rubric", "--policy", "--no-policy", "--no-color", "--help"]),
        (["rubric", "check"], ["--policy", "--no-policy", "--help"]),
    ])
    func anUnknownFlagNamesExactlyTheCommandsFlags(_ path: [String], _ allowed: [String]) {
        #expect(throws: CommandError.unknownWord("--frobnicate", kind: "flag", allowed: allowed, suggestion: nil)) {
            try CommandRegistry.parse(path + ["--frobnicate"])
        }
    }

    /// Advise takes far too many flags to list: an unknown one is named with the closest
    /// flag or question, and the help pointer.
    @Test func anUnknownAdviseFlagNamesTheClosestFlagOrQuestion() {
        let (code, console) = run(["--consistancy", "x"])
        #expect(code == .usage)
        #expect(console.errors == "tunewise: unknown flag '--consistancy' (did you mean '--consistency'?)\nRun 'tunewise help advise' for usage.\n")
        let (_, far) = run(["--frobnicate", "x"])
        #expect(far.errors == "tunewise: unknown flag '--frobnicate'\nRun 'tunewise help advise' for usage.\n")
    }

    @Test func everyDeclaredFlagIsInEachCompletionScript() {
        let spec = CompletionSpec(rubric: Self.rubric)
        let fish = CompletionShell.fish.script(spec).split(separator: "\n")
        let zsh = CompletionShell.zsh.script(spec).split(separator: "\n")
        for command in CommandRegistry.commands {
            let offered = Self.offeredFlags(command)
            let fishFlags = fish.filter { $0.contains("\(command.name)' -l ") }.map { line in
                "--" + line.split(separator: " -l ")[1].prefix { $0 != " " }
            }
            #expect(fishFlags == offered, "fish, \(command.name)")
            let zshLine = zsh.first { $0.hasPrefix("            '\(command.name)') described=(") } ?? ""
            for flag in offered { #expect(zshLine.contains("'\(flag)"), "zsh, \(command.name) \(flag)") }
        }
    }

    /// The scanner reads a switch bare before it knows the command, so a name must be a switch
    /// in every command that takes it or in none; and a file flag is a file flag everywhere.
    @Test func aFlagNameMeansTheSameInEveryCommand() {
        let flags = (CommandRegistry.allCommands.flatMap(\.flags) + FlagSpec.global).filter { $0.kind != .questionAnswer }
        for name in Set(flags.map(\.name)) {
            let declarations = flags.filter { $0.name == name }
            #expect(Set(declarations.map(\.isSwitch)).count == 1, "--\(name)")
            #expect(Set(declarations.map { $0.kind == .file }).count == 1, "--\(name)")
        }
    }

    /// Every command that writes a report in formats takes `--no-color`, so that a script may
    /// pass it to any of them (review 53).
    @Test func everyReportingCommandTakesNoColor() {
        for command in CommandRegistry.allCommands where command.flags.contains(where: { $0.name == "format" }) {
            #expect(command.flags.contains { $0.name == FlagSpec.noColor.name }, "\(command.name): \(command.flags.map(\.name))")
        }
    }

    /// `--help` and `--version` are answered from their own declarations, without the set of
    /// every command's switches; the answer must be the set's for every name, declared or not.
    @Test func theScannerReadsEveryNameAsTheDeclarationsDo() {
        let names = (CommandRegistry.allCommands.flatMap(\.flags) + FlagSpec.global).map(\.name) + ["need", "no-such-flag", ""]
        for name in Set(names) {
            #expect(CommandRegistry.isSwitch(name) == CommandRegistry.switches.contains(name), "--\(name)")
        }
        #expect(CommandRegistry.isSwitch(FlagSpec.versionFlag.name) && CommandRegistry.isSwitch(FlagSpec.helpFlag.name))
        #expect(!CommandRegistry.isSwitch("need"))
    }

    /// A rubric question named like any declared flag could not be answered as
    /// `--QUESTION-ID`; the command line's loader refuses it, whichever command declares it.
    @Test func aQuestionNamedLikeAnyDeclaredFlagIsRefused() throws {
        let names = Set((CommandRegistry.allCommands.flatMap(\.flags) + FlagSpec.global).filter { $0.kind != .questionAnswer }.map(\.name))
        for name in names.subtracting(Contract.coreQuestions.map(\.id)) {
            let json = rubricWithTeamSize.replacingOccurrences(of: "\"team-size\"", with: "\"\(name)\"")
            #expect(throws: RubricLoadError.self, "--\(name)") {
                try RubricLoader.load(Array(json.utf8), reservedQuestionIDs: CommandRegistry.reservedQuestionIDs)
            }
        }
        _ = try RubricLoader.load(Array(rubricWithTeamSize.utf8), reservedQuestionIDs: CommandRegistry.reservedQuestionIDs)
    }

    @Test func eachShortFlagHintNamesADeclaredFlag() {
        let spellings = Set((CommandRegistry.allCommands.flatMap(\.flags) + FlagSpec.global).map(\.spelling))
        for (letter, flag) in ArgumentScanner.longFlags { #expect(spellings.contains(flag), "-\(letter)") }
    }

    /// Completions offer a group's subcommand, then what its subcommands take.
    @Test func theSubcommandsOfAGroupTakeTheSamePositionals() {
        for command in CommandRegistry.commands {
            guard case .group(let subcommands) = command.action else { continue }
            #expect(Set(subcommands.map(\.positionals.description)).count == 1, "\(command.name)")
        }
    }

    @Test func everyCommandDeclaresItsSummaryAndUsage() {
        for command in CommandRegistry.commands {
            #expect(!command.summary.isEmpty && !command.usage.isEmpty, "\(command.name)")
            #expect(HelpText.overview(width: 500).contains("  tunewise \(command.usage[0])\n"), "\(command.name)")
        }
    }

    @Test func everyCommandWithHelpIsATopicAndListsItsListedFlags() {
        for command in CommandRegistry.commands where command.help != nil {
            #expect(CommandRegistry.topics.contains(command.name))
            let help = HelpText.text(for: command.name, rubric: Self.rubric)
            for flag in command.allFlags where flag.isListed { #expect(help.contains("  \(flag.helpHead)"), "\(command.name) \(flag.spelling)") }
        }
    }
}

extension CommandSpec: CustomTestStringConvertible {
    public var testDescription: String { name }
}
