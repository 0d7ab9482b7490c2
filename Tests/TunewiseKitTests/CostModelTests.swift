import Testing

@testable import TunewiseKit

/// The cost model against hand-worked cases and properties over a grid of inputs.
struct CostModelTests {
    /// The template's example prices without caching or build hours: a provider-hosted base
    /// model with retrieval, and its fine-tuned variant for a behaviour the base model's
    /// examples taught, which needs no retrieved context (`tunedContextTokens` 0); the hybrid
    /// keeps the retrieval.
    static let example = CostInputs(
        [
            .requestsPerDay: 20_000, .promptTokens: 1_500, .contextTokens: 2_000, .outputTokens: 300,
            .inputPricePerMillion: 0.15, .outputPricePerMillion: 0.6, .retrievalPerMonth: 150,
            .tunedPromptTokens: 200, .tunedContextTokens: 0, .tunedInputPricePerMillion: 0.3, .tunedOutputPricePerMillion: 1.2,
            .trainingTokens: 2_000_000, .epochs: 3, .trainingPricePerMillion: 3,
            .dataPrepHours: 24, .retrainHours: 8, .hourlyRate: 60,
        ], transience: .periodic)

    static func with(_ inputs: CostInputs, _ changes: [CostField: Double?], transience: CostTransience? = nil) -> CostInputs {
        var changed = inputs
        for (field, value) in changes { changed[field] = value }
        if let transience { changed.transience = transience }
        return changed
    }

    /// Hand-worked, a month being 30 days:
    /// - prompt-engineering per request = (1500 + 2000) × 0.15 / 1e6 + 300 × 0.6 / 1e6
    ///   = 0.000525 + 0.00018 = 0.000705; monthly = 20000 × 30 × 0.000705 + 150 = 423 + 150 = 573;
    ///   12 months = 6876.
    /// - fine-tuning per request = 200 × 0.3 / 1e6 + 300 × 1.2 / 1e6 = 0.00042; monthly =
    ///   600000 × 0.00042 = 252 (no retrieval, no hosting); one-off = 2e6 × 3 × 3 / 1e6 + 24 × 60
    ///   = 18 + 1440 = 1458; a retrain = 18 + 8 × 60 = 498, every 3 months (periodic), at the
    ///   start of months 4, 7, 10: 3 by month 12; 12 months = 1458 + 3 × 498 + 12 × 252 = 5976.
    /// - payback: C_ft(m) − C_pe(m) = 1458 + 498 n(m) − 321 m; month 7: 1458 + 996 − 2247 = 207 > 0;
    ///   month 8: 2454 − 2568 = −114 ≤ 0, so month 8.
    /// - break-even: A(m) = 1458 + 498 n(m) + m × (0 − 150), d = 0.000705 − 0.00042 = 0.000285;
    ///   V(m) = A(m) / (30 m d); month 12: (1458 + 1494 − 1800) / (30 × 12 × 0.000285)
    ///   = 1152 / 0.1026 = 11228.07, the lowest over months 1…12 (month 9: 1104 / 0.07695 = 14347).
    /// - hybrid per request = (200 + 2000) × 0.3 / 1e6 + 0.00036 = 0.00102 > 0.000705: never;
    ///   monthly = 600000 × 0.00102 + 150 = 762.
    @Test func theTemplateExampleByHand() throws {
        let comparison = try CostModel.compare(Self.example)
        #expect(comparison.strategies.map(\.strategy) == ["prompt-engineering", "fine-tuning", "hybrid"])
        let baseline = try #require(comparison.strategy("prompt-engineering"))
        #expect(abs(baseline.monthly - 573) < 1e-9)
        #expect(baseline.oneOff == 0)
        #expect(abs(baseline.total - 6876) < 1e-9)
        #expect(baseline.retrains == 0)
        let fineTuning = try #require(comparison.strategy("fine-tuning"))
        #expect(abs(fineTuning.oneOff - 1458) < 1e-9)
        #expect(abs(fineTuning.monthly - 252) < 1e-9)
        #expect(abs(fineTuning.retrainCost - 498) < 1e-9)
        #expect(fineTuning.retrains == 3)
        #expect(abs(fineTuning.total - 5976) < 1e-9)
        #expect(abs(fineTuning.cumulative[3] - (1458 + 498 + 4 * 252)) < 1e-9)
        let hybrid = try #require(comparison.strategy("hybrid"))
        #expect(abs(hybrid.monthly - 762) < 1e-9)

        let fineTuningBreakEven = try #require(comparison.breakEven.first { $0.strategy == "fine-tuning" })
        #expect(fineTuningBreakEven.paybackMonth == 8)
        #expect(try abs(#require(fineTuningBreakEven.requestsPerDay) - 1152 / 0.1026) < 1e-6)
        #expect(fineTuningBreakEven.paybackNever == nil && fineTuningBreakEven.volumeNever == nil)
        let hybridBreakEven = try #require(comparison.breakEven.first { $0.strategy == "hybrid" })
        #expect(hybridBreakEven.requestsPerDay == nil)
        #expect(hybridBreakEven.volumeNever == .tunedCostsMorePerRequest)
        #expect(hybridBreakEven.paybackMonth == nil)
        #expect(hybridBreakEven.paybackNever == .tunedCostsMorePerRequest)

        #expect(comparison.notCosted == [UncostedStrategy(strategy: "prompt-tuning", missing: [.hostingPerMonth, .promptTuningRunCost])])
        #expect(comparison.retrainEveryMonths == 3 && comparison.retrainCadenceFromTransience == .periodic)
    }

