import Testing

@testable import TunewiseCLI

/// Every help text, as the command prints it, against a golden file under `Golden/`
/// (`RECORD_SNAPSHOTS=1` re-records them after a deliberate change).
struct HelpGoldenTests {
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func theOverviewMatchesItsGoldenFile(_ arguments: [String]) throws {
        let (code, console) = run(arguments)
        #expect(code == .success)
        #expect(console.errors.isEmpty)
        try expectMatchesGolden(console.output, "help.txt")
    }

    @Test(arguments: CommandRegistry.topics)
    func eachTopicMatchesItsGoldenFile(_ topic: String) throws {
        let (code, console) = run(["help", topic])
        #expect(code == .success)
        #expect(console.errors.isEmpty)
        try expectMatchesGolden(console.output, "help-\(topic).txt")
    }

    /// `tunewise COMMAND --help` prints the same text as `tunewise help COMMAND`.
    @Test(arguments: CommandRegistry.topics)
    func eachCommandsHelpFlagPrintsItsTopic(_ topic: String) throws {
        let (code, console) = run([topic, "--help"])
        #expect(code == .success)
        #expect(console.errors.isEmpty)
        try expectMatchesGolden(console.output, "help-\(topic).txt")
    }
}
