import Topology

/// How a list of problems found before any change is shown: one per line under a count, except that stages sharing
/// one problem (four stages through one broken profile) share one line, `governance, dev: profile 'x' …`, so the
/// common case of a single problem is a single line that names the input.
enum ProblemList {
    static func describe(_ problems: [String], header: (Int) -> String) -> String {
        let merged = mergeStages(problems)
        return merged.count == 1 ? merged[0] : header(merged.count) + "\n" + merged.map { "  \($0)" }.joined(separator: "\n")
    }

    /// Problems written `<stage>: <text>` with the same text become one, naming the stages in their order.
    static func mergeStages(_ problems: [String]) -> [String] {
        var order: [String] = []
        var stagesByText: [String: [String]] = [:]
        for problem in problems {
            let parts = problem.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, Stage(rawValue: String(parts[0])) != nil, parts[1].hasPrefix(" ") else {
                order.append(problem)
                continue
            }
            let text = String(parts[1].dropFirst())
            if stagesByText[text] == nil { order.append("\u{0}" + text) }
            stagesByText[text, default: []].append(String(parts[0]))
        }
        return order.map { entry in
            guard entry.hasPrefix("\u{0}") else { return entry }
            let text = String(entry.dropFirst())
            return "\(stagesByText[text, default: []].joined(separator: ", ")): \(text)"
        }
    }
}
