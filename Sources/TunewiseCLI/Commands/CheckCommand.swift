import TunewiseKit

/// `tunewise rubric check [FILE]`: the checks a rubric author runs in CI, over every situation.
struct CheckCommand: TunewiseCommand, Equatable {
    /// The rubric file (`nil` for the built-in one), with the policy to apply to it.
    let selection: RubricSelection

    static let spec = CommandSpec(
        name: "check", summary: "check how a valid rubric behaves over every situation", usage: [], discussion: "",
        positionals: [.file], flags: FlagSpec.policyFlags, action: .running(CheckCommand.self))

    /// Prints `FILE: clean (...)` and returns 0; or prints one `FILE: finding` line per
    /// finding, then a one-line summary on standard error, and returns 65.
    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(selection, console: &console)
        let name = (selection.rubricPath ?? BuiltInRubric.name) + (rubric.policy.map { " with policy \($0.id) \($0.version)" } ?? "")
        let findings = try console.withProgress("rubric check", isLengthy: true) { progress throws(CommandError) in
            do throws(SweepError) {
                return try RubricCheck.findings(in: rubric, progress: progress)
            } catch let .tooManyRules(limit) {
                throw .rubricTooLargeToSweep(path: name, ruleLimit: limit)
            } catch {
                // The check varies every question and names no ids, so only the space's size is left.
                throw .rubricTooLargeToSweep(path: name, ruleLimit: nil)
            }
        }
        try console.writeOutput(RubricCheckRenderer().render(RubricCheckReport(name: name, rubric: rubric, findings: findings)))
        guard !findings.isEmpty else { return .success }
        Tunewise.reportError(.rubricHasFindings(path: name, count: findings.count), console: &console)
        return .dataError
    }
}

extension CheckCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        selection = try RubricSelection(positionalIn: arguments)
    }
}
