/// How the advice for one situation differs from the advice for another: the answers that
/// differ and the parts of the advice that change (strategy, confidence, plan, deciding gates).
///
/// Made from two ``Advice`` values, so it compares answers files, rubrics, or both.
public struct AdviceDiff: Equatable, Sendable {
    /// One question answered differently (or answered on one side only).
    public struct AnswerDifference: Equatable, Sendable {
        public var question: String
        /// The option on the first side; `nil` when unanswered there.
        public var before: String?
        /// The option on the second side; `nil` when unanswered there.
        public var after: String?
    }

    /// A part of the advice that can change.
    public enum Aspect: String, CaseIterable, Equatable, Sendable {
        case strategy, confidence
        /// The plan's stages, each with when it starts and how it is carried out (its variants'
        /// choices), so that a move from full fine-tuning to LoRA is a change.
        case plan
        case decidedBy
        /// The next steps, by their text: a move from a hosted tuning job to a LoRA run of your
        /// own changes what the team does though the plan's stages stay.
        case steps
        /// What to watch, by its text: confidential data brings duties of its own.
        case caveats
    }

    /// A note said on both sides in other words: the two texts start alike.
    public struct RewordedNote: Equatable, Sendable {
        public var before: String
        public var after: String
        /// Where the two texts first differ, in UTF-8 bytes from their start.
        public var firstChange: Int { AdviceDiff.sharedStart(before, after) }
    }

    /// How one list of notes (next steps, caveats) differs between the two sides.
    public struct NoteChanges: Equatable, Sendable {
        /// The notes of the second side that the first does not have, in its order, beside
        /// those that only reword one of the first's.
        public var added: [String] = []
        /// The notes of the first side that the second does not have, in its order, beside
        /// those the second rewords.
        public var removed: [String] = []
        /// The notes of the first side that the second says in other words, in the first's order.
        public var reworded: [RewordedNote] = []

        /// Whether the lists differ.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && reworded.isEmpty }

        /// Compares `first` with `second` by text; a note of each that start alike for
        /// ``AdviceDiff/rewordedPrefixLength`` bytes are one note reworded.
        init(_ first: [String], _ second: [String]) {
            added = second.filter { !first.contains($0) }
            for note in first where !second.contains(note) {
                if let match = added.firstIndex(where: { AdviceDiff.sharedStart($0, note) >= AdviceDiff.rewordedPrefixLength }) {
                    reworded.append(RewordedNote(before: note, after: added.remove(at: match)))
                } else {
                    removed.append(note)
                }
            }
        }
    }

    /// The advice on the first side.
    public var before: Advice
    /// The advice on the second side.
    public var after: Advice
    /// The questions answered differently, in the order given.
    public var answers: [AnswerDifference]
    /// The parts of the advice that differ, in ``Aspect`` order.
    public var changes: [Aspect]
    /// How the next steps differ.
    public var steps: NoteChanges
    /// How the caveats (what to watch at the first stage) differ.
    public var caveats: NoteChanges

    /// Whether the advice differs (answers alone may differ without changing it).
    public var adviceDiffers: Bool { !changes.isEmpty }

    /// How long a start two notes must share to be one note reworded rather than two notes.
    static let rewordedPrefixLength = 40

    /// Compares `before` with `after`; answers are listed in `questionOrder`, then any other
    /// question in alphabetical order.
    public init(before: Advice, after: Advice, questionOrder: [String]) {
        self.before = before
        self.after = after
        let others = Set(before.answers.values.keys).union(after.answers.values.keys).subtracting(questionOrder).sorted()
        answers = (questionOrder + others).compactMap { question in
            let (first, second) = (before.answers[question], after.answers[question])
            return first == second ? nil : AnswerDifference(question: question, before: first, after: second)
        }
        let steps = NoteChanges(before.nextSteps.map(\.text), after.nextSteps.map(\.text))
        let caveats = NoteChanges(before.caveats.map(\.text), after.caveats.map(\.text))
        (self.steps, self.caveats) = (steps, caveats)
        changes = Aspect.allCases.filter { aspect in
            switch aspect {
            case .strategy: before.strategy != after.strategy
            case .confidence: before.confidence != after.confidence
            case .plan: before.plan.map(Self.outline) != after.plan.map(Self.outline)
            case .decidedBy: before.decidedBy != after.decidedBy
            case .steps: !steps.isEmpty
            case .caveats: !caveats.isEmpty
            }
        }
    }

    /// How many bytes `first` and `second` start with alike.
    static func sharedStart(_ first: String, _ second: String) -> Int {
        zip(first.utf8, second.utf8).prefix { $0 == $1 }.count
    }

    /// What the diff compares of a plan stage: its strategy, when it starts, and each variant's choice.
    private static func outline(_ stage: PlanStage) -> [String] {
        [stage.strategy, stage.when] + stage.variants.map { "\($0.variant)=\($0.choice)" }
    }
}
