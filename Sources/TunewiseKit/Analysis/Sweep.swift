/// Why a sweep cannot be made.
public enum SweepError: Error, Equatable, Sendable {
    /// A question id to include, fix or map is not in the rubric.
    case unknownQuestion(String, suggestion: String?)
    /// A fixed answer names an option its question does not have.
    case unknownOption(question: String, option: String, allowed: [String], suggestion: String?)
    /// A question is both fixed and varied (included or mapped).
    case fixedAndVaried(String)
    /// The map names the same question twice.
    case sameMapQuestion(String)
    /// The rubric has more rules or exclusions than a sweep handles.
    case tooManyRules(limit: Int)
    /// The space has more situations than can be counted.
    case tooLarge
}

/// Which situations a sweep covers.
public struct SweepScope: Sendable {
    /// Refinements varied as well as the core questions; an unanswered refinement is one
    /// more value.
    public var included: [String]
    /// Whether every question of the rubric is varied.
    public var includesAll: Bool
    /// Answers held fixed; their questions are not varied.
    public var fixed: Answers
    /// Two questions for a ``DecisionMap``, rows then columns; both are varied.
    public var map: (row: String, column: String)?

    /// A scope varying the core questions, the refinements in `included` (or every question
    /// with `includesAll`) and the `map` questions, with the `fixed` answers held.
    public init(
        included: [String] = [], includesAll: Bool = false, fixed: Answers = Answers(),
        map: (row: String, column: String)? = nil
    ) {
        self.included = included
        self.includesAll = includesAll
        self.fixed = fixed
        self.map = map
    }
}

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
/// advice, so each such class is scored once and counted once per value.
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

    /// A sweep of `rubric` over `scope`.
    /// - Parameter weightOverrides: question id to weight, as for ``Advisor``.
    /// - Throws: ``SweepError`` for unknown ids, a question both fixed and varied, or a
    ///   rubric or space too large to sweep.
    public init(rubric: Rubric, weightOverrides: [String: Double] = [:], scope: SweepScope = SweepScope()) throws(SweepError) {
        guard rubric.rules.count <= SweepPass.ruleLimit, rubric.exclusions.count <= SweepPass.ruleLimit else {
            throw .tooManyRules(limit: SweepPass.ruleLimit)
        }
        let ids = rubric.questions.map(\.id)
        func index(_ id: String) throws(SweepError) -> Int {
            guard let index = ids.firstIndex(of: id) else {
                throw .unknownQuestion(id, suggestion: closestMatch(to: id, in: ids))
            }
            return index
        }
        var constants = Array(repeating: ScoringTable.unanswered, count: ids.count)
        for (questionID, optionID) in scope.fixed.values.sorted(by: { $0.key < $1.key }) {
            let question = try index(questionID)
            let allowed = rubric.questions[question].options.map(\.id)
            guard let option = allowed.firstIndex(of: optionID) else {
                throw .unknownOption(
                    question: questionID, option: optionID, allowed: allowed,
                    suggestion: closestMatch(to: optionID, in: allowed))
            }
            constants[question] = option
        }
        var variedSet = Set<Int>()
        for (position, question) in rubric.questions.enumerated() where question.isCore || scope.includesAll {
            if constants[position] == ScoringTable.unanswered { variedSet.insert(position) }
        }
        var requested = try scope.included.map { id throws(SweepError) in try index(id) }
        if let map = scope.map {
            guard map.row != map.column else { throw .sameMapQuestion(map.row) }
            let row = try index(map.row)
            let column = try index(map.column)
            requested += [row, column]
            self.map = (row, column)
        } else {
            self.map = nil
        }
        for question in requested {
            guard constants[question] == ScoringTable.unanswered else { throw .fixedAndVaried(ids[question]) }
            variedSet.insert(question)
        }
        self.rubric = rubric
        weights = rubric.questions.map { weightOverrides[$0.id] ?? $0.weight }
        table = ScoringTable(rubric: rubric, weights: weights)
        varied = variedSet.sorted()
        self.constants = constants
        var count = 1
        for question in varied {
            let (product, overflow) = count.multipliedReportingOverflow(by: Self.values(of: rubric.questions[question]).count)
            guard !overflow else { throw .tooLarge }
            count = product
        }
        situationCount = count
        let mapped = scope.map == nil ? [] : Array(requested.suffix(2))
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

    /// Evaluates every situation of the scope.
    /// - Parameter decidingQuestions: whether to count, for each varied question, the
    ///   situations in which changing that answer alone changes the advice (a few more passes).
    public func run(decidingQuestions: Bool = true) -> SweepResult {
        let pass = SweepPass(table: table, space: space())
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
        let deciding = decidingQuestions ? decidingCounts() : nil
        let questions = varied.enumerated().map { position, question in
            let level = pass.space.levels.firstIndex { $0.question == question }!
            let levelClasses = pass.space.levels[level].classes
            let values = Self.values(of: rubric.questions[question])
            let counts = values.map { value in
                let index = levelClasses.firstIndex { $0.contains(value) }!
                return strategyCounts(pass.marginals[pass.firstClass[level] + index])
            }
            return SweptQuestion(
                id: rubric.questions[question].id, values: values.map { optionID(question, $0) }, counts: counts,
                deciding: deciding?[position])
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
    /// that answer do not all have the same winner; then each of them is. The varied
    /// questions are split into blocks whose situations fit in a small buffer (at most
    /// ``blockCapacity``); one pass per block varies that block innermost and compares the
    /// winners within each block, so memory does not grow with the space.
    public func decidingCounts() -> [Int] {
        let levels = varied.filter { classes[$0]!.count > 1 }
        var blocks: [[Int]] = []
        for question in levels.reversed() {
            if let last = blocks.last, blockSize(last) * classes[question]!.count <= Self.blockCapacity {
                blocks[blocks.count - 1].insert(question, at: 0)
            } else {
                blocks.append([question])
            }
        }
        var deciding: [Int: Int] = [:]
        for block in blocks {
            let pass = SweepPass(table: table, space: space(order: block))
            var visitor = DecidingVisitor(classSizes: block.map { classes[$0]!.map(\.count) })
            _ = pass.run(&visitor)
            visitor.release()
            for (position, question) in block.enumerated() {
                deciding[question] = visitor.decidedGroups[position] * Self.values(of: rubric.questions[question]).count
            }
        }
        return varied.map { deciding[$0] ?? 0 }
    }

    /// The most situations one deciding pass holds in memory (one byte each).
    static let blockCapacity = 1 << 20

    // MARK: Internals shared with RubricCheck

    /// The values of a question: its options, then unanswered for a refinement.
    static func values(of question: Question) -> [Int] {
        Array(question.options.indices) + (question.isCore ? [] : [ScoringTable.unanswered])
    }

    /// The space with the questions in `innermost` varied innermost, in that order, and the
    /// other varied questions outside them (those with one class outermost); each level's
    /// classes in the order `arrange` gives (their own order by default).
    func space(order innermost: [Int] = [], arrange: ((Int, [[Int]]) -> [[Int]])? = nil) -> SweepSpace {
        let outer = varied.filter { !innermost.contains($0) }
        let order = outer.filter { classes[$0]!.count == 1 } + outer.filter { classes[$0]!.count > 1 } + innermost
        var levels = order.map { question in
            SweepSpace.Level(question: question, classes: arrange?(question, classes[question]!) ?? classes[question]!)
        }
        // With nothing varied, the one situation is a single level of one value.
        if levels.isEmpty { levels = [SweepSpace.Level(question: 0, classes: [[constants[0]]])] }
        return SweepSpace(levels: levels, constants: constants)
    }

    /// Whether some group of situations (those differing only in the innermost answer) has
    /// winners that satisfy `isMatch`, visiting the questions in `innermost` innermost and each
    /// level's classes as `arrange` orders them; stops at the first match.
    func containsGroup(
        order innermost: [Int] = [], arrange: ((Int, [[Int]]) -> [[Int]])? = nil,
        where isMatch: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var visitor = SearchVisitor(isMatch: isMatch)
        return SweepPass(table: table, space: space(order: innermost, arrange: arrange)).run(&visitor).stopped
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
                return option != ScoringTable.unanswered && clause.options & (1 << UInt64(option)) != 0 ? 1 : 0
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

/// Counts each group's winners into the cell of the map questions' answers. The map
/// questions have one value per class.
private struct MapVisitor: SweepVisitor {
    let row: Int
    let column: Int
    let columnCount: Int
    var cells: [Tally]

    mutating func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        let innermost = pass.innermostQuestion
        for (offset, winner) in winners.enumerated() {
            let rowOption = innermost == row ? pass.innermostOption(offset) : pass.situation[row]
            let columnOption = innermost == column ? pass.innermostOption(offset) : pass.situation[column]
            let cell = position(rowOption, pass, row) * columnCount + position(columnOption, pass, column)
            cells[cell][Int(winner)] += weight * pass.innermostClassSize(offset)
        }
        return false
    }

    /// The value's position among the question's values (unanswered is last).
    private func position(_ option: Int, _ pass: SweepPass, _ question: Int) -> Int {
        option == ScoringTable.unanswered ? pass.table.points[question].count : option
    }
}

/// Stops at the first group whose winners match.
private struct SearchVisitor: SweepVisitor {
    let isMatch: (UnsafeMutableBufferPointer<UInt8>) -> Bool

    func visit(_ winners: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        isMatch(winners)
    }
}

/// Keeps the winners of one block of situations and counts, for each of the block's levels,
/// the groups of situations that differ only in that level's answer and whose winners differ.
private struct DecidingVisitor: SweepVisitor {
    /// Per block level, outermost first, its classes' sizes; the last level is the innermost.
    let classSizes: [[Int]]
    /// Per block level, the groups with differing winners, each counted as the number of
    /// situations per value it stands for.
    private(set) var decidedGroups: [Int]
    private let strides: [Int]
    private let winners: UnsafeMutableBufferPointer<UInt8>
    /// Per situation of the block, the product of its classes' sizes.
    private let weights: UnsafeMutableBufferPointer<Int>
    private var filled = 0
    /// The product of the class sizes of the levels outside the block.
    private var outerWeight = 0

    init(classSizes: [[Int]]) {
        self.classSizes = classSizes
        decidedGroups = Array(repeating: 0, count: classSizes.count)
        strides = classSizes.indices.map { classSizes[($0 + 1)...].reduce(1) { $0 * $1.count } }
        let size = classSizes.reduce(1) { $0 * $1.count }
        winners = .allocate(capacity: size)
        weights = .allocate(capacity: size)
        for index in 0..<size {
            weights[index] = zip(classSizes, strides).reduce(1) { $0 * $1.0[index / $1.1 % $1.0.count] }
        }
    }

    func release() {
        winners.deallocate()
        weights.deallocate()
    }

    mutating func visit(_ group: UnsafeMutableBufferPointer<UInt8>, weight: Int, in pass: SweepPass) -> Bool {
        if filled == 0 {
            outerWeight = weight / classSizes.dropLast().reduce(1) { $0 * $1[0] }
        }
        let first = group[0]
        if group.contains(where: { $0 != first }) { decidedGroups[classSizes.count - 1] += weight }
        for (offset, winner) in group.enumerated() { winners[filled + offset] = winner }
        filled += group.count
        if filled == winners.count {
            countOuterLevels()
            filled = 0
        }
        return false
    }

    /// For each block level but the innermost, compares the winners `stride` apart.
    private mutating func countOuterLevels() {
        for level in 0..<(classSizes.count - 1) {
            let stride = strides[level]
            let span = stride * classSizes[level].count
            let firstClassSize = classSizes[level][0]
            var groups = 0
            for base in Swift.stride(from: 0, to: winners.count, by: span) {
                for start in base..<(base + stride) {
                    let first = winners[start]
                    var member = start + stride
                    while member < base + span {
                        if winners[member] != first {
                            groups += weights[start] / firstClassSize
                            break
                        }
                        member += stride
                    }
                }
            }
            decidedGroups[level] += groups * outerWeight
        }
    }
}

extension Rubric {
    /// A situation (one option index or ``ScoringTable/unanswered`` per question) as answers.
    func answers(_ situation: [Int]) -> Answers {
        Answers(
            Dictionary(
                uniqueKeysWithValues: situation.enumerated().compactMap { question, option in
                    option == ScoringTable.unanswered ? nil : (questions[question].id, questions[question].options[option].id)
                }))
    }
}
