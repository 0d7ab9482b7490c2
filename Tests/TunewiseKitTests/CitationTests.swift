import Testing

@testable import TunewiseKit

@Suite struct CitationTests {
    @Test func aSourceNamesItsWorksInOrderWithTheirLocators() {
        let works = CitedWork.works(in: "001-nilg-customizing-language-models § Data Volume; hu-2021;  ovadia-2023 §  ")
        #expect(
            works == [
                CitedWork(id: "001-nilg-customizing-language-models", locator: "Data Volume"),
                CitedWork(id: "hu-2021", locator: nil), CitedWork(id: "ovadia-2023", locator: nil),
            ])
        #expect(CitedWork.works(in: "") == [])
        #expect(CitedWork.works(in: " ; ") == [])
        // A rubric author's odd sources never crash and keep what they name.
        #expect(CitedWork.works(in: "§") == [])
        #expect(CitedWork.works(in: "§ Intro") == [])
        #expect(CitedWork.works(in: "a-work §") == [CitedWork(id: "a-work", locator: nil)])
        #expect(CitedWork.works(in: "étude § Partie 2;;x") == [CitedWork(id: "étude", locator: "Partie 2"), CitedWork(id: "x", locator: nil)])
        #expect(CitedWork.works(in: "a § b § c") == [CitedWork(id: "a", locator: "b § c")])
    }

    @Test func referencesAreListedOnceInTheRubricsOrderAndUnknownIdsAreLeftOut() {
        let rubric = defaultRubric
        let cited = rubric.references(citedIn: ["hu-2021; lester-2021", "no-such-work § Somewhere", "lester-2021 § 3"])
        #expect(cited.map(\.id) == ["lester-2021", "hu-2021"])
        #expect(rubric.references.firstIndex { $0.id == "lester-2021" }! < rubric.references.firstIndex { $0.id == "hu-2021" }!)
        #expect(rubric.reference("hu-2021")?.url == "https://arxiv.org/abs/2106.09685")
        #expect(rubric.reference("no-such-work") == nil)
    }

    /// A report's references cover every work any part of its advice cites, the chosen
    /// strategy's and the ruled-out ones' alike.
    @Test func anAdvicesCitedSourcesCoverEveryPartOfIt() throws {
        let lawFirm = [
            "need": "behavior", "data-volume": "thousands", "transience": "static", "governance": "confidential",
            "budget": "substantial", "time-to-market": "months", "consistency": "critical",
        ]
        let advice = try Advisor(rubric: defaultRubric).advise(Answers(lawFirm))
        let sources = advice.citedSources
        let parts =
            (advice.reasons + advice.counterpoints).map(\.source) + advice.variants.map(\.source)
            + advice.caveats.compactMap(\.source) + advice.nextSteps.compactMap(\.source)
            + advice.ranking.flatMap { $0.exclusions.map(\.source) + $0.whyNot.map(\.source) }
        #expect(!parts.isEmpty)
        for part in parts { #expect(sources.contains(part), "not among the cited sources: \(part)") }
        #expect(defaultRubric.references(citedIn: sources).count >= 3)
    }
}
