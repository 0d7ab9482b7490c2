/// Whether a rubric's exclusions leave some strategy in every situation.
///
/// The loader reports a rubric whose exclusions can together remove every strategy; the
/// search that finds such answers is analysis of the rubric, so it lives here.
enum ExclusionCoverage {
    /// The most narrowing steps the search takes; a search longer than this, which no
    /// hand-written rubric needs, is given up unreported.
    static let budget = 100_000

    /// Answers under which exclusions, one per strategy, together exclude every strategy,
    /// or `nil` when there are none (or the search is too long to finish).
    ///
    /// Looks for exclusions, one per strategy, whose conditions can all hold at once (each
    /// question they share keeps an option common to all of them), so exclusions over many
    /// questions are checked exactly, without enumerating every combination of answers.
    /// Each answer is the first option, in rubric order, that all those conditions allow; a
    /// refinement that only unanswered leaves (the conditions' `unless`) stays unanswered.
    ///
    /// - Complexity: A depth-first search over one exclusion per strategy, pruned as soon as
    ///   some strategy still to exclude has no exclusion that can still apply: exponential in
    ///   the number of strategies at worst, so it stops after ``budget`` narrowings, each
    ///   O(*c* · *o*²) for an exclusion of *c* clauses over questions of at most *o* options.
    static func answersExcludingEveryStrategy(in rubric: Rubric) -> Answers? {
        // The strategy with the fewest exclusions first; one with none ends the search at once.
        let strategies = rubric.strategies.map(\.id).sorted { first, second in
            rubric.exclusions.filter { $0.strategies.contains(first) }.count
                < rubric.exclusions.filter { $0.strategies.contains(second) }.count
        }
        var budget = Self.budget
        /// A question's values: its options, and ``unanswered`` for a refinement.
        func values(_ questionID: String) -> [String] {
            guard let question = rubric.question(questionID) else { return [] }
            return question.options.map(\.id) + (question.isCore ? [] : [Self.unanswered])
        }
        /// The values each question keeps when `exclusion` applies too (its `when` holds and
        /// none of its `unless` conditions does), or `nil` when it cannot.
        func narrowing(_ allowed: [String: [String]], by exclusion: Exclusion) -> [String: [String]]? {
            budget -= 1
            var narrowed = allowed
            func keep(_ question: String, where isKept: (String) -> Bool) -> Bool {
                let kept = (narrowed[question] ?? values(question)).filter(isKept)
                narrowed[question] = kept
                return !kept.isEmpty
            }
            for clause in exclusion.when.clauses {
                guard keep(clause.question, where: clause.options.contains) else { return nil }
            }
            // Each `unless` names one question (the loader's rule): its answer must fall outside it.
            for clause in exclusion.unless.flatMap(\.clauses) {
                guard keep(clause.question, where: { !clause.options.contains($0) }) else { return nil }
            }
            return narrowed
        }
        /// The options each question keeps when every strategy in `remaining` is excluded too,
        /// or `nil` when that is impossible (or the search is too long to finish).
        func search(_ remaining: [String], _ allowed: [String: [String]]) -> [String: [String]]? {
            guard let strategy = remaining.first else { return allowed }
            for exclusion in rubric.exclusions where exclusion.strategies.contains(strategy) {
                guard budget > 0 else { return nil }
                guard let narrowed = narrowing(allowed, by: exclusion) else { continue }
                let rest = remaining.filter { !exclusion.strategies.contains($0) }
                // Every strategy still to exclude needs an exclusion that can still apply.
                let hopeful = rest.allSatisfy { other in
                    rubric.exclusions.contains { $0.strategies.contains(other) && narrowing(narrowed, by: $0) != nil }
                }
                if hopeful, let found = search(rest, narrowed) { return found }
            }
            return nil
        }
        guard !strategies.isEmpty, let narrowed = search(strategies, [:]) else { return nil }
        var answers = Answers()
        for (question, options) in narrowed {
            answers[question] = rubric.question(question)?.options.map(\.id).first(where: options.contains)
        }
        return answers
    }

    /// The value that stands for a refinement left unanswered; no option id is empty.
    private static let unanswered = ""
}
