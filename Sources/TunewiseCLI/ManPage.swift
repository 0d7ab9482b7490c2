import TunewiseKit

/// `tunewise help --man`: the manual page in roff (`man -l -` reads it), made from the same
/// text as `--help` and `tunewise help COMMAND` and from the rubric's questions, so the two
/// never disagree.
enum ManPage {
    static func render(rubric: Rubric, version: String) -> String {
        var page = [".TH TUNEWISE 1 \"\" \"tunewise \(version)\" \"User Commands\""]
        let overview = HelpText.text(for: nil, rubric: rubric)
        let lines = overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = lines.first ?? "tunewise"
        let summary = title.split(separator: "-", maxSplits: 1).dropFirst().first.map { String($0).trimmingBlanks() } ?? title

        page += [".SH NAME", "tunewise \\- \(escaped(summary))", ".SH SYNOPSIS", ".nf"]
        page += HelpText.block("Usage:", in: overview).map { escaped($0.trimmingBlanks()) }
        page += [".fi", ".SH DESCRIPTION"]
        for paragraph in paragraphs(lines.dropFirst()) {
            page += [".PP", escaped(paragraph)]
        }
        for topic in HelpText.topics {
            page += [".SS \(topic)"]
            for paragraph in paragraphs(
                HelpText.text(for: topic, rubric: rubric).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            {
                page += [".PP", escaped(paragraph)]
            }
        }

        page += [".SH OPTIONS", "Options of \\fBadvise\\fR, the default command:"]
        page += options(HelpText.options(for: "advise", rubric: rubric))
        page += [".SS Questions", "Each question of the rubric is a flag; the core questions are required."]
        for question in rubric.questions {
            page += [
                ".TP", "\\fB\\-\\-\(escaped(question.id))\\fR \(escaped(question.options.map(\.id).joined(separator: "|")))",
                escaped("\(question.label)\(question.isCore ? " (core)" : ""): \(question.text)"),
            ]
        }
        for topic in HelpText.topics where topic != "advise" {
            let listed = HelpText.options(for: topic, rubric: rubric)
            guard !listed.isEmpty else { continue }
            page += [".SS Options of \(topic)"]
            page += options(listed)
        }

        page += [".SH EXIT STATUS"]
        let advise = HelpText.text(for: "advise", rubric: rubric)
        for line in HelpText.block("Exit codes:", in: advise) {
            let words = line.trimmingBlanks()
            let code = words.prefix { $0 != " " }
            page += [".TP", "\\fB\(code)\\fR", escaped(String(words.dropFirst(code.count)).trimmingBlanks())]
        }
        page += [".SH EXAMPLES", ".nf"]
        page += HelpText.block("Examples:", in: advise).map { escaped($0.trimmingBlanks()) }
        page += [".fi", ".SH SEE ALSO", "\\fBtunewise help\\fR \\fICOMMAND\\fR, \\fBtunewise completions\\fR \\fISHELL\\fR", ""]
        return page.joined(separator: "\n")
    }

    /// `.TP` entries for help options.
    private static func options(_ options: [HelpOption]) -> [String] {
        options.flatMap { option in
            let flags = option.flags.split(separator: " ").map { "\\fB\(escaped(String($0)))\\fR" }.joined(separator: " ")
            let argument = option.argument.isEmpty ? "" : " \\fI\(escaped(option.argument))\\fR"
            return [".TP", flags + argument, escaped(option.description)]
        }
    }

    /// The paragraphs of a help text before its first list ("Options:", "Usage:" ...), each
    /// on one line.
    private static func paragraphs(_ lines: some Sequence<String>) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines {
            if ["Options:", "Usage:", "Install:"].contains(line) { break }
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line.trimmingBlanks())
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
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

extension HelpText {
    /// The lines of the block under `heading` (a line of its own) in `text`, up to the next
    /// blank line.
    static func block(_ heading: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.map(String.init)
    }
}
