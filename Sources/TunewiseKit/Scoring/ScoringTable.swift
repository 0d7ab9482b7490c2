/// A rubric flattened into index-based tables for fast, allocation-free scoring.
///
/// A situation is an array with one entry per question: the chosen option's index, or
/// ``unanswered``. Strategy `s` scores its baseline, plus for each answered question the
/// question's weight times the option's points, plus the points of every rule whose
/// condition holds.
struct ScoringTable: Sendable {
    static let unanswered = -1

    struct Clause: Sendable {
        var question: Int
        /// Bit `o` is set when option `o` satisfies the clause.
        var options: UInt64
        /// Whether the question unanswered satisfies it: only a gate's clause made from an
        /// `unless` (its answer outside the options, or none).
        var admitsUnanswered = false

        /// Whether `option` of the clause's question (or ``ScoringTable/unanswered``) meets it.
        func admits(_ option: Int) -> Bool {
            option == ScoringTable.unanswered ? admitsUnanswered : options & (1 << UInt64(option)) != 0
        }
    }

    struct CompiledRule: Sendable {
        var clauses: [Clause]
        var points: [Double]
    }

    struct CompiledExclusion: Sendable {
        var clauses: [Clause]
        /// The strategies it excludes.
        var strategies: StrategySet
    }

    let strategyCount: Int
    let baseline: [Double]
    /// `points[q][o][s]`: unweighted points of option `o` of question `q` for strategy `s`.
    let points: [[[Double]]]
    let weights: [Double]
    let rules: [CompiledRule]
    let exclusions: [CompiledExclusion]

    init(rubric: Rubric, weights: [Double]) {
        let strategyIndex = Dictionary(uniqueKeysWithValues: rubric.strategies.enumerated().map { ($1.id, $0) })
        let questionIndex = Dictionary(uniqueKeysWithValues: rubric.questions.enumerated().map { ($1.id, $0) })
        let strategyIDs = rubric.strategies.map(\.id)
        func vector(_ points: [String: Double]) -> [Double] {
            strategyIDs.map { points[$0] ?? 0 }
        }
        func compile(_ condition: Condition) -> [Clause] { Self.compile(condition, questionIndex: questionIndex, in: rubric) }
        strategyCount = rubric.strategies.count
        baseline = rubric.strategies.map(\.baseline)
        points = rubric.questions.map { $0.options.map { vector($0.points) } }
        self.weights = weights
        rules = rubric.rules.map { CompiledRule(clauses: compile($0.when), points: vector($0.points)) }
        exclusions = rubric.exclusions.map { exclusion in
            CompiledExclusion(
                clauses: Self.compile(exclusion, questionIndex: questionIndex, in: rubric),
                strategies: StrategySet(exclusion.strategies.map { strategyIndex[$0]! }))
        }
    }

    /// `condition` as clauses of option masks by question index, the one form every condition
    /// of a rubric is evaluated in: rules, exclusions, variant choices and notes alike.
    static func compile(_ condition: Condition, questionIndex: [String: Int]? = nil, in rubric: Rubric) -> [Clause] {
        condition.clauses.map { clause in
            let index = questionIndex?[clause.question] ?? rubric.knownQuestionIndex(clause.question)
            let mask = rubric.questions[index].options.enumerated().reduce(UInt64(0)) { mask, element in
                clause.options.contains(element.element.id) ? mask | (1 << UInt64(element.offset)) : mask
            }
            return Clause(question: index, options: mask)
        }
    }

    /// A gate's condition as one clause a question: its `when`, and for each `unless` (which
    /// names one question) that question answered outside it or unanswered, the two
    /// intersected where they name the same question.
    static func compile(_ exclusion: Exclusion, questionIndex: [String: Int]? = nil, in rubric: Rubric) -> [Clause] {
        var clauses = compile(exclusion.when, questionIndex: questionIndex, in: rubric)
        for exception in exclusion.unless {
            for spared in compile(exception, questionIndex: questionIndex, in: rubric) {
                let all = UInt64.max >> (64 - UInt64(rubric.questions[spared.question].options.count))
                let outside = Clause(question: spared.question, options: all & ~spared.options, admitsUnanswered: true)
                if let index = clauses.firstIndex(where: { $0.question == spared.question }) {
                    // A `when` clause never admits unanswered; an earlier `unless` one still does.
                    clauses[index].options &= outside.options
                } else {
                    clauses.append(outside)
                }
            }
        }
        return clauses
    }

