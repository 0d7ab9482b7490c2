import TunewiseKit

/// One option as `--help` lists it, for completions and the man page.
struct HelpOption: Equatable {
    /// The spellings before the argument (`--answers`; `-h, --help`).
    var flags: String
    /// What the option takes (`FILE`, `QUESTION-ID=N`); empty for a switch.
    var argument: String
    /// The description, its wrapped lines joined by single spaces.
    var description: String
}

extension HelpText {
    /// The options listed under "Options:" in the help for `topic`, read from that help
    /// text itself so that completions and the man page say what `--help` says.
    static func options(for topic: String, rubric: Rubric) -> [HelpOption] {
        var options: [HelpOption] = []
        var inOptions = false
        for line in text(for: topic, rubric: rubric).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Options:" {
                inOptions = true
                continue
            }
            guard inOptions else { continue }
            if line.isEmpty {
                inOptions = false
                continue
            }
            let body = line.drop { $0 == " " }
            let indent = line.count - body.count
            if indent == 2, body.hasPrefix("-") {
                let (head, description) = splitAtGap(String(body))
                let (flags, argument) = splitFlags(head)
                options.append(HelpOption(flags: flags, argument: argument, description: description))
            } else if !options.isEmpty {
                let last = options.count - 1
                options[last].description += (options[last].description.isEmpty ? "" : " ") + String(body)
            }
        }
        return options
    }

    /// The option for `--name` in the help for `topic`, if listed.
    static func option(_ name: String, for topic: String, rubric: Rubric) -> HelpOption? {
        options(for: topic, rubric: rubric).first { option in
            option.flags.split(separator: ",").contains { $0.drop { $0 == " " } == "--\(name)" }
        }
    }

    /// `text` split at its first run of two or more spaces.
    private static func splitAtGap(_ text: String) -> (String, String) {
        let characters = Array(text)
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == " ", characters[index + 1] == " " {
                let rest = characters[index...].drop { $0 == " " }
                return (String(characters[..<index]), String(rest))
            }
            index += 1
        }
        return (text, "")
    }

    /// `-h, --help` or `--answers FILE` split into the spellings and the argument.
    private static func splitFlags(_ head: String) -> (String, String) {
        var flags: [Substring] = []
        var argument: [Substring] = []
        for word in head.split(separator: " ") {
            if argument.isEmpty, word.hasPrefix("-") { flags.append(word) } else { argument.append(word) }
        }
        return (flags.joined(separator: " "), argument.joined(separator: " "))
    }
}
