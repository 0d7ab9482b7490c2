import Testing
import TunewiseKit

/// Prompt caching for base and tuned models, retrieval upkeep, and paybacks that retrains
/// take back, each worked by hand.
struct CostCachingAndPaybackTests {
    /// The example of ``CostModelTests`` with `changes`.
    static func with(_ changes: [CostField: Double?]) -> CostInputs {
        CostModelTests.with(CostModelTests.example, changes)
    }

    /// A prefix shorter than providers cache gets no discount; one of 1,024 tokens does.
    /// Prompting, 1,000 prompt tokens, 80 % hits at 0.075: uncached (1000 + 2000) × 0.15 + 300 ×
    /// 0.6 = 630 per million; at 1,024 tokens 1024 × (0.8 × 0.075 + 0.2 × 0.15) + 2000 × 0.15 +
    /// 180 = 92.16 + 300 + 180 = 572.16.
    @Test func onlyAPrefixLongEnoughIsReadFromTheCache() throws {
        let cached: [CostField: Double?] = [.cachedInputPricePerMillion: 0.075, .cacheHitShare: 0.8]
        let short = try CostModel.compare(Self.with(cached.merging([.promptTokens: 1_000]) { $1 }))
        #expect(abs((short.strategy("prompt-engineering")?.perRequest ?? 0) - 630e-6) < 1e-15)
        #expect(short.strategiesTooShortToCache.map(\.strategy).contains("prompt-engineering"))
        let long = try CostModel.compare(Self.with(cached.merging([.promptTokens: 1_024]) { $1 }))
        #expect(abs((long.strategy("prompt-engineering")?.perRequest ?? 0) - 572.16e-6) < 1e-15)
        #expect(!long.strategiesTooShortToCache.map(\.strategy).contains("prompt-engineering"))
        // Without a hit share nothing is said to be too short.
        #expect(try CostModel.compare(Self.with([.promptTokens: 1_000, .cachedInputPricePerMillion: 0.075])).strategiesTooShortToCache.isEmpty)
    }

