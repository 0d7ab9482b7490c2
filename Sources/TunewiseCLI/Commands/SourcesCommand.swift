import TunewiseKit

/// `tunewise sources`: the rubric's bibliography, so a reader can follow every citation a
/// report makes (`001-nilg-customizing-language-models § Data Volume`) to the work itself.
struct SourcesCommand: TunewiseCommand, Equatable {
    /// Which rubric, with which policy.
    let rubric: RubricSelection
    let format: ReportFormat

    static let spec = CommandSpec(
        name: "sources", summary: "list the works the rubric cites, with titles and links",
        usage: ["sources [--format \(ReportFormat.allCases.map(\.rawValue).joined(separator: "|"))] [--rubric FILE] [--policy FILE | --no-policy]"],
        discussion: """
            tunewise sources: the works the rubric cites, each with its title, author, year and \
            address. Reports cite them by id, with a section after \u{A7} (001-nilg-customizing-language-models \
            \u{A7} Data Volume); Markdown reports link each citation and list the works cited, and \
            JSON reports carry them as references.
            """,
        flags: [.format(ReportFormat.self), .rubric("list the sources of a rubric other than the built-in one")] + FlagSpec.policyFlags + [
            .noColorAccepted
        ],
        action: .running(SourcesCommand.self), help: { $0.options })

    func run(console: inout some Console) throws(CommandError) -> ExitCode {
        let rubric = try Tunewise.loadRubric(self.rubric, console: &console)
        let text =
            switch format {
            case .text: Self.text(rubric, width: TextStyle.width(in: console.environment))
            case .json: JSONWriter.write(.array(rubric.references.map(JSONRenderer.reference)))
            case .markdown:
                (["# Sources of \(rubric.nameWithPolicy)", ""] + rubric.references.map { "- " + MarkdownRenderer.entry($0) }).joined(separator: "\n")
            }
        try console.writeOutput(text + "\n")
        return .success
    }

    /// One block per work: its id as reports cite it, then its title, author and year, and
    /// address, indented under it and wrapped to `width` columns.
    static func text(_ rubric: Rubric, width: Int) -> String {
        let blocks = rubric.references.map { reference in
            let byline = reference.author + (reference.year.map { ", \($0)" } ?? "")
            return ([reference.id, "    \(reference.title)", "    \(byline)"] + (reference.url.map { ["    \($0)"] } ?? []))
                .joined(separator: "\n")
        }
        let heading = "The rubric \(rubric.nameWithPolicy) cites \(rubric.references.count) works:"
        return ([heading] + blocks).joined(separator: "\n\n").wrapped(to: width)
    }
}

extension SourcesCommand {
    init(_ arguments: ParsedArguments) throws(CommandError) {
        rubric = try RubricSelection(arguments)
        format = arguments.choice(.format(ReportFormat.self), default: .text)
    }
}
