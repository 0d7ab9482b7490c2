import TunewiseKit

/// What `tunewise diff` reports: the comparison and where each side came from.
struct DiffReport {
    /// Version of the JSON diff document; bumped only when a field changes meaning or goes away.
    static let schemaVersion = 1

    /// One side of the comparison.
    struct Side {
        /// The answers file as given (`-` for standard input).
        var answers: String
        /// The rubric the side was advised on, with its policy, if any.
        var rubricModel: Rubric
        /// The rubric's file as given, `nil` for the built-in one.
        var rubricFile: String? = nil

        /// "default 3.0.0", "default 3.0.0 (my-rubric.json)", or with "with policy acme 1.2".
        var rubric: String { rubricModel.nameWithPolicy + (rubricFile.map { " (\($0))" } ?? "") }
    }

    var diff: AdviceDiff
    var a: Side
    var b: Side
    var toolVersion: String

    /// Whether the two sides use different rubrics: by the name they are shown with (id,
    /// version and file) or, under one name, by their content.
    var comparesRubrics: Bool { a.rubric != b.rubric || a.rubricModel != b.rubricModel }

    /// A plan as one line, each stage with how it is carried out: `prompt-engineering
    /// (retrieval: rag) now; fine-tuning (training: supervised, tuning-method: peft) once ...`.
    static func planLine(_ advice: Advice) -> String {
        advice.plan.map { stage in
            let how = stage.variants.map { "\($0.variant): \($0.choice)" }.joined(separator: ", ")
            return stage.strategy + (how.isEmpty ? "" : " (\(how))") + " \(stage.when)"
        }.joined(separator: "; ")
    }

    /// The deciding gates as one line, or what decided when no gate did.
    static func decidedByLine(_ advice: Advice) -> String {
        advice.decidedBy.isEmpty ? "(the scores)" : advice.decidedBy.joined(separator: ", ")
    }

    /// The value of `aspect` in `advice`, as one line.
    static func value(_ aspect: AdviceDiff.Aspect, _ advice: Advice) -> String {
        switch aspect {
        case .strategy: advice.strategy
        case .confidence: advice.confidence.rawValue
        case .plan: planLine(advice)
        case .decidedBy: decidedByLine(advice)
        }
    }

    /// How an aspect is named in text and Markdown.
    static func label(_ aspect: AdviceDiff.Aspect) -> String {
        switch aspect {
        case .strategy: "strategy"
        case .confidence: "confidence"
        case .plan: "plan"
        case .decidedBy: "decided by"
        }
    }
}
