/// A shell command laid out for a terminal: broken only between its units (a flag with its
/// value), each line but the last ending in ` \`, so that the lines pasted into a POSIX shell
/// run as one command.
struct ShellCommandLayout {
    /// The command's units, each already quoted for the shell: `tunewise`, `--need knowledge`.
    var units: [String]

    /// The lines, the first indented by `indent` spaces and the rest by `indent + 2`, each at
    /// most `width` columns with its ` \` unless one unit alone is wider.
    func lines(width: Int, indent: Int = 2) -> [String] {
        let first = String(repeating: " ", count: indent)
        let rest = String(repeating: " ", count: indent + 2)
        var lines: [String] = []
        var current = ""
        for unit in units {
            let candidate = current.isEmpty ? (lines.isEmpty ? first : rest) + unit : current + " " + unit
            // Room for " \" at the end, as any line may turn out not to be the last.
            if !current.isEmpty, candidate.count + 2 > width {
                lines.append(current + " \\")
                current = rest + unit
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The lines joined with line breaks.
    func text(width: Int, indent: Int = 2) -> String {
        lines(width: width, indent: indent).joined(separator: "\n")
    }

    /// The one line a shell reads from ``text(width:indent:)``: each ` \` and line break gone.
    static func joined(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.hasSuffix(" \\") ? String(line.dropLast(2)) : String(line)
        }.joined(separator: " ")
    }
}
