#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide signal handling, installed once by `main`.
public enum Signals {
    /// Ctrl-C ends the run with exit code 130 and one line, removing any half-written
    /// temporary file; a closed output pipe becomes a write error instead of killing the process.
    /// Every signal that ends the process (interrupt, hang-up, termination, quit) first restores
    /// the terminal if the questionnaire's line editor has it in raw mode.
    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        // A parent may start us with SIGINT blocked (the mask is inherited; dispatch worker
        // threads block it), which would leave Ctrl-C pending forever.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            // Only async-signal-safe calls here: tcsetattr, unlink, write and _exit.
            TerminalModes.restore()
            if let path = TemporaryFiles.current { unlink(path) }
            let message: StaticString = "\ntunewise: interrupted; nothing was written\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
        for ending in [SIGHUP, SIGTERM, SIGQUIT] {
            signal(ending) { number in
                // The terminal and the files as they were, then the signal's own ending.
                TerminalModes.restore()
                if let path = TemporaryFiles.current { unlink(path) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
