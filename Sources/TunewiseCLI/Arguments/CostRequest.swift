import TunewiseKit

/// The `cost` flags: a file, the numbers given as flags (already checked against their
/// bounds), and how to report.
struct CostRequest: Equatable {
    /// `--cost FILE`, `-` for standard input.
    var costPath: String?
    /// `--data FILE`: a training file whose estimated tokens are the training tokens.
    var dataPath: String?
    /// The numbers and the transience given as flags; they win over the file.
    var flagInputs = CostInputs()
    var format: ReportFormat = .text
    var noColor = false
    /// `--template`: print a starter inputs file and nothing else.
    var template = false

    static func parse(_ scanned: ScannedArguments) throws(CommandError) -> CostRequest {
        let fields = Dictionary(uniqueKeysWithValues: CostField.allCases.map { (String($0.flag.dropFirst(2)), $0) })
        if let flag = scanned.flags.first(where: { !Invocation.costFlags.contains($0.name) }) {
            throw Invocation.unknownFlag(flag, allowed: Invocation.costFlags)
        }
        if let flag = scanned.flags.first(where: \.isMissingValue) {
            let allowed: [String]? =
                switch flag.name {
                case "format": ReportFormat.allCases.map(\.rawValue)
                case "transience": CostTransience.allCases.map(\.rawValue)
                default: fields[flag.name].map { [$0.allowedDescription] }
                }
            throw .missingValue(flag: flag.spelling, allowed: allowed)
        }
        var request = CostRequest()
        request.template = scanned.has("template")
        if request.template, let other = scanned.flags.first(where: { $0.name != "template" }) {
            throw .conflictingFlags("--template", other.spelling)
        }
        request.costPath = try scanned.single("cost")
        request.dataPath = try scanned.single("data")
        if request.dataPath == "-", request.costPath == "-" { throw .conflictingFlags("--cost -", "--data -") }
        request.noColor = scanned.has("no-color")
        request.format = try Invocation.parseFormat(scanned, default: .text)
        request.flagInputs = try inputs(from: scanned)
        return request
    }

    /// The cost inputs given as flags: `--transience` and one flag per ``CostField``, each
    /// number checked against its bounds; other flags are left alone, so `advise --cost`
    /// can read the same flags beside its own.
    /// `advise` passes `readingTransience: false`: there `--transience` answers the question,
    /// and the cost model takes its cadence from that answer.
    static func inputs(from scanned: ScannedArguments, readingTransience: Bool = true) throws(CommandError) -> CostInputs {
        var inputs = CostInputs()
        if readingTransience, let value = try scanned.single("transience") {
            let allowed = CostTransience.allCases.map(\.rawValue)
            guard let transience = CostTransience(rawValue: value) else {
                throw .invalidValue(flag: "--transience", value: value, allowed: allowed, suggestion: closestMatch(to: value, in: allowed))
            }
            inputs.transience = transience
        }
        for field in CostField.allCases {
            if scanned.flags.contains(where: { $0.name == field.flagName && $0.isMissingValue }) {
                throw .missingValue(flag: field.flag, allowed: [field.allowedDescription])
            }
            guard let text = try scanned.single(field.flagName) else { continue }
            inputs[field] = try number(text, for: field)
        }
        return inputs
    }

    /// The number `text` gives `field`, within its bounds.
    static func number(_ text: String, for field: CostField) throws(CommandError) -> Double {
        // Plain decimal numbers only (Double alone would read "0x10" as 16); NaN and infinity
        // are read so that the message can say they are not finite.
        let isWord = ["nan", "inf", "infinity"].contains(text.lowercased().drop { $0 == "+" || $0 == "-" })
        guard isWord || text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE_".contains($0)) }),
            let value = Double(text.replacingUnderscores())
        else {
            throw .invalidCostNumber(flag: field.flag, value: text, reason: "not a number; expected \(field.allowedDescription)")
        }
        if let kind = field.problem(with: value) {
            throw .invalidCostNumber(flag: field.flag, value: text, reason: "\(kind.rawValue); expected \(field.allowedDescription)")
        }
        return value
    }
}

extension String {
    /// The text without `_`, so `20_000` reads as it does in Swift.
    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
