import Foundation
import Testing

/// Compares `actual` with a checked-in file under `Golden/`; `RECORD_SNAPSHOTS=1` rewrites it.
func expectMatchesGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let diff = actualLines.difference(from: expectedLines).map { change -> String in
        switch change {
        case .insert(let offset, let line, _): return "+\(offset + 1): \(line)"
        case .remove(let offset, let line, _): return "-\(offset + 1): \(line)"
        }
    }
    Issue.record(
        "\(name) differs from the golden file (RECORD_SNAPSHOTS=1 re-records):\n\(diff.joined(separator: "\n"))", sourceLocation: sourceLocation)
}
