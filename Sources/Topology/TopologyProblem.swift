/// One rule a topology file breaks, located by its key path (`stages.preprod.account`) and, when known, its line.
public struct TopologyProblem: Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path from the document root; empty for the document itself.
    public var path: String
    public var message: String
    /// 1-based line in the file, when the problem is tied to a node.
    public var line: Int?

    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    /// `stages.preprod.account: "33333" is not a 12-digit AWS account id (line 7)`
    public var description: String {
        let location = line.map { " (line \($0))" } ?? ""
        return path.isEmpty ? "\(message)\(location)" : "\(path): \(message)\(location)"
    }
}
