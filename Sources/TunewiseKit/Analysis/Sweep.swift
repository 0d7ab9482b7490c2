/// The advice over every combination of answers: how a rubric behaves before anyone trusts it.
///
/// The core questions are varied over their options, and any included refinement over its
/// options and "unanswered"; fixed answers are held, and the other refinements stay unanswered.
///
/// ```swift
/// let sweep = try Sweep(rubric: rubric, scope: SweepScope(includesAll: true))
/// let result = sweep.run()
/// print(result.counts)  // situations won by each strategy
/// ```
///
/// Values of a question that give the same points and meet the same rule and exclusion
/// conditions (such as an option worth no points and unanswered) can never lead to different
/// advice, so each such class is scored once and counted once per value. The space is counted
/// rather than visited: see ``SweepDiagram``.
public struct Sweep: Sendable {
    /// The rubric whose advice is swept.
    public let rubric: Rubric
    /// Each question's weight in force, in rubric order.
    public let weights: [Double]
    /// How many situations the sweep covers.
    public let situationCount: Int
    let table: ScoringTable
    /// The varied questions' rubric indices, in rubric order.
    let varied: [Int]
    /// The answer of each question that is not varied: its fixed option, or unanswered.
    let constants: [Int]
    /// Per varied question, its values in classes that never lead to different advice.
    let classes: [Int: [[Int]]]
    let map: (row: Int, column: Int)?
    /// How large the counting may grow before the sweep visits instead.
    var diagramLimits = SweepDiagram.Limits()

    /// A sweep of `rubric` over `scope`.
    /// - Parameter weights: the weights in force, by default the rubric's own, as for ``Advisor``.
    /// - Precondition: `scope.fixed`, if any, holds answers to `rubric`.
    /// - Throws: ``SweepError`` for unknown or core questions to include, a question both
    ///   fixed and varied, or a rubric or space too large to sweep.
    public init(rubric: Rubric, weights: Weights? = nil, scope: SweepScope = SweepScope()) throws(SweepError) {
        guard rubric.rules.count <= SweepPass.ruleLimit, rubric.exclusions.count <= SweepPass.ruleLimit else {
            throw .tooManyRules(limit: SweepPass.ruleLimit)
        }
        let ids = rubric.questions.map(\.id)
        func index(_ id: String, in part: SweepScope.Part) throws(SweepError) -> Int {
            guard let index = rubric.questionIndex(id) else {
                throw .unknownQuestion(id, in: part, suggestion: closestMatch(to: id, in: ids))
            }
            return index
        }
        let constants = scope.fixed?.options ?? Array(repeating: ScoringTable.unanswered, count: ids.count)
        precondition(scope.fixed.map { $0.questions == rubric.questions } ?? true, "the fixed answers answer another rubric")
        var variedSet = Set<Int>()
        for (position, question) in rubric.questions.enumerated() where question.isCore || scope.includesAll {
            if constants[position] == ScoringTable.unanswered { variedSet.insert(position) }
        }
        var requested: [(question: Int, part: SweepScope.Part)] = []
        for id in scope.included {
            let question = try index(id, in: .included)
            // A core question is varied anyway; one also fixed is refused below, as fixed and varied.
            guard !rubric.questions[question].isCore || constants[question] != ScoringTable.unanswered else {
                throw .coreQuestionIncluded(id)
            }
            requested.append((question, .included))
        }
        if let map = scope.map {
            guard map.row != map.column else { throw .sameMapQuestion(map.row) }
            let row = try index(map.row, in: .map)
            let column = try index(map.column, in: .map)
            requested += [(row, .map), (column, .map)]
            self.map = (row, column)
        } else {
            self.map = nil
        }
        for (question, part) in requested {
            guard constants[question] == ScoringTable.unanswered else { throw .fixedAndVaried(ids[question], by: part) }
            variedSet.insert(question)
        }
        self.rubric = rubric
        let weights = weights ?? Weights(of: rubric)
        precondition(weights.values.count == rubric.questions.count, "the weights of another rubric")
        self.weights = weights.values
        table = ScoringTable(rubric: rubric, weights: self.weights)
        varied = variedSet.sorted()
        self.constants = constants
        var count = 1
        for question in varied {
            let (product, overflow) = count.multipliedReportingOverflow(by: Self.values(of: rubric.questions[question]).count)
            guard !overflow else { throw .tooLarge }
            count = product
        }
        situationCount = count
        let mapped = scope.map == nil ? [] : requested.suffix(2).map(\.question)
        let table = self.table
        classes = Dictionary(
            uniqueKeysWithValues: varied.map { question in
                (
                    question,
                    mapped.contains(question)
                        ? Self.values(of: rubric.questions[question]).map { [$0] }
                        : Self.classes(of: question, rubric, table)
                )
            })
    }

