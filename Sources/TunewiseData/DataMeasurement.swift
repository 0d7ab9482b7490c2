/// What a training or evaluation file holds, as measured by ``DataAnalyzer``.
public struct DataMeasurement: Equatable, Sendable {
    /// Lines read, blank ones included; a last line without a line break counts.
    public var lines = 0
    public var bytes = 0
    public var blankLines = 0
    /// Lines that end with CR LF.
    public var crlfLines = 0
    /// Whether the file starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark = false
    /// Valid examples of each format.
    public var chatExamples = 0
    public var promptCompletionExamples = 0
    public var preferenceExamples = 0
    /// The ``preferenceExamples`` in OpenAI's layout (`input`, `preferred_output`,
    /// `non_preferred_output`); the others are in TRL's (`prompt`, `chosen`, `rejected`).
    public var preferredOutputExamples = 0
    /// Examples whose conversation ends with the user's turn, or whose prompt has no
    /// completion, beside a field named as a reference for a grader (`reference_answer`, say):
    /// the layouts of OpenAI's reinforcement fine-tuning and TRL's GRPO. They count among
    /// ``chatExamples`` and ``promptCompletionExamples``.
    public var gradedExamples = 0
    /// Valid examples with images or audio: what those cost in tokens is not in ``tokens``, and
    /// the examples are not compared for near-duplicates (their words alone may be alike).
    public var mediaExamples = 0
    /// The assistant messages of the chat examples: each a turn a trainer learns from (unless
    /// its `weight` is 0), however many a conversation holds.
    public var assistantTurns = 0
    /// Valid examples whose assistant messages carry their reasoning beside their content
    /// (`reasoning_content`, `reasoning` or `thinking`): counted in tokens and in what an
    /// example says.
    public var reasoningExamples = 0
    /// Lines that are examples of their format.
    public var valid = 0
    /// Non-blank lines that are not, each counted under its first fault.
    public var invalid = 0
    /// Valid examples that say what an earlier one says: the same texts in the same roles and
    /// fields, the same tool calls and the same grader's reference (``ContentHash``), however
    /// their lines are written.
    public var duplicates = 0
    /// The first duplicates, at most ``Tally/keptLines``, each with the line of the example
    /// it repeats (the first to say it).
    public var duplicatePairs: [LinePair] = []
    /// The lines of ``duplicatePairs``' duplicates.
    public var duplicateLines: [Int] { duplicatePairs.map(\.line) }
    /// The lines of the first examples over the token limit, at most ``Tally/keptLines``.
    public var overLimitLines: [Int] = []
    /// Valid examples, not duplicates, that nearly repeat an earlier one: their MinHash sketches
    /// agree in ``MinHashSignature/matchingBins`` bins or more, about 70% of their word triples
    /// shared (system and developer messages aside); examples with images or audio are not
    /// compared (``mediaExamples``).
    public var nearDuplicates = 0
    /// The first few near-duplicates, each with the line of an earlier example it nearly repeats.
    public var nearDuplicatePairs: [LinePair] = []
    /// Preference pairs that swap the answers of an earlier pair with the same prompt (what
    /// one prefers, the other rejects), so that the two cancel out.
    public var reversals = 0
    /// The first reversals, at most ``Tally/keptLines``, each with the line of the pair it reverses.
    public var reversalPairs: [LinePair] = []
    /// Valid examples with a `label` of `true` or `false` (KTO's layout: a rating of one
    /// answer), and those labelled `false`.
    public var rated = 0
    public var ratedDown = 0
    public var faults = Tallies<DataFault>()
    /// The lines counted as not-json whose bytes are not UTF-8 (text saved in Windows-1252 or
    /// Latin-1, say).
    public var notUTF8Lines = Tally()
    /// Invalid lines that look like another tool's layout.
    public var otherLayouts = Tallies<OtherLayout>()
    /// Warnings on valid examples.
    public var structure = Tallies<StructureWarning>()
    /// Valid examples whose text seems to hold each kind of personal data.
    public var personalData = Tallies<PersonalDataKind>()
    public var tokens: TokenStatistics
    public var outputs = OutputProfile()
    /// How long the two answers of preference pairs are: a preferred answer longer (or
    /// shorter) than the other in most pairs teaches length.
    public var answerLengths = AnswerLengths()
    /// For an evaluation file read against a training file: what it shares with training.
    public var leakage: Leakage?

