#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A training data file read in chunks, of any size: a regular file, a pipe or standard
/// input. It closes what it opened when it goes away.
public final class DataInput {
    private enum Source {
        case descriptor(Int32, closesIt: Bool)
        case memory([UInt8], offset: Int)
    }

    private var source: Source
    /// The name for messages and reports: the path, or "standard input".
    let name: String
    /// The size in bytes when it is a regular file; `nil` for a pipe.
    let size: Int?

    /// Opens `path`, or standard input for `-`.
    /// - Throws: ``CommandError/cannotRead(path:reason:)`` for a missing or unreadable file
    ///   or a directory.
    init(path: String) throws(CommandError) {
        let isStandardInput = path == "-"
        name = isStandardInput ? "standard input" : path
        let descriptor = isStandardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: systemError()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = systemError()
            if !isStandardInput { close(descriptor) }
            throw .cannotRead(path: path, reason: reason)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            if !isStandardInput { close(descriptor) }
            throw .cannotRead(path: path, reason: "it is a directory; give a .jsonl file")
        }
        size = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
        source = .descriptor(descriptor, closesIt: !isStandardInput)
    }

    /// Input held in memory, as standard input in tests and fuzzing.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        size = nil
        source = .memory(bytes, offset: 0)
    }

    deinit {
        if case .descriptor(let descriptor, closesIt: true) = source { close(descriptor) }
    }

    /// Reads the next bytes into `buffer`; returns how many, 0 at the end.
    /// - Throws: ``CommandError/cannotRead(path:reason:)``.
    func readChunk(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(CommandError) -> Int {
        switch source {
        case .memory(let bytes, let offset):
            let count = min(buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            source = .memory(bytes, offset: offset + count)
            return count
        case .descriptor(let descriptor, _):
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { throw .cannotRead(path: name, reason: systemError()) }
            }
        }
    }
}

/// What a data file's first bytes say it is, when it is not text to read.
enum DataFileKind {
    /// Compressed by the tool named, with the command that writes it out.
    case compressed(format: String, decompress: String)
    /// Not UTF-8 JSON Lines, for the reason given ("is not text (it holds NUL bytes)"), with
    /// what to do about it.
    case notJSONLines(reason: String)

    /// How much of a file's start tells its kind: NUL bytes are looked for this far.
    static let sniffedLength = 64 * 1024

    /// The kind of file that starts with `bytes`, or `nil` for what may be text.
    init?(start bytes: UnsafeBufferPointer<UInt8>) {
        func starts(with magic: [UInt8]) -> Bool { bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 } }
        if starts(with: [0x1F, 0x8B]) {
            self = .compressed(format: "gzip", decompress: "gunzip -c")
        } else if starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            self = .compressed(format: "zstd", decompress: "zstd -dc")
        } else if starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            self = .compressed(format: "xz", decompress: "xz -dc")
        } else if starts(with: Array("BZh".utf8)) {
            self = .compressed(format: "bzip2", decompress: "bzip2 -dc")
        } else if starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .compressed(format: "zip", decompress: "unzip -p")
        } else if starts(with: [0xFF, 0xFE]) || starts(with: [0xFE, 0xFF]) {
            self = .notJSONLines(reason: "is UTF-16; convert it to UTF-8 first: iconv -f UTF-16 -t UTF-8 FILE > CONVERTED")
        } else if bytes.prefix(Self.sniffedLength).contains(0) {
            self = .notJSONLines(reason: "is not text (it holds NUL bytes); tunewise data reads UTF-8 JSON Lines")
        } else if Self.startsAnArrayOfObjects(bytes) {
            self = .notJSONLines(
                reason: "is one JSON array, not JSON Lines (one example a line); convert it: jq -c '.[]' FILE > CONVERTED")
        } else if Self.startsAnObjectOverLines(bytes) {
            self = .notJSONLines(reason: "is JSON written over several lines, not JSON Lines; convert it: jq -c . FILE > CONVERTED")
        } else {
            return nil
        }
    }

    /// Whether the first line of `bytes`, a byte-order mark and whitespace aside, is only an
    /// opening brace: an object written over lines, which no line of JSON Lines can be.
    private static func startsAnObjectOverLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
        position += 1
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 }
        return position < bytes.count && bytes[position] == 0x0A
    }

    /// Whether `bytes`, a byte-order mark and whitespace aside, open an array whose first
    /// element is an object: a file of examples written as one JSON document.
    private static func startsAnArrayOfObjects(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var opened = false
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            case UInt8(ascii: "[") where !opened:
                opened = true
                position += 1
            case UInt8(ascii: "{"): return opened
            default: return false
            }
        }
        return false
    }
}
