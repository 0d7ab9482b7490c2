/// The default rubric that every build carries, so `tunewise` works with no files beside it.
///
/// Its text is `rubrics/default.json`, embedded as a string literal by `.ci/embed-rubric` in
/// `Generated/BuiltInRubric+JSON.swift`, which nobody edits by hand.
public enum BuiltInRubric {
    /// The name by which commands accept the built-in rubric (`tunewise rubric validate default`).
    public static let name = "default"

    /// The built-in rubric, parsed and validated once per process.
    ///
    /// The embedded text is checked by the test suite, so a failure here is a build defect.
    public static func load() -> Rubric { parsed }

    private static let parsed: Rubric = {
        do {
            return try RubricLoader.load(json.utf8)
        } catch {
            preconditionFailure("the built-in rubric is invalid: \(error)")
        }
    }()
}