    public init(tokenLimit: Int) { tokens = TokenStatistics(limit: tokenLimit) }

    /// Valid examples that are not duplicates.
    public var unique: Int { valid - duplicates }

    /// Unique examples of each ``ExampleKind``, by its raw value.
    var uniqueByKind = [Int](repeating: 0, count: ExampleKind.allCases.count)
    /// Unique examples with a `label` of `false` (``ratedDown``).
    public var uniqueRatedDown = 0

    /// The unique examples of `kind`.
    public func unique(_ kind: ExampleKind) -> Int { uniqueByKind[kind.rawValue] }

    /// The format of the valid examples: one format, `mixed`, or `unknown` when none is valid.
    public var format: DataFormat {
        let counts: [(DataFormat, Int)] = [
            (.chat, chatExamples), (.promptCompletion, promptCompletionExamples), (.preference, preferenceExamples),
        ]
        let present = counts.filter { $0.1 > 0 }
        guard let first = present.first else { return .unknown }
        return present.count == 1 ? first.0 : .mixed
    }

    /// The rubric's `data-volume` answer: `none`, `few` (under 100 unique valid examples),
    /// `hundreds` (under 1,000) or `thousands`; `nil` when the file has lines but none is a
    /// valid example (a layout not read, say), as how many examples it holds is then unknown.
    public var dataVolume: String? {
        if valid == 0, invalid > 0 { return nil }
        return Self.dataVolume(of: unique)
    }

    /// The `data-volume` answers above `none`, each with the least count of examples that gives it.
    private static let dataVolumeBands: [(least: Int, answer: String)] = [(1, "few"), (100, "hundreds"), (1000, "thousands")]

    /// The `data-volume` answer for `count` examples.
    public static func dataVolume(of count: Int) -> String {
        dataVolumeBands.last { count >= $0.least }?.answer ?? "none"
    }

    /// The least count of examples whose `data-volume` answer is `volume` (0 for `none`), or
    /// `nil` for a word that is no answer.
    public static func leastCount(answering volume: String) -> Int? {
        volume == "none" ? 0 : dataVolumeBands.first { $0.answer == volume }?.least
    }

    /// The rubric's `training-signal` answer: `demonstrations` for chat and prompt-completion
    /// examples with answers, `comparisons` for preference pairs, `graders` for prompts a
    /// grader scores (``gradedExamples``): graded prompts or preference pairs where they are
    /// more than half of a mixed file, demonstrations otherwise; `nil` when no example is valid.
    public var trainingSignal: String? {
        guard valid > 0 else { return nil }
        if gradedExamples * 2 > valid { return "graders" }
        return preferenceExamples * 2 > valid ? "comparisons" : "demonstrations"
    }

    /// Valid examples with an answer to imitate: chat and prompt-completion examples, graded
    /// prompts aside.
    public var demonstrations: Int { chatExamples - gradedExamples + promptCompletionExamples }
}

/// The estimated tokens of the assistant's answers in preference pairs whose two answers
/// differ (a pair's prompt turns, and tool calls, aside).
public struct AnswerLengths: Equatable, Sendable {
    /// Pairs with both answers.
    public var pairs = 0
    /// Pairs whose preferred answer is the longer.
    public var preferredLonger = 0
    /// Pairs whose preferred answer is the shorter.
    public var preferredShorter = 0
    /// The preferred answers' tokens, over all the pairs.
    public var preferredTokens = 0
    /// The other answers' tokens, over all the pairs.
    public var otherTokens = 0

