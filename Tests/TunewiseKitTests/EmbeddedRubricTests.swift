import Foundation
import Testing
import TunewiseKit

struct EmbeddedRubricTests {
    /// The repository's `rubrics/default.json`, found from this file's path.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rubrics/default.json")

    @Test func theEmbeddedCopyMatchesRubricsDefaultJSON() throws {
        let file = try String(contentsOf: Self.fileURL, encoding: .utf8)
        #expect(BuiltInRubric.json + "\n" == file, "run .ci/embed-rubric after editing rubrics/default.json")
    }
}
