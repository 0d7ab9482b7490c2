import TunewiseCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

Signals.install()
var console = SystemConsole()
exit(Tunewise.run(Array(CommandLine.arguments.dropFirst()), console: &console).rawValue)
