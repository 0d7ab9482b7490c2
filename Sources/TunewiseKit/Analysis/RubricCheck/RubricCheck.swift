/// The checks a rubric author runs in CI (`tunewise rubric check`), over every situation:
/// all questions, each refinement answered or unanswered.
///
/// - **Dead options**: a question whose answer never changes the advice, in any situation,
///   has only dead options. A witness (a situation where some other answer changes the
///   winner) is looked for among random situations first, then by an exhaustive sweep.
/// - **Every strategy wins somewhere**: looked for among random situations, then by an
///   exhaustive sweep that tries the answers most favourable to the strategy first.
/// - **Declared monotone properties hold**: exactly, by enumerating the answers of the
///   questions that share a rule with the property's question; every other answer adds the
///   same points to both sides of each step.
///
/// What no rubric can break is not checked here but guaranteed where it is decided: the
/// loader refuses exclusions that leave some answer with no strategy, the ``Advisor`` never
/// recommends a strategy a holding exclusion lists, and the winner is the best score among
/// the strategies left, so removing one that lost cannot change it.
///
/// Random situations come from a fixed seed, so a run is reproducible; an exhaustive sweep
/// runs only when sampling found no witness, that is for a likely finding.
public enum RubricCheck {
    /// How many random situations the sampling stages draw: enough that a question whose
    /// answer decides only near-ties (knowledge size, the training signal) is caught by
    /// sampling, which costs a fraction of the sweep a miss falls back to.
    static let sampleCount = 10_000

    /// Every finding, in the order of the checks above; empty when the rubric is clean.
    /// - Throws: ``SweepError/tooManyRules(limit:)`` for a rubric too large to sweep.
    /// - Complexity: O(*q* · *v* · *N*) scorings of one situation (each O(*q* · *k*) plus the
    ///   clauses of the rules and exclusions), for *q* questions of at most *v* values, *k*
    ///   strategies and *N* = ``sampleCount`` samples; and for each monotone property
    ///   O(*s* · *m*) scorings, for its scale of *s* options and the *m* combinations of the
    ///   values of the questions that share a rule with it. Only a check that sampling leaves
    ///   open (a likely finding) sweeps: one pass over the whole space, O(*C*) for its *C*
    ///   combinations of value classes and stopping at the first witness, per question or
    ///   strategy in doubt.
    public static func findings(in rubric: Rubric) throws(SweepError) -> [RubricFinding] {
        try findings(in: rubric, reporting: nil)
    }

    /// Every finding, as ``findings(in:)`` finds them, telling `progress` the fraction done
    /// (every check counted alike) as it goes, and 1 at the end.
    public static func findings(in rubric: Rubric, progress: ProgressHandler) throws(SweepError) -> [RubricFinding] {
        let result = withoutActuallyEscaping(progress) { progress in
            Result { () throws(SweepError) in try findings(in: rubric, reporting: progress) }
        }
        progress(1)
        return try result.get()
    }

    private static func findings(in rubric: Rubric, reporting progress: ProgressHandler?) throws(SweepError) -> [RubricFinding] {
        var checker = try Checker(rubric: rubric)
        let checks: [(inout Checker) -> [RubricFinding]] = [
            { $0.deadOptions() }, { $0.strategiesThatNeverWin() }, { $0.propertyViolations() },
        ]
        var findings: [RubricFinding] = []
        for (number, check) in checks.enumerated() {
            checker.progress = progressHandler(progress, part: number, of: checks.count)
            checker.progress?(0)
            findings += check(&checker)
        }
        return findings
    }
}

extension RubricCheck {
    /// What every check shares: the sweep of the whole space, its scoring table, and the
    /// random situations with their winners. Each check is an extension in
    /// `RubricCheck+<Check>.swift`.
    struct Checker {
        let sweep: Sweep
        let rubric: Rubric
        let table: ScoringTable
        /// Each question's values: its options, then unanswered for a refinement.
        let values: [[Int]]
        let samples: [[Int]]
        let sampleWinners: [Int?]
        /// Told the fraction of the current check done, when someone listens.
        var progress: ProgressHandler?

        init(rubric: Rubric) throws(SweepError) {
            sweep = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true))
            self.rubric = rubric
            table = sweep.table
            let values = rubric.questions.map(Sweep.values(of:))
            var generator = SplitMix64(seed: 0x7475_6E65_7769_7365)
            samples = (0..<RubricCheck.sampleCount).map { _ in values.map { $0.randomElement(using: &generator)! } }
            sampleWinners = samples.map(table.winner)
            self.values = values
        }

        // MARK: Shared by the checks

        /// How much `value` of `question` adds to `strategy`'s lead over the best other strategy,
        /// ignoring rules; with `counting` exclusions, far less when it alone excludes the strategy.
        func favour(_ strategy: Int, _ question: Int, _ value: Int, counting exclusions: Bool) -> Double {
            guard value != ScoringTable.unanswered else { return 0 }
            let points = table.points[question][value].map { table.weights[question] * $0 }
            let lead = points[strategy] - points.indices.filter { $0 != strategy }.map { points[$0] }.max()!
            let excludes =
                exclusions
                && table.exclusions.contains { exclusion in
                    exclusion.strategies.contains(strategy) && exclusion.clauses.count == 1
                        && exclusion.clauses[0].question == question && exclusion.clauses[0].admits(value)
                }
            return excludes ? lead - 1e6 : lead
        }
    }
}
