import TunewiseKit

/// A progress line for long work, drawn on standard error when it is a terminal: the
/// fraction done and the time left, redrawn in place with `\r` and cleared at the end.
///
/// The meter only decides what to write and when; the command writes it. Nothing is drawn
/// in the first ``delay`` (short work stays silent), nor more often than every ``interval``.
struct ProgressMeter {
    /// What is in progress ("sweep", "rubric check").
    let label: String
    /// When the work started.
    let start: MonotonicInstant
    /// How long the work runs before the line first appears.
    var delay: Duration = .seconds(1)
    /// The least time between two redraws.
    var interval: Duration = .milliseconds(100)
    /// The width of the line last drawn, to clear it; 0 when none is shown.
    private(set) var shownWidth = 0
    private var lastDrawn: MonotonicInstant?
    private var highest = 0.0
    /// The fractions drawn in the last ``window``, oldest first, for the recent pace.
    private var recent: [(time: MonotonicInstant, fraction: Double)] = []
    /// How far back the pace is measured: long work changes pace between its passes, so the
    /// time left follows the recent pace rather than the average since the start.
    var window: Duration = .seconds(5)

    init(label: String, start: MonotonicInstant = .now) {
        self.label = label
        self.start = start
    }

    /// Said once, before heavy work, by a debug build.
    static let debugBuildNote =
        "tunewise: a debug build; sweeps and checks run faster after 'swift build -c release'\n"

    /// The text to write for `fraction` done at `now`, or `nil` when nothing needs drawing.
    mutating func update(_ fraction: Double, now: MonotonicInstant = .now) -> String? {
        highest = max(highest, min(fraction, 1))
        let elapsed = now - start
        guard elapsed >= delay, highest < 1 else { return nil }
        if let lastDrawn, now - lastDrawn < interval { return nil }
        lastDrawn = now
        while let second = recent.dropFirst().first, now - second.time >= window { recent.removeFirst() }
        var secondsLeft = Self.secondsLeft(fraction: highest, done: highest, over: elapsed)
        if let oldest = recent.first, now - oldest.time >= .seconds(1), highest > oldest.fraction {
            secondsLeft = Self.secondsLeft(fraction: highest, done: highest - oldest.fraction, over: now - oldest.time)
        }
        recent.append((now, highest))
        let line = Self.line(label: label, fraction: highest, secondsLeft: secondsLeft)
        // Pad over a longer line drawn before.
        let padding = String(repeating: " ", count: max(0, shownWidth - line.count))
        shownWidth = line.count
        return "\r" + line + padding
    }

    /// The text that clears the line, or `nil` when none is shown.
    mutating func clear() -> String? {
        guard shownWidth > 0 else { return nil }
        defer { shownWidth = 0 }
        return "\r" + String(repeating: " ", count: shownWidth) + "\r"
    }

    /// "tunewise: sweep 42% done, about 12 s left": the left time extrapolated from the pace
    /// since the start, once there is a pace to go by.
    static func line(label: String, fraction: Double, elapsed: Duration) -> String {
        line(label: label, fraction: fraction, secondsLeft: secondsLeft(fraction: fraction, done: fraction, over: elapsed))
    }

    /// "tunewise: sweep 42% done, about 12 s left", or "estimating the time left" for `nil`.
    static func line(label: String, fraction: Double, secondsLeft: Double?) -> String {
        let percent = Int((fraction * 100).rounded(.down))
        let left = secondsLeft.map { "about \(duration($0)) left" } ?? "estimating the time left"
        return "tunewise: \(label) \(percent)% done, \(left)"
    }

    /// The time left at `fraction`, at the pace of `done` in `time`; `nil` before 1% is done.
    static func secondsLeft(fraction: Double, done: Double, over time: Duration) -> Double? {
        guard fraction >= 0.01, done > 0 else { return nil }
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) * 1e-18
        return seconds * (1 - fraction) / done
    }

    /// "12 s", "3 min 5 s", "1 h 2 min": a time left, to the nearest second and at least one.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded().clamped(to: 1...359_999))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \(total % 3600 / 60) min"
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}

extension Console {
    /// Runs `work`, drawing its progress on standard error when that is a terminal and
    /// `isLengthy`; the line is cleared before this returns. The work is told where to report.
    ///
    /// A debug build first says, in that case only, that a release build is much faster.
    public mutating func withProgress<Result>(
        _ label: String, isLengthy: Bool, _ work: (_ progress: ProgressHandler) throws(CommandError) -> Result
    ) throws(CommandError) -> Result {
        guard isLengthy, errorIsTerminal else { return try work { _ in } }
        #if DEBUG
            writeError(ProgressMeter.debugBuildNote)
        #endif
        var meter = ProgressMeter(label: label)
        defer { if let text = meter.clear() { writeError(text) } }
        return try work { fraction in
            if let text = meter.update(fraction) { writeError(text) }
        }
    }
}