    /// A tuned model reads its cacheable prefix from the cache at its own cached price: with
    /// a 2,000-token tuned prompt, 50 % hits at 0.15 (tuned input 0.3), fine-tuning costs
    /// 2000 × (0.5 × 0.15 + 0.5 × 0.3) + 300 × 1.2 = 450 + 360 = 810 per million; without the
    /// cached price, 2000 × 0.3 + 360 = 960. A cached price above the input price is refused.
    @Test func aTunedModelIsReadFromTheCacheAtItsOwnPrice() throws {
        let base: [CostField: Double?] = [.tunedPromptTokens: 2_000, .cachedInputPricePerMillion: 0.075, .cacheHitShare: 0.5]
        let uncached = try CostModel.compare(Self.with(base))
        #expect(abs((uncached.strategy("fine-tuning")?.perRequest ?? 0) - 960e-6) < 1e-15)
        let cached = try CostModel.compare(Self.with(base.merging([.tunedCachedInputPricePerMillion: 0.15]) { $1 }))
        #expect(abs((cached.strategy("fine-tuning")?.perRequest ?? 0) - 810e-6) < 1e-15)
        #expect(throws: CostModelError.invalid([CostProblem(field: .tunedCachedInputPricePerMillion, value: 0.5, kind: .aboveInputPrice)])) {
            try CostModel.compare(Self.with([.tunedCachedInputPricePerMillion: 0.5]))
        }
        #expect(
            CostProblem(field: .tunedCachedInputPricePerMillion, value: 0.5, kind: .aboveInputPrice).description
                == "must not exceed tunedInputPricePerMillion; found 0.5; allowed: a number from 0 to the input price")
    }

    /// A strategy that retrieves pays the upkeep even when no context tokens were given; a
    /// tuned model said to need none of the retrieved context does not.
    @Test func retrievalUpkeepFollowsRetrievalNotContextTokens() throws {
        let noContext = try CostModel.compare(Self.with([.contextTokens: nil, .tunedContextTokens: nil]))
        #expect(noContext.strategy("prompt-engineering")?.retrievalMonthly == 150)
        #expect(noContext.strategy("fine-tuning")?.retrievalMonthly == 150)
        // The example's tuned models keep none of its 2,000 context tokens.
        let dropped = try CostModel.compare(CostModelTests.example)
        #expect(dropped.strategy("prompt-engineering")?.retrievalMonthly == 150)
        #expect(dropped.strategy("fine-tuning")?.retrievalMonthly == 0)
        let none = try CostModel.compare(Self.with([.contextTokens: nil]), shapes: ["prompt-engineering": CostShape(retrieval: .none)])
        #expect(none.strategy("prompt-engineering")?.retrievalMonthly == 0)
    }

    /// Retrains can put a tuned model behind again after it has drawn level. Prompting
    /// 1,440 a month (50,000 requests a day at 0.00096), fine-tuning 720 (at 0.00048), one-off
    /// 3,885 against 2,400, a retrain of 4,245 every 3 months (from month 4): fine-tuning is
    /// level by month 3 (6,045 against 6,720) but behind from month 4 (11,010 against 8,160)
    /// to the end, so it does not pay back within 12 months: retraining eats the savings. Over
    /// 12 months it needs 1,485 + 3 × 4,245 = 14,220 recovered at 12 × 30 × 0.00048 a request a
    /// day: 82,291.7 requests a day.
    @Test func aPaybackThatARetrainTakesBackIsNone() throws {
        let inputs = CostInputs(
            [
                .requestsPerDay: 50_000, .promptTokens: 5_000, .inputTokens: 800, .outputTokens: 150, .inputPricePerMillion: 0.15,
                .outputPricePerMillion: 0.6, .tunedPromptTokens: 200, .tunedInputPricePerMillion: 0.3, .tunedOutputPricePerMillion: 1.2,
                .trainingTokens: 5_000_000, .epochs: 3, .trainingPricePerMillion: 3, .dataPrepHours: 24, .retrainHours: 70,
                .hourlyRate: 60, .promptBuildHours: 40,
            ], transience: .periodic)
        let comparison = try CostModel.compare(inputs)
        let fineTuning = try #require(comparison.breakEven.first { $0.strategy == "fine-tuning" })
        #expect(fineTuning.paybackMonth == nil)
        #expect(fineTuning.paybackNever == .retrainingEatsSavings)
        #expect(abs((fineTuning.requestsPerDay ?? 0) - 14_220 / (360 * 0.00048)) < 1e-6)
        // Well above that volume it pays back, and stays ahead, from its first month ahead.
        let busy = try CostModel.compare(CostModelTests.with(inputs, [.requestsPerDay: 200_000]))
        let month = try #require(busy.breakEven.first { $0.strategy == "fine-tuning" }?.paybackMonth)
        let trained = try #require(busy.strategy("fine-tuning")?.cumulative)
        let prompting = try #require(busy.strategy("prompt-engineering")?.cumulative)
        #expect((month - 1..<12).allSatisfy { trained[$0] <= prompting[$0] })
        #expect(month == 1 || trained[month - 2] > prompting[month - 2])
    }

    /// Fewer context tokens for a tuned model are an assumption worth a warning only where a
    /// costed tuned model other than the hybrid (which keeps all its context) retrieves.
    @Test func droppedContextIsSaidOnlyWhereATunedModelTakesIt() throws {
        let dropped = Self.with([.tunedContextTokens: 500])
        #expect(try CostModel.compare(dropped).tunedModelDropsContext)
        let hybridAlone = try CostModel.compare(dropped, shapes: ["fine-tuning": CostShape(retrieval: .none)])
        #expect(!hybridAlone.tunedModelDropsContext)
        #expect(!(try CostModel.compare(Self.with([.tunedContextTokens: 2_000]))).tunedModelDropsContext)
    }
}
