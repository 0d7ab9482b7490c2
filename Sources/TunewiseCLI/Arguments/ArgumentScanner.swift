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
/// Flags are `--name value`, `--name=value`, or a bare `--name` for the switches in
/// ``Invocation/switches``. `-h` is `--help`. A value may not start with `-`
/// (except `-` alone, which means standard input), so a forgotten value is reported
/// rather than swallowing the next flag.
struct ScannedArguments: Equatable {
    var flags: [FlagArgument] = []
    var positionals: [String] = []

    /// The values of every flag named `name`, in order.
    func values(_ name: String) -> [String] {
        flags.filter { $0.name == name }.compactMap(\.value)
    }

    /// Whether a switch is present.
    func has(_ name: String) -> Bool { flags.contains { $0.name == name } }

    /// The single value of `name`; more than one is an error.
    func single(_ name: String) throws(CommandError) -> String? {
        let values = values(name)
        guard values.count <= 1 else { throw .repeatedFlag("--\(name)") }
        return values.first
    }
}

enum ArgumentScanner {
    /// The long flag a short one most likely meant, by its letter, for the error (`-h` is
    /// the only short flag).
    static let longFlags = [
        "v": "--version", "V": "--version", "f": "--format", "r": "--rubric", "a": "--answers", "e": "--expect", "w": "--weight",
        "n": "--no-input", "i": "--interactive", "o": "--save-answers",
    ]

    static func scan(_ arguments: [String]) throws(CommandError) -> ScannedArguments {
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
                scanned.flags.append(FlagArgument(name: "help"))
                continue
            }
            guard word.hasPrefix("--"), word.count > 2 else {
                throw .unknownShortFlag(word, suggestion: Self.longFlags[String(word.dropFirst().prefix(1))])
            }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                let value = String(body[body.index(after: equals)...])
                if Invocation.switches.contains(name) {
                    throw .invalidValue(flag: "--\(name)", value: value, allowed: ["no value"], suggestion: nil)
                }
                scanned.flags.append(FlagArgument(name: name, value: value.isEmpty ? nil : value, isMissingValue: value.isEmpty))
                continue
            }
            let name = String(body)
            if Invocation.switches.contains(name) {
                scanned.flags.append(FlagArgument(name: name))
                continue
            }
            guard index < arguments.count, !arguments[index].hasPrefix("-") || arguments[index] == "-" else {
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
}
