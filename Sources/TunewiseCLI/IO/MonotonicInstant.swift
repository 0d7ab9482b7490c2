#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment on the system's monotonic clock (`CLOCK_MONOTONIC`, which the wall clock being
/// set does not move): what ``ProgressMeter`` times long work by.
///
/// `ContinuousClock` would do as well, but it lives in `_Concurrency`, and `tunewise` does
/// not load that library (nor `_StringProcessing`) at start: Package.swift turns their
/// implicit imports off.
struct MonotonicInstant: Sendable {
    /// Nanoseconds since a fixed, arbitrary moment.
    let nanoseconds: Int64

    /// The moment now.
    static var now: MonotonicInstant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MonotonicInstant(nanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The time from `earlier` to `later`.
    static func - (later: MonotonicInstant, earlier: MonotonicInstant) -> Duration {
        .nanoseconds(later.nanoseconds - earlier.nanoseconds)
    }

    /// The moment `duration` after `instant`, to the nanosecond.
    static func + (instant: MonotonicInstant, duration: Duration) -> MonotonicInstant {
        let (seconds, attoseconds) = duration.components
        return MonotonicInstant(nanoseconds: instant.nanoseconds + seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
