import TunewiseData

/// The notes a data report adds on what the examples are and what the answers measured
/// from them overstate.
extension DataReport {
    /// The note that many near-duplicates raise, for every format: when at least a fifth of
    /// the unique examples (and five) nearly repeat another, a shared template is the likelier cause.
    static func nearDuplicateHint(_ measurement: DataMeasurement) -> String? {
        guard measurement.nearDuplicates >= 5, measurement.nearDuplicates * 5 >= measurement.unique,
            measurement.format == .chat
        else { return nil }
        return "Many examples nearly repeat others: their turns share most of their words (system "
            + "messages are left out of this check). The same turns under different system prompts are alike; so are turns "
            + "that repeat a long instruction, which belongs in a system message."
    }

    /// The note for labelled examples that give a prompt another label than an earlier one
    /// did: label noise, which training averages into a coin toss.
    static func conflictingLabelHint(_ measurement: DataMeasurement) -> String? {
        let count = measurement.structure[.conflictingLabel].count
        guard count > 0 else { return nil }
        return "\(grouped(count)) labelled \(count == 1 ? "example repeats" : "examples repeat") an earlier example's prompt with a "
            + "different label: a model cannot learn both, so settle which label is right, or add to the prompt whatever tells "
            + "the cases apart."
    }

    /// The note for a file with no line but blank ones: its data-volume of none is what the
    /// contract maps zero examples to, but an empty export is more often a failed one.
    static func emptyFileHint(_ measurement: DataMeasurement) -> String? {
        guard measurement.lines == measurement.blankLines else { return nil }
        return "The file is empty: an empty export is more often a failed one than a team without data, so check it before "
            + "answering data-volume none ('tunewise advise --data' does not take an empty file as none)."
    }

    /// The note for a file that writes its examples both as chat and as prompt-completion,
    /// which no trainer reads as one file.
    static func mixedLayoutHint(_ measurement: DataMeasurement) -> String? {
        let chats = measurement.chatExamples
        let pairs = measurement.promptCompletionExamples
        guard chats > 0, pairs > 0 else { return nil }
        return "This file writes \(grouped(chats)) \(chats == 1 ? "example" : "examples") as chat messages and \(grouped(pairs)) "
            + "as prompt and completion: hosted tuning services and TRL's trainers read one layout a file (OpenAI's chat "
            + "models take messages only), so write the prompt-completion lines as messages."
    }

    /// The note for a file that writes its preference pairs in both common layouts, which no
    /// trainer reads as one file.
    static func mixedPreferenceLayoutHint(_ measurement: DataMeasurement) -> String? {
        let openAI = measurement.preferredOutputExamples
        let trl = measurement.preferenceExamples - openAI
        guard openAI > 0, trl > 0 else { return nil }
        return "This file writes \(grouped(openAI)) preference \(openAI == 1 ? "pair" : "pairs") as input, preferred_output and "
            + "non_preferred_output (OpenAI's layout) and \(grouped(trl)) as prompt, chosen and rejected (TRL's): each trainer reads "
            + "one layout a file, so write them all in the layout of the one you use."
    }

    /// The note for a file of more than one kind of example (demonstrations, preference pairs,
    /// prompts for a grader), which supervised, preference and reinforcement tuning each take apart.
    static func mixedSignalHint(_ measurement: DataMeasurement) -> String? {
        typealias Kind = (count: Int, kind: ExampleKind, one: String, many: String)
        let kinds: [Kind] = [
            (measurement.demonstrations, .demonstration, "demonstration", "demonstrations"),
            (measurement.preferenceExamples, .preferencePair, "preference pair", "preference pairs"),
            (measurement.gradedExamples, .graded, "prompt for a grader", "prompts for a grader"),
        ].filter { $0.count > 0 }
        guard kinds.count > 1 else { return nil }
        let named = kinds.map { "\(grouped($0.count)) \($0.count == 1 ? $0.one : $0.many)" }
        // The kind that answers training-signal, and the data-volume its unique examples would answer alone.
        let signal = kinds.first { $0.count * 2 > measurement.valid } ?? kinds.first { $0.kind == .demonstration } ?? kinds[0]
        let unique = measurement.unique(signal.kind)
        let alone = DataMeasurement.dataVolume(of: unique)
        let volume =
            alone == measurement.dataVolume
            ? ""
            : " The data-volume answer counts every kind; the \(grouped(unique)) unique \(unique == 1 ? signal.one : signal.many) alone would answer \(alone)."
        return "This file mixes " + named.dropLast().joined(separator: ", ") + " with " + named.last!
            + ": supervised, preference and reinforcement tuning each take one kind, so split it before training "
            + "(training-signal follows a kind that is more than half of the examples, else demonstrations)." + volume
    }

