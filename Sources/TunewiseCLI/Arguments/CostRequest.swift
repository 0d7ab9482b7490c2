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
}

extension CostRequest {
    static let costFile = FlagSpec(
        "cost", .file, help: "inputs as a JSON object (see --template); '-' reads standard input; flags win over the file")
    static let template = FlagSpec("template", .toggle, help: "print a starter inputs file and exit")
    static let data = FlagSpec.dataFile.withHelp(
        "take the training tokens from a training file, estimated as 'tunewise data' does (--training-tokens wins; they win over the --cost file's, with a note)"
    )
    static let transience = FlagSpec(
        "transience", .choice(CostTransience.allCases.map { .init(value: $0.rawValue, description: "retrain cadence") }),
        help: "sets the retrain cadence: none, every 3 months, every month (unless --retrain-every-months is given)")

    /// The flags of `cost`, in help order.
    static let flags: [FlagSpec] =
        [
            costFile, data, template, transience, .format(ReportFormat.self),
            .noColor.withHelp("plain ASCII text (also when NO_COLOR is set or TERM=dumb)"),
        ] + FlagSpec.costInputs

    /// The request that checked `arguments` give.
    init(_ arguments: ParsedArguments) throws(CommandError) {
        template = arguments.has(Self.template)
        if template, let other = arguments.flags.first(where: { $0.name != Self.template.name }) {
            throw .conflictingFlags(Self.template.spelling, other.spelling)
        }
        costPath = arguments.value(Self.costFile)
        dataPath = arguments.value(Self.data)
        if dataPath == "-", costPath == "-" { throw .conflictingFlags("--cost -", "--data -") }
        noColor = arguments.has(.noColor)
        format = arguments.choice(.format(ReportFormat.self), default: .text)
        flagInputs = try Self.inputs(from: arguments)
    }

    /// The cost inputs given as flags: `--transience` and one flag per ``CostField``, each
    /// number checked against its bounds; other flags are left alone, so `advise --cost`
    /// can read the same flags beside its own.
    /// `advise` passes `readingTransience: false`: there `--transience` answers the question,
    /// and the cost model takes its cadence from that answer.
    static func inputs(from arguments: ParsedArguments, readingTransience: Bool = true) throws(CommandError) -> CostInputs {
        var inputs = CostInputs()
        if readingTransience {
            inputs.transience = arguments.value(transience).flatMap(CostTransience.init(rawValue:))
        }
        for (field, flag) in zip(CostField.allCases, FlagSpec.costInputs) {
            guard let text = arguments.value(flag) else { continue }
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
