import Foundation

/// "Did you mean" matching for profile and section names.
public enum NameSuggestions {
    /// Up to `limit` names from `candidates` close to `name`: by edit distance (a swap of two neighbouring
    /// letters counts once) or by one containing the other, ignoring case. Closest first.
    public static func closest(to name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        let threshold = max(2, target.count / 3)
        let scored: [(String, Int)] = candidates.compactMap { candidate in
            let other = candidate.lowercased()
            guard candidate != name else { return nil }
            let distance = editDistance(target, Array(other))
            if distance <= threshold { return (candidate, distance) }
            if !other.isEmpty, !target.isEmpty, other.contains(String(target)) || String(target).contains(other) {
                return (candidate, threshold + 1)
            }
            return nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
