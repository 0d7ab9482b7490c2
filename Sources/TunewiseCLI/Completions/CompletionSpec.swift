import TunewiseKit

/// What a shell completion script completes: the commands, their flags and the values each
/// flag takes, gathered from the code's own flag lists, the help text and a rubric, so the
/// scripts never drift from what the command line accepts.
struct CompletionSpec {
    /// A word to offer and what it means.
    struct Word: Equatable {
        var value: String
        var description: String
    }

    /// What follows a flag or fills a positional place.
    enum Values: Equatable {
        /// Nothing: the flag is a switch.
        case none
        /// One of these words.
        case words([Word])
        /// `QUESTION-ID=OPTION-ID`: a key from the words, then one of its options.
        case pairs([Word], options: [String: [Word]])
        /// A file name.
        case files
        /// Free text, such as a number: nothing to offer.
        case free
    }

    struct Flag: Equatable {
        /// The name without dashes.
        var name: String
        var description: String
        var values: Values
    }

    struct Command: Equatable {
        var name: String
        var description: String
        var flags: [Flag]
        /// What each positional place after the command takes; the last repeats.
        var positionals: [Values]
    }

    /// The rubric the question flags come from, for the scripts' header.
    var rubricID: String
    var rubricVersion: String
    /// Every command, `advise` (the default) first.
    var commands: [Command]

    /// The command used when none is typed.
    var defaultCommand: Command { commands[0] }

    /// Every flag name, with dashes, that takes a value in any command: a word after one is
    /// that flag's value, not a command.
    var valueFlags: [String] {
        var names: [String] = []
        for command in commands {
            for flag in command.flags where flag.values != .none && !names.contains("--\(flag.name)") {
                names.append("--\(flag.name)")
            }
        }
        return names
    }

