import Foundation
import RubricEmbedding
import Testing
import TunewiseBuiltIn
import TunewiseKit

/// The generated copy of `rubrics/default.json` that the build carries: the Swift code that
/// builds its model, which `.ci/embed-rubric` writes.
struct EmbeddedRubricTests {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fileURL = root.appendingPathComponent("rubrics/default.json")
    static let modelURL = root.appendingPathComponent("Sources/TunewiseBuiltIn/Generated/BuiltInRubric+Model.swift")
    static let regenerate = "run .ci/embed-rubric after editing rubrics/default.json or the rubric's types"

    /// `rubrics/default.json`, loaded and so validated.
    static func loadedFile() throws -> Rubric {
        try RubricLoader.load(Array(String(contentsOf: fileURL, encoding: .utf8).utf8))
    }

    @Test func theCompiledInModelEqualsTheLoadedFileInEveryField() throws {
        let loaded = try Self.loadedFile()
        let builtIn = BuiltInRubric.load()
        let equal = builtIn == loaded  // Not in the expectation, which would print both whole.
        #expect(equal, "\(Self.regenerate)")
        // Strings compare equal across spellings of one accented character: the generator's
        // text for each, compared as bytes, holds every string to the file's own bytes.
        let sameBytes = Array(RubricSwiftSource.file(for: builtIn).utf8) == Array(RubricSwiftSource.file(for: loaded).utf8)
        #expect(sameBytes, "\(Self.regenerate)")
        // Element by element as well, so that a failure says where the two part.
        Self.expectEqual(builtIn.strategies, loaded.strategies, "strategies")
        Self.expectEqual(builtIn.questions, loaded.questions, "questions")
        Self.expectEqual(builtIn.rules, loaded.rules, "rules")
        Self.expectEqual(builtIn.exclusions, loaded.exclusions, "exclusions")
        Self.expectEqual(builtIn.variants, loaded.variants, "variants")
        Self.expectEqual(builtIn.properties, loaded.properties, "properties")
        Self.expectEqual(builtIn.references, loaded.references, "references")
    }

    /// Records each element of the list at `$.<path>` that differs, by its path.
    static func expectEqual<Element: Equatable>(_ builtIn: [Element], _ loaded: [Element], _ path: String) {
        if builtIn.count != loaded.count {
            Issue.record("$.\(path): \(builtIn.count) compiled in, \(loaded.count) in the file; \(regenerate)")
        }
        for index in 0..<min(builtIn.count, loaded.count) where builtIn[index] != loaded[index] {
            Issue.record("$.\(path)[\(index)] differs; \(regenerate)")
        }
    }

    @Test func theGeneratedModelFileIsWhatTheGeneratorWritesNow() throws {
        let onDisk = try String(contentsOf: Self.modelURL, encoding: .utf8)
        let now = RubricSwiftSource.file(for: try Self.loadedFile())
        guard Array(onDisk.utf8) != Array(now.utf8) else { return }
        let diskLines = onDisk.split(separator: "\n", omittingEmptySubsequences: false)
        let nowLines = now.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(diskLines.count, nowLines.count)).first { diskLines[$0] != nowLines[$0] } ?? min(diskLines.count, nowLines.count)
        Issue.record(
            """
            Sources/TunewiseBuiltIn/Generated/BuiltInRubric+Model.swift is stale from line \(line + 1): \(Self.regenerate)
              on disk:   \(line < diskLines.count ? diskLines[line] : "(end of file)")
              generated: \(line < nowLines.count ? nowLines[line] : "(end of file)")
            """)
    }
}
