// Built for fuzzing by `.ci/fuzz/run` (-sanitize=fuzzer -DFUZZING), this program is libFuzzer
// running the harness of the target named by TUNEWISE_FUZZ_TARGET. Built plainly (`swift build`),
// it replays inputs through the same harnesses, to reproduce a finding:
//
//     swift run tunewise-fuzz rubric crash-0123abcd
#if FUZZING
    import CLibFuzzer
    import Foundation

    /// The target named by the environment.
    let fuzzTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment[FuzzTarget.environmentVariable] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("tunewise-fuzz: set \(FuzzTarget.environmentVariable) to one of \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        fuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// SwiftPM names every executable's entry point `main`, in place of libFuzzer's own, so this
    /// one hands over to libFuzzer's driver, which reads libFuzzer's options and corpus directories.
    @main
    enum FuzzMain {
        static func main() {
            _ = fuzzTarget
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput))
        }
    }
#else
    import Foundation

    @main
    enum Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                fail(
                    "usage: tunewise-fuzz \(names) [FILE|DIRECTORY...]\nReplays inputs through a fuzz harness; standard input when no file is given.")
            }
            var files: [String] = []
            for path in arguments.dropFirst() {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("no such file: \(path)") }
                if isDirectory.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    files += names.sorted().map { "\(path)/\($0)" }
                } else {
                    files.append(path)
                }
            }
            if arguments.count == 1 {
                say("standard input: " + target.run(Array(FileHandle.standardInput.readDataToEndOfFile())) + "\n")
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
                // Named first, unbuffered, so a crash shows which input it was.
                say("\(file): ")
                say(target.run(Array(data)) + "\n")
            }
        }

        static func say(_ text: String) {
            FileHandle.standardOutput.write(Data(text.utf8))
        }

        static func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("tunewise-fuzz: \(message)\n".utf8))
            exit(2)
        }
    }
#endif
