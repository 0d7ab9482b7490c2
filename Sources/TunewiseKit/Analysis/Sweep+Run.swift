extension Sweep {
    /// Evaluates every situation of the scope.
    /// - Parameter decidingQuestions: whether to count, for each varied question, the
    ///   situations in which changing that answer alone changes the advice.
    /// - Complexity: The space is counted, not visited: a ``SweepDiagram`` merges the
    ///   situations whose answers so far leave the same state of the scoring, and settles a
    ///   state as soon as no answer below can change its winner; every figure is then a pass
    ///   over the diagram's edges, O(*E*), and the deciding counts follow each set of nodes
    ///   that a question's classes reach once. Time and memory grow with the diagram, not the
    ///   situations (for the built-in rubric, 87,627 nodes in all for 5.7 × 10^10
    ///   situations). A rubric whose scores are not exact multiples of 2^-24 (a weight of 1.1,
    ///   say) is swept by visiting instead: one pass over the combinations of value classes,
    ///   less the subtrees whose winner the gates settle, a near tie rescored in full by
    ///   ``ScoringTable``, and one more pass per block of questions for the deciding counts.
    ///   So is a diagram past its limits (``SweepDiagram/Limits``), which keep its memory
    ///   bounded whatever the rubric.
    public func run(decidingQuestions: Bool = true) -> SweepResult {
        run(decidingQuestions: decidingQuestions, reporting: nil)
    }

    /// Evaluates every situation of the scope as ``run(decidingQuestions:)`` does, telling
    /// `progress` the fraction done as it goes (every pass counted alike).
    /// - Parameter progress: called at most every ``SweepPass/progressInterval`` groups of
    ///   situations, with fractions that never decrease, and with 1 at the end.
    public func run(decidingQuestions: Bool = true, progress: ProgressHandler) -> SweepResult {
        withoutActuallyEscaping(progress) { progress in
            let result = run(decidingQuestions: decidingQuestions, reporting: progress)
            progress(1)
            return result
        }
    }

    /// Whether the sweep is counted by a ``SweepDiagram``, rather than visited.
    var isCounted: Bool { SweepDiagram(table: table, space: sweptSpace, nodeLimit: diagramLimits.nodes) != nil }

    /// The sweep by visiting the situations, whatever the rubric.
    func visitingRun(decidingQuestions: Bool = true) -> SweepResult {
        visit(sweptSpace, decidingQuestions: decidingQuestions, reporting: nil)
    }

    /// The space as swept: the map's questions outermost when there is a map.
    private var sweptSpace: SweepSpace {
        map.map { space(outermost: [$0.row, $0.column]) } ?? space()
    }

    private func run(decidingQuestions: Bool, reporting progress: ProgressHandler?) -> SweepResult {
        let space = sweptSpace
        guard let diagram = SweepDiagram(table: table, space: space, nodeLimit: diagramLimits.nodes) else {
            return visit(space, decidingQuestions: decidingQuestions, reporting: progress)
        }
        let counts = diagram.counts(diagram.pathWeights(), keeping: map == nil ? nil : 2)
        let deciding = decidingQuestions ? decidingCounts(diagram, space, reporting: progress) : nil
        let levels = space.levels
        let cells = map.map { map in
            Self.values(of: rubric.questions[map.row]).indices.flatMap { row in
                Self.values(of: rubric.questions[map.column]).indices.map { column in counts.layer[diagram.node(at: [row, column])] }
            }
        }
        return result(
            tally: counts.tally, cells: cells ?? [],
            marginal: { question, value in
                let level = levels.firstIndex { $0.question == question }!
                return counts.marginals[level][levels[level].classes.firstIndex { $0.contains(value) }!]
            },
            deciding: deciding)
    }

    /// The deciding counts in ``varied`` order, counted on `diagram` of `space`, or visited in
    /// blocks when the sets of nodes to follow outgrow ``diagramLimits``.
    private func decidingCounts(_ diagram: SweepDiagram, _ space: SweepSpace, reporting progress: ProgressHandler?) -> [Int] {
        // Visiting after giving up on counting starts its fractions again: report the highest.
        var highest = 0.0
        let rising: ProgressHandler? = progress.map { progress in
            { fraction in
                highest = max(highest, fraction)
                progress(highest)
            }
        }
        if let deciding = diagram.decidingCounts(setLimit: diagramLimits.sets, progress: rising) {
            return varied.map { question in deciding[space.levels.firstIndex { $0.question == question }!] }
        }
        let blocks = decidingBlocks()
        return decidingCounts(blocks) { part in progressHandler(rising, part: part, of: blocks.count) }
    }

    /// The sweep by visiting every class of every level (less the subtrees the gates settle),
    /// for a rubric whose scores are not exact: near ties are settled by ``ScoringTable``.
    private func visit(_ space: SweepSpace, decidingQuestions: Bool, reporting progress: ProgressHandler?) -> SweepResult {
        let blocks = decidingQuestions ? decidingBlocks() : []
        let pass = SweepPass(table: table, space: space)
        pass.progress = progressHandler(progress, part: 0, of: 1 + blocks.count)
        defer { pass.progress = nil }
        let tally: Tally
        var cells: [Tally] = []
        if let map {
            var visitor = MapVisitor(
                row: map.row, column: map.column, columnCount: Self.values(of: rubric.questions[map.column]).count,
                cells: Array(repeating: .zero, count: cellCount(map.row, map.column)))
            tally = pass.run(&visitor).tally
            cells = visitor.cells
        } else {
            var visitor = CountingVisitor()
            tally = pass.run(&visitor).tally
        }
        let deciding =
            decidingQuestions
            ? decidingCounts(blocks) { part in progressHandler(progress, part: 1 + part, of: 1 + blocks.count) } : nil
        return result(
            tally: tally, cells: cells,
            marginal: { question, value in
                let level = pass.space.levels.firstIndex { $0.question == question }!
                let index = pass.space.levels[level].classes.firstIndex { $0.contains(value) }!
                return pass.marginals[pass.firstClass[level] + index]
            }, deciding: deciding)
    }

    /// The result from the whole space's tally, the map's cells (row-major) when mapped, each
    /// varied question's value's marginal and the deciding counts in ``varied`` order.
    private func result(tally: Tally, cells: [Tally], marginal: (Int, Int) -> Tally, deciding: [Int]?) -> SweepResult {
        let questions = varied.enumerated().map { position, question in
            let values = Self.values(of: rubric.questions[question])
            return SweptQuestion(
                id: rubric.questions[question].id, values: values.map { optionID(question, $0) },
                counts: values.map { strategyCounts(marginal(question, $0)) }, deciding: deciding?[position])
        }
        return SweepResult(
            strategies: rubric.strategies.map(\.id), situationCount: situationCount, counts: strategyCounts(tally),
            unresolved: tally[SweepPass.noStrategy], questions: questions, fixed: fixedAnswers,
            map: map.map { decisionMap($0.row, $0.column, cells) })
    }

    /// For each varied question, in ``variedQuestions`` order, the situations in which some
    /// other value of that answer alone would change the advice.
    ///
    /// A situation is decided by a question when the situations that differ from it only in
    /// that answer (its line) do not all have the same winner; then each of them is, so the
    /// count is the lines with differing winners times the question's number of values.
    /// Counted by ``SweepDiagram/decidingCounts(setLimit:progress:)`` when the diagram exists.
    /// Otherwise (scores not exact) the varied questions are split into blocks whose
    /// situations fit in a small buffer (at most ``blockCapacity``); one pass per block
    /// varies that block innermost and compares the winners within each block, so memory does
    /// not grow with the space. A subtree whose winner the gates settle outside the block
    /// decides nothing and is skipped.
    /// - Complexity: Counted, see ``SweepDiagram/decidingCounts(setLimit:progress:)``. Visited, one
    ///   pass per block, each O(*C* + *L*) as in ``run(decidingQuestions:)``, plus O(*C* · *b*)
    ///   comparisons of winners for a block of *b* questions: O(*C* · (*B* + *d*)) in all, for
    ///   *B* blocks and the *d* varied questions with more than one class; memory
    ///   O(``blockCapacity``) whatever the size of the space.
    public func decidingCounts() -> [Int] {
        let space = self.space()
        guard let diagram = SweepDiagram(table: table, space: space, nodeLimit: diagramLimits.nodes) else {
            return decidingCounts(decidingBlocks()) { _ in nil }
        }
        return decidingCounts(diagram, space, reporting: nil)
    }

    /// The varied questions with more than one class, in blocks of at most ``blockCapacity``
    /// situations, one deciding pass each.
    private func decidingBlocks() -> [[Int]] {
        let levels = varied.filter { classes[$0]!.count > 1 }
        var blocks: [[Int]] = []
        for question in levels.reversed() {
            if let last = blocks.last, blockSize(last) * classes[question]!.count <= Self.blockCapacity {
                blocks[blocks.count - 1].insert(question, at: 0)
            } else {
                blocks.append([question])
            }
        }
        return blocks
    }

    /// ``decidingCounts()`` over `blocks`, with `progress(n)` told the progress of the nth pass.
    private func decidingCounts(_ blocks: [[Int]], progress: (Int) -> ProgressHandler?) -> [Int] {
        var deciding: [Int: Int] = [:]
        for (number, block) in blocks.enumerated() {
            let pass = SweepPass(table: table, space: space(order: block))
            pass.progress = progress(number)
            defer { pass.progress = nil }
            var visitor = DecidingVisitor(classSizes: block.map { classes[$0]!.map(\.count) }, levelCount: pass.space.levels.count)
            _ = pass.run(&visitor)
            for (position, question) in block.enumerated() {
                deciding[question] = visitor.decidedGroups[position] * Self.values(of: rubric.questions[question]).count
            }
        }
        return varied.map { deciding[$0] ?? 0 }
    }

    /// The most situations one deciding pass holds in memory (one byte each).
    static let blockCapacity = 1 << 20

    private func blockSize(_ block: [Int]) -> Int {
        block.reduce(1) { $0 * classes[$1]!.count }
    }

    private func cellCount(_ row: Int, _ column: Int) -> Int {
        Self.values(of: rubric.questions[row]).count * Self.values(of: rubric.questions[column]).count
    }

    private func optionID(_ question: Int, _ option: Int) -> String? {
        option == ScoringTable.unanswered ? nil : rubric.questions[question].options[option].id
    }

    private func strategyCounts(_ tally: Tally) -> [Int] {
        (0..<rubric.strategies.count).map { tally[$0] }
    }

    private func decisionMap(_ row: Int, _ column: Int, _ cells: [Tally]) -> DecisionMap {
        let rowValues = Self.values(of: rubric.questions[row])
        let columnValues = Self.values(of: rubric.questions[column])
        return DecisionMap(
            row: rubric.questions[row].id, column: rubric.questions[column].id,
            rowValues: rowValues.map { optionID(row, $0) }, columnValues: columnValues.map { optionID(column, $0) },
            cells: rowValues.indices.map { r in
                columnValues.indices.map { c in
                    let tally = cells[r * columnValues.count + c]
                    return MapCell(
                        strategies: rubric.strategies.map(\.id), counts: strategyCounts(tally),
                        unresolved: tally[SweepPass.noStrategy])
                }
            })
    }
}