    /// Zero volume: prompt engineering costs its retrieval upkeep, 150 a month; fine-tuning
    /// nothing a month, but its one-off 1458 and retrains (498 every 3 months) outrun the
    /// 150 a month it saves: 1458 + 498 × 3 − 150 × 12 = 1152 > 0 at month 12. Never, as there
    /// are no requests; the break-even volume (11228.07) does not depend on the stated volume.
    @Test func zeroVolumeNeverPaysBackAndDividesByNothing() throws {
        let comparison = try CostModel.compare(Self.with(Self.example, [.requestsPerDay: 0]))
        #expect(comparison.strategy("prompt-engineering")?.monthly == 150)
        #expect(comparison.strategy("fine-tuning")?.monthly == 0)
        let breakEven = try #require(comparison.breakEven.first)
        #expect(breakEven.paybackMonth == nil)
        #expect(breakEven.paybackNever == .noRequests)
        #expect(try abs(#require(breakEven.requestsPerDay) - 1152 / 0.1026) < 1e-6)
        for cost in comparison.strategies { #expect(cost.cumulative.allSatisfy { $0.isFinite }) }
    }

    /// A 2-month horizon with a retrain every 3 months: no retrain falls within it.
    /// fine-tuning: 1458 + 2 × 252 = 1962 against 2 × 573 = 1146, so no payback within it; it
    /// saves 321 a month against 498 / 3 = 166 of retraining, so it is the horizon that is too
    /// short: 1458 + 498 n(m) − 321 m is 30 at month 6, 207 at month 7, −114 at month 8.
    /// Break-even within 2 months, with no retrain: A(m) = 1458 − 150 m; month 2:
    /// 1158 / (30 × 2 × 0.000285) = 1158 / 0.0171 = 67719.3; month 1: 1308 / 0.00855 = 152982.5.
    @Test func aHorizonShorterThanOneRetrain() throws {
        let comparison = try CostModel.compare(Self.with(Self.example, [.horizonMonths: 2]))
        let fineTuning = try #require(comparison.strategy("fine-tuning"))
        #expect(fineTuning.cumulative.count == 2)
        #expect(fineTuning.retrains == 0)
        #expect(abs(fineTuning.total - 1962) < 1e-9)
        let breakEven = try #require(comparison.breakEven.first)
        #expect(breakEven.paybackMonth == nil)
        #expect(breakEven.paybackNever == .horizonTooShort)
        #expect(breakEven.paybackMonthBeyondHorizon == 8)
        #expect(try abs(#require(breakEven.requestsPerDay) - 1158 / 0.0171) < 1e-6)
    }

    /// Retraining every month (frequent): 498 a month against a running saving of 573 − 252 = 321.
    @Test func retrainingEatsTheSavings() throws {
        let comparison = try CostModel.compare(Self.with(Self.example, [:], transience: .frequent))
        let breakEven = try #require(comparison.breakEven.first)
        #expect(comparison.retrainEveryMonths == 1)
        #expect(comparison.strategy("fine-tuning")?.retrains == 11)
        #expect(breakEven.paybackMonth == nil)
        #expect(breakEven.paybackNever == .retrainingEatsSavings)
        // More volume can still make it pay: A(12) = 1458 + 11 × 498 − 1800 = 5136; / 0.1026.
        #expect(try abs(#require(breakEven.requestsPerDay) - 5136 / 0.1026) < 1e-6)
    }

    /// Hosting of 1000 a month: fine-tuning runs at 1252 a month against 573.
    @Test func hostingEatsThePerRequestSavings() throws {
        let comparison = try CostModel.compare(Self.with(Self.example, [.hostingPerMonth: 1000]))
        #expect(comparison.strategy("fine-tuning")?.monthly == 1252)
        #expect(comparison.breakEven.first?.paybackNever == .runningCostNotLower)
    }

    /// A static knowledge base: no retrains; given cadence wins over the transience.
    @Test func theRetrainCadenceFollowsTransienceUnlessGiven() throws {
        #expect(try CostModel.compare(Self.with(Self.example, [:], transience: .static)).strategy("fine-tuning")?.retrains == 0)
        let given = try CostModel.compare(Self.with(Self.example, [.retrainEveryMonths: 6]))
        #expect(given.retrainEveryMonths == 6 && given.retrainCadenceFromTransience == nil)
        #expect(given.strategy("fine-tuning")?.retrains == 1)
        var noCadence = Self.example
        noCadence.transience = nil
        #expect(throws: CostModelError.missing([.retrainEveryMonths])) { try CostModel.compare(noCadence) }
    }

    /// Self-hosted prompt-tuning: base per request = 1000 × 1 / 1e6 + 200 × 2 / 1e6 = 0.0014,
    /// monthly = 10000 × 30 × 0.0014 = 420. Prompt-tuning: tuned prices 0 (self-hosted), hosting
    /// 300 a month, one-off = run 200 + 10 h × 50 = 700; no retrain (static).
    /// 700 + 300 m ≤ 420 m from m = 5.83: month 6. Break-even: A(m) = 700 + 300 m, d = 0.0014,
    /// V(12) = 4300 / (30 × 12 × 0.0014) = 4300 / 0.504 = 8531.75 (the lowest; V(m) falls with m).
    /// Fine-tuning and the hybrid need a training price, so they are not costed.
    @Test func selfHostedPromptTuningByHand() throws {
        let inputs = CostInputs(
            [
                .requestsPerDay: 10_000, .promptTokens: 1_000, .outputTokens: 200, .inputPricePerMillion: 1,
                .outputPricePerMillion: 2, .tunedPromptTokens: 20, .tunedInputPricePerMillion: 0,
                .tunedOutputPricePerMillion: 0, .hostingPerMonth: 300, .promptTuningRunCost: 200,
                .dataPrepHours: 10, .hourlyRate: 50,
            ], transience: .static)
        let comparison = try CostModel.compare(inputs)
        #expect(comparison.strategies.map(\.strategy) == ["prompt-engineering", "prompt-tuning"])
        #expect(abs((comparison.strategy("prompt-engineering")?.monthly ?? 0) - 420) < 1e-9)
        #expect(comparison.strategy("prompt-tuning")?.oneOff == 700)
        let breakEven = try #require(comparison.breakEven.first)
        #expect(breakEven.paybackMonth == 6)
        #expect(try abs(#require(breakEven.requestsPerDay) - 4300 / 0.504) < 1e-6)
        #expect(comparison.notCosted.map(\.strategy) == ["fine-tuning", "hybrid"])
        #expect(comparison.notCosted.last?.missing == [.trainingTokens, .epochs, .trainingPricePerMillion, .contextTokens])
    }

    @Test func missingInputsAreNamed() {
        #expect(throws: CostModelError.missing(CostModel.baselineFields)) { try CostModel.compare(CostInputs()) }
        let baselineOnly = CostInputs([
            .requestsPerDay: 1, .promptTokens: 1, .outputTokens: 1, .inputPricePerMillion: 1, .outputPricePerMillion: 1,
        ])
        #expect(
            throws: CostModelError.missing([
                .tunedPromptTokens, .tunedInputPricePerMillion, .tunedOutputPricePerMillion, .trainingTokens, .epochs,
                .trainingPricePerMillion, .dataPrepHours, .hourlyRate, .retrainEveryMonths,
            ])
        ) { try CostModel.compare(baselineOnly) }
    }

