import TunewiseKit

/// `tunewise help --man`: the manual page in roff (`man -l -` reads it), made from the
/// commands' declarations (``CommandRegistry``), their help prose and the rubric's questions,
/// so that it never disagrees with `--help`.
enum ManPage {
    /// The columns a SYNOPSIS line may take: `man` indents it by 7 on an 80-column terminal.
    static let synopsisWidth = 73

    static func render(rubric: Rubric, version: String) -> String {
        var page = [".TH TUNEWISE 1 \"\" \"tunewise \(version)\" \"User Commands\""]
        page += [".SH NAME", "tunewise \\- \(escaped(HelpText.tagline))", ".SH SYNOPSIS", ".nf"]
        // Laid out for the 80 columns of a terminal less the page's indent, continuations kept indented.
        page += HelpText.usage(width: ManPage.synopsisWidth).split(separator: "\n").map { escaped(String($0.dropFirst(2))) }
        page += [".fi", ".SH DESCRIPTION"]
        page += paragraphs(HelpText.about)
        let commands = CommandRegistry.commands.filter { $0.help != nil }
        for command in commands {
            page += [".SS \(command.name)"] + paragraphs(command.discussion)
        }

        let defaultCommand = CommandRegistry.defaultCommand
        page += [".SH OPTIONS", "Options of \\fB\(defaultCommand.name)\\fR, the default command:"]
        page += options(defaultCommand.flags)
        page += [".SS Questions", "Each question of the rubric is a flag; the core questions are required."]
        for question in rubric.questions {
            page += [
                ".TP", "\\fB\\-\\-\(escaped(question.id))\\fR \(escaped(question.options.map(\.id).joined(separator: "|")))",
                escaped("\(question.label)\(question.isCore ? " (core)" : ""): \(question.text)"),
            ]
        }
        for command in CommandRegistry.commands.dropFirst() where !command.allFlags.isEmpty {
            page += [".SS Options of \(command.name)"] + options(command.allFlags)
        }

        page += [".SH EXIT STATUS"]
        for code in ExitCode.allCases {
            page += [".TP", "\\fB\(code.rawValue)\\fR", escaped(code.meaning)]
        }
        page += [".SH EXAMPLES", ".nf"]
        page += CommandRegistry.allCommands.flatMap(\.examples).flatMap { $0.split(separator: "\n") }.map { escaped(String($0).trimmingBlanks()) }
        page += [".fi", ".SH SEE ALSO", "\\fBtunewise help\\fR \\fICOMMAND\\fR, \\fBtunewise completions\\fR \\fISHELL\\fR", ""]
        return page.joined(separator: "\n")
    }

    /// `.TP` entries for declared flags: the spellings in bold, the argument in italics.
    private static func options(_ flags: [FlagSpec]) -> [String] {
        flags.flatMap { flag in
            let name = flag.kind == .questionAnswer ? "--\(flag.name)" : flag.spelling
            let spellings = (flag.shortName.map { ["-\($0),"] } ?? []) + [name]
            let bold = spellings.map { "\\fB\(escaped($0))\\fR" }.joined(separator: " ")
            let argument = flag.argument.isEmpty ? "" : " \\fI\(escaped(flag.argument))\\fR"
            return [".TP", bold + argument, escaped(flag.help)]
        }
    }

    /// `.PP` and a paragraph of `text` on one line, for each paragraph.
    private static func paragraphs(_ text: String) -> [String] {
        text.split(at: "\n\n").flatMap { paragraph in
            [".PP", escaped(paragraph.split(separator: "\n").map { String($0).trimmingBlanks() }.joined(separator: " "))]
        }
    }

    /// `text` safe as roff text: backslashes escaped, hyphens as minus signs (so flags copy
    /// and paste), and a leading dot or quote kept from reading as a request.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            default: escaped.append(character)
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}
