import TunewiseKit

/// `tunewise init [FILE] [--force] [--rubric FILE]`, or `tunewise init --policy FILE`.
struct InitRequest: Equatable {
    /// Where to write the starter answers; `nil` for standard output (also for `-`).
    var path: String?
    /// `--force`: overwrite an existing file.
    var force = false
    /// The rubric whose core questions are written; `nil` for the built-in one.
    var rubricPath: String?
    /// `--policy FILE`: write a starter policy there instead of answers.
    var policyPath: String? = nil
}

extension InitRequest {
    static let forceFlag = FlagSpec("force", .toggle, help: "overwrite FILE when it exists")

    /// The flags of `init`, in help order.
    static let flags: [FlagSpec] = [
        forceFlag, .rubric("the questions of a rubric other than the built-in one"),
        FlagSpec.policyFile.withHelp("write a starter policy (.tunewise.json) to FILE instead of answers"),
    ]

    /// The request that checked `arguments` give: at most one file.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        if let extra = arguments.positionals.dropFirst().first {
            throw .unknownWord(
                extra, kind: "argument to '\(arguments.command)'", allowed: ["one answers file, or '-' for standard output"], suggestion: nil)
        }
        let policyPath = arguments.value(FlagSpec.policyFile)
        if policyPath != nil, let path = arguments.positionals.first {
            throw .unknownWord(
                path, kind: "argument to 'init --policy'", allowed: ["no answers file: --policy names the file to write"], suggestion: nil)
        }
        self.init(
            path: arguments.positionals.first.flatMap { $0 == "-" ? nil : $0 }, force: arguments.has(Self.forceFlag),
            rubricPath: arguments.value(.rubricFile), policyPath: policyPath)
    }
}
