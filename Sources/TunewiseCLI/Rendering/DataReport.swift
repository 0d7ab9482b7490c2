import TunewiseData
import TunewiseKit

/// What `tunewise data` reports: the training file's measurement and, with `--eval`, the
/// evaluation file's, whose leakage from training it carries.
struct DataReport {
    /// One file read.
    struct File {
        /// The path, or "standard input".
        var name: String
        var measurement: DataMeasurement
    }

    var train: File
    var eval: File?
    var toolVersion: String

    /// The version of the JSON report's layout.
    static let schemaVersion = 2

    /// How tokens are counted, for every format.
    static let tokenMethod =
        "estimate fitted to cl100k: totals within 5% on English chat; up to about 30% off on other languages (mostly under) and on code (over), depending on the text"

    /// The measured answers to the rubric's questions, in question order.
    var answers: [(question: String, option: String)] {
        let measurement = train.measurement
        return (measurement.dataVolume.map { [(Contract.dataVolumeQuestion, $0)] } ?? [])
            + (measurement.trainingSignal.map { [(Contract.trainingSignalQuestion, $0)] } ?? [])
    }

    /// The tokens a training run reads from a measured file: its valid examples', `nil` when
    /// none is valid.
    static func trainingTokens(_ measurement: DataMeasurement) -> Int? {
        measurement.valid > 0 ? measurement.tokens.total : nil
    }

    /// The line numbers of a tally, with "…" when some are left out: "3, 9, 12, …".
    static func lineList(_ tally: Tally) -> String {
        tally.lines.map(String.init).joined(separator: ", ") + (tally.count > tally.lines.count ? ", …" : "")
    }

    /// For each other tool's layout found among the invalid lines, what to convert it to:
    /// "2 lines (1, 2) look like ShareGPT (…), which tunewise does not read: …".
    static func otherLayoutHints(_ measurement: DataMeasurement) -> [String] {
        measurement.otherLayouts.found.map { layout, tally in
            let one = tally.count == 1
            let isEveryLine = tally.count == measurement.lines - measurement.blankLines
            let found =
                isEveryLine
                ? (one ? "The one line looks" : (tally.count == 2 ? "Both lines look" : "All \(grouped(tally.count)) lines look"))
                : "\(grouped(tally.count)) \(one ? "line" : "lines") (\(lineList(tally))) \(one ? "looks" : "look")"
            let each = one ? "write it" : "write each"
            switch layout {
            case .shareGPT:
                return found + #" like ShareGPT, which tunewise does not read: \#(each) with turns of "role" and "content" "#
                    + #"(from human as user, gpt as assistant, value as content) under "messages" (for a preference pair, "prompt", "#
                    + #""chosen" and "rejected")."#
            case .alpaca:
                return found + #" like Alpaca ("instruction", "input", "output"), which tunewise does not read: \#(each) as a "#
                    + #""prompt" (the instruction and input) and a "completion" (the output)."#
            case .functionRole:
                return found + #" like OpenAI's first function calling (messages of the role "function"), which tunewise "#
                    + #"does not read: write the calls as "tool_calls" and their results as "tool" messages."#
            case .gemini:
                return found + #" like Gemini tuning data ("contents" of "parts"), which tunewise does not read yet: keep the "#
                    + #"file as it is for Gemini tuning, and to measure it here convert a copy, \#(each) with "messages" of "#
                    + #""role" and "content" (model as assistant, the parts' text as content, "systemInstruction" as a system message)."#
            case .vertexText:
                return found + #" like Vertex AI's older text tuning ("input_text", "output_text"), which tunewise does "#
                    + #"not read: \#(each) as a "prompt" and a "completion"."#
            case .rawText:
                return found + #" like raw text for continued pre-training ("text" alone), which teaches a domain's "#
                    + #"language rather than a task and which tunewise does not measure: to tune for a task, \#(each) as "#
                    + #""messages" or as a "prompt" and a "completion"."#
            }
        }
    }

    /// The note for not-json lines whose bytes are not UTF-8, with how to convert the file.
    static func encodingHint(_ measurement: DataMeasurement) -> String? {
        let lines = measurement.notUTF8Lines
        guard lines.count > 0 else { return nil }
        let one = lines.count == 1
        return
            "\(grouped(lines.count)) of the not-json lines \(one ? "is" : "are") not UTF-8 (\(Self.lines(lines))): if the file was saved as Windows-1252 or Latin-1, convert it with iconv -f WINDOWS-1252 -t UTF-8."
    }

