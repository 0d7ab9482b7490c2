import Foundation

/// One full questionnaire over pipes, as a script or an impatient user would drive it.
///
/// `tunewise --interactive` reads answers line by line from standard input and writes each
/// prompt to standard error with one `write` (a prompt is the last line, `> id [default]: `
/// or the `[Y/n] ` offer of the refinements, after which it waits for input). This writes
/// one answer, then reads standard error until the next prompt has arrived: that interval
/// is the response to one answer (parse the answer, write the next question and its options).
/// - Returns: seconds from start to the first prompt, each answer's response, and the
///   response to the last answer (the report, then exit).
func questionnaireRun(_ path: String, answers: [String]) -> (firstPrompt: Double, responses: [Double], last: Double) {
    let input = makePipe()
    let errors = makePipe()
    let start = now()
    let pid = spawn(path, ["--interactive", "--format", "json"], stdin: input.read, stderr: errors.write)
    close(input.read)
    close(errors.write)
    defer { close(errors.read) }
    var pending = ""

    /// Reads standard error until it ends with a prompt (or until end of file, when `toEnd`).
    func awaitPrompt(toEnd: Bool = false) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if !toEnd, let lastLine = pending.split(separator: "\n", omittingEmptySubsequences: false).last,
                (lastLine.hasPrefix("> ") && lastLine.hasSuffix(": ")) || lastLine.hasSuffix("[Y/n] ")
            {
                pending = ""
                return
            }
            var ready = pollfd(fd: errors.read, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 10_000) > 0 else {
                kill(pid, SIGKILL)
                fail("tunewise --interactive gave no prompt within 10 s; it last wrote: \(pending.suffix(200))")
            }
            let count = read(errors.read, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                if toEnd { return }
                fail("tunewise --interactive ended early; it last wrote: \(pending.suffix(200))")
            }
            pending += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }

    awaitPrompt()
    let firstPrompt = now() - start
    var responses: [Double] = []
    for (position, answer) in answers.enumerated() {
        let line = Array((answer + "\n").utf8)
        let sent = now()
        guard write(input.write, line, line.count) == line.count else { fail("cannot write to tunewise") }
        if position == answers.count - 1 {
            close(input.write)
            awaitPrompt(toEnd: true)
            let (code, _) = wait(pid)
            guard code == 0 else { fail("tunewise --interactive exited with \(code)") }
            return (firstPrompt, responses, now() - sent)
        }
        awaitPrompt()
        responses.append(now() - sent)
    }
    fail("no answers to give")
}
