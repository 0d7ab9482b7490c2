extension CostModel {
    /// When `trained` pays back against `baseline`.
    ///
    /// A trained strategy (t) is no dearer than prompt engineering (pe) by month `m` at `V`
    /// requests a day when `C_t(m) ≤ C_pe(m)`, that is when
    ///
    ///     Δ(m, V) = A(m) + m × k(V) × h − 30 × m × V × d ≤ 0
    ///
    /// with the per-request saving `d = u_pe − u_t`, `h` the trained strategy's hosting per
    /// unit, `k(V)` its hosting units and `A(m) = O₁_t − O₁_pe + n(m) × r + m × (U_t − F_pe)`
    /// (`U_t` its retrieval upkeep). Retrains make `Δ` jump up every few months, so a strategy
    /// that is ahead in one month may be behind again after its next retrain: it pays back in
    /// month `m` only when `Δ(m′, V) ≤ 0` for every month `m′` from `m` to the horizon `H`,
    /// and it pays back within the horizon exactly when `Δ(H, V) ≤ 0`.
    ///
    /// The break-even volume is therefore the smallest `V` with `Δ(H, V) ≤ 0`. Units make `Δ`
    /// a step function of `V`, so the search runs over the steps exactly: on step `k` (the
    /// volumes `k` units serve, `(k − 1) × cap < V ≤ k × cap`; the first from 0) `Δ` is linear
    /// in `V`, and with `d > 0` it holds from `V = B(H) + k × g`, where `B(m) = A(m) / (30 m d)`
    /// and `g = h / (30 d)`. That point is within step `k` once `B(H) ≤ k × (cap − g)`; as
    /// steps lie in order, the first such `k` gives the least volume. When `cap ≤ g` a unit
    /// costs more than the requests it serves save, and only the first step can hold. With
    /// `d ≤ 0`, `Δ` never falls as `V` grows, so it is 0 when `Δ(H, 0) ≤ 0` and "never"
    /// otherwise. Without a capacity there is one step, and the least volume is
    /// `max(0, B(H) + g)`, the closed form. A volume at the open start of a step is given as
    /// the first whole request past it. Nothing is divided by anything that can be zero:
    /// `H ≥ 1` and `d > 0` where it divides.
    ///
    /// The payback month is the first `m ≤ H` from which `Δ(m′, V) ≤ 0` holds to the horizon
    /// at the stated volume; beyond the horizon, the first from which it holds to
    /// ``lookAheadMonths``.
    static func breakEven(
        _ trained: StrategyCost, against baseline: StrategyCost, volume: Double, horizon: Int, cadence: Int, capacity: Double?
    ) -> BreakEven {
        let saving = baseline.perRequest - trained.perRequest
        let hosting = trained.hostingPerUnit
        let capacity = hosting > 0 ? capacity : nil
        /// A(m): what volume must recover by the end of month m, hosting apart.
        func toRecover(_ month: Int) -> Double {
            trained.oneOff - baseline.oneOff + Double(retrains(byMonth: month, every: cadence)) * trained.retrainCost
                + Double(month) * (trained.retrievalMonthly - baseline.fixedMonthly)
        }
        /// Δ(m, V).
        func difference(_ month: Int, _ volume: Double) -> Double {
            let units = hosting > 0 ? hostingUnits(volume: volume, capacity: capacity) : 0
            return toRecover(month) + Double(month) * (Double(units) * hosting - daysPerMonth * volume * saving)
        }
        let breakEvenVolume = leastVolume(month: horizon, toRecover: toRecover(horizon), saving: saving, hosting: hosting, capacity: capacity)

        /// Whether the trained strategy is no dearer in total by the end of `month`.
        func paysBack(by month: Int) -> Bool {
            difference(month, volume) <= 1e-9 * max(1, trained.oneOff, baseline.oneOff, baseline.monthly * Double(month))
        }
        /// The first month of `months` from which the trained strategy stays no dearer to
        /// the last of them; `nil` when it is dearer in the last.
        func firstMonthStayingAhead(_ months: ClosedRange<Int>) -> Int? {
            var first: Int?
            for month in months.reversed() {
                guard paysBack(by: month) else { break }
                first = month
            }
            return first
        }
        let paybackMonth = firstMonthStayingAhead(1...horizon)
        var reason: NoPaybackReason?
        var beyond: Int?
        if paybackMonth == nil {
            let monthlySaving = baseline.monthly - trained.monthly
            let retrainPerMonth = cadence > 0 ? trained.retrainCost / Double(cadence) : 0
            if volume == 0 {
                reason = .noRequests
            } else if saving <= 0 {
                reason = .tunedCostsMorePerRequest
            } else if monthlySaving <= 0 {
                reason = .runningCostNotLower
            } else if monthlySaving <= retrainPerMonth {
                reason = .retrainingEatsSavings
            } else {
                reason = .horizonTooShort
                if lookAheadMonths > horizon {
                    beyond = firstMonthStayingAhead(horizon + 1...lookAheadMonths)
                }
            }
        }
        return BreakEven(
            strategy: trained.strategy, requestsPerDay: breakEvenVolume,
            volumeNever: breakEvenVolume != nil ? nil : saving > 0 ? .hostingOutgrowsSavings : .tunedCostsMorePerRequest,
            paybackMonth: paybackMonth, paybackNever: reason, paybackMonthBeyondHorizon: beyond, savingPerRequest: saving)
    }

    /// The least volume at which `Δ(month, V) ≤ 0`, searched over the hosting steps; `nil`
    /// when there is none.
    private static func leastVolume(month: Int, toRecover: Double, saving: Double, hosting: Double, capacity: Double?) -> Double? {
        let months = Double(month)
        guard saving > 0 else {
            // Δ never falls as V grows: V = 0, one unit, or never.
            return toRecover + months * hosting <= 0 ? 0 : nil
        }
        let start = toRecover / (daysPerMonth * months * saving)
        let perUnit = hosting / (daysPerMonth * saving)
        guard let capacity else { return max(0, start + perUnit) }
        /// The least volume of step `step` at which Δ ≤ 0, or nil when the step has none.
        func least(inStep step: Double) -> Double? {
            let low = (step - 1) * capacity
            let high = step * capacity
            let from = start + step * perUnit
            guard from <= high else { return nil }
            if step == 1 { return max(0, from) }
            return from > low ? from : low.rounded(.down) + 1
        }
        let room = capacity - perUnit
        guard room > 0 else { return least(inStep: 1) }
        // The first step whose room covers B(m); its neighbours are tried too, as the
        // division may round either way.
        let first = max(1, (start / room).rounded(.up))
        guard first < 1e15 else { return nil }
        return [first - 1, first, first + 1].filter { $0 >= 1 }.lazy.compactMap(least(inStep:)).first
    }
}
