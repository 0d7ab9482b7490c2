import TunewiseKit

/// What a person typed at a question's prompt.
enum TypedAnswer: Equatable {
    /// An option id: as chosen by number or a unique prefix, or as typed, which the rubric's
    /// resolver then checks.
    case option(String)
    /// `?`: show the question's longer help.
    case help
    /// An empty line: take the default, or skip a refinement.
    case empty
    /// `-` or `skip`: leave a refinement unanswered.
    case skip
    /// `done`: leave this and every remaining refinement unanswered.
    case done
    /// Anything else, with a one-line hint.
    case invalid(String)

    /// Interprets one typed line: an option number, an unambiguous prefix of an option id
    /// (case-insensitive), or else the text as an option id for the resolver to check.
    static func parse(_ line: String, for question: Question) -> TypedAnswer {
        let typed = line.trimmingBlanks().lowercased()
        let ids = question.options.map(\.id)
        switch typed {
        case "": return .empty
        case "?", "help": return .help
        case "-", "skip": return .skip
        case "done": return .done
        default: break
        }
        let range = "1-\(ids.count)"
        if let number = Int(typed) {
            // Compared before subtracting, which would overflow for the lowest Int.
            return number >= 1 && number <= ids.count
                ? .option(ids[number - 1]) : .invalid("there is no option \(number); type \(range), an option name, or ? for help")
        }
        if ids.contains(typed) { return .option(typed) }
        let matches = ids.filter { $0.hasPrefix(typed) }
        if matches.count > 1 {
            return .invalid("'\(line)' could be \(matches.joined(separator: " or ")); type more letters or the number")
        }
        // No option starts so: the text as typed goes to the resolver, whose hint quotes it.
        return .option(matches.first ?? line.trimmingBlanks())
    }
}

/// The interactive questionnaire: asks the core questions, then offers the refinements.
///
/// Prompts go to standard error, so the report on standard output can be redirected.
/// A wrong answer re-asks with a one-line hint; end of input stops the questionnaire.
struct Questionnaire {
    let rubric: Rubric
    let style: TextStyle

    /// Asks every question `situation` leaves open and returns the completed situation.
    /// - Throws: ``CommandError/endOfInput`` when input ends before every question asked has
    ///   an answer (skipping the refinements takes an explicit "n", "-" or "done").
    func run(completing situation: Situation, console: inout some Console) throws(CommandError) -> Situation {
        var situation = situation
        let core = situation.missingCoreQuestions
        if !core.isEmpty {
            console.writeError(style.bold("Tunewise: should you prompt, prompt-tune or fine-tune?") + "\n")
            console.writeError("Answer with a number or an option name; ? shows more help.\n")
        }
        for (position, question) in core.enumerated() {
            let heading = "\(position + 1) of \(core.count)"
            if case .answered(let answered) = try ask(question, heading: heading, onto: situation, console: &console) { situation = answered }
        }
        // Refinements are chosen once the core answers are in: some matter only under them.
        let refinements = situation.unansweredRefinements.filter { $0.askWhen.isSatisfied(by: situation.answers) }
        guard !refinements.isEmpty, try offerRefinements(count: refinements.count, console: &console) else {
            return situation
        }
        for (position, question) in refinements.enumerated() {
            let heading = "refinement \(position + 1) of \(refinements.count)"
            switch try ask(question, heading: heading, onto: situation, console: &console) {
            case .answered(let answered): situation = answered
            case .done: return situation
            case .skipped: continue
            }
        }
        return situation
    }

    /// What came of asking one question.
    private enum Asked {
        /// The situation with the question answered.
        case answered(Situation)
        /// A refinement left unanswered.
        case skipped
        /// This and every remaining refinement left unanswered.
        case done
    }
    private func offerRefinements(count: Int, console: inout some Console) throws(CommandError) -> Bool {
        console.writeError("\n\(count) optional questions can sharpen the advice. Answer them? [Y/n] ")
        while true {
            guard let line = console.readLine() else {
                console.writeError("\n")
                throw .endOfInput
            }
            switch line.trimmingBlanks().lowercased() {
            case "", "y", "yes":
                console.writeError("Press Enter or type - to skip one, or done to skip the rest.\n")
                return true
            case "n", "no": return false
            default: console.writeError("Type y to answer them or n to skip them all: ")
            }
        }
    }

    /// Asks one question until it gets a usable answer, which the rubric's resolver lays over
    /// `situation`. For a core question that is an option; for a refinement, an option, a
    /// skip, or `done`.
    private func ask(_ question: Question, heading: String, onto situation: Situation, console: inout some Console) throws(CommandError) -> Asked {
        console.writeError("\n" + style.dim("[\(heading)]") + " " + style.bold(question.label) + "\n")
        console.writeError(question.text + "\n")
        let width = question.options.map(\.id.count).max() ?? 0
        for (index, option) in question.options.enumerated() {
            let marker = option.id == question.defaultOption ? "*" : " "
            let padded = option.id.padded(to: width)
            console.writeError("  \(index + 1)\(marker) \(style.bold(padded))  \(option.help)\n")
        }
        let defaultHint = question.defaultOption.map { " [\($0)]" } ?? (question.isCore ? "" : " [skip]")
        while true {
            console.writeError("> \(question.id)\(defaultHint): ")
            guard let line = console.readLine() else {
                console.writeError("\n")
                throw .endOfInput
            }
            let chosen: String
            let typed = TypedAnswer.parse(line, for: question)
            switch typed {
            case .option(let id):
                chosen = id
            case .help:
                console.writeError(question.help + "\n")
                continue
            case .empty:
                if let defaultOption = question.defaultOption {
                    // Echo the default taken, so the screen shows what was chosen.
                    console.writeError("> \(question.id): \(defaultOption)\n")
                    chosen = defaultOption
                } else if question.isCore {
                    console.writeError("This question needs an answer; type 1-\(question.options.count) or an option name.\n")
                    continue
                } else {
                    return .skipped
                }
            case .skip, .done:
                if question.isCore {
                    console.writeError("This question needs an answer; only refinements can be skipped.\n")
                    continue
                }
                return typed == .done ? .done : .skipped
            case .invalid(let hint):
                // Hints are as legible as the question: a dimmed error fades.
                console.writeError(hint + "\n")
                continue
            }
            do {
                return .answered(try rubric.resolve([RawAnswer(question: question.id, value: .option(chosen), source: .prompt)], onto: situation))
            } catch {
                let ids = question.options.map(\.id).joined(separator: ", ")
                console.writeError("\(error.problems[0].summary); type 1-\(question.options.count), one of \(ids), or ? for help\n")
            }
        }
    }
}
