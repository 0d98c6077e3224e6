/// Did-you-mean suggestions for misspelt keys and stage names.
enum EditDistance {
    /// Optimal string alignment distance: Levenshtein (insert, delete, substitute) plus a swap of two neighbouring
    /// letters, cost 1 each. Counting the swap once lets a short name's commonest typo (`prdo`) get its hint.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious: [Int] = []
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The closest candidate, if it is close enough to be a plausible typo of `word`
    /// (at most a third of the longer word's length, and at least 1 edit allowed).
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, between(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(1, max(word.count, best.0.count) / 3)
        return best.1 <= allowed ? best.0 : nil
    }

    /// ` (did you mean "x"?)` or an empty string.
    static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
