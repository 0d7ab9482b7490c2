import TunewiseKit

/// The text of `--help` and `tunewise help COMMAND`: each command's hand-written prose
/// around sections made from its ``CommandSpec``, and an overview of them all.
enum HelpText {
    /// What the tool is for, in the overview's title and the man page's NAME.
    static let tagline = "should you prompt, prompt-tune or fine-tune your LLM?"

    /// The overview's paragraph, also the man page's description.
    static let about = """
        Asks what the model must gain (knowledge or behaviour), how many labelled examples you \
        have, how often your knowledge changes, governance, budget, time to market and \
        consistency; scores the answers against a rubric drawn from published guidance; and \
        recommends prompt engineering, prompt-tuning, PEFT/fine-tuning or a hybrid as a staged \
        plan, with the limits that decided it, reasons, sources, caveats, an evaluation plan and \
        what would change the advice.
        """

    /// The values of a `--format` flag as the help lists them, from the format enum's raw
    /// values (the first the default): `text (default), json or markdown`.
    static func formats(_ formats: [String]) -> String {
        var names = formats
        names[0] += " (default)"
        guard names.count > 1 else { return names[0] }
        let last = names.removeLast()
        return names.joined(separator: ", ") + " or " + last
    }

    /// The help for `topic` (a command with help of its own), or the overview followed by the
    /// default command's help.
    /// Usage lines are laid out for `width` columns; the caller wraps the prose to it.
    static func text(for topic: String?, rubric: Rubric, width: Int = TextStyle.defaultWidth) -> String {
        if let topic, let spec = CommandRegistry.command(named: topic), let help = spec.help {
            let rest = help(HelpContext(spec: spec, rubric: rubric, width: width))
            return spec.discussion + "\n" + (rest.isEmpty ? "" : "\n" + rest)
        }
        return overview(width: width) + "\n" + text(for: CommandRegistry.defaultCommand.name, rubric: rubric, width: width)
    }

    /// The title, the paragraph and every command's usage.
    static func overview(width: Int = TextStyle.defaultWidth) -> String {
        "tunewise - \(tagline)\n\n\(about)\n\nUsage:\n" + usage(width: width)
    }

    /// Every command's usage lines, then `--version`'s.
    static func usage(width: Int = TextStyle.defaultWidth) -> String {
        CommandRegistry.commands.map { usageLines($0, width: width) }.joined() + "  tunewise \(FlagSpec.versionFlag.spelling)\n"
    }

    /// A command's usage lines, each after `  tunewise `, filled to `width` columns a whole
    /// bracketed group at a time, continuations under the command's first argument.
    static func usageLines(_ spec: CommandSpec, width: Int = TextStyle.defaultWidth) -> String {
        spec.usage.map { usage in
            let groups = usageGroups(usage)
            let head = "  tunewise \(groups[0])"
            let indent = String(repeating: " ", count: head.count + 1)
            var lines = [head]
            for group in groups.dropFirst() {
                if lines[lines.count - 1].count + 1 + group.count <= width {
                    lines[lines.count - 1] += " " + group
                } else {
                    lines.append(indent + group)
                }
            }
            return lines.map { $0 + "\n" }.joined()
        }.joined()
    }

    /// The words of a usage line, a bracketed or parenthesised group as one word.
    private static func usageGroups(_ usage: String) -> [String] {
        var groups: [String] = []
        var current = ""
        var depth = 0
        for character in usage {
            switch character {
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            default: break
            }
            if (character == " " || character == "\n") && depth == 0 {
                if !current.isEmpty { groups.append(current) }
                current = ""
            } else {
                current.append(character == "\n" ? " " : character)
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// The column an option's description starts at, after its indent and spellings.
    static let optionColumn = 28

    /// A line per flag, its description after its spellings (or on the next line when they
    /// are too long), for an "Options:" section.
    static func optionLines(_ flags: [FlagSpec]) -> String {
        flags.map { flag in
            let head = "  \(flag.helpHead)"
            guard head.count <= optionColumn - 2 else { return "\(head)\n\(String(repeating: " ", count: optionColumn))\(flag.help)\n" }
            return head.padded(to: optionColumn) + flag.help + "\n"
        }.joined()
    }

    /// Two lines per flag, its spellings and then its description indented, for a list of
    /// long flags (the cost inputs).
    static func stackedLines(_ flags: [FlagSpec]) -> String {
        flags.map { "  \($0.helpHead)\n      \($0.help)\n" }.joined()
    }

    /// The exit codes, one a line with its meaning, for the default command's help.
    static var exitCodes: String {
        "Exit codes:\n" + ExitCode.allCases.map { "  \(String($0.rawValue).padded(to: 5))\($0.meaning)\n" }.joined()
    }
}
