/// The default rubric that every build carries, so `tunewise` works with no files beside it.
///
/// The core knows only its name; its model is built by the `TunewiseBuiltIn` target, from
/// Swift code that `.ci/embed-rubric` generates out of `rubrics/default.json`
/// (`BuiltInRubric.load()` there). The generator depends on this core alone, never on what it
/// generates.
public enum BuiltInRubric {
    /// The name by which commands accept the built-in rubric (`tunewise rubric validate default`).
    public static let name = "default"
}
