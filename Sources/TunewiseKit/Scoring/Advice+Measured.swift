/// How a measured training file qualifies the advice.
extension Advice {
    /// Whether a stage of the plan, now or later, trains a model.
    public var trainsAtSomeStage: Bool { plan.contains { StrategyID(rawValue: $0.strategy) != .promptEngineering } }

    /// Qualifies the advice by the data-volume its file's distinct examples would answer, where
    /// most of them nearly repeat another: if that answer would change the strategy
    /// (``sensitivity``), the advice rests on a count of examples that teach less than their
    /// number, so the confidence is low and a ``Risk/Kind/data`` risk, in the words `wording`
    /// gives it (from the strategy the answer would give), comes first. The strategy never
    /// changes; an answer that changes nothing leaves the advice as it is.
    /// - Returns: whether it qualified the advice.
    @discardableResult
    public mutating func qualify(byDistinctDataVolume volume: String, wording: (_ strategy: String) -> String) -> Bool {
        guard answers[Contract.dataVolumeQuestion] != volume,
            let change = sensitivity.first(where: { $0.question == Contract.dataVolumeQuestion && $0.answer == volume })
        else { return false }
        risks.insert(Risk(kind: .data, text: wording(change.strategy), source: nil), at: 0)
        confidence = .low
        return true
    }

    /// Qualifies the advice by a measured count just over the threshold of its data-volume:
    /// where a fifth fewer examples (what a held-out test set may take) would answer `volume`
    /// and that answer would change the strategy (``sensitivity``), the advice stands on the
    /// threshold, so the confidence drops a level and a ``Risk/Kind/data`` risk, in the words
    /// `wording` gives it (from the strategy that answer would give), comes first. The
    /// strategy never changes.
    /// - Returns: whether it qualified the advice.
    @discardableResult
    public mutating func qualify(byNearbyDataVolume volume: String, wording: (_ strategy: String) -> String) -> Bool {
        guard answers[Contract.dataVolumeQuestion] != volume,
            let change = sensitivity.first(where: { $0.question == Contract.dataVolumeQuestion && $0.answer == volume })
        else { return false }
        risks.insert(Risk(kind: .data, text: wording(change.strategy), source: nil), at: 0)
        confidence = confidence == .high ? .medium : .low
        return true
    }

    /// Qualifies a plan that trains by a measured file whose training signal differs from the
    /// answer given: the plan trains as the answer says, which the file may not support, so
    /// `note` (the report's words) comes first among the risks and the confidence drops a
    /// level. A plan that trains at no stage is left as it is.
    /// - Returns: whether it qualified the advice.
    @discardableResult
    public mutating func qualify(byContradictedTrainingSignal note: String) -> Bool {
        guard trainsAtSomeStage else { return false }
        qualify(byContradictedAnswer: note, kind: .data)
        return true
    }

    /// Qualifies the advice by an answer that the team's own figures contradict (a measured
    /// file, the volume costed): `note`, the report's words, comes first among the risks, of
    /// `kind`, and the confidence drops a level. The strategy never changes.
    public mutating func qualify(byContradictedAnswer note: String, kind: Risk.Kind) {
        risks.insert(Risk(kind: kind, text: note, source: nil), at: 0)
        confidence = confidence == .high ? .medium : .low
    }

    /// Adds `note`, the report's words for personal data or secrets in a measured training
    /// file, to the risks of a plan that trains at some stage, whatever the governance answer:
    /// tuned weights can repeat what they saw to anyone who uses them. The confidence stays,
    /// since the data can be masked before the run.
    public mutating func qualify(byTrainingFileHolding note: String) {
        guard trainsAtSomeStage else { return }
        risks.append(Risk(kind: .data, text: note, source: nil))
    }

    /// Puts first among the risks `note`, the report's words for preference pairs in a measured
    /// file whose preferred answer is mostly the longer (or the shorter), where the first step
    /// trains on them by preference: it would learn length as readily as quality. The
    /// confidence stays, since the pairs can be balanced before the run.
    public mutating func qualify(byBiasedPreferencePairs note: String) {
        guard variants.contains(where: { $0.variant == CostShape.trainingVariant && $0.choice == CostShape.preferenceChoice }) else { return }
        risks.insert(Risk(kind: .data, text: note, source: nil), at: 0)
    }
}
