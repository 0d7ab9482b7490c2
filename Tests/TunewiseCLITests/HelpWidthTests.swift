import Foundation
import Testing
import TunewiseKit

extension BinaryTests {
    /// Help is laid out for the terminal it is read in: at 60, 80 and 120 columns no line is
    /// longer (but for a single word that cannot be broken), usage continuations stay
    /// indented under their command, and every topic a message points to exists.
    @Suite struct HelpWidthTests {
        static let topics = ["", "advise", "questions", "sources", "sweep", "cost", "rubric", "diff", "completions", "init", "data", "help"]

        @Test(arguments: [60, 80, 120])
        func everyTopicFitsTheWidth(_ width: Int) throws {
            for topic in Self.topics {
                let result = try Binary.run(["help"] + (topic.isEmpty ? [] : [topic]), environment: ["COLUMNS": "\(width)"])
                #expect(result.code == 0, "help \(topic): \(result.stderr)")
                for line in result.stdout.split(separator: "\n") where line.count > width {
                    let words = line.split(separator: " ")
                    #expect(words.count == 1, "help \(topic) at \(width): \(line)")
                }
                // A usage line that continues is indented past `tunewise `, never back at the margin.
                let lines = result.stdout.components(separatedBy: "\n")
                if let start = lines.firstIndex(of: "Usage:") {
                    for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) {
                        #expect(
                            line.hasPrefix("  tunewise ") || line.hasPrefix(String(repeating: " ", count: 12)), "help \(topic) at \(width): \(line)")
                    }
                }
            }
        }

        /// The manual's synopsis fits an 80-column terminal once `man` indents it.
        @Test func theManualsSynopsisFitsEightyColumns() throws {
            let page = try Binary.run(["help", "--man"]).stdout
            let synopsis = page.components(separatedBy: ".SH SYNOPSIS\n.nf\n")[1].components(separatedBy: "\n.fi")[0]
            for line in synopsis.split(separator: "\n") {
                #expect(line.replacingOccurrences(of: "\\-", with: "-").count + 7 <= 80, "\(line)")
            }
            #expect(try Binary.run(["help", "--man", "sweep"]).stdout == page)
            #expect(try Binary.run(["help", "help"]).stdout == Binary.run(["help"]).stdout)
            // A subcommand's help is its group's, as git takes `help rubric validate`.
            #expect(try Binary.run(["help", "rubric", "validate"]).stdout == Binary.run(["help", "rubric"]).stdout)
            #expect(try Binary.run(["help", "rubric", "nope"]).code == 64)
        }

        /// Every `tunewise help …` that help, messages or reports name is a command that runs.
        @Test func everyHelpPointerWorks() throws {
            var pointers: Set<String> = []
            for topic in Self.topics {
                let text = try Binary.run(["help"] + (topic.isEmpty ? [] : [topic])).stdout
                pointers.formUnion(Self.helpPointers(in: text))
            }
            pointers.formUnion(Self.helpPointers(in: try Binary.run(["--need", "zz"]).stderr))
            pointers.formUnion(Self.helpPointers(in: try Binary.run(["sweep", "--zz"]).stderr))
            #expect(!pointers.isEmpty)
            for pointer in pointers {
                let result = try Binary.run(pointer.split(separator: " ").map(String.init))
                #expect(result.code == 0, "tunewise \(pointer): \(result.stderr)")
            }
        }

        /// The words after `tunewise help` up to a quote or the end of the line: `help sweep`.
        static func helpPointers(in text: String) -> [String] {
            text.components(separatedBy: "tunewise help").dropFirst().map { rest in
                let words = rest.prefix { $0 != "'" && $0 != "\n" && $0 != "`" && $0 != "," && $0 != ")" && $0 != "." }
                    .split(separator: " ").prefix { $0.allSatisfy { $0.isLetter || $0 == "-" } && !$0.isEmpty }
                return (["help"] + words.prefix(words.first == "--man" ? 2 : 1).map(String.init)).joined(separator: " ")
            }
        }
    }
}
