extension String {
    /// Whether this string starts with `pattern`, in which `…` stands for any text.
    func matches(_ pattern: String) -> Bool {
        var pieces = pattern.components(separatedBy: "…")[...]
        guard let first = pieces.popFirst(), hasPrefix(first) else { return false }
        var rest = self[index(startIndex, offsetBy: first.count)...]
        for piece in pieces {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
