/// Everything wrong with one topology file, reported together so the user can fix all of it in one pass.
///
/// `description` puts the file on the first line and one problem per following line.
public struct TopologyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (or `<input>` for in-memory text).
    public var file: String
    public var problems: [TopologyProblem]

    public init(file: String, problems: [TopologyProblem]) {
        self.file = file
        self.problems = problems
    }

    /// Whether any problem sits at exactly `path` (handy for callers and tests).
    public func hasProblem(at path: String) -> Bool {
        problems.contains { $0.path == path }
    }

    public var description: String {
        // One problem stays on one line; several are listed one per line under a header.
        if problems.count == 1 { return "invalid topology file \(file): \(problems[0])" }
        let count = "\(problems.count) problems"
        let header = "invalid topology file \(file) (\(count)):"
        return ([header] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
