import Foundation
import TunewiseCLI

Signals.install()
var console = SystemConsole()
exit(Tunewise.run(Array(CommandLine.arguments.dropFirst()), console: &console).rawValue)
