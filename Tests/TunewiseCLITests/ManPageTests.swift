import Foundation
import Testing
import TunewiseBuiltIn
import TunewiseKit

@testable import TunewiseCLI

extension BinaryTests {
    /// `tunewise help --man`: a manual page made from the help text and the rubric.
    @Suite struct ManPageTests {
        /// `text` as the man page writes it: hyphens as roff minus signs.
        static func roff(_ text: String) -> String {
            text.split(separator: "-", omittingEmptySubsequences: false).joined(separator: "\\-")
        }

        @Test func theManPageHasTheUsualSectionsEveryDeclaredFlagAndEveryQuestion() throws {
            let result = try Binary.run(["help", "--man"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix(".TH TUNEWISE 1 "))
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"] {
                #expect(result.stdout.contains("\n.SH \(section)\n"), "no \(section) section")
            }
            for command in CommandRegistry.allCommands {
                for flag in command.flags where flag.kind != .questionAnswer {
                    #expect(result.stdout.contains("\\fB" + Self.roff(flag.spelling) + "\\fR"), "no \(flag.spelling) of \(command.name)")
                }
            }
            for question in BuiltInRubric.load().questions {
                #expect(result.stdout.contains("\\fB" + Self.roff("--\(question.id)") + "\\fR"), "no --\(question.id)")
            }
            for code in ExitCode.allCases {
                #expect(result.stdout.contains(".TP\n\\fB\(code.rawValue)\\fR\n"), "no exit code \(code.rawValue)")
            }
        }

        @Test func theManPageRendersWithoutWarnings() throws {
            let groff = URL(fileURLWithPath: "/usr/bin/groff")
            guard FileManager.default.isExecutableFile(atPath: groff.path) else { return }
            let page = try Binary.run(["help", "--man"])
            let rendered = try Binary.run(
                ["-man", "-Tutf8", "-ww", "-z"], input: page.stdout, environment: ["LC_ALL": "C.UTF-8"], executable: groff)
            #expect(rendered.code == 0)
            #expect(rendered.stderr.isEmpty, "\(rendered.stderr)")
        }

        /// The manual covers every command: a topic with --man must exist, and selects nothing more.
        @Test func theManPageTakesAKnownTopicAndCoversThemAll() throws {
            let result = try Binary.run(["help", "--man", "swep"])
            #expect(result.code == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("tunewise: unknown help topic 'swep' (did you mean 'sweep'?)"))
        }
    }
}