    /// What an evaluation file holds beyond its leakage: duplicates of its own, a format or
    /// kind of example that differs from training's, more examples than training, and
    /// personal data or secrets.
    static func evalNotes(train: DataMeasurement, eval: DataMeasurement) -> [String] {
        var notes: [String] = []
        if eval.duplicates > 0 {
            notes.append(
                "\(grouped(eval.duplicates)) of its examples \(eval.duplicates == 1 ? "repeats" : "repeat") another of its own: "
                    + duplicatePairs(eval).joined(separator: "; "))
        }
        if eval.format != train.format, eval.format != .unknown, train.format != .unknown {
            notes.append("Its format (\(eval.format.rawValue)) differs from training's (\(train.format.rawValue)).")
        } else if let evalSignal = eval.trainingSignal, let trainSignal = train.trainingSignal, evalSignal != trainSignal {
            notes.append("Its examples are \(evalSignal), training's \(trainSignal).")
        }
        if eval.valid > train.valid, train.valid > 0 {
            notes.append(
                "It holds more valid examples (\(grouped(eval.valid))) than training (\(grouped(train.valid))); an evaluation set is "
                    + "usually a small share of the data.")
        }
        let found = eval.personalData.found
        if !found.isEmpty {
            notes.append(
                "Personal data (hints) in it: "
                    + found.map { "\($0.kind.rawValue) \(grouped($0.tally.count)) (\(lines($0.tally)))" }
                    .joined(separator: ", ") + "." + (eval.personalData[.secret].count > 0 ? " Remove the secrets and rotate the keys." : ""))
        }
        return notes
    }

    /// What the answers line says when nothing was measured: no line is an example read.
    static let noAnswers = "none measured: no line is a valid example"

    /// "line 12 nearly repeats line 6", …: the near-duplicate pairs kept, and "…" when some
    /// are left out.
    static func nearPairs(_ measurement: DataMeasurement) -> [String] {
        pairs(measurement.nearDuplicatePairs, of: measurement.nearDuplicates, verb: "nearly repeats")
    }

    /// "line 9 repeats line 2", …: the duplicates kept, each with the line it repeats, and "…"
    /// when some are left out.
    static func duplicatePairs(_ measurement: DataMeasurement) -> [String] {
        pairs(measurement.duplicatePairs, of: measurement.duplicates, verb: "repeats")
    }

    /// "line 8 reverses line 3", …: the reversed preference pairs kept, and "…" when some are
    /// left out.
    static func reversalPairs(_ measurement: DataMeasurement) -> [String] {
        pairs(measurement.reversalPairs, of: measurement.reversals, verb: "reverses")
    }

    /// What reversed preference pairs are, for a section's title.
    static let reversalsTitle = "Reversed pairs (an earlier prompt with its answers swapped; the two cancel out)"

    /// The pairs kept of `count`, each as "line L VERB line E", and "…" when some are left out.
    private static func pairs(_ pairs: [LinePair], of count: Int, verb: String) -> [String] {
        pairs.map { "line \($0.line) \(verb) line \($0.earlierLine)" } + (count > pairs.count ? ["…"] : [])
    }

    /// "billing 40.0%, " billing" 20.0%": the label balance of the outputs.
    static func labelList(_ outputs: OutputProfile) -> String {
        outputs.labels.map { "\(shown($0.text)) \(percentage($0.count, of: outputs.outputs))" }.joined(separator: ", ")
    }

    /// What the label balance calls for: labels written two ways (``labelVariantsHint(_:)``)
    /// and labels too rare to learn or test (``rareLabelsHint(_:)``).
    static func labelHints(_ outputs: OutputProfile) -> [String] {
        [labelVariantsHint(outputs), rareLabelsHint(outputs)].compactMap { $0 }
    }

    /// The fewest examples of a label that a held-out split of a tenth to a fifth still tests.
    static let fewestExamplesPerLabel = 20
    /// The fewest outputs from which rare labels are named: a smaller file is short of
    /// examples for every label, which its data-volume already says.
    static let rareLabelMinimumOutputs = 100

    /// "Labels with fewer than 20 examples (fraud: 4; other: 7) …", among the labels shown,
    /// where the file holds enough outputs, and some label enough examples, for the others to
    /// be learned (where every label is rare, the data-volume says so for the whole file). A
    /// label written several ways (``labelVariantsHint(_:)``) counts with its other spellings.
    static func rareLabelsHint(_ outputs: OutputProfile) -> String? {
        guard outputs.outputs >= rareLabelMinimumOutputs else { return nil }
        let groups = labelGroups(outputs)
        let rare = groups.filter { group in group.reduce(0) { $0 + $1.count } < fewestExamplesPerLabel }
        guard !rare.isEmpty, rare.count < groups.count else { return nil }
        let listed = rare.map { group in "\(shown(group[0].text)): \(group.reduce(0) { $0 + $1.count })" }
        return "Labels with fewer than \(fewestExamplesPerLabel) examples (" + listed.joined(separator: "; ")
            + ") are too few to learn reliably or to measure on a held-out tenth or fifth: gather more of them, merge each into a "
            + "neighbouring label, or, for one that must not be missed, route it by a rule or to a person."
    }