    public init() {}

    /// Counts a pair whose answers hold `preferred` and `other` tokens.
    mutating func add(preferred: Int, other: Int) {
        pairs += 1
        if preferred > other { preferredLonger += 1 }
        if preferred < other { preferredShorter += 1 }
        preferredTokens += preferred
        otherTokens += other
    }

    /// Adds the pairs of `lengths`.
    mutating func add(_ lengths: AnswerLengths) {
        pairs += lengths.pairs
        preferredLonger += lengths.preferredLonger
        preferredShorter += lengths.preferredShorter
        preferredTokens += lengths.preferredTokens
        otherTokens += lengths.otherTokens
    }
}

/// An example and an earlier one it repeats or nearly repeats, by their lines.
public struct LinePair: Equatable, Sendable {
    public var line: Int
    public var earlierLine: Int

    public init(line: Int, earlierLine: Int) {
        self.line = line
        self.earlierLine = earlierLine
    }
}

/// What an evaluation file shares with the training file.
public struct Leakage: Equatable, Sendable {
    /// Valid evaluation examples identical to a training example.
    public var evalExamplesInTrain = 0
    /// The first of them, at most ``Tally/keptLines``, each as its line in the evaluation file
    /// (``LinePair/line``) and the line of the training example it repeats
    /// (``LinePair/earlierLine``).
    public var evalPairsInTrain: [LinePair] = []
    /// Valid evaluation examples, not identical to one, whose prompt (everything but the
    /// answers) a training example has.
    public var evalPromptsInTrain = 0
    /// The first of them, at most ``Tally/keptLines``, as ``evalPairsInTrain`` are.
    public var evalPromptPairsInTrain: [LinePair] = []
    /// Valid evaluation examples, neither identical to one nor sharing its prompt, that nearly
    /// repeat a training example.
    public var evalNearDuplicatesOfTrain = 0
    /// The first of them, at most ``Tally/keptLines``, each with the line of a training example
    /// it nearly repeats, as ``evalPairsInTrain`` are.
    public var evalNearPairsInTrain: [LinePair] = []

    /// The evaluation lines of ``evalPairsInTrain``.
    public var evalLinesInTrain: [Int] { evalPairsInTrain.map(\.line) }

    public init(
        evalExamplesInTrain: Int = 0, evalPairsInTrain: [LinePair] = [], evalPromptsInTrain: Int = 0,
        evalPromptPairsInTrain: [LinePair] = [], evalNearDuplicatesOfTrain: Int = 0, evalNearPairsInTrain: [LinePair] = []
    ) {
        self.evalExamplesInTrain = evalExamplesInTrain
        self.evalPairsInTrain = evalPairsInTrain
        self.evalPromptsInTrain = evalPromptsInTrain
        self.evalPromptPairsInTrain = evalPromptPairsInTrain
        self.evalNearDuplicatesOfTrain = evalNearDuplicatesOfTrain
        self.evalNearPairsInTrain = evalNearPairsInTrain
    }

    /// Counts the evaluation example at `line` as sharing its prompt with training, at
    /// `trainingLine` when the training index holds it.
    mutating func addPromptInTrain(line: Int, trainingLine: Int?) {
        evalPromptsInTrain += 1
        if let trainingLine { DataAnalyzer.keep(LinePair(line: line, earlierLine: trainingLine), in: &evalPromptPairsInTrain) }
    }

    /// Counts the evaluation example at `line` as found in training, at `trainingLine` when
    /// the training index holds it (``FingerprintIndex``).
    mutating func addExampleInTrain(line: Int, trainingLine: Int?) {
        evalExamplesInTrain += 1
        if let trainingLine { DataAnalyzer.keep(LinePair(line: line, earlierLine: trainingLine), in: &evalPairsInTrain) }
    }
}