    /// The note for prompts without an answer beside a reference for a grader (OpenAI's layout
    /// for reinforcement fine-tuning), which are valid though they have nothing to imitate.
    static func gradedHint(_ measurement: DataMeasurement) -> String? {
        let graded = measurement.gradedExamples
        guard graded > 0 else { return nil }
        let one = graded == 1
        return "\(grouped(graded)) \(one ? "example is a prompt" : "examples are prompts") with no answer to \(one ? "its" : "their") "
            + "last turn, beside a reference for a grader (the layout of OpenAI's reinforcement fine-tuning and TRL's GRPO): a "
            + "model learns from \(one ? "it" : "them") by a grader's scores, not by imitation. If "
            + (one ? "it is a demonstration, its answer is missing." : "they are demonstrations, their answers are missing.")
    }

    /// The note for examples rated by a `label` of `false` (KTO's layout), which are read as
    /// demonstrations like the others.
    static func ratingHint(_ measurement: DataMeasurement) -> String? {
        guard measurement.ratedDown > 0 else { return nil }
        let rated = measurement.rated
        let kept = DataMeasurement.dataVolume(of: measurement.unique - measurement.uniqueRatedDown)
        let volume = kept == measurement.dataVolume ? "" : " Without them, data-volume would be \(kept)."
        return "\(grouped(rated)) \(rated == 1 ? "example carries" : "examples carry") a \"label\" of true or false (KTO's layout: a "
            + "rating of one answer) and \(rated == 1 ? "is" : "are") read as demonstrations, so the \(grouped(measurement.ratedDown)) "
            + "labelled false would be imitated: train on the true ones only, or with a trainer that reads the labels." + volume
    }

    /// The note for conversations of many turns, which trainers learn from turn by turn while
    /// data-volume counts conversations: when chat examples hold three assistant turns or more
    /// on average.
    static func turnsHint(_ measurement: DataMeasurement) -> String? {
        let conversations = measurement.chatExamples
        let turns = measurement.assistantTurns
        guard conversations > 0, turns >= 3 * conversations else { return nil }
        let average = (turns + conversations / 2) / conversations
        return "The \(grouped(conversations)) conversations hold \(grouped(turns)) assistant turns (\(grouped(average)) each on "
            + "average): trainers learn from every assistant turn, while data-volume counts conversations; if the turns are "
            + "what you have, answer data-volume by them."
    }

    /// The note for many near-duplicates beside the data-volume answer (in `tunewise data`, and
    /// in the answers `advise --data` takes): when at least a fifth of the unique examples (and
    /// five) nearly repeat another, data-volume overstates them, and says what the examples that
    /// nearly repeat none would answer; `whereNamed` says where the pairs are named.
    static func nearDuplicateShareHint(_ measurement: DataMeasurement, whereNamed: String = "tunewise data names them") -> String? {
        guard let found = distinctVolume(measurement) else { return nil }
        let volume =
            found.volume == measurement.dataVolume
            ? ""
            : (found.distinct == 1 ? " The one example left" : " The \(grouped(found.distinct)) examples left")
                + " would answer \(found.volume); if the rest are variations, answer that."
        let teach =
            found.nearDuplicates > 0
            ? "variations of one template teach less than their number suggests (an instruction that every prompt repeats also makes "
                + "examples alike: read a few of the pairs first)" : "a pair and its reversal teach nothing"
        return "\(repeatsPhrase(found, unique: measurement.unique)) (\(whereNamed)): data-volume counts each, though "
            + teach + "." + volume
    }

    /// Where a fifth or more of the unique examples (five at least) nearly repeat another or
    /// cancel out (a preference pair and the reversal of it, two for each reversal): how many
    /// do, how many are left, and the data-volume those alone would answer.
    static func distinctVolume(_ measurement: DataMeasurement) -> DistinctExamples? {
        let near = measurement.nearDuplicates
        let cancelled = 2 * measurement.reversals
        guard near + cancelled >= 5, (near + cancelled) * 5 >= measurement.unique else { return nil }
        let distinct = max(0, measurement.unique - near - cancelled)
        return DistinctExamples(
            nearDuplicates: near, reversals: measurement.reversals, distinct: distinct, volume: DataMeasurement.dataVolume(of: distinct))
    }

