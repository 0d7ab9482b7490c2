import TunewiseKit

/// The machine-readable cost report.
///
/// The `cost` object's `horizonMonths`, `requestsPerDay`, `strategies[]` (`strategy`,
/// `oneOff`, `monthly`, `cumulative`) and `breakEven[]` (`strategy`, `requestsPerDay`,
/// `paybackMonth`) are fixed by the product contract; the rest is added for scripts that
/// want every figure. Amounts are rounded to the cent on purpose; a break-even volume is
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

    /// The `cost` object, shared with the advice report's `cost` member.
    static func costObject(_ comparison: CostComparison) -> JSONValue {
        func amount(_ value: Double) -> JSONValue { .number(cents(value)) }
        func reason(_ value: NoPaybackReason?) -> JSONValue { value.map { .string($0.rawValue) } ?? .null }
        return .object([
            ("horizonMonths", .number(Double(comparison.horizonMonths))),
            ("requestsPerDay", .number(comparison.requestsPerDay)),
            ("daysPerMonth", .number(CostModel.daysPerMonth)),
            ("retrainEveryMonths", comparison.retrainEveryMonths.map { .number(Double($0)) } ?? .null),
            (
                "retrainCadenceFrom",
                .string(comparison.inputs[.retrainEveryMonths] != nil ? "input" : (comparison.inputs.transience != nil ? "transience" : "none"))
            ),
            (
                "strategies",
                .array(
                    comparison.strategies.map { cost in
                        .object([
                            ("strategy", .string(cost.strategy)),
                            ("oneOff", amount(cost.oneOff)),
                            ("monthly", amount(cost.monthly)),
                            ("cumulative", .array(cost.cumulative.map(amount))),
                            ("total", amount(cost.total)),
                            ("perThousandRequests", amount(cost.perRequest * 1000)),
                            ("fixedMonthly", amount(cost.fixedMonthly)),
                            ("retrainCost", amount(cost.retrainCost)),
                            ("retrains", .number(Double(cost.retrains))),
                        ])
                    })
            ),
            (
                "notCosted",
                .array(
                    comparison.notCosted.map { uncosted in
                        .object([
                            ("strategy", .string(uncosted.strategy)),
                            ("missing", .array(uncosted.missing.map { .string($0.rawValue) })),
                            ("flags", .array(uncosted.missing.map { .string($0.flag) })),
                        ])
                    })
            ),
            (
                "breakEven",
                .array(
                    comparison.breakEven.map { breakEven in
                        .object([
                            ("strategy", .string(breakEven.strategy)),
                            ("requestsPerDay", breakEven.requestsPerDay.map { .number(wholeRequests($0)) } ?? .null),
                            ("paybackMonth", breakEven.paybackMonth.map { .number(Double($0)) } ?? .null),
                            ("requestsPerDayNever", reason(breakEven.volumeNever)),
                            ("paybackNever", reason(breakEven.paybackNever)),
                            ("paybackMonthBeyondHorizon", breakEven.paybackMonthBeyondHorizon.map { .number(Double($0)) } ?? .null),
                            ("savingPerThousandRequests", amount(breakEven.savingPerRequest * 1000)),
                        ])
                    })
            ),
        ])
    }
}
