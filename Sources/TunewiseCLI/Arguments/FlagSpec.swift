import TunewiseKit

/// One flag of a command, declared once: the parser reads it, help lists it, the completion
/// scripts complete it and the man page describes it, all from this value.
///
/// A flag name means the same in every command that takes it: a switch in one is a switch
/// in all (the scanner reads switches before it knows the command), which a test checks.
struct FlagSpec: Equatable, Sendable {
    /// What a flag takes after its name.
    enum Kind: Equatable, Sendable {
        /// Nothing: `--no-color`.
        case toggle
        /// A file name (`-` for standard input or output where the command allows it).
        case file
        /// One of these words; the parser refuses any other, naming them.
        case choice([Choice])
        /// A strategy id of the contract; completions describe each with the rubric's label.
        case strategy
        /// Free text that the command checks itself; `completes` says what completions offer.
        /// The flag's ``FlagSpec/expected`` says what it must be when the value is missing.
        case value(completes: RubricWords = .nothing)
        /// `--QUESTION-ID OPTION-ID`: a flag for every question of the rubric, each taking one
        /// of its options. The parser leaves the flags no declaration names to the command,
        /// which checks them against the rubric.
        case questionAnswer
    }

    /// One allowed word of a ``Kind/choice(_:)`` and what it means, for completions.
    struct Choice: Equatable, Sendable {
        var value: String
        var description: String
    }

    /// What completions offer for a ``Kind/value(completes:)``, from the rubric in use.
    enum RubricWords: Equatable, Sendable {
        /// Nothing: a number or other free text.
        case nothing
        /// Any question id.
        case questions
        /// The id of a question that is not core.
        case refinements
        /// `QUESTION-ID=` and then free text.
        case questionAssignments
        /// `QUESTION-ID=OPTION-ID`: a question id, then one of its options.
        case answers
    }

    /// The name without dashes (`no-color`); for ``Kind/questionAnswer``, `QUESTION-ID`.
    var name: String
    var kind: Kind
    /// What the value looks like in help (`FILE`, `QUESTION-ID=N`); empty for a switch.
    var argument: String
    /// The help text's description, one line before wrapping.
    var help: String { describe() }
    /// Writes ``help`` when help, completions or the man page ask for it: a start reads no
    /// description, and some are worked out (the size of the built-in rubric's space).
    private var describe: @Sendable () -> String
    /// What a ``Kind/value(completes:)`` must be (`a whole number from 1 to 1000000`), for the
    /// message when it is missing; written when that message is, as ``help`` is.
    private var describeExpected: (@Sendable () -> String)?
    /// A one-letter spelling (`-h`), if any.
    var shortName: Character?
    /// Whether the flag may be given more than once; the parser refuses a repeated flag
    /// otherwise (a repeated switch is harmless and allowed).
    var isRepeatable = false
    /// Whether the help's "Options:" section lists it; a flag the help describes in a
    /// section of its own (the cost inputs) is declared unlisted.
    var isListed = true

    /// A flag; `argument` defaults from the kind (`FILE`, `STRATEGY-ID`, the choices joined by `|`).
    init(
        _ name: String, _ kind: Kind, argument: String? = nil, help: @autoclosure @escaping @Sendable () -> String,
        shortName: Character? = nil, isRepeatable: Bool = false, isListed: Bool = true
    ) {
        self.name = name
        self.kind = kind
        self.argument = argument ?? kind.defaultArgument
        self.describe = help
        self.shortName = shortName
        self.isRepeatable = isRepeatable
        self.isListed = isListed
    }

    /// A ``Kind/value(completes:)`` flag whose value must be `expected` (`a whole number
    /// from 1 to 1000000`), which the message for a missing value names.
    init(
        _ name: String, _ kind: Kind, expected: @autoclosure @escaping @Sendable () -> String, argument: String,
        help: @autoclosure @escaping @Sendable () -> String, isListed: Bool = true
    ) {
        self.init(name, kind, argument: argument, help: help(), isListed: isListed)
        describeExpected = expected
    }

    /// What the value must be, for a ``Kind/value(completes:)`` flag that says.
    var expected: String? { describeExpected?() }

    /// The flag as typed: `--no-color`.
    var spelling: String { "--\(name)" }

    /// Whether the flag takes no value.
    var isSwitch: Bool { kind == .toggle }

    /// The same flag with the help text a command words its own way.
    func withHelp(_ text: @autoclosure @escaping @Sendable () -> String) -> FlagSpec {
        var flag = self
        flag.describe = text
        return flag
    }

    /// Two declarations are equal when they read, complete and describe alike.
    static func == (left: FlagSpec, right: FlagSpec) -> Bool {
        left.name == right.name && left.kind == right.kind && left.argument == right.argument && left.shortName == right.shortName
            && left.isRepeatable == right.isRepeatable && left.isListed == right.isListed && left.help == right.help
            && left.expected == right.expected
    }

    /// The values a missing value's message lists, if the flag has a fixed set or a stated form.
    var allowedValues: [String]? {
        switch kind {
        case .choice(let choices): choices.map(\.value)
        case .strategy: Contract.strategyIDs
        case .value: expected.map { [$0] }
        case .toggle, .file, .questionAnswer: nil
        }
    }

    /// The help's left column: `-h, --help`, `--rubric FILE`.
    var helpHead: String {
        let spelled = (shortName.map { "-\($0), " } ?? "") + (kind == .questionAnswer ? "--\(name)" : spelling)
        return argument.isEmpty ? spelled : "\(spelled) \(argument)"
    }
}

extension FlagSpec.Kind {
    fileprivate var defaultArgument: String {
        switch self {
        case .toggle: ""
        case .file: "FILE"
        case .choice(let choices): choices.map(\.value).joined(separator: "|")
        case .strategy: "STRATEGY-ID"
        case .value: "VALUE"
        case .questionAnswer: "OPTION-ID"
        }
    }
}

/// What fills one positional place of a command, declared for its completions (the last
/// place repeats); the command's own code reads the words, as their rules differ from
/// command to command, and its usage lines name them.
enum PositionalSpec: Equatable, Sendable {
    /// A file name.
    case file
    /// One of these words.
    case choice([FlagSpec.Choice])
    /// The name of a command with help (`tunewise help COMMAND`).
    case helpTopic
}
