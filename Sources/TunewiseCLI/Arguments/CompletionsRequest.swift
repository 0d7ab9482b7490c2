import TunewiseKit

/// `tunewise completions SHELL [--rubric FILE]`.
struct CompletionsRequest: Equatable {
    var shell: CompletionShell
    /// The rubric whose questions are completed; `nil` for the built-in one.
    var rubricPath: String?
}

extension CompletionsRequest {
    /// The request that checked `arguments` give: exactly one shell name.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        let shells = CompletionShell.allCases.map(\.rawValue)
        guard let word = arguments.positionals.first else {
            throw .missingArgument(command: arguments.command, expected: "a shell: \(shells.joined(separator: ", "))")
        }
        guard let shell = CompletionShell(rawValue: word) else {
            throw .unknownWord(word, kind: "shell", allowed: shells, suggestion: closestMatch(to: word, in: shells))
        }
        if let extra = arguments.positionals.dropFirst().first {
            throw .unknownWord(
                extra, kind: "argument to '\(arguments.command)'", allowed: ["one shell: \(shells.joined(separator: ", "))"], suggestion: nil)
        }
        self.init(shell: shell, rubricPath: arguments.value(.rubricFile))
    }
}
