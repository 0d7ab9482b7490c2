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
