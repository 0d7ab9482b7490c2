#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DataAnalyzer {
    /// How many chunks are read at once by default: one a processor, at most four.
    public static var defaultThreads: Int {
        #if canImport(Glibc) || canImport(Darwin)
            return min(4, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }

    /// The bytes of each chunk read by ``consume(threads:chunkSize:reading:)``.
    public static let defaultChunkSize = 4 << 20

    /// Reads a whole file, or the rest of one, from `read`, which fills the start of the
    /// buffer it is given and returns how many bytes it wrote, 0 at the end. The file is read
    /// in chunks of whole lines, `threads` of them at once, and merged in file order, so the
    /// measurement is the same as with ``consume(_:)`` whatever the number of threads.
    ///
    /// Memory: `threads` buffers of `chunkSize` bytes. A line longer than a chunk is read
    /// with ``consume(_:)``, up to ``Options/lineByteLimit``.
    public mutating func consume<Failure: Error>(
        threads: Int = DataAnalyzer.defaultThreads, chunkSize: Int = DataAnalyzer.defaultChunkSize,
        reading read: (UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int
    ) throws(Failure) {
        let threads = max(1, threads)
        let chunkSize = max(1, chunkSize)
        let buffers: [UnsafeMutableBufferPointer<UInt8>] = (0..<threads).map { _ in .allocate(capacity: chunkSize) }
        defer { for buffer in buffers { buffer.deallocate() } }
        var round = ChunkRound(readers: (1..<threads).map { _ in ChunkReader(lineByteLimit: options.lineByteLimit) })
        // The bytes after the last line break of the previous buffer: they start the next one.
        var carry = (buffer: 0, start: 0, count: 0)
        var isAtEnd = false
        var next = 0
        while !isAtEnd {
            let buffer = buffers[next]
            if carry.count > 0 {
                // The buffers do not overlap, but with one thread the carry moves to the start of its own.
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                    from: buffers[carry.buffer].baseAddress! + carry.start, byteCount: carry.count)
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
                round.run(into: &self)
                guard let lineEnd = LineBreaks.next(in: base, from: 0, count: filled) else {
                    consume(UnsafeBufferPointer(start: base, count: filled))
                    continue
                }
                consume(UnsafeBufferPointer(start: base, count: lineEnd + 1))
                start = lineEnd + 1
            }
            if let lastBreak = LineBreaks.last(in: base, from: start, count: filled) {
                round.add(base + start, count: lastBreak + 1 - start, startsFile: round.isEmpty && isAtFileStart)
                carry = (next, lastBreak + 1, filled - lastBreak - 1)
            } else if filled == chunkSize {
                // A line longer than a chunk.
                round.run(into: &self)
                consume(UnsafeBufferPointer(start: base + start, count: filled - start))
            } else {
                carry = (next, start, filled - start)
            }
            if round.count == threads || isAtEnd { round.run(into: &self) }
            next = (next + 1) % threads
        }
        if carry.count > 0 { consume(UnsafeBufferPointer(start: buffers[carry.buffer].baseAddress! + carry.start, count: carry.count)) }
    }
}

/// The chunks read at once: the first on the calling thread, each other on a thread of its own
/// with a reader of its own; nothing is shared until the threads are joined.
private struct ChunkRound {
    private struct Chunk {
        var base: UnsafePointer<UInt8>
        var count: Int
        var startsFile: Bool
    }

    private var chunks: [Chunk] = []
    private var readers: [ChunkReader]

    init(readers: [ChunkReader]) { self.readers = readers }

    var count: Int { chunks.count }
    var isEmpty: Bool { chunks.isEmpty }

    mutating func add(_ base: UnsafePointer<UInt8>, count: Int, startsFile: Bool) {
        chunks.append(Chunk(base: base, count: count, startsFile: startsFile))
    }

    /// Reads the chunks added and merges them into `analyzer` in order.
    mutating func run(into analyzer: inout DataAnalyzer) {
        guard let first = chunks.first else { return }
        var jobs: [ChunkJob] = []
        for (index, chunk) in chunks.enumerated().dropFirst() {
            let job = ChunkJob(reader: readers[index - 1], base: chunk.base, count: chunk.count, startsFile: chunk.startsFile)
            job.start()
            jobs.append(job)
        }
        let firstResult = analyzer.readChunk(first.base, count: first.count, startsFile: first.startsFile)
        analyzer.addBytes(first.count)
        analyzer.merge(firstResult)
        for (index, job) in jobs.enumerated() {
            let result = job.join()
            readers[index] = job.reader
            analyzer.addBytes(job.count)
            analyzer.merge(result)
        }
        chunks.removeAll(keepingCapacity: true)
    }
}

/// One chunk read on a thread of its own: the thread has the job to itself from ``start()``
/// until ``join()`` returns.
private final class ChunkJob {
    var reader: ChunkReader
    let base: UnsafePointer<UInt8>
    let count: Int
    let startsFile: Bool
    private var result: ChunkMeasurement?
    #if canImport(Glibc)
        private var thread: pthread_t?
    #endif

    init(reader: ChunkReader, base: UnsafePointer<UInt8>, count: Int, startsFile: Bool) {
        self.reader = reader
        self.base = base
        self.count = count
        self.startsFile = startsFile
    }

    func run() { result = reader.read(base, count: count, startsFile: startsFile) }

    /// Starts the job on a new thread, or runs it now when no thread can be started.
    func start() {
        #if canImport(Glibc)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            let status = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<ChunkJob>.fromOpaque(context!).takeRetainedValue().run()
                    return nil
                }, context)
            if status == 0 {
                self.thread = thread
                return
            }
            Unmanaged<ChunkJob>.fromOpaque(context).release()
        #endif
        run()
    }

    /// Waits for the job to end; returns what it read.
    func join() -> ChunkMeasurement {
        #if canImport(Glibc)
            if let thread {
                pthread_join(thread, nil)
                self.thread = nil
            }
        #endif
        return result!
    }
}