    /// Whether every clause holds in `situation`: its question is answered with one of the
    /// clause's options (or left unanswered, where the clause admits that).
    static func holds(_ clauses: [Clause], in situation: [Int]) -> Bool {
        clauses.allSatisfy { $0.admits(situation[$0.question]) }
    }

    /// Each strategy's score in `situation`, with `weights` in place of the table's when given.
    func scores(_ situation: [Int], weights: [Double]? = nil) -> [Double] {
        let weights = weights ?? self.weights
        var scores = baseline
        for (question, option) in situation.enumerated() where option != Self.unanswered {
            let weight = weights[question]
            let row = points[question][option]
            for strategy in 0..<strategyCount { scores[strategy] += weight * row[strategy] }
        }
        for rule in rules where Self.holds(rule.clauses, in: situation) {
            for strategy in 0..<strategyCount { scores[strategy] += rule.points[strategy] }
        }
        return scores
    }

    /// The strategies excluded in `situation`.
    func excluded(_ situation: [Int]) -> StrategySet {
        exclusions.reduce(StrategySet()) { set, exclusion in
            Self.holds(exclusion.clauses, in: situation) ? set.union(exclusion.strategies) : set
        }
    }

    /// The best strategy that is not excluded; ties go to the earlier (simpler) one.
    /// `nil` when every strategy is excluded.
    static func winner(scores: [Double], excluded: StrategySet) -> Int? {
        var best: Int?
        for strategy in scores.indices where !excluded.contains(strategy) {
            if best == nil || scores[strategy] > scores[best!] { best = strategy }
        }
        return best
    }

    /// The recommended strategy's index in `situation`, or `nil` when all are excluded.
    func winner(_ situation: [Int]) -> Int? {
        Self.winner(scores: scores(situation), excluded: excluded(situation))
    }
}

/// A set of strategies by rubric index (at most 32), stored as a bit mask.
struct StrategySet: Equatable, Sendable, Sequence {
    /// Bit `s` is set when strategy `s` is in the set.
    var rawValue: UInt32 = 0

    init() {}

    init(_ strategies: some Sequence<Int>) {
        for strategy in strategies { rawValue |= 1 << UInt32(strategy) }
    }

    func contains(_ strategy: Int) -> Bool { rawValue & (1 << UInt32(strategy)) != 0 }

    func union(_ other: StrategySet) -> StrategySet {
        var set = self
        set.rawValue |= other.rawValue
        return set
    }

    /// The strategies among the first `count` that are not in the set.
    func complement(count: Int) -> StrategySet {
        StrategySet((0..<count).filter { !contains($0) })
    }

    var count: Int { rawValue.nonzeroBitCount }

    func makeIterator() -> some IteratorProtocol<Int> {
        (0..<32).lazy.filter { self.contains($0) }.makeIterator()
    }
}

extension Rubric {
    /// Whether `condition` holds for `answers`, evaluated as rules, exclusions, variant choices
    /// and notes are: each clause's question must be answered with one of its options.
    public func holds(_ condition: Condition, for answers: Answers) -> Bool {
        ScoringTable.compile(condition, in: self).allSatisfy { clause in
            let question = questions[clause.question]
            guard let answer = answers[question.id], let option = question.options.firstIndex(where: { $0.id == answer }) else {
                return false
            }
            return clause.admits(option)
        }
    }

    /// Whether the questionnaire asks `question` once `answers` are given: a core question
    /// always, a refinement when its `askWhen` condition holds.
    public func asks(_ question: Question, given answers: Answers) -> Bool {
        question.isCore || holds(question.askWhen, for: answers)
    }
}
