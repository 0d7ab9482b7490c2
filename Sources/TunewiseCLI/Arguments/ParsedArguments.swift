import TunewiseKit

/// A command's arguments, checked against its ``CommandSpec``: every flag is declared (or,
/// for a command that takes them, left as a question flag), every value is present, every
/// choice is allowed, and a flag that is not repeatable is given once.
struct ParsedArguments {
    /// The command as typed: `sweep`, `rubric check`.
    let command: String
    let spec: CommandSpec
    /// Every flag given, in order.
    let flags: [FlagArgument]
    /// The words after the command (and subcommand).
    let positionals: [String]

    /// Checks `scanned` against `spec`.
    /// - Throws: the first unknown flag (naming the allowed ones), missing value, repeated
    ///   flag or value outside its choices; a positional word for a command that takes none.
    init(_ scanned: ScannedArguments, positionals: [String], spec: CommandSpec, command: String) throws(CommandError) {
        self.command = command
        self.spec = spec
        self.positionals = positionals
        // A closed choice is read as a person means it (`--format JSON`, `--format md`) and kept as its id.
        self.flags = try scanned.flags.map { flag throws(CommandError) in
            guard let value = flag.value, let declaration = spec.flag(named: flag.name), declaration.kind.isClosed,
                let allowed = declaration.allowedValues
            else { return flag }
            switch LenientMatch.match(value, in: allowed) {
            case .id(let id): return FlagArgument(name: flag.name, value: id)
            case .ambiguous(let matches):
                throw .ambiguousValue(flag: flag.spelling, value: value, matches: matches, allowed: allowed)
            case .none: return flag
            }
        }
        let declared = flags.compactMap { flag in spec.flag(named: flag.name).map { (given: flag, declaration: $0) } }
        if !spec.takesQuestionFlags, let unknown = flags.first(where: { spec.flag(named: $0.name) == nil }) {
            throw spec.unknownFlag(unknown)
        }
        if let (flag, declaration) = declared.first(where: \.given.isMissingValue) {
            throw .missingValue(flag: flag.spelling, allowed: declaration.allowedValues)
        }
        var seen: Set<String> = []
        for (flag, declaration) in declared where !declaration.isSwitch && !declaration.isRepeatable {
            guard seen.insert(flag.name).inserted else { throw .repeatedFlag(flag.spelling) }
        }
        for (flag, declaration) in declared {
            guard let value = flag.value, let allowed = declaration.allowedValues, declaration.kind.isClosed, !allowed.contains(value) else {
                continue
            }
            throw .invalidValue(flag: flag.spelling, value: value, allowed: allowed, suggestion: closestMatch(to: value, in: allowed))
        }
        if spec.positionals.isEmpty, let word = positionals.first {
            // An answers file given without its flag is the likely slip.
            let answers = word.hasSuffix(".json") && spec.flag(named: FlagSpec.answers.name) != nil ? "--answers \(word)" : nil
            throw .unknownWord(word, kind: "argument to '\(command)'", allowed: ["flags only"], suggestion: answers)
        }
    }

    /// Whether a switch (or any flag) is given. A command reads only the flags it declares.
    func has(_ flag: FlagSpec) -> Bool {
        assert(spec.flag(named: flag.name) != nil, "\(command) reads \(flag.spelling), which it does not declare")
        return flags.contains { $0.name == flag.name }
    }

    /// The value of a flag given at most once (the parser has checked), or `nil`.
    func value(_ flag: FlagSpec) -> String? { values(flag).first }

    /// Every value of a repeatable flag, in order. A command reads only the flags it declares.
    func values(_ flag: FlagSpec) -> [String] {
        assert(spec.flag(named: flag.name) != nil, "\(command) reads \(flag.spelling), which it does not declare")
        return flags.filter { $0.name == flag.name }.compactMap(\.value)
    }

    /// The case of `Choice` that a choice flag names, `fallback` when it is not given.
    func choice<Choice: RawRepresentable>(_ flag: FlagSpec, default fallback: Choice) -> Choice where Choice.RawValue == String {
        value(flag).flatMap(Choice.init(rawValue:)) ?? fallback
    }

    /// The flags that no declaration names: for a command that takes question flags, the
    /// `--QUESTION-ID OPTION-ID` answers, still to be checked against the rubric.
    var questionFlags: [FlagArgument] { flags.filter { spec.flag(named: $0.name) == nil } }
}

extension FlagSpec.Kind {
    /// Whether the value must be one of ``FlagSpec/allowedValues``.
    var isClosed: Bool {
        switch self {
        case .choice, .strategy: true
        case .toggle, .file, .value, .questionAnswer: false
        }
    }
}

extension CommandSpec {
    /// The declared flag names, with dashes, in order; the question flag expands to
    /// `questions`, in its place.
    func flagSpellings(questions: [String] = []) -> [String] {
        flags.flatMap { flag in flag.kind == .questionAnswer ? questions.map { "--\($0)" } : [flag.spelling] }
    }

    /// The usage error for a flag the command does not take: the closest allowed flag, else
    /// the allowed flags as spelled, with `--help`, when they are few enough to read (the
    /// help pointer that follows every usage error lists them all).
    func unknownFlag(_ flag: FlagArgument, questions: [String] = []) -> CommandError {
        var spellings = flagSpellings(questions: questions)
        if !spellings.contains(FlagSpec.helpFlag.spelling) { spellings.append(FlagSpec.helpFlag.spelling) }
        let suggestion = closestMatch(to: flag.spelling, in: spellings)
        let listed = suggestion == nil && spellings.count <= Self.flagsListedLimit ? spellings : []
        return .unknownWord(flag.spelling, kind: "flag", allowed: listed, suggestion: suggestion)
    }

    /// The most flags an unknown-flag message lists.
    static let flagsListedLimit = 12
}
