import TunewiseKit

/// What a shell completion script completes: the commands, their flags and the values each
/// flag takes, from the commands' declarations (``CommandRegistry``) and a rubric, so the
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

    /// The completions for `rubric`'s questions and the declared commands and flags.
    init(rubric: Rubric) {
        rubricID = rubric.id
        rubricVersion = rubric.version
        let words = RubricCompletionWords(rubric)
        commands = CommandRegistry.commands.map { spec in
            var flags = spec.allFlags.flatMap { words.flags(for: $0) }
            var positionals = spec.positionals.map { words.values(for: $0) }
            if case .group(let subcommands) = spec.action {
                // The subcommand's name, then what the subcommands take (the same, a test checks).
                positionals = [.words(subcommands.map { Word(value: $0.name, description: $0.summary) })]
                positionals += (subcommands.first?.positionals ?? []).map { words.values(for: $0) }
            }
            if !flags.contains(where: { $0.name == FlagSpec.helpFlag.name }) {
                flags.append(Flag(name: FlagSpec.helpFlag.name, description: FlagSpec.helpFlag.help, values: .none))
            }
            return Command(name: spec.name, description: spec.summary, flags: flags, positionals: positionals)
        }
    }
}

/// The words a rubric gives completions: its strategies, questions and options.
private struct RubricCompletionWords {
    typealias Word = CompletionSpec.Word

    let strategies: [Word]
    let questions: [Word]
    let refinements: [Word]
    /// `QUESTION-ID=` for each question.
    let assignments: [Word]
    let optionsByQuestion: [String: [Word]]
    let rubric: Rubric

    init(_ rubric: Rubric) {
        self.rubric = rubric
        strategies = rubric.strategies.map { Word(value: $0.id, description: $0.label) }
        questions = rubric.questions.map { Word(value: $0.id, description: $0.label) }
        refinements = rubric.questions.filter { !$0.isCore }.map { Word(value: $0.id, description: $0.label) }
        assignments = rubric.questions.map { Word(value: "\($0.id)=", description: $0.label) }
        optionsByQuestion = Dictionary(
            uniqueKeysWithValues: rubric.questions.map { question in
                (question.id, question.options.map { Word(value: $0.id, description: $0.label) })
            })
    }

    /// The completion flags for a declared flag: itself, or for the question flag one per question.
    func flags(for flag: FlagSpec) -> [CompletionSpec.Flag] {
        guard flag.kind != .questionAnswer else {
            return rubric.questions.map { .init(name: $0.id, description: $0.label, values: .words(optionsByQuestion[$0.id] ?? [])) }
        }
        return [.init(name: flag.name, description: flag.help, values: values(for: flag.kind))]
    }

    /// What follows a flag of `kind`.
    private func values(for kind: FlagSpec.Kind) -> CompletionSpec.Values {
        switch kind {
        case .toggle: .none
        case .file: .files
        case .choice(let choices): .words(choices.map { Word(value: $0.value, description: $0.description) })
        case .strategy: .words(strategies)
        case .value(.nothing), .questionAnswer: .free
        case .value(.questions): .words(questions)
        case .value(.refinements): .words(refinements)
        case .value(.questionAssignments): .words(assignments)
        case .value(.answers): .pairs(assignments, options: optionsByQuestion)
        }
    }

    /// What fills a declared positional place.
    func values(for positional: PositionalSpec) -> CompletionSpec.Values {
        switch positional {
        case .file: .files
        case .choice(let choices): .words(choices.map { Word(value: $0.value, description: $0.description) })
        case .helpTopic:
            .words(CommandRegistry.commands.filter { $0.help != nil }.map { Word(value: $0.name, description: $0.summary) })
        }
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
