import TunewiseKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal or pipes a command talks through: lines in, the report out on standard
/// output, prompts and messages out on standard error; and the files it reads and writes,
/// and the progress of its long work.
///
/// Commands take a console `inout` and reach streams, files and progress only through it,
/// so tests drive them with a scripted one and the fuzzer with one that refuses every file
/// and all lengthy work.
public protocol Console {
    /// The next line of input without its line break, or `nil` at end of input.
    mutating func readLine() -> String?
    /// Shows `prompt` on standard error and reads the next line, as ``readLine()`` does; where
    /// standard input and standard error are a terminal, through a line editor.
    /// - Throws: ``CommandError/interrupted`` when Ctrl-C is typed into the editor.
    mutating func readLine(prompt: String) throws(CommandError) -> String?
    /// The width of the terminal on standard error, or `nil` when it is not one.
    var errorColumns: Int? { get }
    /// All of standard input, for `--answers -`.
    mutating func readAllInput() throws(CommandError) -> [UInt8]
    /// Writes to standard output (the report).
    mutating func writeOutput(_ text: String) throws(CommandError)
    /// Writes to standard error (prompts, hints and errors).
    mutating func writeError(_ text: String)
    /// Whether standard input is a terminal someone can type into.
    var inputIsTerminal: Bool { get }
    /// Whether standard output is a terminal (colour is used only then).
    var outputIsTerminal: Bool { get }
    /// The process environment (`NO_COLOR`, `TERM`, `COLUMNS`).
    var environment: [String: String] { get }
    /// Whether standard error is a terminal (progress is drawn only then).
    var errorIsTerminal: Bool { get }
    /// The bytes of the input file at `path` (a rubric, answers or cost inputs file).
    /// - Throws: ``CommandError/cannotRead(path:reason:)`` or ``CommandError/fileTooLarge(path:limit:)``.
    mutating func readFile(_ path: String) throws(CommandError) -> [UInt8]
    /// Writes `text` to the file at `path` whole, or leaves any file there as it was.
    /// - Throws: ``CommandError/cannotWrite(path:reason:)``.
    mutating func writeFile(_ text: String, to path: String) throws(CommandError)
    /// Whether anything (a file, a directory, a dangling link) is at `path`.
    func fileExists(_ path: String) -> Bool
    /// Opens the data file at `path` (`-`: standard input) to read in chunks, whatever its size.
    /// - Throws: ``CommandError/cannotRead(path:reason:)``.
    mutating func openData(_ path: String) throws(CommandError) -> DataInput
    /// Runs `work`, which reports its progress to the handler it is given; `isLengthy` when
    /// the work may take seconds or more.
    mutating func withProgress<Result>(
        _ label: String, isLengthy: Bool, _ work: (_ progress: ProgressHandler) throws(CommandError) -> Result
    ) throws(CommandError) -> Result
}

extension Console {
    /// Standard error is not a terminal unless a console says so.
    public var errorIsTerminal: Bool { false }

    /// Standard error has no width unless a console says so.
    public var errorColumns: Int? { nil }

    /// Writes `prompt` to standard error and reads a plain line.
    public mutating func readLine(prompt: String) throws(CommandError) -> String? {
        writeError(prompt)
        return readLine()
    }

    /// The width the questionnaire wraps to: standard error's terminal, else `COLUMNS`, else 80.
    var promptWidth: Int {
        errorColumns.flatMap { $0 >= 20 ? $0 : nil } ?? TextStyle.width(in: environment)
    }

    /// The bytes of the regular file at `path`, at most ``InputFile/sizeLimit`` of them; a FIFO
    /// or device is refused without blocking.
    /// - Throws: ``CommandError/cannotRead(path:reason:)`` or ``CommandError/fileTooLarge(path:limit:)``.
    public mutating func readFile(_ path: String) throws(CommandError) -> [UInt8] {
        try InputFile.read(path)
    }

    /// Writes `text` to the file at `path` atomically, through a temporary file in the same
    /// directory that is then renamed over it.
    /// - Throws: ``CommandError/cannotWrite(path:reason:)``.
    public mutating func writeFile(_ text: String, to path: String) throws(CommandError) {
        try OutputFile.write(text, to: path)
    }

    /// Whether anything (a file, a directory, a dangling link) is at `path`.
    public func fileExists(_ path: String) -> Bool {
        OutputFile.exists(path)
    }

