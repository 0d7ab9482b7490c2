import TunewiseKit

/// `tunewise init [FILE] [--force] [--rubric FILE]`.
struct InitRequest: Equatable {
    /// Where to write the starter answers; `nil` for standard output (also for `-`).
    var path: String?
    /// `--force`: overwrite an existing file.
    var force = false
    /// The rubric whose core questions are written; `nil` for the built-in one.
    var rubricPath: String?

    /// The request for the words after `init`: at most one file.
    static func parse(_ words: [String], force: Bool, rubricPath: String?) throws(CommandError) -> InitRequest {
        if let extra = words.dropFirst().first {
            throw .unknownWord(extra, kind: "argument to 'init'", allowed: ["one answers file, or '-' for standard output"], suggestion: nil)
        }
        let path = words.first.flatMap { $0 == "-" ? nil : $0 }
        return InitRequest(path: path, force: force, rubricPath: rubricPath)
    }
}
