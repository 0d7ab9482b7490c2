import TunewiseKit

/// `tunewise completions SHELL [--rubric FILE]`.
struct CompletionsRequest: Equatable {
    var shell: CompletionShell
    /// The rubric whose questions are completed; `nil` for the built-in one.
    var rubricPath: String?

    /// The request for the words after `completions`: exactly one shell name.
    static func parse(_ words: [String], rubricPath: String?) throws(CommandError) -> CompletionsRequest {
        let shells = CompletionShell.allCases.map(\.rawValue)
        guard let word = words.first else {
            throw .missingArgument(command: "completions", expected: "a shell: \(shells.joined(separator: ", "))")
        }
        guard let shell = CompletionShell(rawValue: word) else {
            throw .unknownWord(word, kind: "shell", allowed: shells, suggestion: closestMatch(to: word, in: shells))
        }
        if let extra = words.dropFirst().first {
            throw .unknownWord(extra, kind: "argument to 'completions'", allowed: ["one shell: \(shells.joined(separator: ", "))"], suggestion: nil)
        }
        return CompletionsRequest(shell: shell, rubricPath: rubricPath)
    }
}
