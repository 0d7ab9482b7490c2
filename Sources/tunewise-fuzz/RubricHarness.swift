import TunewiseKit

/// Rubric files: the JSON layer, the loader and validator, and advice from whatever loads.
enum RubricHarness {
    static func run(_ bytes: [UInt8]) -> String {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            // Not JSON: the loader must say just that.
            do {
                _ = try RubricLoader.load(bytes)
                fatalError("the loader accepted bytes the parser refused")
            } catch {
                guard case .syntax = error else { fatalError("the loader did not report a syntax error: \(error)") }
            }
            return "not JSON: \(error.description)"
        }
        JSONHarness.checkRoundTrip(document)
        let rubric: Rubric
        do {
            rubric = try RubricLoader.load(bytes)
        } catch {
            guard case .invalid(let problems) = error else { fatalError("the loader refused as JSON what the parser read") }
            require(!problems.isEmpty, "an invalid rubric with no problems")
            return "invalid rubric: \(problems[0]) (\(problems.count - 1) more)"
        }
        return "valid rubric; " + AdviceHarness.check(rubric: rubric)
    }
}

/// Properties of the JSON parser and writer.
enum JSONHarness {
    /// Whatever the parser reads, the writer writes back as text that reads as the same value.
    static func checkRoundTrip(_ value: JSONValue) {
        let text = JSONWriter.write(value)
        do {
            let reread = try JSONParser.parse(Array(text.utf8))
            require(reread == value, "the JSON written back reads as a different value:\n\(text)")
        } catch {
            fatalError("the JSON written back does not parse (\(error.description)):\n\(text)")
        }
    }
}

/// Advice from a loaded rubric, checked for sense.
enum AdviceHarness {
    /// Advice for situations every rubric has: each question answered with its first option,
    /// each with its last, and only the core questions answered, with a middle option.
    static func check(rubric: Rubric) -> String {
        let advisor = Advisor(rubric: rubric)
        func situation(_ questions: [Question], _ pick: (Question) -> Option?) -> Situation {
            let answers = Answers(
                Dictionary(uniqueKeysWithValues: questions.compactMap { question in pick(question).map { (question.id, $0.id) } }))
            do {
                return try rubric.resolve(answers)
            } catch {
                fatalError("the rubric's own options refused: \(error)")
            }
        }
        let situations = [
            situation(rubric.questions) { $0.options.first },
            situation(rubric.questions) { $0.options.last },
            situation(rubric.questions.filter(\.isCore)) { $0.options.dropFirst($0.options.count / 2).first },
        ]
        return situations.map { check(advisor, $0) }.joined(separator: ", ")
    }

    /// Advice for `situation`, which must answer every core question.
    static func check(_ advisor: Advisor, _ situation: Situation) -> String {
        let advice: Advice
        do {
            advice = try advisor.advise(situation)
        } catch {
            guard case .everyStrategyExcluded = error else { fatalError("complete, known answers refused: \(error)") }
            return "every strategy excluded"
        }
        require(advisor.rubric.strategy(advice.strategy) != nil, "advice for an unknown strategy \(advice.strategy)")
        require(advice.ranking.first?.strategy == advice.strategy, "the recommendation is not ranked first")
        require(advice.ranking.count == advisor.rubric.strategies.count, "the ranking does not list every strategy")
        var numbers = [advice.margin] + advice.ranking.map(\.score) + (advice.reasons + advice.counterpoints).map(\.points)
        if let change = advice.weightSensitivity { numbers += [change.weight, change.newWeight] }
        require(numbers.allSatisfy(\.isFinite), "advice with a number that is not finite: \(numbers)")
        return advice.strategy
    }
}
