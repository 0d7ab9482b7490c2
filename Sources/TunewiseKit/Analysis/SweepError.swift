/// Why a sweep cannot be made.
public enum SweepError: Error, Equatable, Sendable {
    /// A question id to include or map is not in the rubric.
    case unknownQuestion(String, in: SweepScope.Part, suggestion: String?)
    /// A core question is included, though every sweep varies the core questions.
    case coreQuestionIncluded(String)
    /// A question is both fixed and varied (included or mapped).
    case fixedAndVaried(String, by: SweepScope.Part)
    /// The map names the same question twice.
    case sameMapQuestion(String)
    /// The rubric has more rules or exclusions than a sweep handles.
    case tooManyRules(limit: Int)
    /// The space has more situations than can be counted.
    case tooLarge
}
