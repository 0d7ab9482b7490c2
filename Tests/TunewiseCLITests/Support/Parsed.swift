@testable import TunewiseCLI

/// The command a command line parses to, when it is a `Command`; `nil` when it is another.
func parsed<Command: RunnableCommand>(_ arguments: [String], as _: Command.Type = Command.self) throws -> Command? {
    try CommandRegistry.parse(arguments) as? Command
}
