import TunewiseKit

extension BuiltInRubric {
    /// The built-in rubric, built once per process.
    ///
    /// Its model is Swift code that `.ci/embed-rubric` generates from `rubrics/default.json`
    /// into `Generated/BuiltInRubric+Model.swift`, so a start neither parses nor validates
    /// JSON. Nobody edits it by hand; the test suite loads `rubrics/default.json` (read from
    /// the source tree) through ``RubricLoader``, which validates it, and fails when the
    /// compiled-in model or the generated file differs from it.
    public static func load() -> Rubric { builtInModel }

    private static let builtInModel = makeRubric()
}
