import Foundation
import Testing

/// Files small enough to read whole: no hand-written Swift file in `Sources` or `Tests` runs
/// over 400 lines (generated code, under a `Generated` folder, aside).
struct SourceFileSizeTests {
    static let lineLimit = 400

    /// The package's root, which holds `Tests`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Swift files under `folder` outside `Generated` folders, by path from the root.
    static func handWrittenSwiftFiles(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".swift") && !$0.split(separator: "/").contains("Generated") }.map { "\(folder)/\($0)" }
    }

    static func lineCount(_ path: String) throws -> Int {
        try Data(contentsOf: root.appendingPathComponent(path)).count { $0 == UInt8(ascii: "\n") }
    }

    @Test func noHandWrittenFileRunsOverFourHundredLines() throws {
        let files = Self.handWrittenSwiftFiles(under: "Sources") + Self.handWrittenSwiftFiles(under: "Tests")
        // The walk finds the tree: this file, and the folders' many files.
        #expect(files.contains("Tests/TunewiseCLITests/SourceFileSizeTests.swift"))
        #expect(files.count > 100)
        for file in files {
            let lines = try Self.lineCount(file)
            #expect(lines <= Self.lineLimit, "\(file) has \(lines) lines")
        }
        // The generated model is longer, and skipped: the check would see it otherwise.
        #expect(try Self.lineCount("Sources/TunewiseBuiltIn/Generated/BuiltInRubric+Model.swift") > Self.lineLimit)
    }
}