    /// "40 of the 120 unique examples nearly repeat another, and 30 reverse an earlier
    /// preference pair (the two cancel out)".
    static func repeatsPhrase(_ found: DistinctExamples, unique: Int) -> String {
        let reversals =
            "\(grouped(found.reversals)) \(found.reversals == 1 ? "reverses" : "reverse") an earlier preference pair (the two cancel out)"
        guard found.nearDuplicates > 0 else { return "Of the \(grouped(unique)) unique examples, " + reversals }
        return "\(grouped(found.nearDuplicates)) of the \(grouped(unique)) unique examples nearly repeat another"
            + (found.reversals > 0 ? ", and " + reversals : "")
    }

    /// Answers that average fewer tokens than this on both sides of the pairs are labels, not
    /// texts whose length a preference could favour.
    static let shortAnswerTokens = 4

    /// The note for preference pairs whose preferred answer is the longer (or the shorter) in
    /// seven pairs of ten or more, and a quarter longer (or shorter) on average: at least ten
    /// pairs, and answers longer than labels (``shortAnswerTokens``) on one side at least.
    static func answerLengthHint(_ lengths: AnswerLengths) -> String? {
        // Answers of a few tokens on both sides (labels) differ in length by their words, not
        // by how much they say: the label balance tells more.
        guard lengths.pairs >= 10, max(lengths.preferredTokens, lengths.otherTokens) >= lengths.pairs * Self.shortAnswerTokens else { return nil }
        let isLonger = lengths.preferredLonger * 10 >= lengths.pairs * 7 && lengths.preferredTokens * 4 >= lengths.otherTokens * 5
        let isShorter = lengths.preferredShorter * 10 >= lengths.pairs * 7 && lengths.otherTokens * 4 >= lengths.preferredTokens * 5
        guard isLonger || isShorter else { return nil }
        let word = isLonger ? "longer" : "shorter"
        let share = percentage(isLonger ? lengths.preferredLonger : lengths.preferredShorter, of: lengths.pairs)
        let preferred = (lengths.preferredTokens + lengths.pairs / 2) / lengths.pairs
        let other = (lengths.otherTokens + lengths.pairs / 2) / lengths.pairs
        return "In \(share) of the \(grouped(lengths.pairs)) preference pairs the preferred answer is the \(word) (\(grouped(preferred)) "
            + "estimated tokens on average against \(grouped(other))): preference tuning learns length as readily as quality, so "
            + "check that reviewers did not simply prefer \(word) answers, or balance the pairs by length."
    }

    /// The note for outputs that hold JSON inside a code fence or with words around it, when
    /// JSON is what the outputs are for (``isJSONTask(_:)``): prose that shows an example of
    /// JSON is not at fault.
    static func wrappedJSONHint(_ outputs: OutputProfile) -> String? {
        let wrapped = outputs.wrappedJSON
        guard wrapped.count > 0, isJSONTask(outputs) else { return nil }
        let one = wrapped.count == 1
        return "\(grouped(wrapped.count)) \(one ? "output holds" : "outputs hold") JSON inside a code fence or with words around it "
            + "(\(lines(wrapped))): a model tuned on \(one ? "it" : "them") wraps its JSON too, so strip "
            + "\(one ? "it" : "them") to the JSON if the output must parse."
    }

    /// The note for outputs that start as JSON but do not parse: a model tuned on them writes
    /// broken JSON too.
    static func brokenJSONHint(_ outputs: OutputProfile) -> String? {
        let broken = outputs.brokenJSON
        guard broken.count > 0 else { return nil }
        let one = broken.count == 1
        return "\(grouped(broken.count)) \(one ? "output starts" : "outputs start") as JSON but \(one ? "does" : "do") not parse "
            + "(\(lines(broken))): cut off or malformed, and a model tuned on \(one ? "it" : "them") writes broken JSON too, so fix "
            + "or drop \(one ? "it" : "them")."
    }

    /// Whether at least half the outputs are JSON, bare, wrapped or broken.
    static func isJSONTask(_ outputs: OutputProfile) -> Bool {
        (outputs.jsonOutputs + outputs.wrappedJSON.count + outputs.brokenJSON.count) * 2 >= outputs.outputs
    }

    /// The note for examples whose assistant messages carry their reasoning beside their content.
    static func reasoningHint(_ measurement: DataMeasurement) -> String? {
        let reasoning = measurement.reasoningExamples
        guard reasoning > 0 else { return nil }
        return "\(grouped(reasoning)) \(reasoning == 1 ? "example carries" : "examples carry") the assistant's reasoning beside its "
            + "answer (reasoning_content, reasoning or thinking), counted in the tokens and in what an example says: whether "
            + "training uses it depends on the trainer and the chat template."
    }

