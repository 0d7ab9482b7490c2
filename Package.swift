// swift-tools-version: 6.0
import PackageDescription

/// Neither `_Concurrency` nor `_StringProcessing` is imported unless a file asks for it, so
/// `tunewise` does not load their libraries at every start (nor does the benchmark's floor,
/// so that the two are measured alike). The targets linked into `tunewise` take this.
let noImplicitImports: [String] = [
    "-Xfrontend", "-disable-implicit-concurrency-module-import", "-Xfrontend", "-disable-implicit-string-processing-module-import",
]

/// The start-up flags of the targets linked into `tunewise`: besides ``noImplicitImports``, the
/// metadata of a generic type (`[Question]`) is made by a call, not by demangling its name at
/// first use; demangling took an eighth of a one-shot run's instructions, and the run went
/// from 7.39 M to 6.89 M (callgrind).
let startupFlags = noImplicitImports + ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]

let package = Package(
    name: "Tunewise",
    products: [
        .executable(name: "tunewise", targets: ["tunewise"]),
        .library(name: "TunewiseKit", targets: ["TunewiseKit"]),
        .library(name: "TunewiseData", targets: ["TunewiseData"]),
    ],
    targets: [
        // The pure core: rubric model, loading and validation, answers, scoring, explanation.
        // Optimised even in debug builds: the tests sweep thousands of situations through it.
        .target(name: "TunewiseKit", swiftSettings: [.unsafeFlags(["-O"] + startupFlags)]),
        // The built-in rubric's model, generated from rubrics/default.json by `.ci/embed-rubric`.
        .target(name: "TunewiseBuiltIn", dependencies: ["TunewiseKit"], swiftSettings: [.unsafeFlags(["-O"] + startupFlags)]),
        // The data analyser: reads training files fed to it in chunks, no I/O of its own.
        // Optimised even in debug builds, at no cost in build time: its tests read thousands of
        // generated lines, and `tunewise data` in a debug build reads 8 MiB in 0.1 s, not 4 s.
        .target(name: "TunewiseData", swiftSettings: [.unsafeFlags(["-O"] + startupFlags)]),
        // The command layer: arguments, questionnaire, rendering, files and exit codes.
        .target(
            name: "TunewiseCLI", dependencies: ["TunewiseKit", "TunewiseBuiltIn", "TunewiseData"], swiftSettings: [.unsafeFlags(startupFlags)]),
        // A thin entry point: the only place that exits.
        .executableTarget(name: "tunewise", dependencies: ["TunewiseCLI"], swiftSettings: [.unsafeFlags(startupFlags)]),
        // Timings of what users wait for: `swift run -c release tunewise-bench`. It runs the
        // built `tunewise` and the floor, so it depends on them to have them built too.
        .executableTarget(
            name: "tunewise-bench",
            dependencies: ["TunewiseKit", "TunewiseBuiltIn", "ProcessRunner", "tunewise", "tunewise-bench-floor"]),
        // The benchmark's yardstick: a Swift program that imports nothing and prints one line.
        .executableTarget(name: "tunewise-bench-floor", swiftSettings: [.unsafeFlags(noImplicitImports)]),
        // Writes the built-in rubric's model as Swift source: `.ci/embed-rubric` runs tunewise-embed
        // on rubrics/default.json. Neither is part of tunewise, and neither depends on the
        // model it writes (TunewiseBuiltIn).
        .target(name: "RubricEmbedding", dependencies: ["TunewiseKit"]),
        .executableTarget(name: "tunewise-embed", dependencies: ["TunewiseKit", "RubricEmbedding"]),
        // Runs programs for the tests and the benchmark (pipes, time limits, peak memory); not part of tunewise.
        .target(name: "ProcessRunner"),
        // libFuzzer harnesses for rubric files, answers files and command lines: `.ci/fuzz/run`.
        // A plain build makes a tool that replays inputs through them: `swift run tunewise-fuzz`.
        .executableTarget(name: "tunewise-fuzz", dependencies: ["TunewiseKit", "TunewiseBuiltIn", "TunewiseCLI", "CLibFuzzer"]),
        // Declares libFuzzer's driver for tunewise-fuzz; -sanitize=fuzzer links the library.
        .systemLibrary(name: "CLibFuzzer"),
        .testTarget(name: "TunewiseKitTests", dependencies: ["TunewiseKit", "TunewiseBuiltIn", "RubricEmbedding"]),
        .testTarget(name: "ProcessRunnerTests", dependencies: ["ProcessRunner"]),
        .testTarget(name: "TunewiseDataTests", dependencies: ["TunewiseData"]),
        .testTarget(
            name: "TunewiseCLITests",
            dependencies: ["TunewiseCLI", "TunewiseKit", "TunewiseBuiltIn", "ProcessRunner", "tunewise"],
            // Expected reports, read from the source tree by the renderer tests.
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
