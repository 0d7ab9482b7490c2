import Testing
import TunewiseBuiltIn

@testable import TunewiseKit

/// The requests a day that cost inputs serve answer `query-volume` at the bounds the built-in
/// rubric's options state, so a report that compares the two agrees with what the user read.
struct QueryVolumeTests {
    @Test func theBoundsAreTheOnesTheOptionsState() throws {
        #expect(Contract.queryVolume(requestsPerDay: 1_000) == "low")
        #expect(Contract.queryVolume(requestsPerDay: 1_001) == "medium")
        #expect(Contract.queryVolume(requestsPerDay: 99_999) == "medium")
        #expect(Contract.queryVolume(requestsPerDay: 100_000) == "high")
        let question = try #require(BuiltInRubric.load().questions.first { $0.id == Contract.queryVolumeQuestion })
        let help = Dictionary(uniqueKeysWithValues: question.options.map { ($0.id, $0.help) })
        #expect(help["low"]?.contains("up to 1,000 ") == true)
        #expect(help["medium"]?.contains("more than 1,000 and fewer than 100,000 ") == true)
        #expect(help["high"]?.contains("100,000 requests a day or more") == true)
    }
}
