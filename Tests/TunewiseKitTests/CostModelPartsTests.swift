import Testing

@testable import TunewiseKit

/// The cost model's parts: prompt caching, the context a tuned model still needs, prompting's build cost,
/// hosting in units and the batch discount, on the two cases that made the first model
/// contradict the advice, and as properties.
struct CostModelPartsTests {
    static func with(_ inputs: CostInputs, _ changes: [CostField: Double?]) -> CostInputs {
        var changed = inputs
        for (field, value) in changes { changed[field] = value }
        return changed
    }

    /// A 90,000-token product manual, updated weekly (transience frequent: a retrain every
    /// month), at 2,000 requests a day; the manual is sent as context.
    static let manual = CostInputs(
        [
            .requestsPerDay: 2_000, .promptTokens: 500, .contextTokens: 90_000, .outputTokens: 400,
            .inputPricePerMillion: 0.15, .outputPricePerMillion: 0.6, .tunedPromptTokens: 100,
            .tunedInputPricePerMillion: 0.3, .tunedOutputPricePerMillion: 1.2, .trainingTokens: 1_000_000, .epochs: 3,
            .trainingPricePerMillion: 3, .dataPrepHours: 16, .retrainHours: 4, .hourlyRate: 60,
        ], transience: .frequent)

    /// By hand, a month being 30 days (60,000 requests a month):
    /// - prompting per request = (500 + 90000) × 0.15 / 1e6 + 400 × 0.6 / 1e6 = 0.013575 +
    ///   0.00024 = 0.013815; a month 60000 × 0.013815 = 828.90.
    /// - fine-tuning as cost v1 had it (the manual trained in, no context): (100 × 0.3 + 400 ×
    ///   1.2) / 1e6 = 0.00051; a month 30.60; one-off 1e6 × 3 × 3 / 1e6 + 16 × 60 = 969; a
    ///   retrain 9 + 4 × 60 = 249 every month from month 2. Month 1: 969 + 30.6 = 999.6 >
    ///   828.9; month 2: 969 + 249 + 61.2 = 1279.2 ≤ 1657.8: "pays back in month 2". Break-even
    ///   A(12) / (30 × 12 × d) = (969 + 11 × 249) / (360 × 0.013305) = 3708 / 4.7898 = 774.15.
    /// - fine-tuning now keeps the manual (tunedContextTokens defaults to contextTokens):
    ///   ((100 + 90000) × 0.3 + 480) / 1e6 = 0.02751 > 0.013815 per request, so it never pays
    ///   back at any volume; the warning flag is off, as nothing is dropped.
    @Test func aWeeklyManualNoLongerShowsFineTuningPayingBack() throws {
        let now = try CostModel.compare(Self.manual)
        let baseline = try #require(now.strategy("prompt-engineering"))
        #expect(abs(baseline.monthly - 828.9) < 1e-9)
        let fineTuning = try #require(now.strategy("fine-tuning"))
        #expect(abs(fineTuning.perRequest - 0.02751) < 1e-12)
        let breakEven = try #require(now.breakEven.first { $0.strategy == "fine-tuning" })
        #expect(breakEven.paybackMonth == nil && breakEven.requestsPerDay == nil)
        #expect(breakEven.paybackNever == .tunedCostsMorePerRequest && breakEven.volumeNever == .tunedCostsMorePerRequest)
        #expect(!now.tunedModelDropsContext)

        let asV1 = try CostModel.compare(Self.with(Self.manual, [.tunedContextTokens: 0]))
        #expect(asV1.tunedModelDropsContext)
        let v1 = try #require(asV1.breakEven.first { $0.strategy == "fine-tuning" })
        #expect(abs(try #require(asV1.strategy("fine-tuning")).oneOff - 969) < 1e-9)
        #expect(v1.paybackMonth == 2)
        #expect(try abs(#require(v1.requestsPerDay) - 3708 / 4.7898) < 1e-6)
    }

