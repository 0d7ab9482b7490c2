#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DataAnalyzer {
    /// How many threads read chunks by default: one a processor, at most four.
    public static var defaultThreads: Int {
        #if canImport(Glibc) || canImport(Darwin)
            return min(4, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }

    /// The bytes of each chunk read by ``consume(threads:chunkSize:reading:)``.
    public static let defaultChunkSize = 2 << 20

    /// Reads a whole file, or the rest of one, from `read`, which fills the start of the
    /// buffer it is given and returns how many bytes it wrote, 0 at the end. The file is read
    /// in chunks of whole lines, which `threads` - 1 worker threads take in turn as they come
    /// free, and merged in file order on the calling thread, so the measurement is the same
    /// as with ``consume(_:)`` whatever the number of threads.
    ///
    /// The calling thread is the last of the `threads`: when every buffer is full and it has
    /// nothing to read or merge, it reads a waiting chunk itself rather than wait, leaving one
    /// for the workers. So there are never more busy threads than `threads`, which is the
    /// number of processors by default: a thread more than those would share one with
    /// another while the scheduler left the other processor idle.
    ///
    /// Memory: 2 × `threads` + 1 buffers of `chunkSize` bytes (one with one thread). A line
    /// longer than a chunk is read with ``consume(_:)``, up to ``Options/lineByteLimit``.
    public mutating func consume<Failure: Error>(
        threads: Int = DataAnalyzer.defaultThreads, chunkSize: Int = DataAnalyzer.defaultChunkSize,
        reading read: (UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int
    ) throws(Failure) {
        let chunkSize = max(1, chunkSize)
        let queue = ChunkQueue(threads: max(1, threads), chunkSize: chunkSize, lineByteLimit: options.lineByteLimit)
        defer { queue.close() }
        // Chunks are numbered in file order; chunk n is in slot n % slotCount.
        var nextChunk = 0
        var nextMerge = 0
        // The bytes after the last line break of the previous slot: they start the next one.
        var carry = (slot: 0, start: 0, count: 0)
        var isAtEnd = false
        while !isAtEnd {
            while nextChunk - nextMerge >= queue.slotCount { mergeOrRead(queue, next: &nextMerge, leaving: 1) }
            let slot = nextChunk % queue.slotCount
            let buffer = queue.buffers[slot]
            if carry.count > 0 {
                // Slots do not overlap, but with one slot the carry moves to the start of its own.
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                    from: queue.buffers[carry.slot].baseAddress! + carry.start, byteCount: carry.count)
            }
            var filled = carry.count
            carry.count = 0
            while filled < chunkSize {
                let count = try read(UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
                if count == 0 {
                    isAtEnd = true
                    break
                }
                filled += count
            }
            let base = UnsafePointer(buffer.baseAddress!)
            var start = 0
            if isWithinLine {
                // The rest of a line longer than a chunk, read in the order of the file.
                mergeAll(queue, from: &nextMerge, to: nextChunk)
                guard let lineEnd = LineBreaks.next(in: base, from: 0, count: filled) else {
                    consume(UnsafeBufferPointer(start: base, count: filled))
                    continue
                }
                consume(UnsafeBufferPointer(start: base, count: lineEnd + 1))
                start = lineEnd + 1
            }
            if let lastBreak = LineBreaks.last(in: base, from: start, count: filled) {
                let startsFile = nextChunk == 0 && isAtFileStart
                if queue.hasWorkers {
                    queue.submit(slot: slot, base + start, count: lastBreak + 1 - start, startsFile: startsFile)
                } else {
                    let count = lastBreak + 1 - start
                    queue.store(readChunk(base + start, count: count, startsFile: startsFile), count: count, in: slot)
                }
                nextChunk += 1
                carry = (slot, lastBreak + 1, filled - lastBreak - 1)
            } else if filled == chunkSize {
                // A line longer than a chunk.
                mergeAll(queue, from: &nextMerge, to: nextChunk)
                consume(UnsafeBufferPointer(start: base + start, count: filled - start))
            } else {
                carry = (slot, start, filled - start)
            }
            // What is read already is merged as it comes, so that slots come free.
            while nextMerge < nextChunk, let result = queue.resultIfDone(of: nextMerge % queue.slotCount) {
                merge(result)
                nextMerge += 1
            }
        }
        mergeAll(queue, from: &nextMerge, to: nextChunk)
        if carry.count > 0 { consume(UnsafeBufferPointer(start: queue.buffers[carry.slot].baseAddress! + carry.start, count: carry.count)) }
    }

    /// Merges the chunks from `first` up to `end`, reading those no worker has taken.
    private mutating func mergeAll(_ queue: ChunkQueue, from first: inout Int, to end: Int) {
        while first < end { mergeOrRead(queue, next: &first, leaving: 0) }
    }

    /// Merges chunk `next` and moves on to the one after when it is read already, or else
    /// reads a waiting chunk (when more than `leaving` wait) rather than wait, or else waits
    /// for chunk `next` and merges it.
    private mutating func mergeOrRead(_ queue: ChunkQueue, next: inout Int, leaving: Int) {
        if let result = queue.resultIfDone(of: next % queue.slotCount) {
            merge(result)
        } else if !readWaitingChunk(queue, leaving: leaving) {
            merge(queue.result(of: next % queue.slotCount))
        } else {
            return
        }
        next += 1
    }

    /// Reads on the calling thread the oldest submitted chunk that no worker has taken, when
    /// more than `leaving` are waiting; returns whether it read one.
    private mutating func readWaitingChunk(_ queue: ChunkQueue, leaving: Int) -> Bool {
        guard let chunk = queue.takeSubmitted(leaving: leaving) else { return false }
        queue.store(readChunk(chunk.base, count: chunk.count, startsFile: chunk.startsFile), count: chunk.count, in: chunk.slot)
        return true
    }

    /// Merges a chunk read in a slot.
    private mutating func merge(_ result: (measurement: ChunkMeasurement, bytes: Int)) {
        addBytes(result.bytes)
        merge(result.measurement)
    }
}

/// Slots of chunk buffers and the threads that read them. The calling thread fills a slot
/// and submits it; a worker (or the calling thread, when it would wait) takes it, reads it
/// with a ``ChunkReader`` of its own and stores the result; the calling thread takes the
/// result and may fill the slot again. Slots,
/// the queue of submitted ones and results are only touched with the lock held, and a
/// slot's bytes are only written while it is the calling thread's.
private final class ChunkQueue {
    private struct Slot {
        var base: UnsafePointer<UInt8>?
        var count = 0
        var startsFile = false
        var result: ChunkMeasurement?
    }

    /// The chunk buffers, one a slot.
    let buffers: [UnsafeMutableBufferPointer<UInt8>]
    var slotCount: Int { buffers.count }
    var hasWorkers: Bool { !threads.isEmpty }
    private let lineByteLimit: Int
    private var slots: [Slot]
    /// Submitted slots not yet taken by a worker, oldest first.
    private var submitted: [Int] = []
    private var isClosed = false
    #if canImport(Glibc)
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        /// Signalled when a slot is submitted or the queue closes.
        private let work = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        /// Signalled when a result is stored.
        private let done = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private var threads: [pthread_t] = []
    #else
        private var threads: [Int] = []
    #endif

    /// Slots for `threads` threads reading chunks: the calling thread and `threads` - 1
    /// workers (none for one: the calling thread reads the chunks itself).
    init(threads: Int, chunkSize: Int, lineByteLimit: Int) {
        self.lineByteLimit = lineByteLimit
        // Two slots a thread, one being read and one waiting or waiting to be merged, and one
        // that the calling thread fills meanwhile.
        let slotCount = threads == 1 ? 1 : 2 * threads + 1
        buffers = (0..<slotCount).map { _ in .allocate(capacity: chunkSize) }
        slots = Array(repeating: Slot(), count: slotCount)
        #if canImport(Glibc)
            pthread_mutex_init(lock, nil)
            pthread_cond_init(work, nil)
            pthread_cond_init(done, nil)
            guard threads > 1 else { return }
            for _ in 1..<threads {
                var thread = pthread_t()
                let context = Unmanaged.passRetained(self).toOpaque()
                let status = pthread_create(
                    &thread, nil,
                    { context in
                        Unmanaged<ChunkQueue>.fromOpaque(context!).takeRetainedValue().runWorker()
                        return nil
                    }, context)
                if status == 0 {
                    self.threads.append(thread)
                } else {
                    Unmanaged<ChunkQueue>.fromOpaque(context).release()
                }
            }
        #endif
    }

    /// Stops the workers once the submitted slots are read, and waits for them.
    func close() {
        #if canImport(Glibc)
            pthread_mutex_lock(lock)
            isClosed = true
            pthread_cond_broadcast(work)
            pthread_mutex_unlock(lock)
            for thread in threads { pthread_join(thread, nil) }
            threads = []
        #endif
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
        #if canImport(Glibc)
            pthread_cond_destroy(done)
            pthread_cond_destroy(work)
            pthread_mutex_destroy(lock)
            done.deallocate()
            work.deallocate()
            lock.deallocate()
        #endif
    }

    /// Hands the chunk of `count` bytes at `base`, in `slot`, to the workers.
    func submit(slot: Int, _ base: UnsafePointer<UInt8>, count: Int, startsFile: Bool) {
        withLock {
            slots[slot] = Slot(base: base, count: count, startsFile: startsFile, result: nil)
            submitted.append(slot)
            #if canImport(Glibc)
                pthread_cond_signal(work)
            #endif
        }
    }

    /// Stores a chunk of `count` bytes read on the calling thread as the result of `slot`.
    func store(_ measurement: ChunkMeasurement, count: Int, in slot: Int) {
        withLock { slots[slot] = Slot(base: nil, count: count, startsFile: false, result: measurement) }
    }

    /// The result of `slot` and its byte count, waiting for it; the slot is free again.
    func result(of slot: Int) -> (measurement: ChunkMeasurement, bytes: Int) {
        withLock {
            while slots[slot].result == nil {
                #if canImport(Glibc)
                    pthread_cond_wait(done, lock)
                #endif
            }
            return take(slot)
        }
    }

    /// The oldest submitted chunk that no worker has taken, taken for the calling thread to
    /// read, when more than `leaving` are waiting.
    func takeSubmitted(leaving: Int) -> (slot: Int, base: UnsafePointer<UInt8>, count: Int, startsFile: Bool)? {
        withLock {
            guard submitted.count > leaving else { return nil }
            let slot = submitted.removeFirst()
            return (slot, slots[slot].base!, slots[slot].count, slots[slot].startsFile)
        }
    }

    /// The result of `slot` and its byte count when it is read already.
    func resultIfDone(of slot: Int) -> (measurement: ChunkMeasurement, bytes: Int)? {
        withLock { slots[slot].result == nil ? nil : take(slot) }
    }

    private func take(_ slot: Int) -> (measurement: ChunkMeasurement, bytes: Int) {
        let taken = slots[slot]
        slots[slot] = Slot()
        return (taken.result!, taken.count)
    }

    private func runWorker() {
        var reader = ChunkReader(lineByteLimit: lineByteLimit)
        var job: Slot?
        var jobSlot = 0
        withLock {
            while true {
                if let finished = job {
                    slots[jobSlot].result = finished.result
                    #if canImport(Glibc)
                        pthread_cond_signal(done)
                    #endif
                    job = nil
                }
                while submitted.isEmpty, !isClosed {
                    #if canImport(Glibc)
                        pthread_cond_wait(work, lock)
                    #endif
                }
                if submitted.isEmpty { return }
                jobSlot = submitted.removeFirst()
                var taken = slots[jobSlot]
                withoutLock { taken.result = reader.read(taken.base!, count: taken.count, startsFile: taken.startsFile) }
                job = taken
            }
        }
    }

    private func withLock<Result>(_ body: () -> Result) -> Result {
        #if canImport(Glibc)
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
        #endif
        return body()
    }

    private func withoutLock(_ body: () -> Void) {
        #if canImport(Glibc)
            pthread_mutex_unlock(lock)
            defer { pthread_mutex_lock(lock) }
        #endif
        body()
    }
}
