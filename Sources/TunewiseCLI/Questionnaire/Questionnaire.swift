import TunewiseKit

/// The interactive questionnaire: asks the core questions, offers the refinements, then shows
/// a review of every answer to confirm or edit before the report.
///
/// Prompts go to standard error, so the report on standard output can be redirected; all of
/// it is wrapped to standard error's width (see ``Console/promptWidth``). A wrong answer
/// re-asks with a one-line hint; `back` (or `<`) returns to the question asked before, and
/// `quit` (or `q`) leaves writing nothing; end of input stops the questionnaire. Where the
/// questionnaire goes next is ``QuestionnaireFlow``'s to say.
struct Questionnaire {
    let rubric: Rubric
    let style: TextStyle

    /// Asks every question `situation` leaves open and returns the completed situation, once
    /// the review is confirmed (a run that asks nothing has no review).
    /// - Throws: ``CommandError/endOfInput`` when input ends before the answers are confirmed
    ///   (skipping the refinements takes an explicit "n", "-" or "done", and confirming takes
    ///   Enter or "ok"); ``CommandError/questionnaireQuit`` on `quit`;
    ///   ``CommandError/interrupted`` on Ctrl-C in the line editor.
    func run(completing situation: Situation, console: inout some Console) throws(CommandError) -> Situation {
        var flow = QuestionnaireFlow(rubric: rubric, start: situation)
        if !flow.core.isEmpty {
            say(style.bold("Tunewise: should you prompt, prompt-tune or fine-tune?"), &console)
            say(
                "Answer with a number or an option name; Enter takes the default (marked *); ? shows more help, back (or <) goes back, quit (or q) leaves.",
                &console)
        }
        while true {
            switch flow.current {
            case .finished:
                return flow.situation
            case .question(let id), .edit(let id):
                guard let question = rubric.question(id) else { preconditionFailure("the flow asks the rubric's questions") }
                switch try ask(question, heading: heading(question, flow), previous: previousAnswer(question, flow), flow.situation, &console) {
                case .outcome(let outcome):
                    // From the review, "done" leaves just this refinement unanswered.
                    flow.complete(flow.current == .edit(id) && outcome == .done ? .skipped : outcome)
                case .back:
                    if !flow.back() { say("This is the first question; there is none to go back to.", &console) }
                }
            case .offer:
                switch try offerRefinements(count: flow.applicableRefinements.count, &console) {
                case .yes: flow.complete(.offer(true))
                case .no: flow.complete(.offer(false))
                default: if !flow.back() { say("This is the first question; there is none to go back to.", &console) }
                }
            case .review:
                try review(&flow, &console)
            }
        }
    }

    /// What came of asking one question.
    private enum Reply {
        /// An answer, a skip or `done`.
        case outcome(QuestionnaireFlow.Outcome)
        /// `back`.
        case back
    }

    /// "[3 of 7]", "[refinement 2 of 12]" or "[change 4]".
    private func heading(_ question: Question, _ flow: QuestionnaireFlow) -> String {
        if case .edit = flow.current {
            let number = (flow.reviewQuestions.firstIndex { $0.id == question.id } ?? 0) + 1
            return "change \(number)"
        }
        if let index = flow.core.firstIndex(where: { $0.id == question.id }) { return "\(index + 1) of \(flow.core.count)" }
        let refinements = flow.applicableRefinements
        let index = refinements.firstIndex { $0.id == question.id } ?? 0
        return "refinement \(index + 1) of \(refinements.count)"
    }

    /// The answer Enter keeps when a question comes up again: the one given in this run, or,
    /// from the review, the current one.
    private func previousAnswer(_ question: Question, _ flow: QuestionnaireFlow) -> String? {
        if case .edit = flow.current { return flow.situation[question.id] }
        return flow.remembered[question.id]
    }

    /// Writes `text` and a line break to standard error, wrapped to its width; continuation
    /// lines hang at `hang` columns when given, else as ``Swift/String/wrapped(to:hangingIndent:)`` decides.
    private func say(_ text: String, hang: Int? = nil, _ console: inout some Console) {
        console.writeError(text.wrapped(to: console.promptWidth, hangingIndent: hang) + "\n")
    }

    /// Reads a line after `prompt`, or ends the questionnaire at end of input.
    private func readLine(_ prompt: String, _ console: inout some Console) throws(CommandError) -> String {
        guard let line = try console.readLine(prompt: prompt) else {
            console.writeError("\n")
            throw .endOfInput
        }
        return line
    }

    /// The error that leaves on `quit`, after ending the prompt's line where no terminal
    /// echoed the line typed, so that the note has a line of its own.
    private func quitting(_ console: inout some Console) -> CommandError {
        if !console.inputIsTerminal { console.writeError("\n") }
        return .questionnaireQuit
    }

