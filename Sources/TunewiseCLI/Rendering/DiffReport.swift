import TunewiseKit

/// What `tunewise diff` reports: the comparison and where each side came from.
struct DiffReport {
    /// Version of the JSON diff document; bumped only when a field changes meaning or goes away.
    static let schemaVersion = 1

    /// One side of the comparison.
    struct Side {
        /// The answers file as given (`-` for standard input).
        var answers: String
        /// The rubric the side was advised on, with its policy, if any.
        var rubricModel: Rubric
        /// The rubric's file as given, `nil` for the built-in one.
        var rubricFile: String? = nil

        /// "default 3.0.0", "default 3.0.0 (my-rubric.json)", or with "with policy acme 1.2".
        var rubric: String { rubricModel.nameWithPolicy + (rubricFile.map { " (\($0))" } ?? "") }
    }

    var diff: AdviceDiff
    var a: Side
    var b: Side
    var toolVersion: String

    /// Whether the two sides use different rubrics: by the name they are shown with (id,
    /// version and file) or, under one name, by their content.
    var comparesRubrics: Bool { a.rubric != b.rubric || a.rubricModel != b.rubricModel }

    /// A plan as one line, each stage with how it is carried out: `prompt-engineering
    /// (retrieval: rag) now; fine-tuning (training: supervised, tuning-method: peft) once ...`.
    static func planLine(_ advice: Advice) -> String {
        advice.plan.map { stage in
            let how = stage.variants.map { "\($0.variant): \($0.choice)" }.joined(separator: ", ")
            return stage.strategy + (how.isEmpty ? "" : " (\(how))") + " \(stage.when)"
        }.joined(separator: "; ")
    }

    /// The deciding gates as one line, or what decided when no gate did.
    static func decidedByLine(_ advice: Advice) -> String {
        advice.decidedBy.isEmpty ? "(the scores)" : advice.decidedBy.joined(separator: ", ")
    }

    /// The value of `aspect` in `advice`, as one line.
    static func value(_ aspect: AdviceDiff.Aspect, _ advice: Advice) -> String {
        switch aspect {
        case .strategy: advice.strategy
        case .confidence: advice.confidence.rawValue
        case .plan: planLine(advice)
        case .decidedBy: decidedByLine(advice)
        case .steps: advice.nextSteps.count == 1 ? "1 next step" : "\(advice.nextSteps.count) next steps"
        case .caveats: advice.caveats.count == 1 ? "1 caveat" : "\(advice.caveats.count) caveats"
        }
    }

    /// A change of `aspect` as one line: `before → after`, or for the next steps and caveats
    /// how many were added, removed and reworded ("1 added, 1 removed"), which
    /// ``noteChanges(_:_:)`` then lists.
    static func change(_ aspect: AdviceDiff.Aspect, _ diff: AdviceDiff) -> String {
        guard let notes = notes(aspect, diff) else { return "\(value(aspect, diff.before)) → \(value(aspect, diff.after))" }
        return [(notes.added.count, "added"), (notes.removed.count, "removed"), (notes.reworded.count, "reworded")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// The note changes of a list aspect (next steps, caveats); `nil` for the others.
    static func notes(_ aspect: AdviceDiff.Aspect, _ diff: AdviceDiff) -> AdviceDiff.NoteChanges? {
        switch aspect {
        case .steps: diff.steps
        case .caveats: diff.caveats
        default: nil
        }
    }

    /// One note a diff lists: added (`+`), removed (`-`) or reworded (`~`, from a little
    /// before its first change), cut to ``noteLength`` characters at a word.
    struct NoteChange: Equatable {
        var sign: Character
        var text: String
    }

    /// The longest a note is shown in a diff before it is cut at a word; the JSON report and
    /// the advice give them whole.
    static let noteLength = 72

    /// Each note of a list aspect added, then removed, then reworded; none for the others.
    static func noteChanges(_ aspect: AdviceDiff.Aspect, _ diff: AdviceDiff) -> [NoteChange] {
        guard let notes = notes(aspect, diff) else { return [] }
        return notes.added.map { NoteChange(sign: "+", text: shortened($0)) }
            + notes.removed.map { NoteChange(sign: "-", text: shortened($0)) }
            + notes.reworded.map { NoteChange(sign: "~", text: shortened(fromChange($0))) }
    }

    /// A reworded note's new text from the word before its first change ("…the test set out
    /// of what you share"), so that what changed shows.
    private static func fromChange(_ note: AdviceDiff.RewordedNote) -> String {
        let change = note.after.utf8.index(note.after.utf8.startIndex, offsetBy: note.firstChange)
        var start = note.after[..<change].lastIndex(of: " ") ?? note.after.startIndex
        if start > note.after.startIndex { start = note.after[..<start].lastIndex(of: " ") ?? note.after.startIndex }
        return start == note.after.startIndex ? note.after : "…" + note.after[note.after.index(after: start)...]
    }

    private static func shortened(_ step: String) -> String {
        guard step.count > noteLength else { return step }
        let cut = step.prefix(noteLength)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// How an aspect is named in text and Markdown.
    static func label(_ aspect: AdviceDiff.Aspect) -> String {
        switch aspect {
        case .strategy: "strategy"
        case .confidence: "confidence"
        case .plan: "plan"
        case .decidedBy: "decided by"
        case .steps: "next steps"
        case .caveats: "watch out for"
        }
    }
}