    /// Product tagging: 5,000,000 requests a day, a 4,000-token static prefix (instructions and
    /// the tag list), 150 tokens of the product's own text per request (never cached), a
    /// 10-token label. Base model 0.8 in, 0.08 cached, 4 out; tuned 1.6 in, 8 out, 50 prompt
    /// tokens, keeping the product text. Training 20M tokens × 2 epochs × 8 = 320; one-off
    /// 320 + 80 h × 80 = 6720; a retrain 320 + 16 × 80 = 1600 every 3 months (periodic): 3 by
    /// month 12. A month is 150,000,000 requests.
    /// - Without caching: (4150 × 0.8 + 10 × 4) / 1e6 = 0.00336 a request, 504,000 a month.
    /// - 95 % cache hits: 4000 × (0.95 × 0.08 + 0.05 × 0.8) + 150 × 0.8 + 40 = 464 + 120 + 40 =
    ///   624 per million: 0.000624 a request, 93,600 a month: 5.4 times less.
    /// - Tuned: (200 × 1.6 + 10 × 8) / 1e6 = 0.0004 a request, 60,000 a month.
    /// - Break-even, lowest at month 12 (A = 6720 + 3 × 1600 = 11520): without caching
    ///   11520 / (360 × 0.00296) = 11520 / 1.0656 = 10,810.81 requests a day; with caching
    ///   11520 / (360 × 0.000224) = 11520 / 0.08064 = 142,857.14, over 13 times as many. At
    ///   5M a day both pay back in month 1 (saving 444,000 and 33,600 a month against 6720).
    @Test func cachingLowersTheTaggingBaselineAndRaisesBreakEven() throws {
        let tagging = CostInputs(
            [
                .requestsPerDay: 5_000_000, .promptTokens: 4_000, .contextTokens: 150, .outputTokens: 10,
                .inputPricePerMillion: 0.8, .outputPricePerMillion: 4, .tunedPromptTokens: 50, .tunedInputPricePerMillion: 1.6,
                .tunedOutputPricePerMillion: 8, .trainingTokens: 20_000_000, .epochs: 2, .trainingPricePerMillion: 8,
                .dataPrepHours: 80, .retrainHours: 16, .hourlyRate: 80,
            ], transience: .periodic)
        let uncached = try CostModel.compare(tagging)
        let cached = try CostModel.compare(Self.with(tagging, [.cachedInputPricePerMillion: 0.08, .cacheHitShare: 0.95]))
        #expect(abs((uncached.strategy("prompt-engineering")?.monthly ?? 0) - 504_000) < 1e-6)
        #expect(abs((cached.strategy("prompt-engineering")?.monthly ?? 0) - 93_600) < 1e-6)
        #expect(abs((cached.strategy("fine-tuning")?.monthly ?? 0) - 60_000) < 1e-6)
        #expect(cached.strategy("fine-tuning") == uncached.strategy("fine-tuning"), "the cache is the base model's")
        let before = try #require(uncached.breakEven.first { $0.strategy == "fine-tuning" })
        let after = try #require(cached.breakEven.first { $0.strategy == "fine-tuning" })
        #expect(try abs(#require(before.requestsPerDay) - 11520 / 1.0656) < 1e-6)
        #expect(try abs(#require(after.requestsPerDay) - 11520 / 0.08064) < 1e-6)
        #expect(before.paybackMonth == 1 && after.paybackMonth == 1)
    }

    /// The claims extractor: each request carries its own 6,000-token claim, which a tuned
    /// model reads as much as the prompted one and no cache holds. On the tagging prices with
    /// 95% cache hits, the claim adds 6000 × 0.8 = 4,800 per million to prompting (0.000624 →
    /// 0.005424 a request, 813,600 a month) and 6000 × 1.6 = 9,600 to the tuned model (0.0004 →
    /// 0.01 a request, 1,500,000 a month), so the tuned model no longer pays back; without the
    /// claim it paid back in month 1.
    @Test func eachRequestsOwnInputIsPaidForByEveryStrategyAndNeverCached() throws {
        let tagging = CostInputs(
            [
                .requestsPerDay: 5_000_000, .promptTokens: 4_000, .contextTokens: 150, .outputTokens: 10,
                .inputPricePerMillion: 0.8, .cachedInputPricePerMillion: 0.08, .cacheHitShare: 0.95, .outputPricePerMillion: 4,
                .tunedPromptTokens: 50, .tunedInputPricePerMillion: 1.6, .tunedOutputPricePerMillion: 8, .trainingTokens: 20_000_000,
                .epochs: 2, .trainingPricePerMillion: 8, .dataPrepHours: 80, .retrainHours: 16, .hourlyRate: 80,
            ], transience: .periodic)
        let claims = try CostModel.compare(Self.with(tagging, [.inputTokens: 6_000]))
        #expect(abs((claims.strategy("prompt-engineering")?.monthly ?? 0) - 813_600) < 1e-6)
        #expect(abs((claims.strategy("fine-tuning")?.monthly ?? 0) - 1_500_000) < 1e-6)
        #expect(claims.breakEven.first { $0.strategy == "fine-tuning" }?.paybackMonth == nil)
        let without = try CostModel.compare(tagging)
        #expect(without.breakEven.first { $0.strategy == "fine-tuning" }?.paybackMonth == 1)
    }