    /// Opens the file at `path`, or standard input for `-`, to read in chunks.
    /// - Throws: ``CommandError/cannotRead(path:reason:)``.
    public mutating func openData(_ path: String) throws(CommandError) -> DataInput {
        try DataInput(path: path)
    }
}

/// The process's own standard streams.
public struct SystemConsole: Console {
    /// The environment given at creation (the process's own unless a test passes another),
    /// with `COLUMNS` set to the terminal's width when it holds no width and standard output
    /// is a terminal.
    public let environment: [String: String]
    /// The lines typed into the line editor in this run, oldest first, for its up arrow.
    private var typedLines: [String] = []

    /// The process's standard streams, with `environment` in place of the process's.
    public init(environment: [String: String] = SystemConsole.processEnvironment()) {
        var environment = environment
        if environment["COLUMNS"].flatMap({ Int($0) }) == nil, let columns = Self.terminalColumns() {
            environment["COLUMNS"] = String(columns)
        }
        self.environment = environment
    }

    /// The environment variables Tunewise reads: `NO_COLOR` and `TERM` for colour, `COLUMNS`
    /// for the width text wraps to.
    public static let variablesRead = ["COLUMNS", "NO_COLOR", "TERM"]

    /// The process's values of ``variablesRead`` (those it sets): reading only these, not the
    /// whole environment, keeps them off every start.
    public static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in variablesRead {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// The width of the terminal on `descriptor` (standard output unless told), or `nil` when
    /// it is not a terminal.
    private static func terminalColumns(_ descriptor: Int32 = STDOUT_FILENO) -> Int? {
        var size = winsize()
        #if os(Linux)
            let request = UInt(TIOCGWINSZ)
        #else
            let request = TIOCGWINSZ
        #endif
        guard isatty(descriptor) == 1, ioctl(descriptor, request, &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width of the terminal on standard error, asked of the system each time (it may
    /// have been resized), or `nil` when standard error is not a terminal.
    public var errorColumns: Int? { Self.terminalColumns(STDERR_FILENO) }

    /// Shows `prompt` and reads a line: on a terminal (standard input and standard error
    /// both), through a ``LineEditor`` in raw mode, with this run's earlier lines on the up
    /// arrow; else as a plain line.
    /// - Throws: ``CommandError/interrupted`` for Ctrl-C in the editor.
    public mutating func readLine(prompt: String) throws(CommandError) -> String? {
        guard inputIsTerminal, errorIsTerminal else {
            writeError(prompt)
            return readLine()
        }
        switch TerminalLine.read(prompt: prompt, width: promptWidth, history: typedLines) {
        case .line(let line):
            if !line.trimmingBlanks().isEmpty, typedLines.last != line { typedLines.append(line) }
            return line
        case .endOfInput: return nil
        case .interrupted: throw .interrupted
        case .unavailable:
            writeError(prompt)
            return readLine()
        }
    }

    /// Whether standard input is a terminal, asked of the system each time.
    public var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    /// Whether standard output is a terminal, asked of the system each time.
    public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether standard error is a terminal, asked of the system each time.
    public var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The next line of standard input without its line break, or `nil` at end of input.
    public mutating func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    /// All of standard input, at most ``InputFile/sizeLimit`` bytes; a regular file
    /// redirected in that is larger is refused before anything is read.
    /// - Throws: ``CommandError/fileTooLarge(path:limit:)`` or
    ///   ``CommandError/cannotRead(path:reason:)``.
    public mutating func readAllInput() throws(CommandError) -> [UInt8] {
        // Redirected from a file: refuse one over the limit before reading it, as for --answers FILE.
        var status = stat()
        if fstat(STDIN_FILENO, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            Int(status.st_size) - max(0, Int(lseek(STDIN_FILENO, 0, SEEK_CUR))) > InputFile.sizeLimit
        {
            throw .fileTooLarge(path: "standard input", limit: InputFile.sizeLimit)
        }
        return try InputFile.readAll(STDIN_FILENO, path: "standard input")
    }

    /// Writes all of `text` to standard output.
    /// - Throws: ``CommandError/cannotWrite(path:reason:)`` when the write fails, such as
    ///   into a closed pipe.
    public mutating func writeOutput(_ text: String) throws(CommandError) {
        guard writeAll(text, to: STDOUT_FILENO) else {
            throw .cannotWrite(path: CommandError.standardOutput, reason: systemError())
        }
    }

    /// Writes all of `text` to standard error; a failure is ignored, as there is nowhere
    /// left to report it.
    public mutating func writeError(_ text: String) {
        _ = writeAll(text, to: STDERR_FILENO)
    }
}
