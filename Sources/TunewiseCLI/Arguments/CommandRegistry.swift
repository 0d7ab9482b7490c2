import TunewiseKit

/// Every command of `tunewise`, each a ``CommandSpec`` declared beside its code: the one
/// list that parsing, dispatch, help, the completion scripts and the man page read.
///
/// Adding a command is its declaration, its code and its tests. The `data` command, for one,
/// is a `DataCommand: TunewiseCommand` whose `static let spec` declares it whole:
///
/// ```swift
/// static let spec = CommandSpec(
///     name: "data", summary: "what a fine-tuning data set holds",
///     usage: ["data FILE [--eval FILE] [--format FORMAT] [--strict]"], discussion: HelpText.dataDiscussion,
///     positionals: [.file], flags: [evalFile, .format(ReportFormat.self), strict],
///     action: .running(DataCommand.self), help: HelpText.data)
/// ```
///
/// and `DataCommand.spec` in ``commands``; `--data FILE` on advise and cost is one
/// `FlagSpec` in SharedFlags.swift, added to the flags of both. A shared group is declared
/// the same way: `--policy FILE` / `--no-policy` is one `static let policyFlags` array in
/// RubricSelection.swift with one reader on ``ParsedArguments`` (as ``ParsedArguments/weights()``
/// reads `--weight`), added to the flags of advise, sweep, diff, questions, sources and the
/// rubric subcommands. Help, completions, the man page, the unknown-flag messages and the names a
/// rubric question may not take follow from the declarations.
enum CommandRegistry {
    /// The commands in the order help, completions and messages list them; the first,
    /// `advise`, runs when the command line names none.
    static let commands: [CommandSpec] = [
        AdviseCommand.spec, QuestionsCommand.spec, SourcesCommand.spec, SweepCommand.spec, CostCommand.spec, RubricCommand.spec, DiffCommand.spec,
        CompletionsCommand.spec, InitCommand.spec, DataCommand.spec, HelpCommand.spec,
    ]

    /// The command that runs when the command line names none.
    static var defaultCommand: CommandSpec { commands[0] }

    /// The command named `name`, if any.
    static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// The commands with help of their own, for `tunewise help COMMAND`.
    static let topics = commands.filter { $0.help != nil }.map(\.name)

    /// Every command and subcommand.
    static var allCommands: [CommandSpec] {
        commands.flatMap { command in
            if case .group(let subcommands) = command.action { [command] + subcommands } else { [command] }
        }
    }

    /// The flags that take no value, in any command: the scanner reads them bare.
    static let switches: Set<String> = {
        var names = Set(FlagSpec.global.filter(\.isSwitch).map(\.name))
        for command in allCommands {
            for flag in command.flags where flag.isSwitch { names.insert(flag.name) }
        }
        return names
    }()

    /// Whether the flag `name` takes no value in the commands that declare it. The flags every
    /// command takes are answered from their own declarations, so that `tunewise --version`
    /// and `tunewise --help` read no command's.
    static func isSwitch(_ name: String) -> Bool {
        if let flag = FlagSpec.global.first(where: { $0.name == name }) { return flag.isSwitch }
        return switches.contains(name)
    }

    /// The names a rubric question may not take, because `--QUESTION-ID` would be read as a
    /// flag of some command: every declared flag name but the fixed questions' own
    /// (`cost --transience` sets the cadence the transience question's answer sets).
    static let reservedQuestionIDs: Set<String> = {
        let names = (allCommands.flatMap(\.flags) + FlagSpec.global).filter { $0.kind != .questionAnswer }.map(\.name)
        return Set(names).subtracting(Contract.coreQuestions.map(\.id))
    }()

    /// Interprets a command line (without the program name) as the command to run.
    /// - Throws: a usage error naming what is allowed.
    static func parse(_ arguments: [String]) throws(CommandError) -> any RunnableCommand {
        let scanned = try ArgumentScanner.scan(arguments)
        if scanned.has(.versionFlag) { return VersionCommand() }
        var words = scanned.positionals[...]
        let name = words.popFirst() ?? defaultCommand.name
        guard var spec = command(named: name) else { throw unknownCommand(name) }
        if scanned.has(.helpFlag) {
            return HelpCommand(topic: name == HelpCommand.spec.name ? words.first : (scanned.positionals.isEmpty ? nil : name))
        }
        var path = name
        while true {
            switch spec.action {
            case .run(let make):
                return try make(ParsedArguments(scanned, positionals: Array(words), spec: spec, command: path))
            case .group(let subcommands):
                let names = subcommands.map(\.name)
                guard let word = words.popFirst() else {
                    throw .missingArgument(command: path, expected: "a subcommand: \(names.joined(separator: ", "))")
                }
                guard let subcommand = subcommands.first(where: { $0.name == word }) else {
                    throw .unknownWord(word, kind: "\(path) subcommand", allowed: names, suggestion: closestMatch(to: word, in: names))
                }
                spec = subcommand
                path += " \(word)"
            }
        }
    }

    /// The usage error for a first word that names no command; a file name is most likely
    /// an answers file given without its flag.
    private static func unknownCommand(_ name: String) -> CommandError {
        let names = commands.map(\.name)
        let suggestion = name.hasSuffix(".json") ? "tunewise --answers \(name)" : closestMatch(to: name, in: names)
        return .unknownWord(name, kind: "command", allowed: names, suggestion: suggestion)
    }
}
