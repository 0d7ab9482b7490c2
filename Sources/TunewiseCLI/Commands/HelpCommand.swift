import TunewiseBuiltIn
import TunewiseKit

/// `tunewise help [COMMAND]`, `--help` and `-h`: the help for a command, or the overview;
/// `help --man`: the manual page in roff.
struct HelpCommand: TunewiseCommand, Equatable {
    /// The command whose help to print; `nil` (or a word that is not a command with help)
    /// for the overview.
    var topic: String?
    /// `--man`: the manual page instead.
    var man = false

    static let manFlag = FlagSpec("man", .toggle, help: "print the manual page in roff")

    static let spec = CommandSpec(
        name: "help", summary: "show help for a command", usage: ["help [COMMAND]", "help --man | man -l -"], discussion: "",
        positionals: [.helpTopic], flags: [manFlag], action: .running(HelpCommand.self))

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = BuiltInRubric.load()
        if man {
            try console.writeOutput(ManPage.render(rubric: rubric, version: Tunewise.version))
        } else {
            let width = TextStyle.width(in: console.environment)
            try console.writeOutput(HelpText.text(for: topic, rubric: rubric, width: width).wrapped(to: width))
        }
        return .success
    }
}

extension HelpCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        var words = arguments.positionals[...]
        // `help help` is the overview, as `help` alone.
        let topic = words.popFirst().flatMap { $0 == Self.spec.name ? nil : $0 }
        let topics = CommandRegistry.topics
        if let topic, !topics.contains(topic) {
            throw .unknownWord(topic, kind: "help topic", allowed: topics, suggestion: closestMatch(to: topic, in: topics))
        }
        // `help rubric validate`, as git takes it: a subcommand's help is its group's.
        if let extra = words.first, topic.flatMap(CommandRegistry.command(named:))?.subcommandNames.contains(extra) == true {
            words.removeFirst()
        }
        if let extra = words.first {
            throw .unknownWord(extra, kind: "argument to 'help'", allowed: ["one command"], suggestion: nil)
        }
        // The manual covers every command, so a topic with --man selects nothing more.
        if arguments.has(Self.manFlag) {
            self.init(man: true)
            return
        }
        self.init(topic: topic)
    }
}

/// `--version`: the tool's version.
struct VersionCommand: RunnableCommand, Equatable {
    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        try console.writeOutput("tunewise \(Tunewise.version)\n")
        return .success
    }
}
