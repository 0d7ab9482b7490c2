import TunewiseKit

/// Which rubric a command reads, with which policy: `--rubric FILE`, `--policy FILE` and
/// `--no-policy`, parsed once and loaded by ``Tunewise/loadRubric(_:console:)``.
struct RubricSelection: Equatable {
    /// Where the policy comes from.
    enum PolicySource: Equatable {
        /// `.tunewise.json` in the working directory or the nearest parent up to the
        /// repository root, if there is one.
        case discovered
        /// `--policy FILE`.
        case file(String)
        /// `--no-policy`, or a command that takes no policy.
        case none
    }

    /// `--rubric FILE`; `nil` for what the policy extends, or else the built-in rubric.
    var rubricPath: String?
    /// Where the policy comes from.
    var policy: PolicySource

    /// The built-in rubric, or the one at `rubricPath`, with no policy.
    init(rubricPath: String? = nil, policy: PolicySource = .none) {
        self.rubricPath = rubricPath
        self.policy = policy
    }

    /// The selection that `arguments` give: `--rubric` and the policy flags. A command that
    /// declares the policy flags discovers a policy unless told otherwise.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        try self.init(arguments, rubricPath: arguments.value(.rubricFile))
    }

    /// The selection of the rubric named by the command's one positional argument (a file, or
    /// `default`; the built-in one when absent) with the policy that `arguments` give.
    init(positionalIn arguments: ParsedArguments) throws(CommandError) {
        if let extra = arguments.positionals.dropFirst().first {
            throw .unknownWord(
                extra, kind: "argument to '\(arguments.command)'", allowed: ["one rubric file, or 'default' for the built-in one"], suggestion: nil)
        }
        try self.init(arguments, rubricPath: arguments.positionals.first)
    }

    /// The selection of the rubric at `rubricPath` with the policy that `arguments` give.
    private init(_ arguments: ParsedArguments, rubricPath: String?) throws(CommandError) {
        self.rubricPath = rubricPath
        let file = arguments.value(FlagSpec.policyFile)
        if arguments.has(.noPolicy) {
            if file != nil { throw .conflictingFlags(FlagSpec.policyFile.spelling, FlagSpec.noPolicy.spelling) }
            policy = .none
        } else {
            policy = file.map(PolicySource.file) ?? .discovered
        }
    }
}

extension Rubric {
    /// "default 3.0.0", or "default 3.0.0 with policy acme-llm-policy 1.2" when a policy is applied.
    var nameWithPolicy: String {
        "\(id) \(version)" + (policy.map { " with policy \($0.id) \($0.version)" } ?? "")
    }
}

extension FlagSpec {
    /// `--policy FILE`: an organisation's policy on top of the rubric.
    static let policyFile = FlagSpec(
        "policy", .file, help: "apply this policy file instead of the .tunewise.json found in this directory or a parent up to the repository root")
    /// `--no-policy`: ignore any `.tunewise.json`.
    static let noPolicy = FlagSpec("no-policy", .toggle, help: "ignore any .tunewise.json policy")
    /// The policy flags: advise, sweep, diff, questions, sources and the rubric commands take them.
    static let policyFlags = [policyFile, noPolicy]
}
