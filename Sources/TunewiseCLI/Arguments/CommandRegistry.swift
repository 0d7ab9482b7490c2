import TunewiseKit

/// Every command of `tunewise`, each a ``CommandSpec`` declared beside its code: the one
/// list that parsing, dispatch, help, the completion scripts and the man page read.
///
/// Adding a command is its declaration, its code and its tests: a `static let spec` on the
/// command's type (name, summary, usage, positionals, flags, help prose, `make`) and its
/// line here. A `data` command would be `DataCommand.spec`, declaring a positional
/// `PositionalSpec(name: "FILE", kind: .file)` and the flags `--eval FILE`,
/// `FlagSpec.format(ReportFormat.self)` and `--strict`; `--data FILE` on advise and cost
/// one `FlagSpec` spliced into both. A shared group such as `--policy FILE` / `--no-policy`
/// is one `static let` array in SharedFlags.swift, spliced into the flags of each command
/// that takes it and read in one helper on ``ParsedArguments``.
enum CommandRegistry {
    /// The commands in the order help, completions and messages list them; the first,
    /// `advise`, runs when the command line names none.
    static let commands: [CommandSpec] = [
        AdviseCommand.spec, QuestionsCommand.spec, SweepCommand.spec, CostCommand.spec, RubricCommand.spec, DiffCommand.spec,
        CompletionsCommand.spec, InitCommand.spec, HelpCommand.spec,
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
    static let switches = Set((allCommands.flatMap(\.flags) + FlagSpec.global).filter(\.isSwitch).map(\.name))

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
        if scanned.has(.version) { return VersionCommand() }
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

    private static func unknownCommand(_ name: String) -> CommandError {
        let names = commands.map(\.name)
        return .unknownWord(name, kind: "command", allowed: names, suggestion: closestMatch(to: name, in: names))
    }
}