    static let badValues: [(CostField, Double, CostProblem.Kind)] = [
        (.requestsPerDay, -1, .negative),
        (.requestsPerDay, .nan, .notFinite),
        (.requestsPerDay, .infinity, .notFinite),
        (.requestsPerDay, 1e12, .outOfRange),
        (.horizonMonths, 0, .outOfRange),
        (.horizonMonths, 121, .outOfRange),
        (.horizonMonths, 1.5, .notWhole),
        (.retrainEveryMonths, 2.5, .notWhole),
        (.inputPricePerMillion, 1e9, .outOfRange),
        (.epochs, 1_000, .outOfRange),
    ]

    @Test(arguments: badValues)
    func badNumbersAreRefusedNamingTheField(field: CostField, value: Double, kind: CostProblem.Kind) {
        let inputs = Self.with(Self.example, [field: value])
        #expect(throws: CostModelError.invalid([CostProblem(field: field, value: value, kind: kind)])) { try CostModel.compare(inputs) }
    }

    @Test func theBoundsThemselvesAreAllowed() throws {
        for field in CostField.allCases {
            #expect(field.problem(with: field.minimum) == nil)
            #expect(field.problem(with: field.maximum) == nil)
        }
        let extreme = Self.with(Self.example, Dictionary(uniqueKeysWithValues: CostField.allCases.map { ($0, $0.maximum) }))
        let comparison = try CostModel.compare(extreme)
        for cost in comparison.strategies { #expect(cost.cumulative.allSatisfy { $0.isFinite }) }
    }

    @Test func flagsOfFieldsAreKebabCase() {
        #expect(CostField.requestsPerDay.flag == "--requests-per-day")
        #expect(CostField.tunedOutputPricePerMillion.flag == "--tuned-output-price-per-million")
        #expect(CostField.retrainEveryMonths.suppliedBy == "--retrain-every-months (or --transience)")
    }

    // MARK: Properties over a grid

    static let volumes: [Double] = [0, 50, 1_000, 5_000, 20_000, 100_000, 1_000_000]
    static let tunedInputPrices: [Double] = [0, 0.1, 0.3, 0.6, 1.5]
    static let tunedOutputPrices: [Double] = [0.3, 0.6, 1.2, 2.4]

    /// Variations of the example beyond volume and tuned prices.
    static var scenarios: [CostInputs] {
        var scenarios: [CostInputs] = []
        for horizon in [1.0, 6, 12, 36] {
            for cadence in [0.0, 1, 3, 12] {
                for hosting in [0.0, 500] {
                    scenarios.append(
                        with(
                            example,
                            [
                                .horizonMonths: horizon, .retrainEveryMonths: cadence, .hostingPerMonth: hosting,
                                .promptTuningRunCost: 400,
                            ]))
                }
            }
        }
        return scenarios
    }

    /// A payback month or break-even volume compared as "later": `nil` (never) is latest.
    static func order(_ value: Int?) -> Int { value ?? Int.max }
    static func order(_ value: Double?) -> Double { value ?? .infinity }

    @Test func moreRequestsNeverMakePaybackLater() throws {
        for scenario in Self.scenarios {
            for tunedInput in Self.tunedInputPrices {
                for tunedOutput in Self.tunedOutputPrices {
                    let priced = Self.with(scenario, [.tunedInputPricePerMillion: tunedInput, .tunedOutputPricePerMillion: tunedOutput])
                    var previous: [String: (month: Int?, volume: Double?)] = [:]
                    for volume in Self.volumes {
                        let comparison = try CostModel.compare(Self.with(priced, [.requestsPerDay: volume]))
                        for breakEven in comparison.breakEven {
                            // More volume helps only a tuned model that is cheaper per request.
                            if breakEven.savingPerRequest >= 0, let before = previous[breakEven.strategy] {
                                #expect(Self.order(breakEven.paybackMonth) <= Self.order(before.month), "\(breakEven.strategy) at \(volume)")
                                #expect(breakEven.requestsPerDay == before.volume)
                            }
                            previous[breakEven.strategy] = (breakEven.paybackMonth, breakEven.requestsPerDay)
                        }
                    }
                }
            }
        }
    }

    @Test func aHigherTunedPriceNeverMakesItEarlier() throws {
        for scenario in Self.scenarios {
            for volume in Self.volumes {
                for (prices, field) in [
                    (Self.tunedInputPrices, CostField.tunedInputPricePerMillion), (Self.tunedOutputPrices, .tunedOutputPricePerMillion),
                ] {
                    var previous: [String: (month: Int?, volume: Double?)] = [:]
                    for price in prices {
                        let comparison = try CostModel.compare(Self.with(scenario, [.requestsPerDay: volume, field: price]))
                        for breakEven in comparison.breakEven {
                            if let before = previous[breakEven.strategy] {
                                #expect(Self.order(breakEven.paybackMonth) >= Self.order(before.month), "\(breakEven.strategy) \(field) \(price)")
                                #expect(
                                    Self.order(breakEven.requestsPerDay) >= Self.order(before.volume) * (1 - 1e-12),
                                    "\(breakEven.strategy) \(field) \(price)")
                            }
                            previous[breakEven.strategy] = (breakEven.paybackMonth, breakEven.requestsPerDay)
                        }
                    }
                }
            }
        }
    }

