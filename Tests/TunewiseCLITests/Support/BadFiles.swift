import Foundation
import TunewiseBuiltIn
import TunewiseKit

/// The files the bad-input rows name, written into each row's working directory.
enum BadFiles {
    /// Writes each file that `arguments` name (as `NAME` or `NAME/...`).
    static func write(in directory: URL, named arguments: [String]) throws {
        func isNamed(_ name: String) -> Bool { arguments.contains { $0 == name || $0.hasPrefix(name + "/") } }
        func file(_ name: String, _ text: @autoclosure () -> String) throws {
            guard isNamed(name) else { return }
            try Data(text().utf8).write(to: directory.appendingPathComponent(name))
        }
        try file("not-json.json", #"{"data-volume": "few", }"#)
        try file("array.json", #"["few"]"#)
        try file("wrong-type.json", #"{"data-volume": true}"#)
        try file("unknown-key.json", #"{"budgett": "minimal"}"#)
        try file("duplicate-key.json", #"{"data-volume": "few", "data-volume": "none"}"#)
        try file("deep.json", String(repeating: "[", count: 100_000))
        try file("deep-object.json", String(repeating: #"{"a":"#, count: 100_000))
        try file("infinite.json", #"{"data-volume": 1e999}"#)
        try file("empty.json", "")
        try file("file", "a regular file, so file/answers.json cannot be created, even by root\n")
        if isNamed("not-utf8.json") {
            try Data(#"{"budget": "minimal"#.utf8 + [0xFF] + #""}"#.utf8).write(to: directory.appendingPathComponent("not-utf8.json"))
        }
        for (name, text) in rubrics { try file(name, text) }
        if isNamed("big.json") {
            // 50 MB, sparse: only the size matters, as the file must be refused before it is read.
            let big = directory.appendingPathComponent("big.json")
            try Data().write(to: big)
            let handle = try FileHandle(forWritingTo: big)
            try handle.truncate(atOffset: 50 << 20)
            try handle.close()
        }
        if isNamed("directory") {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("directory"), withIntermediateDirectories: false)
        }
        if isNamed("fifo") {
            guard mkfifo(directory.appendingPathComponent("fifo").path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    /// The default rubric with one thing broken, by file name.
    static let rubrics: [(name: String, text: String)] = {
        let document = try! JSONParser.parse(Array(BuiltInRubric.json.utf8))
        let rubric = BuiltInRubric.load()
        let everyAnswer = JSONValue.object(rubric.questions.map { ($0.id, .array($0.options.map { .string($0.id) })) })
        let neverPrompt = JSONValue.object([
            ("id", .string("never-prompt")), ("when", everyAnswer), ("strategies", .array([.string("prompt-engineering")])),
            ("reason", .string("A test exclusion.")), ("source", .string("test")),
        ])
        // JSON has no literal for infinity: a marker number is written, then replaced by 1e999.
        let infinite = JSONWriter.write(document.changing(["questions", "0", "weight"]) { _ in .number(123_456.5) })
            .replacingOccurrences(of: "123456.5", with: "1e999")
        /// The rubric with one more refinement question, a copy of the last one named `id`.
        func withExtraQuestion(_ id: String) -> String {
            JSONWriter.write(
                document.changing(["questions"]) { questions in
                    guard case .array(let elements) = questions, let last = elements.last else { preconditionFailure("no questions") }
                    return questions.appending(last.changing(["id"]) { _ in .string(id) })
                })
        }
        return [
            ("rubric-infinite.json", infinite),
            ("rubric-version-1.json", JSONWriter.write(document.changing(["schemaVersion"]) { _ in .number(1) })),
            ("rubric-why-not-question.json", withExtraQuestion("why-not")),
            ("rubric-explain-question.json", withExtraQuestion("explain")),
            ("rubric-negative-weight.json", JSONWriter.write(document.changing(["questions", "0", "weight"]) { _ in .number(-1) })),
            ("rubric-wrong-type.json", JSONWriter.write(document.changing(["schemaVersion"]) { _ in .string("1") })),
            ("rubric-unknown-key.json", JSONWriter.write(document.changing([]) { $0.appending("colour", .string("blue")) })),
            (
                "rubric-confidence.json",
                JSONWriter.write(document.changing(["confidence"]) { _ in .object([("high", .number(1)), ("medium", .number(2))]) })
            ),
            (
                "rubric-no-strategy.json",
                JSONWriter.write(document.changing(["exclusions", "0", "strategies"]) { $0.appending(.string("prompt-engineering")) })
            ),
            ("rubric-no-strategy-wide.json", JSONWriter.write(document.changing(["exclusions"]) { $0.appending(neverPrompt) })),
        ]
    }()
}