    /// The varied questions' ids, in rubric order.
    public var variedQuestions: [String] { varied.map { rubric.questions[$0].id } }

    /// The fixed answers.
    public var fixedAnswers: Answers { rubric.answers(constants) }

    // MARK: Internals shared with RubricCheck

    /// The values of a question: its options, then unanswered for a refinement.
    static func values(of question: Question) -> [Int] {
        Array(question.options.indices) + (question.isCore ? [] : [ScoringTable.unanswered])
    }

    /// The space with the questions in `outermost` varied outermost and those in `innermost`
    /// innermost, in those orders, and the other varied questions between them: those with
    /// one class first, then those in exclusions, in rules only, and in neither (so that the
    /// gates settle the winner of large subtrees early); each level's classes in the order
    /// `arrange` gives (their own order by default).
    func space(outermost: [Int] = [], order innermost: [Int] = [], arrange: ((Int, [[Int]]) -> [[Int]])? = nil) -> SweepSpace {
        let middle = varied.filter { !innermost.contains($0) && !outermost.contains($0) }
        let gated = Set(table.exclusions.flatMap { $0.clauses.map(\.question) })
        let ruled = Set(table.rules.flatMap { $0.clauses.map(\.question) })
        func rank(_ question: Int) -> Int {
            classes[question]!.count == 1 ? 0 : gated.contains(question) ? 1 : ruled.contains(question) ? 2 : 3
        }
        let order = outermost + (0...3).flatMap { group in middle.filter { rank($0) == group } } + innermost
        var levels = order.map { question in
            SweepSpace.Level(question: question, classes: arrange?(question, classes[question]!) ?? classes[question]!)
        }
        // With nothing varied, the one situation is a single level of one value.
        if levels.isEmpty { levels = [SweepSpace.Level(question: 0, classes: [[constants[0]]])] }
        return SweepSpace(levels: levels, constants: constants)
    }

    /// Whether some group of situations (those differing only in the innermost answer) has
    /// winners that satisfy `isMatch`, visiting the questions in `innermost` innermost and each
    /// level's classes as `arrange` orders them; stops at the first match. `progress` is told
    /// the fraction of the space searched.
    func containsGroup(
        order innermost: [Int] = [], arrange: ((Int, [[Int]]) -> [[Int]])? = nil,
        progress: ProgressHandler? = nil, where isMatch: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var visitor = SearchVisitor(isMatch: isMatch)
        let pass = SweepPass(table: table, space: space(order: innermost, arrange: arrange))
        pass.progress = progress
        defer { pass.progress = nil }
        return pass.run(&visitor).stopped
    }

    // MARK: Private

    /// The values of a question grouped by what they do: the same weighted points and the
    /// same membership in every rule's and exclusion's condition. Values in one class never
    /// lead to different advice.
    private static func classes(of question: Int, _ rubric: Rubric, _ table: ScoringTable) -> [[Int]] {
        let conditions = table.rules.map(\.clauses) + table.exclusions.map(\.clauses)
        func signature(_ option: Int) -> [Double] {
            let points =
                option == ScoringTable.unanswered
                ? [Double](repeating: 0, count: table.strategyCount)
                : table.points[question][option].map { table.weights[question] * $0 }
            let membership = conditions.map { clauses -> Double in
                guard let clause = clauses.first(where: { $0.question == question }) else { return 1 }
                return clause.admits(option) ? 1 : 0
            }
            return points + membership
        }
        var classes: [(signature: [Double], values: [Int])] = []
        for value in values(of: rubric.questions[question]) {
            let key = signature(value)
            if let index = classes.firstIndex(where: { $0.signature == key }) {
                classes[index].values.append(value)
            } else {
                classes.append((key, [value]))
            }
        }
        return classes.map(\.values)
    }
}
