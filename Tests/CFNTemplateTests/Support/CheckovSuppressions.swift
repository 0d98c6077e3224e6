import Foundation

/// `policies/checkov-suppressions.yaml`: accepted checkov findings, each with a justification. The file uses a
/// small fixed YAML shape (a `suppressions:` list of `check`, `resources: [A, B]`, `justification`), read here
/// line by line so the test target needs no YAML library.
struct CheckovSuppressions {
    struct Entry: Equatable {
        var check: String
        var resources: [String]
        var justification: String
    }

    static let url = TestPaths.policies.appendingPathComponent("checkov-suppressions.yaml")

    var entries: [Entry]

    /// Whether `check` on logical id `resource` is accepted.
    func accepts(check: String, resource: String) -> Bool {
        entries.contains { $0.check == check && $0.resources.contains(resource) }
    }

    /// Parses the file; any line that does not fit the shape is an error naming the line.
    static func load(from url: URL = url) throws -> CheckovSuppressions {
        try parse(String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
    }

    static func parse(_ text: String, source: String) throws -> CheckovSuppressions {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line == "suppressions:" { continue }
            func fail(_ why: String) -> any Error {
                CheckovSuppressionError(description: "\(source):\(index + 1): \(why): \(line)")
            }
            if line.hasPrefix("- check:") {
                entries.append(Entry(check: value(line, after: "- check:"), resources: [], justification: ""))
                continue
            }
            guard !entries.isEmpty else { throw fail("a field before the first `- check:`") }
            if line.hasPrefix("resources:") {
                let list = value(line, after: "resources:")
                guard list.hasPrefix("["), list.hasSuffix("]") else { throw fail("resources must be a [A, B] list") }
                entries[entries.count - 1].resources = list.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if line.hasPrefix("justification:") {
                entries[entries.count - 1].justification = value(line, after: "justification:")
            } else {
                throw fail("unknown field")
            }
        }
        return CheckovSuppressions(entries: entries)
    }

    private static func value(_ line: String, after prefix: String) -> String {
        String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }
}

struct CheckovSuppressionError: Error, CustomStringConvertible {
    var description: String
}
