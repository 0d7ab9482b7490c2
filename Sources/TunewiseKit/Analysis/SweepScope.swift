/// Which situations a sweep covers.
public struct SweepScope: Sendable {
    /// The parts of a scope that name questions to vary, so an error can say which one is wrong.
    public enum Part: Equatable, Sendable {
        /// ``SweepScope/included``.
        case included
        /// ``SweepScope/map``.
        case map
    }

    /// Refinements varied as well as the core questions; an unanswered refinement is one
    /// more value.
    public var included: [String]
    /// Whether every question of the rubric is varied.
    public var includesAll: Bool
    /// Answers held fixed, resolved against the swept rubric; their questions are not varied.
    public var fixed: Situation?
    /// Two questions for a ``DecisionMap``, rows then columns; both are varied.
    public var map: (row: String, column: String)?

    /// A scope varying the core questions, the refinements in `included` (or every question
    /// with `includesAll`) and the `map` questions, with the `fixed` answers held.
    public init(
        included: [String] = [], includesAll: Bool = false, fixed: Situation? = nil,
        map: (row: String, column: String)? = nil
    ) {
        self.included = included
        self.includesAll = includesAll
        self.fixed = fixed
        self.map = map
    }
}
