import Testing
import TunewiseBuiltIn
import TunewiseKit

@Suite struct LenientMatchTests {
    let need = ["knowledge", "behavior", "both"]

    @Test func readsCaseSpellingPrefixesAndNumbers() {
        #expect(LenientMatch.match("Knowledge", in: need) == .id("knowledge"))
        #expect(LenientMatch.match("  BEHAVIOUR ", in: need) == .id("behavior"))
        #expect(LenientMatch.match("know", in: need) == .id("knowledge"))
        #expect(LenientMatch.match("behav", in: need) == .id("behavior"))
        #expect(LenientMatch.match("2", in: need, numbered: true) == .id("behavior"))
        #expect(LenientMatch.match("role_based", in: ["open", "confidential", "role-based"]) == .id("role-based"))
        #expect(LenientMatch.match("specialisation", in: ["model-size", "specialization"]) == .id("specialization"))
    }

    @Test func refusesWhatIsAmbiguousOrNamesNothing() {
        #expect(LenientMatch.match("b", in: need) == .ambiguous(["behavior", "both"]))
        #expect(LenientMatch.match("2", in: need) == .none)
        #expect(LenientMatch.match("0", in: need, numbered: true) == .none)
        #expect(LenientMatch.match("4", in: need, numbered: true) == .none)
        #expect(LenientMatch.match("\(Int.min)", in: need, numbered: true) == .none)
        #expect(LenientMatch.match("", in: need) == .none)
        #expect(LenientMatch.match("knowledgeable", in: need) == .none)
    }

    /// Folding never makes two ids of one built-in list equal, so a folded word names at most one.
    @Test func theBuiltInIdsStayDistinctOnceFolded() {
        let rubric = BuiltInRubric.load()
        let lists = [rubric.questions.map(\.id), rubric.strategies.map(\.id)] + rubric.questions.map { $0.options.map(\.id) }
        for ids in lists { #expect(Set(ids.map(LenientMatch.folded)).count == ids.count, "\(ids)") }
    }

    /// Typed answers (flags and prompts) are read leniently and stored as ids; an answers
    /// file holds ids exactly.
    @Test func theResolverIsLenientForTypedAnswersOnly() throws {
        let rubric = BuiltInRubric.load()
        let typed = try rubric.resolve([
            RawAnswer(question: "need", value: .option("Behaviour"), source: .flag("--need")),
            RawAnswer(question: "data-volume", value: .option("4"), source: .flag("--data-volume")),
            RawAnswer(question: "specialisation", value: .option("nich"), source: .prompt),
        ])
        #expect(typed.answers == Answers(["need": "behavior", "data-volume": "thousands", "specialization": "niche"]))
        #expect(throws: InvalidAnswers.self) { try rubric.resolve(Answers(["need": "Behaviour"])) }
        do {
            _ = try rubric.resolve([RawAnswer(question: "need", value: .option("b"), source: .flag("--need"))])
            Issue.record("an ambiguous prefix was taken")
        } catch {
            #expect(error.problems.first?.kind == .ambiguousOption("b", matches: ["behavior", "both"]))
            #expect(error.problems.first?.summary == "ambiguous value 'b' for --need: could be 'behavior' or 'both'; type more letters")
        }
    }
}
