import TunewiseKit

/// One `--weight QUESTION-ID=NUMBER`: a question's weight in place of the rubric's.
struct WeightOverride: Equatable {
    /// The question id as given, not yet checked against the rubric.
    var question: String
    /// The weight, from 0 to ``Rubric/numberLimit``.
    var weight: Double
}

/// Readers for the values of shared flags, written once for every command that takes them.
extension ParsedArguments {
    /// Every `--weight` value, each question at most once.
    func weights() throws(CommandError) -> [WeightOverride] {
        var weights: [WeightOverride] = []
        for value in values(.weight) {
            let weight = try Self.weight(value)
            if weights.contains(where: { $0.question == weight.question }) {
                throw .repeatedFlag("\(FlagSpec.weight.spelling) \(weight.question)")
            }
            weights.append(weight)
        }
        return weights
    }

    private static func weight(_ value: String) throws(CommandError) -> WeightOverride {
        let format = "expected QUESTION-ID=NUMBER"
        guard let equals = value.firstIndex(of: "=") else { throw .invalidWeight(value, reason: "no '='; \(format)") }
        guard equals != value.startIndex else { throw .invalidWeight(value, reason: "no question id before '='; \(format)") }
        let question = String(value[..<equals])
        let number = value[value.index(after: equals)...]
        guard let weight = Double(number) else { throw .invalidWeight(value, reason: "'\(number)' is not a number; \(format)") }
        guard weight.isFinite, weight >= 0, weight <= Rubric.numberLimit else {
            throw .invalidWeight(value, reason: "a weight is a number from 0 to \(JSONWriter.format(Rubric.numberLimit))")
        }
        return WeightOverride(question: question, weight: weight)
    }

    /// `value` of `flag` split at its one `separator` into two non-empty parts.
    static func pair(_ value: String, of flag: FlagSpec, separator: Character, expected: String) throws(CommandError) -> (String, String) {
        guard let split = value.firstIndex(of: separator) else {
            throw .invalidPair(flag: flag.spelling, value: value, reason: "no '\(separator)'", expected: expected)
        }
        let first = String(value[..<split])
        let second = String(value[value.index(after: split)...])
        guard !first.isEmpty, !second.isEmpty else {
            throw .invalidPair(flag: flag.spelling, value: value, reason: "a part is empty", expected: expected)
        }
        guard !second.contains(separator) else {
            throw .invalidPair(flag: flag.spelling, value: value, reason: "more than one '\(separator)'", expected: expected)
        }
        return (first, second)
    }
}