    /// The completions for `rubric`'s questions and the command line's flags.
    init(rubric: Rubric) {
        rubricID = rubric.id
        rubricVersion = rubric.version
        let strategies = rubric.strategies.map { Word(value: $0.id, description: $0.label) }
        let questionWords = rubric.questions.map { Word(value: $0.id, description: $0.label) }
        let optionsByQuestion = Dictionary(
            uniqueKeysWithValues: rubric.questions.map { question in
                (question.id, question.options.map { Word(value: $0.id, description: $0.label) })
            })
        let assignments = rubric.questions.map { Word(value: "\($0.id)=", description: $0.label) }
        let costFieldFlags = CostField.allCases.map { Flag(name: $0.flagName, description: $0.summary, values: .free) }
        let costFieldFlag = Dictionary(uniqueKeysWithValues: costFieldFlags.map { ($0.name, $0) })

        func words<Format: RawRepresentable & CaseIterable>(_: Format.Type) -> Values where Format.RawValue == String {
            .words(Format.allCases.map { Word(value: $0.rawValue, description: "\($0.rawValue) format") })
        }
        func flag(_ name: String, topic: String, values special: Values? = nil) -> Flag {
            let values: Values =
                special
                ?? (Invocation.switches.contains(name) ? .none : (Invocation.fileFlags.contains(name) ? .files : .free))
            let description = HelpText.option(name, for: topic, rubric: rubric)?.description ?? ""
            return Flag(name: name, description: description, values: values)
        }
        // A command's summary: its help's first sentence, after "tunewise COMMAND ...: ".
        func summary(_ topic: String) -> String {
            guard HelpText.topics.contains(topic) else { return topic == "help" ? "show help for a command" : "" }
            let lines = HelpText.text(for: topic, rubric: rubric).split(separator: "\n", omittingEmptySubsequences: false)
            let words = lines.prefix { !$0.isEmpty }.joined(separator: " ")
            guard let colon = words.firstIndex(of: ":") else { return "" }
            let rest = words[words.index(after: colon)...].drop { $0 == " " }
            return String(rest.prefix { $0 != "." && $0 != ":" })
        }

        var commands: [Command] = []
        for name in Invocation.commands {
            var command = Command(name: name, description: summary(name), flags: [], positionals: [])
            switch name {
            case "advise":
                command.flags = Invocation.adviseFlags.map { name in
                    switch name {
                    case "format": flag(name, topic: "advise", values: words(AdviseFormat.self))
                    case "expect", "why-not": flag(name, topic: "advise", values: .words(strategies))
                    case "weight": flag(name, topic: "advise", values: .words(assignments))
                    default: flag(name, topic: "advise")
                    }
                }
                command.flags += rubric.questions.map { question in
                    Flag(name: question.id, description: question.label, values: .words(optionsByQuestion[question.id] ?? []))
                }
                command.flags += costFieldFlags
            case "questions":
                command.flags = Invocation.questionsFlags.map { name in
                    flag(name, topic: "questions", values: name == "format" ? words(QuestionsFormat.self) : nil)
                }
            case "sweep":
                command.flags = Invocation.sweepFlags.map { name in
                    switch name {
                    case "format": flag(name, topic: "sweep", values: words(SweepFormat.self))
                    case "include":
                        flag(
                            name, topic: "sweep",
                            values: .words(rubric.questions.filter { !$0.isCore }.map { Word(value: $0.id, description: $0.label) }))
                    case "map": flag(name, topic: "sweep", values: .words(questionWords))
                    case "fix": flag(name, topic: "sweep", values: .pairs(assignments, options: optionsByQuestion))
                    case "weight": flag(name, topic: "sweep", values: .words(assignments))
                    default: flag(name, topic: "sweep")
                    }
                }
            case "cost":
                command.flags = Invocation.costFlags.map { name in
                    switch name {
                    case "format": flag(name, topic: "cost", values: words(ReportFormat.self))
                    case "transience":
                        flag(
                            name, topic: "cost",
                            values: .words(CostTransience.allCases.map { Word(value: $0.rawValue, description: "retrain cadence") }))
                    default: costFieldFlag[name] ?? flag(name, topic: "cost")
                    }
                }
            case "rubric":
                command.positionals = [
                    .words(Invocation.rubricSubcommands.map { Word(value: $0, description: "rubric \($0)") }), .files,
                ]
            case "help":
                command.flags = Invocation.helpFlags.map { Flag(name: $0, description: "print the manual page in roff", values: .none) }
                command.positionals = [.words(HelpText.topics.map { Word(value: $0, description: summary($0)) })]
            case "diff":
                command.flags = Invocation.diffFlags.map { name in
                    flag(name, topic: "diff", values: name == "format" ? words(ReportFormat.self) : nil)
                }
                command.positionals = [.files]
            case "data":
                command.flags = DataRequest.flags.map { name in
                    flag(name, topic: "data", values: name == "format" ? words(ReportFormat.self) : nil)
                }
                command.positionals = [.files]
            case "init":
                command.flags = Invocation.initFlags.map { flag($0, topic: "init") }
                command.positionals = [.files]
            case "completions":
                command.flags = Invocation.completionsFlags.map { flag($0, topic: "completions") }
                command.positionals = [.words(CompletionShell.allCases.map { Word(value: $0.rawValue, description: "\($0.rawValue) script") })]
            default:
                break
            }
            commands.append(command)
        }
        self.commands = commands
    }
}

/// A shell that `tunewise completions` writes a script for.
enum CompletionShell: String, CaseIterable, Sendable {
    case bash, zsh, fish

    /// The script for this shell.
    func script(_ spec: CompletionSpec) -> String {
        switch self {
        case .bash: BashCompletion(spec: spec).script
        case .zsh: ZshCompletion(spec: spec).script
        case .fish: FishCompletion(spec: spec).script
        }
    }
}

/// `text` in single quotes for a POSIX shell (zsh and bash alike).
func singleQuoted(_ text: String) -> String {
    var quoted = "'"
    for character in text {
        if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
    }
    return quoted + "'"
}
