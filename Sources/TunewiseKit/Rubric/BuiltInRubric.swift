/// The default rubric that every build carries, so `tunewise` works with no files beside it.
///
/// Its model is built by Swift code that `.ci/embed-rubric` generates from
/// `rubrics/default.json` into `Generated/BuiltInRubric+Model.swift`, so a start neither
/// parses nor validates JSON. Nobody edits it by hand; the test suite loads
/// `rubrics/default.json` (read from the source tree) through ``RubricLoader``, which validates
/// it, and fails when the compiled-in model or the generated file differs from it.
public enum BuiltInRubric {
    /// The name by which commands accept the built-in rubric (`tunewise rubric validate default`).
    public static let name = "default"

    /// The built-in rubric, built once per process.
    public static func load() -> Rubric { rubric }

    private static let rubric = makeRubric()
}
