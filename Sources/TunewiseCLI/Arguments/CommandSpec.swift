import TunewiseKit

/// Something the command line asks for, ready to run.
protocol RunnableCommand: Sendable {
    /// Runs the command and returns its exit code.
    func run(console: inout some Console) throws(CommandError) -> ExitCode
}

/// A command of `tunewise`, declared by a ``CommandSpec``: how it reads its checked
/// arguments, and what it does.
protocol TunewiseCommand: RunnableCommand {
    /// Reads the command's arguments, already checked against its ``CommandSpec``: every
    /// flag declared (or a question flag, where the command takes them), values present,
    /// choices allowed, single flags given once.
    init(_ arguments: ParsedArguments) throws(CommandError)
}

/// Everything the command line knows about one command, declared once: its name, summary,
/// usage, positionals, flags and help. ``CommandRegistry`` lists them; parsing, dispatch,
/// help, the completion scripts and the man page all read them.
struct CommandSpec: Sendable {
    /// What the command line's words select.
    enum Action: Sendable {
        /// Run the command made from its checked arguments.
        case run(@Sendable (ParsedArguments) throws(CommandError) -> any RunnableCommand)
        /// Select one of these subcommands by the next word (`rubric validate`); the group's
        /// help covers them all.
        case group([CommandSpec])

        /// Run `Command`, made from its checked arguments.
        static func running<Command: TunewiseCommand>(_: Command.Type) -> Action {
            .run { arguments throws(CommandError) in try Command(arguments) }
        }
    }

    /// The word that selects the command (`sweep`); a subcommand's is its own word (`check`).
    var name: String
    /// One line for completions and the man page (`recommend a strategy`).
    var summary: String
    /// The usage lines after `tunewise ` (`sweep [--include QUESTION-ID ...] [options]`); a
    /// line break in one continues it, indented under its first argument. Empty for a
    /// subcommand, whose group's lines cover it.
    var usage: [String]
    /// The hand-written paragraphs that open the help and the command's part of the man
    /// page's description. Empty for a command without help of its own.
    var discussion: String
    /// What each positional place takes, for completions; the last place repeats.
    var positionals: [PositionalSpec] = []
    /// The flags in help order; shared groups (``FlagSpec/rubric(_:)``, ``FlagSpec/costInputs``)
    /// are spliced in as values.
    var flags: [FlagSpec] = []
    /// Example command lines, each possibly continued over lines with `\`.
    var examples: [String] = []
    /// Whether the command runs or selects a subcommand.
    var action: Action
    /// The help text after the discussion: the options, examples and any prose of the
    /// command's own; `nil` for a command whose help is the overview (`help`) or a subcommand.
    var help: (@Sendable (HelpContext) -> String)?

    /// The flag declared as `name`, if any.
    func flag(named name: String) -> FlagSpec? {
        flags.first { $0.name == name && $0.kind != .questionAnswer }
    }

    /// The flags of the command and, for a group, of its subcommands, each name once: what
    /// its help, completions and man page list.
    var allFlags: [FlagSpec] {
        guard case .group(let subcommands) = action else { return flags }
        var names = Set(flags.map(\.name))
        return flags + subcommands.flatMap(\.flags).filter { names.insert($0.name).inserted }
    }

    /// The names of the subcommands, for a group; empty for a command that runs.
    var subcommandNames: [String] {
        if case .group(let subcommands) = action { subcommands.map(\.name) } else { [] }
    }

    /// Whether the command takes a flag per rubric question.
    var takesQuestionFlags: Bool { flags.contains { $0.kind == .questionAnswer } }
}

/// What a command's help is written from: its declaration and the rubric in use.
struct HelpContext {
    let spec: CommandSpec
    let rubric: Rubric
    /// The columns the help is laid out for.
    var width = TextStyle.defaultWidth

    /// `Options:` and a line per listed flag, wrapped later under its description; empty
    /// when the command (or group) lists none.
    var options: String {
        let listed = spec.allFlags.filter(\.isListed)
        return listed.isEmpty ? "" : "Options:\n" + HelpText.optionLines(listed)
    }

    /// `Examples:` and the declared examples; empty when there are none.
    var examples: String {
        guard !spec.examples.isEmpty else { return "" }
        return "Examples:\n" + spec.examples.map { "  " + $0.split(separator: "\n").joined(separator: "\n  ") + "\n" }.joined()
    }

    /// `Usage:` and the declared usage lines.
    var usage: String { "Usage:\n" + HelpText.usageLines(spec, width: width) }
}
