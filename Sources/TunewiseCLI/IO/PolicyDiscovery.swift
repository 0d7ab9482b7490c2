#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding `.tunewise.json`: in the working directory, then each parent up to the repository
/// root (the nearest directory holding `.git`); outside a repository, the working directory only.
enum PolicyDiscovery {
    /// The name of a policy file that is found rather than given.
    static let fileName = ".tunewise.json"
    /// How many parents are looked at, at most.
    static let depthLimit = 64

    /// The path of the nearest policy file, relative to the working directory, or `nil`.
    static func find(exists: (String) -> Bool) -> String? {
        var repositoryRoot: Int?
        for level in 0..<depthLimit {
            if exists(directory(at: level) + "/.git") {
                repositoryRoot = level
                break
            }
            if isRoot(directory(at: level)) { break }
        }
        return (0...(repositoryRoot ?? 0)).lazy.map { level in level == 0 ? fileName : directory(at: level) + "/" + fileName }
            .first(where: exists)
    }

    /// The working directory's parent `level` steps up, as a relative path: `.`, `..`, `../..`.
    private static func directory(at level: Int) -> String {
        level == 0 ? "." : Array(repeating: "..", count: level).joined(separator: "/")
    }

    /// Whether `directory` is the file system's root: the same directory as its parent.
    private static func isRoot(_ directory: String) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(directory, &own) == 0, stat(directory + "/..", &parent) == 0 else { return true }
        return own.st_ino == parent.st_ino && own.st_dev == parent.st_dev
    }
}
