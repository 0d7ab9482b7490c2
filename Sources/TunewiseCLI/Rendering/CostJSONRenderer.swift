import TunewiseKit

/// The machine-readable cost report.
///
/// The `cost` object's `horizonMonths`, `requestsPerDay`, `strategies[]` (`strategy`,
/// `oneOff`, `monthly`, `cumulative`) and `breakEven[]` (`strategy`, `requestsPerDay`,
/// `paybackMonth`) are fixed by the product contract; the rest is added for scripts that
/// want every figure, with `inputs` echoing every number given by its key. Amounts are rounded to the cent on purpose; a break-even volume is
/// whole requests a day, rounded up; `null` means never.
struct CostJSONRenderer {
    func render(_ report: CostReport) -> String {
        JSONWriter.write(
            .object([
                ("schemaVersion", .number(Double(CostReport.schemaVersion))),
                ("tool", .object([("name", .string("tunewise")), ("version", .string(report.toolVersion))])),
                ("cost", Self.costObject(report.comparison)),
            ]))
    }

    /// The `cost` object, shared with the advice report's `cost` member; `excluded` (from
    /// the advice) marks each strategy the advice ruled out; standalone `cost` has none.
    /// `cadenceFrom` says where the retrain cadence came from when the caller knows better than
    /// the inputs (advise sets one that nobody gave: none for a behaviour, yearly for a hosted tune).
    static func costObject(_ comparison: CostComparison, excluded: Set<String>? = nil, cadenceFrom: String? = nil) -> JSONValue {
        let cadenceFrom =
            cadenceFrom ?? (comparison.inputs[.retrainEveryMonths] != nil ? "input" : (comparison.inputs.transience != nil ? "transience" : "none"))
        let inputs: [(key: String, value: JSONValue)] = CostField.allCases.compactMap { field in
            comparison.inputs[field].map { (field.rawValue, JSONValue.number($0)) }
        }
        return .object([
            ("horizonMonths", .number(Double(comparison.horizonMonths))),
            ("requestsPerDay", .number(comparison.requestsPerDay)),
            ("daysPerMonth", .number(CostModel.daysPerMonth)),
            ("inputs", .object(inputs)),
            ("trainingTokensFrom", comparison.inputs.trainingTokensFrom.map(JSONValue.string) ?? .null),
            ("tunedModelDropsContext", .bool(comparison.tunedModelDropsContext)),
            ("retrainEveryMonths", comparison.retrainEveryMonths.map { .number(Double($0)) } ?? .null),
            ("retrainCadenceFrom", .string(cadenceFrom)),
            ("strategies", .array(comparison.strategies.map { strategyObject($0, excluded: excluded) })),
            ("notCosted", .array(comparison.notCosted.map(notCostedObject))),
            ("breakEven", .array(comparison.breakEven.map(breakEvenObject))),
        ])
    }

    /// One costed strategy: the contract's fields first.
    private static func strategyObject(_ cost: StrategyCost, excluded: Set<String>?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("strategy", .string(cost.strategy)),
            ("oneOff", .number(cents(cost.oneOff))),
            ("monthly", .number(cents(cost.monthly))),
            ("cumulative", .array(cost.cumulative.map { .number(cents($0)) })),
            ("total", .number(cents(cost.total))),
            ("perThousandRequests", .number(cents(cost.perRequest * 1000))),
            ("fixedMonthly", .number(cents(cost.fixedMonthly))),
            ("retrievalMonthly", .number(cents(cost.retrievalMonthly))),
            ("hostingUnits", .number(Double(cost.hostingUnits))),
            ("retrainCost", .number(cents(cost.retrainCost))),
            ("retrains", .number(Double(cost.retrains))),
            ("retrieval", .string(cost.shape.retrieval.rawValue)),
            ("distilled", .bool(cost.shape.distilled)),
        ]
        if let excluded { members.append(("excluded", .bool(excluded.contains(cost.strategy)))) }
        return .object(members)
    }

    private static func notCostedObject(_ uncosted: UncostedStrategy) -> JSONValue {
        .object([
            ("strategy", .string(uncosted.strategy)),
            ("missing", .array(uncosted.missing.map { .string($0.rawValue) })),
            ("flags", .array(uncosted.missing.map { .string($0.flag) })),
        ])
    }

    /// One break-even: the contract's fields first; `null` means never, with the reason beside.
    private static func breakEvenObject(_ breakEven: BreakEven) -> JSONValue {
        func reason(_ value: NoPaybackReason?) -> JSONValue { value.map { .string($0.rawValue) } ?? .null }
        return .object([
            ("strategy", .string(breakEven.strategy)),
            ("requestsPerDay", breakEven.requestsPerDay.map { .number(wholeRequests($0)) } ?? .null),
            ("paybackMonth", breakEven.paybackMonth.map { .number(Double($0)) } ?? .null),
            ("requestsPerDayNever", reason(breakEven.volumeNever)),
            ("paybackNever", reason(breakEven.paybackNever)),
            ("paybackMonthBeyondHorizon", breakEven.paybackMonthBeyondHorizon.map { .number(Double($0)) } ?? .null),
            ("savingPerThousandRequests", .number(cents(breakEven.savingPerRequest * 1000))),
        ])
    }
}
