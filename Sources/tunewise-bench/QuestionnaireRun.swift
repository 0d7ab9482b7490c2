import Foundation
import ProcessRunner

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
    let command = Command(path, ["--interactive", "--format", "json"], standardInput: .pipe, standardOutput: .discard)
    let start = now()
    let child: ChildProcess
    do { child = try command.start() } catch { fail("\(error)") }
    var pending = ""

    /// Reads standard error until it ends with a prompt (or until end of file, when `toEnd`).
    func awaitPrompt(toEnd: Bool = false) {
        while true {
            if !toEnd, let lastLine = pending.split(separator: "\n", omittingEmptySubsequences: false).last,
                (lastLine.hasPrefix("> ") && lastLine.hasSuffix(": ")) || lastLine.hasSuffix("[Y/n] ")
            {
                pending = ""
                return
            }
            switch child.read(.standardError, timeout: 10) {
            case .bytes(let bytes): pending += String(decoding: bytes, as: UTF8.self)
            case .end:
                if toEnd { return }
                fail("tunewise --interactive ended early; it last wrote: \(pending.suffix(200))")
            case .timedOut:
                child.send(SIGKILL)
                fail("tunewise --interactive gave no prompt within 10 s; it last wrote: \(pending.suffix(200))")
            }
        }
    }

    awaitPrompt()
    let firstPrompt = now() - start
    var responses: [Double] = []
    for (position, answer) in answers.enumerated() {
        let line = Array((answer + "\n").utf8)
        let sent = now()
        do { try child.write(line) } catch { fail("cannot write to tunewise: \(error)") }
        if position == answers.count - 1 {
            child.closeInput()
            awaitPrompt(toEnd: true)
            let code = child.wait().termination.code
            guard code == 0 else { fail("tunewise --interactive exited with \(code)") }
            return (firstPrompt, responses, now() - sent)
        }
        awaitPrompt()
        responses.append(now() - sent)
    }
    fail("no answers to give")
}
