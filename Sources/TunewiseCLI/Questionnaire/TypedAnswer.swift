import TunewiseKit

/// What a person typed at a question's prompt.
///
/// The words (`?`, `help`, `back`, `<`, `quit`, `q`, `-`, `skip`, `done`) are read before
/// option ids, in any case: an option whose id is one of them (only a custom rubric could
/// have one) is chosen by its number or a longer prefix, and the question says so.
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
    /// `back` or `<`: return to the question asked before.
    case back
    /// `quit` or `q`: leave the questionnaire, writing nothing.
    case quit
    /// Anything else, with a one-line hint.
    case invalid(String)

    /// The words read before option ids, each with what it means.
    static let words: [String: TypedAnswer] = [
        "?": .help, "help": .help, "-": .skip, "skip": .skip, "done": .done, "back": .back, "<": .back, "quit": .quit, "q": .quit,
    ]

    /// Interprets one typed line: a word, an option number, an unambiguous prefix of an option
    /// id (case-insensitive), or else the text as an option id for the resolver to check.
    static func parse(_ line: String, for question: Question) -> TypedAnswer {
        let typed = line.trimmingBlanks().lowercased()
        let ids = question.options.map(\.id)
        if typed.isEmpty { return .empty }
        if let word = words[typed] { return word }
        let range = "1-\(ids.count)"
        if let number = Int(typed) {
            // Compared before subtracting, which would overflow for the lowest Int.
            return number >= 1 && number <= ids.count
                ? .option(ids[number - 1]) : .invalid("there is no option \(number); type \(range), an option name, or ? for help")
        }
        if ids.contains(typed) { return .option(typed) }
        let matches = ids.filter { $0.hasPrefix(typed) }
        if matches.count > 1 {
            let shown = line.trimmingBlanks().visibleControls
            return .invalid("'\(shown)' could be \(matches.joined(separator: " or ")); type more letters or the number")
        }
        // No option starts so: the text as typed goes to the resolver, whose hint quotes it.
        return .option(matches.first ?? line.trimmingBlanks())
    }

    /// The options of `question` whose ids are words, which only their numbers choose.
    static func shadowedOptions(of question: Question) -> [(number: Int, id: String)] {
        question.options.enumerated().compactMap { index, option in
            words[option.id.lowercased()] == nil ? nil : (index + 1, option.id)
        }
    }
}

/// What a person typed at the review of all answers.
enum ReviewReply: Equatable {
    /// Enter or `ok`: the answers are confirmed.
    case confirm
    /// A number: edit that answer.
    case edit(Int)
    /// `back` or `<`: return to the last question asked.
    case back
    /// `quit` or `q`: leave, writing nothing.
    case quit
    /// `?` or `help`: what can be typed here.
    case help
    /// Anything else.
    case invalid

    /// Interprets one typed line at the review, in any case.
    static func parse(_ line: String) -> ReviewReply {
        let typed = line.trimmingBlanks().lowercased()
        switch typed {
        case "", "ok": return .confirm
        case "back", "<": return .back
        case "quit", "q": return .quit
        case "?", "help": return .help
        default: return Int(typed).map(ReviewReply.edit) ?? .invalid
        }
    }
}

/// What a person typed at the offer of the refinements.
enum OfferReply: Equatable {
    /// Enter, `y` or `yes`: ask the refinements.
    case yes
    /// `n` or `no`: skip them all.
    case no
    /// `back` or `<`: return to the last core question asked.
    case back
    /// `quit` or `q`: leave, writing nothing.
    case quit
    /// Anything else.
    case invalid

    /// Interprets one typed line at the offer: Enter means yes.
    static func parse(_ line: String) -> OfferReply {
        switch line.trimmingBlanks().lowercased() {
        case "", "y", "yes": .yes
        case "n", "no": .no
        case "back", "<": .back
        case "quit", "q": .quit
        default: .invalid
        }
    }
}
