/// One flag as written on the command line.
struct FlagArgument: Equatable {
    /// The name without dashes (`data-volume`).
    var name: String
    /// The value, for flags that take one.
    var value: String?
    /// Whether the flag takes a value but none (or an empty one) was given; the command
    /// reports it, naming the allowed values.
    var isMissingValue = false
    /// The flag as the user wrote it (`--data-volume`), for messages.
    var spelling: String { "--\(name)" }
}

/// A command line split into flags and positional words.
///
/// Flags are `--name value`, `--name=value`, or a bare `--name` for the switches
/// (``CommandRegistry/isSwitch(_:)``). `-h` is `--help`. A value may not start with `-`
/// (except `-` alone, which means standard input, and a negative number, which the flag
/// then refuses by name), so a forgotten value is reported rather than swallowing the next flag.
struct ScannedArguments: Equatable {
    var flags: [FlagArgument] = []
    var positionals: [String] = []

    /// Whether a flag is present.
    func has(_ flag: FlagSpec) -> Bool { flags.contains { $0.name == flag.name } }
}

/// Splits a command line into flags and positional words, before the command is known.
enum ArgumentScanner {
    /// The long flag a short one most likely meant, by its letter, for the error (`-h` is
    /// the only short flag): the letters other tools use, not a list of this tool's flags
    /// (a test checks that each names a declared flag).
    static let longFlags = [
        "v": "--version", "V": "--version", "f": "--format", "r": "--rubric", "a": "--answers", "e": "--expect", "w": "--weight",
        "n": "--no-input", "i": "--interactive", "o": "--save-answers",
    ]

    /// Splits `arguments` into flags and positional words, reading bare the flags that
    /// `isSwitch` names.
    static func scan(_ arguments: [String], isSwitch: (String) -> Bool = CommandRegistry.isSwitch) throws(CommandError) -> ScannedArguments {
        var scanned = ScannedArguments()
        var index = 0
        var flagsEnded = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if flagsEnded || !word.hasPrefix("-") || word == "-" {
                scanned.positionals.append(word)
                continue
            }
            if word == "--" {
                flagsEnded = true
                continue
            }
            if word == "-h" {
                scanned.flags.append(FlagArgument(name: FlagSpec.helpFlag.name))
                continue
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                throw .unknownShortFlag(word, suggestion: Self.longFlags[String(word.dropFirst().prefix(1))])
            }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                let value = String(body[body.index(after: equals)...])
                if isSwitch(name) {
                    throw .invalidValue(flag: "--\(name)", value: value, allowed: ["no value"], suggestion: nil)
                }
                scanned.flags.append(FlagArgument(name: name, value: value.isEmpty ? nil : value, isMissingValue: value.isEmpty))
                continue
            }
            let name = String(body)
            if isSwitch(name) {
                scanned.flags.append(FlagArgument(name: name))
                continue
            }
            guard index < arguments.count, !arguments[index].hasPrefix("-") || arguments[index] == "-" || isNegativeNumber(arguments[index])
            else {
                scanned.flags.append(FlagArgument(name: name, isMissingValue: true))
                continue
            }
            if arguments[index].isEmpty {
                scanned.flags.append(FlagArgument(name: name, isMissingValue: true))
                index += 1
                continue
            }
            scanned.flags.append(FlagArgument(name: name, value: arguments[index]))
            index += 1
        }
        return scanned
    }

    /// Whether `word` reads as a negative number (`-5`, `-0.5`) rather than a flag.
    private static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "_") }
            && word.dropFirst().contains { $0.isNumber }
    }
}