    /// Self-hosted: prompting 1000 tokens at 1 a million (0.001 a request, no output); the
    /// tuned model costs nothing per token but 1000 a month per unit of 100,000 requests a
    /// day, and 3000 h × 100 = 300,000 once; no retrain. d = 0.001, so a unit's hosting takes
    /// g = 1000 / (30 × 0.001) = 33,333.33 requests a day to cover, and each unit has room for
    /// 100,000 − 33,333.33 = 66,666.67 more. Month 12: B = 300000 / (360 × 0.001) = 833,333.33;
    /// ⌈B / 66,666.67⌉ = ⌈12.5⌉ = 13 units, so V* = B + 13 g = 1,266,666.67 (13 units serve up
    /// to 1.3M): Δ = 300000 + 12 × (13000 − 38000) = 0. The closed form with one unit,
    /// B + g = 866,666.67, needs 9 units there: Δ = 300000 + 12 × (9000 − 26000) = 96,000 > 0.
    /// With units of 10,000 requests a day a unit costs 1000 and saves at most 300 a month:
    /// never.
    @Test func hostingGrowsInUnitsAndBreakEvenFollowsTheSteps() throws {
        let selfHosted = CostInputs(
            [
                .requestsPerDay: 1_266_667, .promptTokens: 1_000, .outputTokens: 0, .inputPricePerMillion: 1,
                .outputPricePerMillion: 0, .tunedPromptTokens: 0, .tunedInputPricePerMillion: 0, .tunedOutputPricePerMillion: 0,
                .hostingPerMonth: 1_000, .hostingCapacityPerDay: 100_000, .trainingTokens: 0, .epochs: 1,
                .trainingPricePerMillion: 0, .dataPrepHours: 3_000, .hourlyRate: 100,
            ], transience: .static)
        let comparison = try CostModel.compare(selfHosted)
        let fineTuning = try #require(comparison.strategy("fine-tuning"))
        #expect(fineTuning.hostingUnits == 13 && fineTuning.fixedMonthly == 13_000)
        let breakEven = try #require(comparison.breakEven.first { $0.strategy == "fine-tuning" })
        let volume = try #require(breakEven.requestsPerDay)
        #expect(abs(volume - (300_000 / 0.36 + 13 * 1_000 / 0.03)) < 1e-6)
        #expect(breakEven.paybackMonth == 12)
        let closedForm = try CostModel.compare(Self.with(selfHosted, [.requestsPerDay: 866_667]))
        #expect(closedForm.strategy("fine-tuning")?.hostingUnits == 9)
        #expect(closedForm.breakEven.first?.paybackMonth == nil)
        let small = try CostModel.compare(Self.with(selfHosted, [.hostingCapacityPerDay: 10_000]))
        #expect(small.breakEven.first?.requestsPerDay == nil)
        #expect(small.breakEven.first?.volumeNever == .hostingOutgrowsSavings)
    }

