import TunewiseBuiltIn
import TunewiseKit

/// The `tunewise` command: interprets a command line, runs it, and maps every failure to
/// a one-line message on standard error and an exit code.
public enum Tunewise {
    /// The tool's version, reported by `--version` and in every report.
    public static let version = "0.3.0"

    /// Runs one command line (without the program name) and returns its exit code.
    public static func run(_ arguments: [String], console: inout some Console) -> ExitCode {
        do {
            return try CommandRegistry.parse(arguments).run(console: &console)
        } catch {
            reportError(error, helpTopic: helpTopic(of: arguments), console: &console)
            return error.exitCode
        }
    }

    /// Writes an error's message, its details wrapped to the width of the terminal and the
    /// help to read: for a usage error the command's (`tunewise help TOPIC`, or `tunewise
    /// --help` without one), for a file or data error the topic of what it is about.
    static func reportError(_ error: CommandError, helpTopic: String? = nil, console: inout some Console) {
        var text = "tunewise: \(visible(error.message))\n"
        let width = TextStyle.width(in: console.environment)
        for line in error.details { text += visible(line).wrapped(to: width, hangingIndent: 4) + "\n" }
        if error.isUsageError {
            text += "Run 'tunewise \(helpTopic.map { "help \($0)" } ?? "--help")' for usage.\n"
        } else if error.pointsToHelp {
            text += "See 'tunewise \((error.dataTopic ?? helpTopic).map { "help \($0)" } ?? "--help")'.\n"
        }
        console.writeError(text)
    }

    /// The help topic of a command line's command, its first word that is not a flag or a
    /// flag's value (`advise` when it names none), or `nil` when that word is no topic.
    static func helpTopic(of arguments: [String]) -> String? {
        // A command line the scanner refuses names its command first, or none.
        let words = (try? ArgumentScanner.scan(arguments)).map(\.positionals) ?? Array(arguments.prefix(1).filter { !$0.hasPrefix("-") })
        guard let first = words.first else { return CommandRegistry.defaultCommand.name }
        return CommandRegistry.topics.contains(first) ? first : nil
    }

    /// `text` with control characters (which may come from a user's file or flag, and could
    /// move the cursor or recolour the terminal) written as escapes such as `\u{1B}`.
    static func visible(_ text: String) -> String {
        var visible = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                visible += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                visible.unicodeScalars.append(scalar)
            }
        }
        return visible
    }

    /// The rubric at `path`, read through `console`, or the built-in one when `path` is `nil`
    /// or `default`.
    static func loadRubric(_ path: String?, console: inout some Console) throws(CommandError) -> Rubric {
        guard let path, path != BuiltInRubric.name else { return BuiltInRubric.load() }
        let bytes = try console.readFile(path)
        do {
            return try RubricLoader.load(bytes, reservedQuestionIDs: CommandRegistry.reservedQuestionIDs)
        } catch {
            throw .invalidRubric(path: path, error)
        }
    }

    /// The rubric `selection` names with its policy applied: `--rubric`, or else what the
    /// policy extends (a path relative to the policy file), or else the built-in rubric.
    static func loadRubric(_ selection: RubricSelection, console: inout some Console) throws(CommandError) -> Rubric {
        let policyPath: String?
        switch selection.policy {
        case .none: policyPath = nil
        case .file(let path): policyPath = path
        case .discovered: policyPath = PolicyDiscovery.find { console.fileExists($0) }
        }
        guard let policyPath else { return try loadRubric(selection.rubricPath, console: &console) }
        let bytes = try console.readFile(policyPath)
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .invalidPolicy(path: policyPath, .syntax(error))
        }
        let base = try loadRubric(selection.rubricPath ?? baseRubricPath(of: document, policyPath: policyPath), console: &console)
        do {
            var rubric = try PolicyLoader.load(document, onto: base).applied(to: base)
            rubric.policy?.path = policyPath
            return rubric
        } catch {
            throw .invalidPolicy(path: policyPath, error)
        }
    }

    /// What the policy in `document` extends, a rubric path made relative to the working
    /// directory rather than to the policy file.
    private static func baseRubricPath(of document: JSONValue, policyPath: String) -> String {
        let extends = PolicyLoader.extends(document)
        guard extends != BuiltInRubric.name, !extends.hasPrefix("/"), let slash = policyPath.lastIndex(of: "/") else { return extends }
        return String(policyPath[...slash]) + extends
    }

    /// The weights in force: `rubric`'s, with the `--weight` overrides laid over them, each
    /// checked against it (``Weights``).
    static func weights(_ overrides: [WeightOverride], for rubric: Rubric) throws(CommandError) -> Weights {
        do {
            return try Weights(of: rubric, overriding: Dictionary(uniqueKeysWithValues: overrides.map { ($0.question, $0.weight) }))
        } catch {
            switch error.kind {
            case .unknownQuestion(let suggestion, let known):
                throw .unknownWord(error.question, kind: "question in --weight", allowed: known, suggestion: suggestion)
            case .outOfRange(let weight):
                throw .invalidWeight(
                    "\(error.question)=\(JSONWriter.format(weight))",
                    reason: "a weight is a number from 0 to \(JSONWriter.format(Rubric.numberLimit))")
            }
        }
    }
}
