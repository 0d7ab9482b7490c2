import TunewiseCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

Signals.install()
// A local, not a global: without `_Concurrency` (see Package.swift) top-level code is not
// on the main actor, so a global `var` would be shared mutable state.
do {
    var console = SystemConsole()
    exit(Tunewise.run(Array(CommandLine.arguments.dropFirst()), console: &console).rawValue)
}