    /// The note for labels written more than one way (in case, spaces at either end, a final
    /// full stop, or `-`, `_` and a space between words), which a model learns as different
    /// answers: "" positive" and "Positive" …".
    static func labelVariantsHint(_ outputs: OutputProfile) -> String? {
        let variants = labelGroups(outputs).filter { $0.count > 1 }
        guard !variants.isEmpty else { return nil }
        let listed = variants.map { group in
            group.dropLast().map { quoted($0.text) }.joined(separator: ", ") + " and " + quoted(group.last!.text)
        }
        return "Labels written more than one way (" + listed.joined(separator: "; ")
            + ") are learned as different answers: write each label one way."
    }

    /// The labels shown, grouped by how they read once case, spaces at either end, final
    /// punctuation and the separators `-`, `_` and space are set aside, in the order of their
    /// first label.
    static func labelGroups(_ outputs: OutputProfile) -> [[OutputProfile.Label]] {
        var groups: [String: [OutputProfile.Label]] = [:]
        var order: [String] = []
        for label in outputs.labels {
            // A label is one line, perhaps followed by a line break.
            var key = String(label.text.filter { !$0.isNewline }).trimmingBlanks().lowercased()
            while let last = key.last, ".,;:!?".contains(last) { key.removeLast() }
            key = String(key.map { $0 == "-" || $0 == "_" ? " " : $0 })
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(label)
        }
        return order.map { groups[$0]! }
    }

    /// A label as it reads in a list: quoted when it is empty, starts or ends with a space, or
    /// holds a comma or a quote, so that "negative" and " negative" stay apart.
    private static func shown(_ label: String) -> String {
        let needsQuotes =
            label.isEmpty || label.first?.isWhitespace == true || label.last?.isWhitespace == true
            || label.contains(",") || label.contains("\"")
        return needsQuotes ? quoted(label) : label
    }

    /// `label` in quotes, its own quotes, line breaks and tabs escaped.
    private static func quoted(_ label: String) -> String {
        let escapes: [Character: String] = ["\"": "\\\"", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\r\n": "\\r\\n"]
        return "\"" + label.map { escapes[$0] ?? String($0) }.joined() + "\""
    }

    /// What follows "N evaluation examples are in training": the lines of those found, then
    /// the examples that share their prompt with a training example and those that nearly
    /// repeat one, each when there are any: " (evaluation line → training line: 1→4); 3 more
    /// share their prompt with a training example (…); 1 more nearly repeats a training example",
    /// and, when any leaks, what to do about it.
    static func leakageDetails(_ leakage: Leakage) -> String {
        var text = leakage.evalExamplesInTrain > 0 ? " " + linePairs(leakage.evalPairsInTrain, of: leakage.evalExamplesInTrain) : ""
        let prompts = leakage.evalPromptsInTrain
        if prompts > 0 {
            text +=
                "; \(grouped(prompts)) more \(prompts == 1 ? "shares its" : "share their") prompt with a training example "
                + linePairs(leakage.evalPromptPairsInTrain, of: prompts)
        }
        let near = leakage.evalNearDuplicatesOfTrain
        if near > 0 {
            text +=
                "; \(grouped(near)) more nearly \(near == 1 ? "repeats" : "repeat") a training example "
                + linePairs(leakage.evalNearPairsInTrain, of: near)
        }
        if leakage.evalExamplesInTrain + prompts + near > 0 {
            text += ": take them out of training or out of the evaluation, so that it scores only what the model was not trained on"
        }
        return text
    }

    /// "(evaluation line → training line: 1→4, 2→2, …)" for the pairs kept of `count`.
    private static func linePairs(_ pairs: [LinePair], of count: Int) -> String {
        "(evaluation line → training line: " + pairs.map { "\($0.line)→\($0.earlierLine)" }.joined(separator: ", ")
            + (count > pairs.count ? ", …" : "") + ")"
    }

    /// "line 4", "lines 4, 9, …": the first lines of `count` findings.
    static func lines(_ lines: [Int], of count: Int) -> String {
        Self.lines(Tally(count: count, lines: lines))
    }

    /// "line 4", "lines 4, 9, …": the lines a tally keeps.
    static func lines(_ tally: Tally) -> String {
        (tally.count == 1 ? "line " : "lines ") + lineList(tally)
    }

    /// "12.3 MB", "402 KB", "880 bytes": a size in decimal units.
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return value >= 100 ? "\(Int(value.rounded())) \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}

extension ReportFormat {
    /// The `data` renderer for this format; text wraps to `width`.
    func dataRenderer(width: Int) -> any ReportRenderer<DataReport> {
        switch self {
        case .text: DataTextRenderer(width: width)
        case .json: DataJSONRenderer()
        case .markdown: DataMarkdownRenderer()
        }
    }
}
