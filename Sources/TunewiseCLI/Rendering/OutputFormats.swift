// The values of each command's `--format`: each enum's cases feed its help and its
// completions, and pick its renderer (ReportRenderer.swift). The first case is the default.

/// A report format for `cost`, `diff`, `data` and `sources`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// A report format for `advise --format`: the report formats and a one-line summary for scripts.
public enum AdviseFormat: String, CaseIterable, Sendable {
    case text, json, markdown, summary
}

/// A format for `questions --format`: text for people, JSON for scripts that build forms.
public enum QuestionsFormat: String, CaseIterable, Sendable {
    case text, json
}

/// A report format for `sweep --format`: the report formats and CSV.
public enum SweepFormat: String, CaseIterable, Sendable {
    case text, json, markdown, csv
}