    /// The note for examples with images or audio, which the token estimate and the
    /// near-duplicate check leave out.
    static func mediaHint(_ measurement: DataMeasurement) -> String? {
        let media = measurement.mediaExamples
        guard media > 0 else { return nil }
        return "\(grouped(media)) \(media == 1 ? "example holds" : "examples hold") images or audio, which the token estimate "
            + "leaves out (an image costs hundreds of tokens in training on most platforms) and which are not compared for "
            + "near-duplicates."
    }

    /// What the token estimate leaves out of the cost of training on the file, if anything:
    /// images and audio, and for prompts for a grader, that such training is billed otherwise.
    static func trainingTokenCaveat(_ measurement: DataMeasurement) -> String? {
        var caveats: [String] = []
        let media = measurement.mediaExamples
        let graded = measurement.gradedExamples
        if media > 0 {
            caveats.append("the token estimate leaves out the images and audio of \(grouped(media)) \(media == 1 ? "example" : "examples")")
        }
        if graded > 0 {
            caveats.append(
                "\(grouped(graded)) \(graded == 1 ? "example is a prompt" : "examples are prompts") for a grader, and reinforcement "
                    + "fine-tuning is often billed by training time, not tokens")
        }
        return caveats.isEmpty ? nil : caveats.joined(separator: "; ")
    }

    /// The notes on what the examples are, for a report's answers: prompts for a grader, a mix
    /// of layouts or of kinds, answers rated false, long conversations, reasoning, images or audio, and
    /// preferred answers set apart by their length.
    static func signalNotes(_ measurement: DataMeasurement) -> [String] {
        [
            gradedHint(measurement), mixedLayoutHint(measurement), mixedPreferenceLayoutHint(measurement), mixedSignalHint(measurement),
            ratingHint(measurement), turnsHint(measurement),
            reasoningHint(measurement),
            mediaHint(measurement), answerLengthHint(measurement.answerLengths),
        ]
        .compactMap { $0 }
    }

    /// What else `tunewise data` would flag in a file whose answers `advise --data` takes:
    /// duplicates, near-duplicates (unless their own note says more), structure warnings, reversed pairs, examples over the token limit and outputs
    /// whose JSON is wrapped or does not parse, with counts ("Also in train.jsonl: 56 duplicates, 10 unfinished-reasoning; …").
    static func findingsSummary(_ measurement: DataMeasurement, file: String) -> String? {
        var found: [String] = []
        if measurement.duplicates > 0 {
            found.append("\(grouped(measurement.duplicates)) \(measurement.duplicates == 1 ? "duplicate" : "duplicates")")
        }
        // Many near-duplicates have a note of their own (``nearDuplicateShareHint(_:)``).
        if measurement.nearDuplicates > 0, distinctVolume(measurement) == nil {
            found.append("\(grouped(measurement.nearDuplicates)) \(measurement.nearDuplicates == 1 ? "near-duplicate" : "near-duplicates")")
        }
        found += measurement.structure.found.map { "\(grouped($0.tally.count)) \($0.kind.rawValue)" }
        if measurement.reversals > 0 { found.append("\(grouped(measurement.reversals)) reversed \(measurement.reversals == 1 ? "pair" : "pairs")") }
        let over = measurement.tokens.overLimit
        if over > 0 { found.append("\(grouped(over)) over the token limit of \(grouped(measurement.tokens.limit))") }
        let wrapped = measurement.outputs.wrappedJSON.count
        if wrapped > 0, isJSONTask(measurement.outputs) { found.append("\(grouped(wrapped)) with JSON wrapped in a fence or words") }
        let broken = measurement.outputs.brokenJSON.count
        if broken > 0 { found.append("\(grouped(broken)) with JSON that does not parse") }
        guard !found.isEmpty else { return nil }
        return "Also in \(file): " + found.joined(separator: ", ") + "; tunewise data names their lines."
    }

    /// The note that personal data found raises, for every format.
    static let personalDataHint =
        "Personal data found: answer the governance question with care (tunewise advise --governance …), and remove or mask it "
        + "before these examples go into prompts, test sets or training; where the outputs must carry it (extracting names or "
        + "addresses), replace it with realistic made-up values, the same in input and output, rather than masks the model would learn."

    /// The note that secrets found raise: a tuned model can repeat what it was trained on.
    static let secretHint =
        "Secrets found: rotate the keys now, as they are exposed wherever this file has been, and remove them before the "
        + "examples go into prompts or training, which can repeat them."
}

/// The unique examples of a file less those that nearly repeat another or cancel out
/// (``DataReport/distinctVolume(_:)``).
struct DistinctExamples {
    var nearDuplicates: Int
    /// Preference pairs that reverse an earlier one: each cancels itself and the earlier one.
    var reversals: Int
    /// The unique examples left.
    var distinct: Int
    /// The data-volume those left would answer.
    var volume: String
}
