// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tunewise",
    products: [
        .executable(name: "tunewise", targets: ["tunewise"]),
        .library(name: "TunewiseKit", targets: ["TunewiseKit"]),
    ],
    targets: [
        // The pure core: rubric model, loading and validation, answers, scoring, explanation.
        .target(name: "TunewiseKit"),
        // The command layer: arguments, questionnaire, rendering, files and exit codes.
        .target(name: "TunewiseCLI", dependencies: ["TunewiseKit"]),
        // A thin entry point: the only place that exits.
        .executableTarget(name: "tunewise", dependencies: ["TunewiseCLI"]),
        .testTarget(name: "TunewiseKitTests", dependencies: ["TunewiseKit"]),
        .testTarget(
            name: "TunewiseCLITests",
            dependencies: ["TunewiseCLI", "TunewiseKit", "tunewise"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