    /// Build hours are paid by every strategy, so totals carry them and break-even does not
    /// move; a batch discount takes its share off every token price; a cache share needs a
    /// cached price, build hours an hourly rate; a cached price above the input price is refused.
    @Test func buildHoursBatchDiscountAndWhatTheyNeed() throws {
        let example = CostModelTests.example
        let plain = try CostModel.compare(example)
        let built = try CostModel.compare(Self.with(example, [.promptBuildHours: 40]))
        for (before, after) in zip(plain.strategies, built.strategies) { #expect(abs(after.oneOff - before.oneOff - 2_400) < 1e-9) }
        #expect(plain.breakEven.map(\.requestsPerDay) == built.breakEven.map(\.requestsPerDay))
        let batched = try CostModel.compare(Self.with(example, [.batchDiscount: 0.5]))
        for (before, after) in zip(plain.strategies, batched.strategies) { #expect(abs(after.perRequest - before.perRequest / 2) < 1e-15) }
        #expect(throws: CostModelError.missing([.cachedInputPricePerMillion])) {
            try CostModel.compare(Self.with(example, [.cacheHitShare: 0.5]))
        }
        #expect(throws: CostModelError.missing([.hourlyRate])) {
            try CostModel.compare(Self.with(example, [.promptBuildHours: 1, .hourlyRate: nil]))
        }
        #expect(throws: CostModelError.invalid([CostProblem(field: .cachedInputPricePerMillion, value: 0.2, kind: .aboveInputPrice)])) {
            try CostModel.compare(Self.with(example, [.cachedInputPricePerMillion: 0.2]))
        }
        #expect(CostField.cacheHitShare.problem(with: 1.5) == .outOfRange)
        #expect(CostField.hostingCapacityPerDay.problem(with: 0) == .outOfRange)
        #expect(CostField.cachedInputPricePerMillion.flag == "--cached-input-price-per-million")
    }

    /// The manual put whole in every prompt, as the `in-context` variant advises: the 500
    /// prompt tokens and 90,000 collection tokens are cacheable, 90 % at 0.075:
    /// 90500 × (0.9 × 0.075 + 0.1 × 0.15) = 90500 × 0.0825 = 7466.25, plus 400 × 0.6 = 240:
    /// 0.00770625 a request, with no retrieval upkeep (the 150 given is not paid). A fine-tuned
    /// model distilled at 0.1 in and 0.4 out keeps the manual: (90100 × 0.1 + 400 × 0.4) / 1e6
    /// = 0.00917; without its own prices it is priced as tuned.
    @Test func theAdvisedVariantsAreCosted() throws {
        let inputs = Self.with(Self.manual, [.retrievalPerMonth: 150, .cachedInputPricePerMillion: 0.075, .cacheHitShare: 0.9])
        #expect(throws: CostModelError.missing([.collectionTokens])) {
            try CostModel.compare(inputs, shapes: ["prompt-engineering": CostShape(retrieval: .inContext)])
        }
        let shapes = ["prompt-engineering": CostShape(retrieval: .inContext), "fine-tuning": CostShape(distilled: true)]
        let priced = Self.with(inputs, [.collectionTokens: 90_000, .distilledInputPricePerMillion: 0.1, .distilledOutputPricePerMillion: 0.4])
        let comparison = try CostModel.compare(priced, shapes: shapes)
        let baseline = try #require(comparison.strategy("prompt-engineering"))
        #expect(abs(baseline.perRequest - 0.00770625) < 1e-12)
        #expect(baseline.retrievalMonthly == 0 && baseline.shape.retrieval == .inContext)
        #expect(abs((comparison.strategy("fine-tuning")?.perRequest ?? 0) - 0.00917) < 1e-12)
        let undistilledPrices = try CostModel.compare(
            Self.with(priced, [.distilledInputPricePerMillion: nil, .distilledOutputPricePerMillion: nil]), shapes: shapes)
        #expect(abs((undistilledPrices.strategy("fine-tuning")?.perRequest ?? 0) - 0.02751) < 1e-12)
        #expect(CostModel.requiredFields(for: "fine-tuning", shape: CostShape(retrieval: .inContext)).last == .collectionTokens)
        #expect(!CostModel.requiredFields(for: "hybrid", shape: CostShape(retrieval: .none)).contains(.contextTokens))
        let withoutRetrieval = try CostModel.compare(inputs, shapes: ["prompt-engineering": CostShape(retrieval: .none)])
        // Its 500-token prompt alone is too short for a prompt cache: no discount.
        #expect(abs((withoutRetrieval.strategy("prompt-engineering")?.perRequest ?? 0) - (500 * 0.15 + 240) / 1e6) < 1e-15)
    }

    // MARK: Properties

    /// Scenarios over the example: horizons, cadences, hosting with and without units, caching.
    static var scenarios: [CostInputs] {
        var scenarios: [CostInputs] = []
        for horizon in [1.0, 12, 36] {
            for cadence in [0.0, 3] {
                for (hosting, capacity) in [(0.0, nil), (500.0, nil), (500, 5_000), (2_000, 50_000), (300, 1_000)] as [(Double, Double?)] {
                    for tunedContext in [0.0, 2_000] {
                        scenarios.append(
                            with(
                                CostModelTests.example,
                                [
                                    .horizonMonths: horizon, .retrainEveryMonths: cadence, .hostingPerMonth: hosting,
                                    .hostingCapacityPerDay: capacity, .promptTuningRunCost: 400, .tunedContextTokens: tunedContext,
                                    .cachedInputPricePerMillion: 0.03, .cacheHitShare: 0.5, .tunedInputPricePerMillion: 0.1,
                                ]))
                    }
                }
            }
        }
        return scenarios
    }

    static let shares: [Double] = [0, 0.1, 0.5, 0.9, 1]
    static let volumes: [Double] = [0, 1, 999, 5_000, 5_001, 20_000, 123_456, 1_000_000]

    @Test func moreCacheHitsNeverRaisePromptingsCost() throws {
        for shape in [CostShape(), CostShape(retrieval: .inContext), CostShape(retrieval: .none)] {
            for cached in [0.0, 0.015, 0.075, 0.15] {
                var previous: Double?
                for share in Self.shares {
                    let inputs = Self.with(
                        CostModelTests.example, [.cachedInputPricePerMillion: cached, .cacheHitShare: share, .collectionTokens: 50_000])
                    let cost = try #require(try CostModel.compare(inputs, shapes: ["prompt-engineering": shape]).strategy("prompt-engineering"))
                    if let previous { #expect(cost.total <= previous, "\(shape) \(cached) \(share)") }
                    previous = cost.total
                }
            }
        }
    }

    @Test func moreTrafficNeverLowersTotalCost() throws {
        for scenario in Self.scenarios {
            var previous: [String: Double] = [:]
            for volume in Self.volumes {
                for cost in try CostModel.compare(Self.with(scenario, [.requestsPerDay: volume])).strategies {
                    if let before = previous[cost.strategy] { #expect(cost.total >= before, "\(cost.strategy) at \(volume)") }
                    previous[cost.strategy] = cost.total
                }
            }
        }
    }

    /// Whether, at `volume`, `strategy`'s cumulative cost meets or falls below prompting's in
    /// some month, read from the cumulative curves alone.
    static func curvesMeet(_ scenario: CostInputs, _ strategy: String, at volume: Double) throws -> Bool {
        let comparison = try CostModel.compare(with(scenario, [.requestsPerDay: volume]))
        let baseline = comparison.strategies[0].cumulative
        let trained = try #require(comparison.strategy(strategy)).cumulative
        return zip(trained, baseline).contains { $0 <= $1 + 1e-9 * max(1, abs($1)) }
    }

    /// The break-even volume is where the cumulative curves first meet: they meet there, and
    /// at no volume below it, scanned on a grid, just below it and at every unit's capacity.
    @Test func breakEvenIsWhereTheCumulativeCurvesMeet() throws {
        var checked = 0
        for scenario in Self.scenarios {
            for breakEven in try CostModel.compare(scenario).breakEven {
                guard let needed = breakEven.requestsPerDay else {
                    for volume in Self.volumes { #expect(try !Self.curvesMeet(scenario, breakEven.strategy, at: volume)) }
                    continue
                }
                guard needed <= 1e9 else { continue }
                checked += 1
                #expect(try Self.curvesMeet(scenario, breakEven.strategy, at: needed), "\(breakEven.strategy) at \(needed)")
                var below = (0..<50).map { needed * Double($0) / 50 } + [needed * (1 - 1e-6), needed - 1]
                if let capacity = scenario[.hostingCapacityPerDay] {
                    below += stride(from: capacity, to: needed, by: capacity).map { $0 }
                }
                for volume in below where volume >= 0 && volume < needed * (1 - 1e-9) {
                    #expect(try !Self.curvesMeet(scenario, breakEven.strategy, at: volume), "\(breakEven.strategy) at \(volume) < \(needed)")
                }
            }
        }
        #expect(checked > 20)
    }
}
