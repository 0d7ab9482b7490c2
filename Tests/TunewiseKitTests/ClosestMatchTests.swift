import Testing

@testable import TunewiseKit

struct ClosestMatchTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("nede", "need", 1), ("ab", "ba", 1), ("abc", "cab", 2), ("", "need", 4), ("need", "", 4),
        ("budget", "budget", 0), ("bugdet", "budget", 1),
    ])
    func editDistanceCountsSwapsOfNeighboursAsOneEdit(a: String, b: String, distance: Int) {
        #expect(editDistance(a, b) == distance)
        #expect(editDistance(b, a) == distance)
    }

    @Test func suggestsTheQuestionATypoMeant() {
        let ids = defaultRubric.questions.map(\.id)
        #expect(closestMatch(to: "nede", in: ids) == "need")
        #expect(closestMatch(to: "tranience", in: ids) == "transience")
        #expect(closestMatch(to: "data-vol", in: ids) == "data-volume")
        #expect(closestMatch(to: "x", in: ids) == nil)
        #expect(closestMatch(to: "", in: ids) == nil)
    }
}
