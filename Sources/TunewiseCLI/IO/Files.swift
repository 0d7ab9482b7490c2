#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading input files safely: only regular files, never a FIFO or device that could
/// block or never end, and never more than ``sizeLimit`` bytes.
enum InputFile {
    /// The largest rubric or answers file read (1 MiB); the default rubric is a few tens of KiB.
    static let sizeLimit = 1 << 20

    /// The bytes of the regular file at `path`.
    /// - Throws: ``CommandError/cannotRead(path:reason:)`` or ``CommandError/fileTooLarge(path:limit:)``.
    static func read(_ path: String) throws(CommandError) -> [UInt8] {
        // O_NONBLOCK keeps open() from waiting for a writer when the path is a FIFO.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: systemError()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(path: path, reason: systemError()) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .cannotRead(path: path, reason: "it is a directory")
        default: throw .cannotRead(path: path, reason: "not a regular file")
        }
        guard Int(status.st_size) <= sizeLimit else { throw .fileTooLarge(path: path, limit: sizeLimit) }
        return try readAll(descriptor, path: path)
    }

    /// Everything readable from `descriptor`, up to ``sizeLimit`` bytes.
    static func readAll(_ descriptor: Int32, path: String) throws(CommandError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { readSome(descriptor, into: $0) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor with nothing yet: wait until it is readable.
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                throw .cannotRead(path: path, reason: systemError())
            }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > sizeLimit { throw .fileTooLarge(path: path, limit: sizeLimit) }
        }
    }
}

/// Writing output files atomically: a temporary file in the same directory, then a rename,
/// so a failure leaves any old file intact and never a half-written one.
enum OutputFile {
    /// Whether anything (a file, a directory, a dangling link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func write(_ text: String, to path: String) throws(CommandError) {
        // The rename would replace a FIFO or a device (even /dev/null, run as root) with a file;
        // a directory makes the rename itself fail.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
            throw .cannotWrite(path: path, reason: "not a regular file")
        }
        let (directory, name) = pathComponents(path)
        var template = Array("\(directory.isEmpty ? "." : directory)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: systemError()) }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        TemporaryFiles.register(temporaryPath)
        defer { TemporaryFiles.unregister() }
        var isOpen = true
        do throws(CommandError) {
            guard writeAll(text, to: descriptor) else { throw .cannotWrite(path: path, reason: systemError()) }
            // New files get the usual permissions (0666 less the umask), not mkstemp's 0600.
            let mask = umask(0)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0, fsync(descriptor) == 0 else {
                throw .cannotWrite(path: path, reason: systemError())
            }
            isOpen = false
            guard close(descriptor) == 0 else { throw .cannotWrite(path: path, reason: systemError()) }
            guard rename(temporaryPath, path) == 0 else { throw .cannotWrite(path: path, reason: systemError()) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
    }
}

/// The temporary file being written, so an interrupt can remove it before exiting.
enum TemporaryFiles {
    nonisolated(unsafe) static var current: UnsafeMutablePointer<CChar>?

    static func register(_ path: String) {
        unregister()
        current = strdup(path)
    }

    /// Forgets the file before freeing its name, so that an interrupt in between finds none.
    static func unregister() {
        let path = current
        current = nil
        free(path)
    }
}

/// Reads what `descriptor` has, at most `buffer.count` bytes, into `buffer`: `read(2)` under a
/// name that ``InputFile/read(_:)`` does not hide.
private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}

/// Writes every byte of `text` to `descriptor`, retrying after an interruption; `false`
/// on any other error, which is left in `errno`.
func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        bytes = bytes.dropFirst(written)
    }
    return true
}

/// The description of the current `errno`.
func systemError() -> String {
    String(cString: strerror(errno))
}
