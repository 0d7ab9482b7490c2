// The yardstick for `tunewise-bench`: the least a Foundation program can do with the rubric.
// It reads the rubric file named by its only argument, decodes it with JSONSerialization
// and exits, so its run time is process start, Foundation loading and one JSON decode.
import Foundation

guard CommandLine.arguments.count == 2,
    let data = FileManager.default.contents(atPath: CommandLine.arguments[1]),
    let rubric = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
else {
    FileHandle.standardError.write(Data("usage: tunewise-bench-baseline RUBRIC.json\n".utf8))
    exit(1)
}
print(rubric.count)
