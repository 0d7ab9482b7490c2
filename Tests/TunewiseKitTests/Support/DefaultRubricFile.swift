import Foundation
import TunewiseKit

extension BuiltInRubric {
    /// The text of `rubrics/default.json`, read from the source tree through this file's path:
    /// the rubric the compiled-in model is generated from.
    static let json: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try! String(contentsOf: root.appendingPathComponent("rubrics/default.json"), encoding: .utf8)
    }()
}
