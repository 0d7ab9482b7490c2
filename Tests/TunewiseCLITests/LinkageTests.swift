import Foundation
import Testing

extension BinaryTests {
    /// The `tunewise` binary needs only the Swift runtime and the C library: no Foundation, in
    /// any of its parts, is among the libraries it names for the loader, nor the libraries of
    /// the implicit imports Package.swift turns off (loading them slows every start).
    @Suite struct LinkageTests {
        @Test func theBinaryLinksNoFoundation() throws {
            let bytes = try Data(contentsOf: Binary.url)
            for library in ["libFoundation.so", "libFoundationEssentials.so", "libFoundationInternationalization.so", "Foundation.framework"] {
                #expect(bytes.range(of: Data(library.utf8)) == nil, "tunewise names \(library)")
            }
            for library in ["libswift_Concurrency", "libswift_StringProcessing", "libswift_RegexParser"] {
                #expect(bytes.range(of: Data(library.utf8)) == nil, "tunewise names \(library)")
            }
            // The check can fail: the test runner itself links Foundation, and says so.
            let runner = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[0]))
            #expect(["libFoundation.so", "Foundation.framework"].contains { runner.range(of: Data($0.utf8)) != nil })
            #expect(runner.range(of: Data("libswift_Concurrency".utf8)) != nil)
        }
    }
}