    private func offerRefinements(count: Int, _ console: inout some Console) throws(CommandError) -> OfferReply {
        console.writeError("\n")
        say("\(count) optional questions can sharpen the advice.", &console)
        var prompt = "Answer them? [Y/n] "
        while true {
            let reply = OfferReply.parse(try readLine(prompt, &console))
            switch reply {
            case .yes:
                say("Press Enter or type - to skip one, or done to skip the rest.", &console)
                return reply
            case .no, .back: return reply
            case .quit: throw quitting(&console)
            case .invalid: prompt = "Type y to answer them, n to skip them all, or back: "
            }
        }
    }

    /// Asks one question until it gets a usable answer, checked by the rubric's resolver
    /// against `situation`. For a core question that is an option; for a refinement, an
    /// option, a skip, or `done`; for either, `back`.
    private func ask(
        _ question: Question, heading: String, previous: String?, _ situation: Situation, _ console: inout some Console
    ) throws(CommandError) -> Reply {
        console.writeError("\n")
        say(style.dim("[\(heading)]") + " " + style.bold(question.label), &console)
        say(question.text, &console)
        let width = question.options.map(\.id.count).max() ?? 0
        let number = "\(question.options.count)".count
        for (index, option) in question.options.enumerated() {
            let marker = option.id == question.defaultOption ? "*" : " "
            let padded = option.id.padded(to: width)
            let line = "  " + "\(index + 1)".padded(to: number) + "\(marker) \(style.bold(padded))  \(option.help)"
            say(line, hang: 2 + number + 2 + width + 2, &console)
        }
        for shadowed in TypedAnswer.shadowedOptions(of: question) {
            say("(Type \(shadowed.number) for \(shadowed.id): the word \(shadowed.id) is read as a command.)", &console)
        }
        let taken = previous ?? question.defaultOption
        let defaultHint = taken.map { " [\($0)]" } ?? (question.isCore ? "" : " [skip]")
        while true {
            let line = try readLine("> \(question.id)\(defaultHint): ", &console)
            let chosen: String
            let typed = TypedAnswer.parse(line, for: question)
            switch typed {
            case .option(let id):
                chosen = id
            case .help:
                say(question.help, &console)
                continue
            case .back:
                return .back
            case .quit:
                throw quitting(&console)
            case .empty:
                if let taken {
                    // Echo the answer taken, so the screen shows what was chosen.
                    console.writeError("> \(question.id): \(taken)\n")
                    chosen = taken
                } else if question.isCore {
                    say("This question needs an answer; type 1-\(question.options.count) or an option name.", hang: 2, &console)
                    continue
                } else {
                    return .outcome(.skipped)
                }
            case .skip, .done:
                if question.isCore {
                    say("This question needs an answer; only refinements can be skipped.", hang: 2, &console)
                    continue
                }
                return .outcome(typed == .done ? .done : .skipped)
            case .invalid(let hint):
                // Hints are as legible as the question: a dimmed error fades.
                say(hint.visibleControls, hang: 2, &console)
                continue
            }
            do {
                // The resolver reads typed text leniently (`behaviour`): the answer is the id it found.
                let resolved = try rubric.resolve([RawAnswer(question: question.id, value: .option(chosen), source: .prompt)], onto: situation)
                return .outcome(.answered(resolved[question.id] ?? chosen))
            } catch {
                let ids = question.options.map(\.id).joined(separator: ", ")
                let problem = error.problems[0].summary.visibleControls
                say("\(problem); type 1-\(question.options.count), one of \(ids), or ? for help", hang: 2, &console)
            }
        }
    }

    /// Shows every answer, numbered, and reads what to do: confirm, edit one, go back or quit.
    private func review(_ flow: inout QuestionnaireFlow, _ console: inout some Console) throws(CommandError) {
        console.writeError("\n")
        say(ReviewScreen(questions: flow.reviewQuestions, situation: flow.situation, style: style).text, &console)
        while true {
            let line = try readLine("> review [ok]: ", &console)
            switch ReviewReply.parse(line) {
            case .confirm:
                // Where no terminal echoed the line typed, end the prompt's line, so that
                // the report does not start on it.
                if !console.inputIsTerminal { console.writeError("\n") }
                flow.confirm()
                return
            case .edit(let number):
                if flow.edit(number) { return }
                say("There is no answer \(number); type 1-\(flow.reviewQuestions.count), or Enter to see the advice.", hang: 2, &console)
            case .back:
                flow.back()
                return
            case .quit:
                throw quitting(&console)
            case .help:
                say(ReviewScreen.instructions, hang: 2, &console)
            case .invalid:
                let shown = line.trimmingBlanks().visibleControls
                say("'\(shown)' is not a choice here; " + ReviewScreen.instructions, hang: 2, &console)
            }
        }
    }
}
