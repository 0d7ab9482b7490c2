// Reads a rubric on standard input, loads it (so that it is validated), and writes the Swift
// source of its model on standard output: `.ci/embed-rubric` runs it on rubrics/default.json.
import RubricEmbedding
import TunewiseKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

func fail(_ lines: [String]) -> Never {
    let text = lines.map { "tunewise-embed: \($0)\n" }.joined()
    _ = text.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    exit(1)
}

var bytes: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 1 << 16)
while true {
    let count = read(STDIN_FILENO, &buffer, buffer.count)
    if count == 0 { break }
    guard count > 0 else { fail(["cannot read standard input"]) }
    bytes += buffer[..<count]
}
do {
    print(RubricSwiftSource.file(for: try RubricLoader.load(bytes)), terminator: "")
} catch .syntax(let error) {
    fail([error.description])
} catch .invalid(let problems) {
    fail(problems.map(\.description))
}
