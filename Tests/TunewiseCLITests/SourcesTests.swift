import Foundation
import ProcessRunner
import Testing
import TunewiseBuiltIn
import TunewiseKit

extension BinaryTests {
    /// Citations a reader can follow: `tunewise sources`, and the works each report cites.
    @Suite struct SourcesTests {
        @Test func sourcesListsEveryWorkWithItsTitleAndAddressWrappedToTheTerminal() throws {
            let result = try Binary.run(["sources"], environment: ["COLUMNS": "60"])
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            let rubric = BuiltInRubric.load()
            #expect(result.stdout.hasPrefix("The rubric default \(rubric.version) cites \(rubric.references.count) works:\n"))
            for reference in rubric.references {
                #expect(result.stdout.contains("\n\(reference.id)\n    "), "\(reference.id) is not listed")
                if let url = reference.url { #expect(result.stdout.contains("    \(url)\n"), "\(url) is not given") }
            }
            // Long titles wrap under their indent; only an address longer than the width overflows.
            for line in result.stdout.split(separator: "\n") where !line.contains("https://") {
                #expect(line.count <= 60, "over 60 columns: \(line)")
            }
        }

        @Test func sourcesAsJSONAndMarkdown() throws {
            let json = try Binary.run(["sources", "--format", "json"])
            #expect(json.code == 0)
            guard case .array(let works) = try JSONParser.parse(Array(json.stdout.utf8)) else {
                Issue.record("not an array: \(json.stdout)")
                return
            }
            #expect(works.count == BuiltInRubric.load().references.count)
            #expect(works.first?["id"] == .string("000-ibm-community-prompt-engineering-vs-fine-tuning"))
            let untraced = works.first { $0["id"] == .string("002-fine-tuning-vs-prompt-engineering-when-to-use-which") }
            #expect(untraced?["url"] == .null)
            let markdown = try Binary.run(["sources", "--format", "markdown"])
            #expect(markdown.stdout.contains("- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685), "))
        }

        /// Every citation in a Markdown report is linked where its work has an address, and the
        /// report ends with the works it cites; the JSON report lists the same works.
        @Test func reportsLinkTheirCitationsAndListTheWorksCited() throws {
            let markdown = try Binary.run(lawFirmFlags + ["--format", "markdown"])
            #expect(markdown.code == 0)
            let sourcesSection = try #require(markdown.stdout.components(separatedBy: "\n## Sources\n\n").last)
            let listed = sourcesSection.split(separator: "\n").compactMap { line in
                line.split(separator: "`").dropFirst().first.map(String.init)
            }
            let json = try Binary.run(lawFirmFlags + ["--format", "json"])
            guard case .array(let references)? = try JSONParser.parse(Array(json.stdout.utf8))["references"] else {
                Issue.record("no references in \(json.stdout)")
                return
            }
            let ids = references.compactMap { reference -> String? in
                if case .string(let id)? = reference["id"] { id } else { nil }
            }
            #expect(!ids.isEmpty)
            #expect(listed == ids)
            // A cited article appears as a link to its address, with the section cited.
            #expect(markdown.stdout.contains("[001-nilg-customizing-language-models § "))
            #expect(!markdown.stdout.contains("*(001-nilg"), "an article cited without its link")
            let text = try Binary.run(lawFirmFlags)
            #expect(text.stdout.hasSuffix("the works it cites: tunewise sources\n"))
        }
    }
}
