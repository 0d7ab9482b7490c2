/// ` (did you mean 'SUGGESTION'?)`, to follow the name of something unknown in an error
/// about a file, a flag or a typed answer; empty without a suggestion. Every "did you mean"
/// Tunewise prints is spelled here.
public func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { " (did you mean '\($0)'?)" } ?? ""
}

/// ``didYouMean(_:)`` for the candidate closest to `word`.
func didYouMean(_ word: String, in candidates: [String]) -> String {
    didYouMean(closestMatch(to: word, in: candidates))
}

/// The candidate closest to `word`, for a "did you mean" hint; `nil` when none is close.
///
/// A candidate is close when it starts with `word`, or when its edit distance from `word`
/// is at most a third of the longer length (and at least 1), so `data-volum` and
/// `tranience` find their question, but `x` finds nothing.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    let lowered = word.lowercased()
    let prefixed = candidates.filter { $0.hasPrefix(lowered) }
    if prefixed.count == 1 { return prefixed[0] }
    let scored = candidates.map { ($0, editDistance(lowered, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(1, max(lowered.count, best.0.count) / 3)
    return best.1 <= limit ? best.0 : nil
}

/// The edit distance between two strings, counted in characters: insertions, deletions,
/// substitutions and swaps of two adjacent characters each count one (the optimal string
/// alignment distance), so the typo `nede` is one edit from `need`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = Array(repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
