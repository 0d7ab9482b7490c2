import Foundation
import Testing
import TunewiseKit

@testable import TunewiseCLI

/// The progress line of long sweeps and checks.
struct ProgressMeterTests {
    let start = MonotonicInstant.now

    @Test func saysTheFractionDoneAndTheTimeLeft() {
        #expect(ProgressMeter.line(label: "sweep", fraction: 0.25, elapsed: .seconds(3)) == "tunewise: sweep 25% done, about 9 s left")
        #expect(
            ProgressMeter.line(label: "rubric check", fraction: 0.5, elapsed: .seconds(90))
                == "tunewise: rubric check 50% done, about 1 min 30 s left")
        #expect(
            ProgressMeter.line(label: "sweep", fraction: 0.001, elapsed: .seconds(2)) == "tunewise: sweep 0% done, estimating the time left")
        #expect(ProgressMeter.duration(0.2) == "1 s")
        #expect(ProgressMeter.duration(3725) == "1 h 2 min")
    }

    @Test func staysSilentForTheFirstSecondThenRedrawsInPlaceAtMostTenTimesASecond() {
        var meter = ProgressMeter(label: "sweep", start: start)
        #expect(meter.update(0.1, now: start + .milliseconds(500)) == nil)
        #expect(meter.update(0.5, now: start + .seconds(1)) == "\rtunewise: sweep 50% done, about 1 s left")
        #expect(meter.update(0.6, now: start + .milliseconds(1050)) == nil)
        let redrawn = meter.update(0.9, now: start + .seconds(9))
        #expect(redrawn == "\rtunewise: sweep 90% done, about 2 s left")
        // Fractions never go back.
        #expect(meter.update(0.2, now: start + .seconds(10)) == "\rtunewise: sweep 90% done, about 2 s left")
        #expect(meter.clear() == "\r" + String(repeating: " ", count: 40) + "\r")
        #expect(meter.clear() == nil)
    }

    @Test func theTimeLeftFollowsTheRecentPace() {
        var meter = ProgressMeter(label: "sweep", start: start)
        // A quick first pass, then a slower one: the recent pace, not the average, says what is left.
        #expect(meter.update(0.5, now: start + .seconds(1)) == "\rtunewise: sweep 50% done, about 1 s left")
        #expect(meter.update(0.55, now: start + .seconds(6)) == "\rtunewise: sweep 55% done, about 45 s left")
    }

    @Test func theClockAddsAndSubtractsToTheNanosecondAndDoesNotGoBack() {
        #expect((start + .milliseconds(1500)) - start == .milliseconds(1500))
        #expect((start + .nanoseconds(7)) - start == .nanoseconds(7))
        #expect(start - (start + .seconds(2)) == .seconds(-2))
        #expect(MonotonicInstant.now - start >= .zero)
    }

    @Test func padsOverALongerLine() {
        var meter = ProgressMeter(label: "sweep", start: start)
        _ = meter.update(0.5, now: start + .seconds(200))
        let shorter = meter.update(0.99, now: start + .seconds(201))
        #expect(shorter == "\rtunewise: sweep 99% done, about 1 s left" + String(repeating: " ", count: 7))
    }

    @Test func nothingIsDrawnOnceDoneOrWhenNothingWasShown() {
        var meter = ProgressMeter(label: "sweep", start: start)
        #expect(meter.update(1, now: start + .seconds(5)) == nil)
        #expect(meter.clear() == nil)
    }

    @Test func noProgressWhenStandardErrorIsNotATerminal() {
        let arguments = ["sweep", "--include", "model-access", "--include", "ml-expertise", "--format", "csv"]
        let (code, console) = run(arguments)
        #expect(code == .success)
        #expect(console.errors.isEmpty)
        #expect(console.output.hasPrefix("question,answer,situations,"))
    }

    @Test func aDebugBuildSaysOnceThatReleaseIsFasterWhenStandardErrorIsATerminal() {
        var console = ScriptedConsole()
        console.errorIsTerminal = true
        let (code, result) = run(["sweep", "--include", "model-access", "--format", "json"], console)
        #expect(code == .success)
        #if DEBUG
            #expect(result.errors.hasPrefix(ProgressMeter.debugBuildNote))
            #expect(result.errors.components(separatedBy: "debug build").count == 2)
        #endif
        #expect(!result.output.contains("% done"))
        // The core sweep is quick: no note and no progress.
        let core = run(["sweep", "--format", "json"], console)
        #expect(core.console.errors.isEmpty)
    }
}

extension BinaryTests {
    @Suite struct ProgressEndToEndTests {
        @Test func aPipedSweepPrintsNoProgress() throws {
            // Long enough in a debug build (about 1.5 s) for a terminal to get progress.
            let arguments = ["sweep", "--include", "model-access", "--include", "ml-expertise", "--include", "context-size", "--format", "csv"]
            let result = try Binary.run(arguments)
            #expect(result.code == 0)
            #expect(result.stderr.isEmpty)
            #expect(!result.stdout.contains("\r"))
            let check = try Binary.run(["rubric", "check"])
            #expect(check.code == 0)
            #expect(check.stderr.isEmpty)
        }
    }
}
