import TunewiseData
import TunewiseKit

/// The answers `advise --data FILE` measured in a training file, what each rests on, and
/// whether the file seems to hold personal data (a hint for the governance question).
struct MeasuredAnswers {
    /// One measured answer.
    struct Answer: Equatable {
        var question: String
        var option: String
        /// What it was measured from: "1,240 unique valid examples".
        var basis: String
        /// The option a flag or answers file gives instead, which is used.
        var givenInstead: String? = nil

        /// "data-volume few (12 unique valid examples; thousands given and used)".
        var summary: String {
            "\(question) \(option) (\(basis)" + (givenInstead.map { "; \($0) given and used" } ?? "") + ")"
        }
    }

    /// The file measured, as named to the user.
    var file: String
    /// The measured answers to questions the rubric asks, in the rubric's order.
    var answers: [Answer]
    /// Tokens in the file's valid examples, for the cost of training; `nil` when it has none.
    var trainingTokens: Int?
    /// What that estimate leaves out (``DataReport/trainingTokenCaveat(_:)``).
    var trainingTokenCaveat: String?
    /// "e-mail addresses in 12 examples, phone numbers in 2", when personal data was found.
    var personalData: String?
    /// Whether the file holds secrets (keys, tokens), which ``DataReport/secretHint`` covers.
    var hasSecrets = false
    /// What the measurement cannot say: that no line is an example read (so nothing is
    /// answered), or that the file is empty.
    var notice: String?
    /// Notes on what the examples are: a mix of demonstrations and preference pairs, answers
    /// rated false (``DataReport/signalNotes(_:)``).
    var notes: [String] = []
    /// Where most examples nearly repeat another or cancel out: how many do, of how many
    /// unique ones, and the data-volume those left would answer (``DataReport/distinctVolume(_:)``).
    var distinct: (examples: DistinctExamples, unique: Int)?
    /// The unique valid examples, which answered data-volume.
    var unique = 0
    /// The examples rated false (KTO's layout), which would be imitated as they stand.
    var ratedDown = 0
    /// Where those rated true alone would answer another data-volume: that data-volume.
    var ratedTrueVolume: String?
    /// Where the preferred answers of its pairs are mostly the longer (or the shorter), the
    /// note that says so (``DataReport/answerLengthHint(_:)``).
    var lengthBias: String?

    init(file: String, measurement: DataMeasurement, rubric: Rubric) {
        self.file = file
        unique = measurement.unique
        var measured: [Answer] = []
        let invalidLines = "\(grouped(measurement.invalid)) invalid \(measurement.invalid == 1 ? "line" : "lines")"
        let isEmpty = measurement.lines == measurement.blankLines
        if isEmpty {
            // An empty export is more often a broken one than a team without data.
            notice = "\(Tunewise.visible(file)) is empty, so data-volume is not measured"
        } else if let volume = measurement.dataVolume {
            let unique = "\(grouped(measurement.unique)) unique valid \(measurement.unique == 1 ? "example" : "examples")"
            measured.append(
                Answer(question: Contract.dataVolumeQuestion, option: volume, basis: unique + (measurement.invalid > 0 ? ", " + invalidLines : "")))
        } else {
            notice =
                "no line of \(Tunewise.visible(file)) is a valid example (\(invalidLines); see tunewise data), so data-volume is not measured"
        }
        notes =
            DataReport.signalNotes(measurement)
            + [DataReport.nearDuplicateShareHint(measurement)].compactMap { $0 } + DataReport.labelHints(measurement.outputs)
            + [DataReport.findingsSummary(measurement, file: Tunewise.visible(file))].compactMap { $0 }
            + (measurement.personalData[.secret].count > 0 ? [DataReport.secretHint] : [])
        hasSecrets = measurement.personalData[.secret].count > 0
        if let signal = measurement.trainingSignal {
            let graded = measurement.gradedExamples
            let basis =
                signal == "graders"
                ? "\(grouped(graded)) \(graded == 1 ? "prompt" : "prompts") beside a reference for a grader"
                : "\(measurement.format.rawValue) examples"
            measured.append(Answer(question: Contract.trainingSignalQuestion, option: signal, basis: basis))
        }
        answers = measured.filter { answer in
            rubric.question(answer.question)?.options.contains { $0.id == answer.option } ?? false
        }
        trainingTokens = DataReport.trainingTokens(measurement)
        distinct = DataReport.distinctVolume(measurement).map { ($0, measurement.unique) }
        ratedDown = measurement.ratedDown
        let kept = DataMeasurement.dataVolume(of: measurement.unique - measurement.uniqueRatedDown)
        if measurement.ratedDown > 0, kept != measurement.dataVolume { ratedTrueVolume = kept }
        lengthBias = DataReport.answerLengthHint(measurement.answerLengths)
        trainingTokenCaveat = DataReport.trainingTokenCaveat(measurement)
        // Secrets are not personal data: the secrets note covers them.
        let found = measurement.personalData.found.filter { $0.kind != .secret }
        personalData =
            found.isEmpty
            ? nil
            : found.map { "\($0.kind.rawValue) in \(grouped($0.tally.count)) \($0.tally.count == 1 ? "example" : "examples")" }
                .joined(separator: ", ")
    }

    /// The measured answers as raw answers, located at the data file.
    var rawAnswers: [RawAnswer] {
        answers.map { RawAnswer(question: $0.question, value: .option($0.option), source: .flag(FlagSpec.dataFile.spelling)) }
    }

    /// "data-volume thousands (1,240 unique valid examples), training-signal demonstrations (chat examples)".
    var summary: String {
        answers.isEmpty
            ? "nothing (\(notice ?? "the rubric asks no question it answers"))"
            : answers.map(\.summary).joined(separator: ", ")
    }

    /// The lines a text or Markdown report ends with.
    var reportLines: [String] {
        let file = Tunewise.visible(self.file)
        return ["", "Measured from \(file): \(summary)."] + notes
            + (personalData.map {
                [
                    "Personal data found in \(file) (\($0)): weigh the governance answer, and mask it in any example used in prompts, test sets or training "
                        + "(where the outputs must carry it, replace it with realistic made-up values, the same in input and output)."
                ]
            } ?? [])
    }

    /// The `measured` member of the JSON report.
    var json: JSONValue {
        .object([
            ("file", .string(file)),
            (
                "answers",
                .array(
                    answers.map {
                        .object([
                            ("question", .string($0.question)), ("option", .string($0.option)), ("basis", .string($0.basis)),
                            ("givenInstead", $0.givenInstead.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("trainingTokens", trainingTokens.map { .number(Double($0)) } ?? .null),
            ("personalData", personalData.map(JSONValue.string) ?? .null),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}
