/// Words picked from a list by a fixed linear congruential sequence: texts that differ from
/// one another (no near-duplicates by chance) and are the same on every run.
struct FixedWords {
    let words: [Substring]
    var state: UInt64

    /// Words of `list` (separated by spaces), in the sequence that `seed` starts.
    init(_ list: String, seed: UInt64) {
        words = list.split(separator: " ")
        state = seed
    }

    /// The next `count` words, joined by spaces.
    mutating func text(_ count: Int) -> String {
        (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return words[Int(state >> 33) % words.count]
        }.joined(separator: " ")
    }
}
