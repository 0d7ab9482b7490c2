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
        // Read as UTF-8 bytes: ';', '§' (C2 A7) and spaces are all that matter, and a report
        // cites hundreds of sources.
        let bytes = Array(source.utf8)
        var works: [CitedWork] = []
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            var section: Int? = nil
            var index = start
            while index + 1 < end, section == nil {
                if bytes[index] == 0xC2, bytes[index + 1] == 0xA7 { section = index }
                index += 1
            }
            let id = trimmed(bytes[start..<(section ?? end)])
            let locator = section.map { trimmed(bytes[($0 + 2)..<end]) } ?? ""
            if !id.isEmpty { works.append(CitedWork(id: id, locator: locator.isEmpty ? nil : locator)) }
            start = end + 1
        }
        return works
    }

    /// The text of `bytes` without the spaces at either end.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let space = UInt8(ascii: " ")
        guard let first = bytes.firstIndex(where: { $0 != space }), let last = bytes.lastIndex(where: { $0 != space }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
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
        // A report repeats most of its sources; each is read once.
        let cited = Set(Set(sources).flatMap(CitedWork.works(in:)).map(\.id))
        return references.filter { cited.contains($0.id) }
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
