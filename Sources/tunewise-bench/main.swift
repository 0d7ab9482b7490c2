// Times the expensive operations on the default rubric: `swift run -c release tunewise-bench`.
// Each measurement is a name and a closure that returns a short detail; add rows to the list.
import Foundation
import TunewiseKit

struct Measurement {
    var name: String
    var run: () throws -> String
}

let rubric = BuiltInRubric.load()
let fullSpace = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true))

let measurements = [
    Measurement(name: "sweep --all: counts and marginals") {
        let result = fullSpace.run(decidingQuestions: false)
        return "\(result.situationCount) situations"
    },
    Measurement(name: "sweep --all: deciding questions") {
        let deciding = fullSpace.decidingCounts()
        return "\(deciding.count) questions"
    },
]

/// The peak resident memory of this process so far, from /proc (Linux); `nil` elsewhere.
func peakMemory() -> String? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map {
        $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}

let clock = ContinuousClock()
let width = measurements.map(\.name.count).max() ?? 0
print("measurement".padding(toLength: width, withPad: " ", startingAt: 0) + "  seconds  detail")
for measurement in measurements {
    var detail = ""
    let elapsed = try clock.measure { detail = try measurement.run() }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let name = measurement.name.padding(toLength: width, withPad: " ", startingAt: 0)
    print("\(name)  \(String(format: "%7.2f", seconds))  \(detail)")
}
if let peak = peakMemory() { print("peak resident memory: \(peak)") }
