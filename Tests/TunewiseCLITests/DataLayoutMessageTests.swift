import Foundation
import ProcessRunner
import Testing

extension BinaryTests {
    /// `tunewise data` on a layout it does not read says which, and, for Gemini's own tuning
    /// layout (the hosted service the advice points to), to keep the file as it is and
    /// convert only a copy to measure it.
    @Suite struct DataLayoutMessageTests {
        @Test func geminiTuningDataIsKeptAndACopyConverted() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunewise-layout-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let line =
                #"{"systemInstruction": {"parts": [{"text": "Be brief."}]}, "contents": [{"role": "user", "parts": [{"text": "hi"}]}, {"role": "model", "parts": [{"text": "Hello."}]}]}"#
            try Data((line + "\n").utf8).write(to: folder.appendingPathComponent("gemini.jsonl"))
            let outcome = try Binary.run(["data", "gemini.jsonl"], directory: folder)
            let text = outcome.outputText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("like Gemini tuning data (\"contents\" of \"parts\"), which tunewise does not read yet"), "\(text)")
            #expect(text.contains("keep the file as it is for Gemini tuning, and to measure it here convert a copy"), "\(text)")
        }
    }
}
