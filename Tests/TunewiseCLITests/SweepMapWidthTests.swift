import Foundation
import Testing

extension BinaryTests {
    /// A map too wide for the terminal names strategies by their initials, with a key; one
    /// that fits keeps their ids.
    @Suite struct SweepMapWidthTests {
        @Test func aWideMapFitsEightyColumnsWithAKey() throws {
            let narrow = try Binary.run(["sweep", "--map", "budget,data-volume"], environment: ["COLUMNS": "80"])
            #expect(narrow.code == 0)
            for line in narrow.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
            #expect(narrow.stdout.contains("  moderate              PE    PE   PE        PE ("))
            #expect(narrow.stdout.contains("  (PE prompt-engineering, PT prompt-tuning, FT fine-tuning, H hybrid)\n"))
            let wide = try Binary.run(["sweep", "--map", "budget,data-volume"], environment: ["COLUMNS": "160"])
            #expect(wide.stdout.contains("  minimal               prompt-engineering  prompt-engineering"))
            #expect(!wide.stdout.contains("(PE prompt-engineering"))
        }
    }
}
