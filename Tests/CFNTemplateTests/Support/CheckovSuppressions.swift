import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `security/checkov-suppressions.yaml`: accepted checkov findings, each with a one-line reason. The file uses a
/// small fixed YAML shape (a `suppressions:` list of `check`, `templates: "glob"`, `resources: [A, B]`, `reason`),
/// read here line by line so the test target needs no YAML library.
struct CheckovSuppressions {
    struct Entry: Equatable {
        var check: String
        /// A glob (fnmatch, `*` crosses `/`) over the scanned file's relative path.
        var templates: String
        var resources: [String]
        var reason: String

        func covers(file: String) -> Bool { fnmatch(templates, file, 0) == 0 }
    }

    static let url = TestPaths.packageRoot.appendingPathComponent("security/checkov-suppressions.yaml")

    var entries: [Entry]

    /// Whether `check` on logical id `resource` in `file` is accepted; `file` nil: in any template.
    func accepts(check: String, resource: String, file: String? = nil) -> Bool {
        entries.contains { $0.check == check && $0.resources.contains(resource) && (file.map($0.covers(file:)) ?? true) }
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
                entries.append(Entry(check: value(line, after: "- check:"), templates: "", resources: [], reason: ""))
                continue
            }
            guard !entries.isEmpty else { throw fail("a field before the first `- check:`") }
            if line.hasPrefix("resources:") {
                let list = value(line, after: "resources:")
                guard list.hasPrefix("["), list.hasSuffix("]") else { throw fail("resources must be a [A, B] list") }
                entries[entries.count - 1].resources = list.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if line.hasPrefix("templates:") {
                let glob = value(line, after: "templates:")
                guard glob.count >= 3, glob.hasPrefix("\""), glob.hasSuffix("\"") else { throw fail("templates must be a quoted glob") }
                entries[entries.count - 1].templates = String(glob.dropFirst().dropLast())
            } else if line.hasPrefix("reason:") {
                entries[entries.count - 1].reason = value(line, after: "reason:")
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
