import Foundation

/// Process-wide signal handling, installed once by `main`.
public enum Signals {
    /// Ctrl-C ends the run with exit code 130 and one line, removing any half-written
    /// temporary file; a closed output pipe becomes a write error instead of killing the process.
    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT) { _ in
            // Only async-signal-safe calls here: unlink, write and _exit.
            if let path = TemporaryFiles.current { unlink(path) }
            let message: StaticString = "\ntunewise: interrupted; nothing was written\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
    }
}
