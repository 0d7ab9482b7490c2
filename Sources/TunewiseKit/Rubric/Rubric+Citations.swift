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
        source.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: "§", maxSplits: 1)
            let id = pieces[0].trimmingWhitespace()
            guard !id.isEmpty else { return nil }
            let locator = pieces.count > 1 ? pieces[1].trimmingWhitespace() : ""
            return CitedWork(id: id, locator: locator.isEmpty ? nil : locator)
        }
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
        let cited = Set(sources.flatMap(CitedWork.works(in:)).map(\.id))
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

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
