#if canImport(Glibc)
    import Glibc
#endif

/// Runs `other` on a thread of its own while `body` runs on the calling thread, and returns
/// once both are done (one after the other where threads are not available).
func inParallel(_ body: () -> Void, _ other: @escaping @Sendable () -> Void) {
    #if canImport(Glibc)
        let job = Unmanaged.passRetained(ParallelJob(other)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<ParallelJob>.fromOpaque(context!).takeRetainedValue().work()
                return nil
            }, job)
        if status == 0 {
            body()
            pthread_join(thread, nil)
            return
        }
        Unmanaged<ParallelJob>.fromOpaque(job).release()
    #endif
    body()
    other()
}

/// The work of the other thread of ``inParallel(_:_:)``.
private final class ParallelJob: Sendable {
    let work: @Sendable () -> Void

    init(_ work: @escaping @Sendable () -> Void) { self.work = work }
}