    /// Cumulative cost never falls, has one entry per month, starts at one-off plus a month,
    /// and the break-even volume is where the payback month appears.
    @Test func cumulativeCostsAndTheBreakEvenVolumeAgree() throws {
        for scenario in Self.scenarios {
            for tunedInput in Self.tunedInputPrices {
                let comparison = try CostModel.compare(Self.with(scenario, [.tunedInputPricePerMillion: tunedInput]))
                for cost in comparison.strategies {
                    #expect(cost.cumulative.count == comparison.horizonMonths)
                    #expect(abs(cost.cumulative[0] - (cost.oneOff + cost.monthly)) <= 1e-9 * max(1, cost.cumulative[0]))
                    #expect(zip(cost.cumulative, cost.cumulative.dropFirst()).allSatisfy { $0 <= $1 })
                }
                for breakEven in comparison.breakEven {
                    guard let needed = breakEven.requestsPerDay, needed < 1e9, breakEven.savingPerRequest > 0 else { continue }
                    let at = try CostModel.compare(Self.with(scenario, [.tunedInputPricePerMillion: tunedInput, .requestsPerDay: needed]))
                    #expect(at.breakEven.first { $0.strategy == breakEven.strategy }?.paybackMonth != nil, "\(breakEven.strategy) at \(needed)")
                    guard needed > 1 else { continue }
                    let below = try CostModel.compare(Self.with(scenario, [.tunedInputPricePerMillion: tunedInput, .requestsPerDay: needed * 0.99]))
                    #expect(below.breakEven.first { $0.strategy == breakEven.strategy }?.paybackMonth == nil, "\(breakEven.strategy) below \(needed)")
                }
            }
        }
    }
}
