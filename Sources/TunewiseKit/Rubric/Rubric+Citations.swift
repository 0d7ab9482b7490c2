/// One work a citation's source names, and where in it: the source
/// `001-nilg-customizing-language-models § Data Volume; hu-2021` names two works, the first
/// with the locator `Data Volume`.
public struct CitedWork: Equatable, Sendable {
    /// The work's id: an article's short name or a ``Reference/id``.
    public var id: String
    /// The section or place in the work, if the source gives one.
    public var locator: String?

    /// The works `source` names, in its order: parts separated by `;`, each an id optionally
    /// followed by ` § ` and a locator.
    public static func works(in source: String) -> [CitedWork] {
        var works: [CitedWork] = []
        var source = source
        source.withUTF8 { bytes in
            forEachWork(in: bytes) { id, locator in
                works.append(
                    CitedWork(
                        id: String(decoding: bytes[id], as: UTF8.self),
                        locator: locator.map { String(decoding: bytes[$0], as: UTF8.self) }))
            }
        }
        return works
    }

    /// Calls `body` with the id of each work a source's UTF-8 names and its locator, if any,
    /// as ranges of `bytes` without the spaces around them; empty ids are skipped, and an
    /// empty locator is none. Read as bytes: ';', '§' (C2 A7) and spaces are all that
    /// matter, and a report cites hundreds of sources.
    static func forEachWork(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Range<Int>?) -> Void) {
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            var section: Int? = nil
            var index = start
            while index + 1 < end, section == nil {
                if bytes[index] == 0xC2, bytes[index + 1] == 0xA7 { section = index }
                index += 1
            }
            let id = trimmed(start..<(section ?? end), in: bytes)
            let locator = section.map { trimmed(($0 + 2)..<end, in: bytes) }
            if !id.isEmpty { body(id, locator?.isEmpty == false ? locator : nil) }
            start = end + 1
        }
    }

    /// `range` without the spaces at either end of its bytes.
    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let space = UInt8(ascii: " ")
        guard let first = bytes[range].firstIndex(where: { $0 != space }), let last = bytes[range].lastIndex(where: { $0 != space }) else {
            return range.lowerBound..<range.lowerBound
        }
        return first..<(last + 1)
    }
}

extension Rubric {
    /// The reference with the id `id`, if the rubric lists one.
    public func reference(_ id: String) -> Reference? {
        references.first { $0.id == id }
    }

    /// The references that `sources` cite, each once, in the rubric's order (its
    /// bibliography's, as `tunewise sources` lists it); ids the rubric lists no reference for
    /// are left out.
    public func references(citedIn sources: some Sequence<String>) -> [Reference] {
        // A report repeats most of its sources: each id is compared as bytes, with nothing
        // allocated a source.
        let ids = references.map { Array($0.id.utf8) }
        var isCited = [Bool](repeating: false, count: ids.count)
        for var source in sources {
            source.withUTF8 { bytes in
                CitedWork.forEachWork(in: bytes) { id, _ in
                    if let index = ids.firstIndex(where: { $0.elementsEqual(bytes[id]) }) { isCited[index] = true }
                }
            }
        }
        return references.indices.filter { isCited[$0] }.map { references[$0] }
    }
}

extension Advice {
    /// Every source the advice cites, in the order a report shows them: its risks, reasons,
    /// counterpoints, variant choices, plan, caveats, next steps and the exclusions and
    /// reasons of the strategies not chosen.
    public var citedSources: [String] {
        risks.compactMap(\.source) + (reasons + counterpoints).map(\.source) + variants.map(\.source)
            + plan.flatMap { stage in stage.variants.map(\.source) + stage.caveats.compactMap(\.source) }
            + (caveats + nextSteps).compactMap(\.source)
            + ranking.flatMap { strategy in strategy.exclusions.map(\.source) + strategy.whyNot.map(\.source) }
    }
}
