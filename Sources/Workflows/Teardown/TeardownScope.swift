import CFNTemplate
import Ledger

/// What `mlopsctl teardown` removes: some projects, the catalog, the bootstrap, or all of it, optionally
/// narrowed to some stages. Matching is on ledger rows only, never on tags or name patterns.
public struct TeardownScope: Sendable, Equatable {
    /// Projects by name (rows whose `project` is one of these).
    public var projects: Set<String>
    public var catalog: Bool
    public var bootstrap: Bool
    /// Every project, the catalog and the bootstrap.
    public var everything: Bool
    /// Stage names; empty means every stage.
    public var stages: Set<String>
    /// Also delete what mlopsctl adopted (`mlopsctl import`) rather than created; by default adopted rows are kept.
    public var includeAdopted: Bool

    public init(
        projects: Set<String> = [], catalog: Bool = false, bootstrap: Bool = false, everything: Bool = false, stages: Set<String> = [],
        includeAdopted: Bool = false
    ) {
        self.includeAdopted = includeAdopted
        self.projects = projects
        self.catalog = catalog
        self.bootstrap = bootstrap
        self.everything = everything
        self.stages = stages
    }

    /// True when nothing was asked for (the CLI refuses that).
    public var isEmpty: Bool { projects.isEmpty && !catalog && !bootstrap && !everything }

    /// Which part of the platform a row belongs to, teardown order first.
    public enum Layer: Int, Sendable, Comparable, CustomStringConvertible {
        case project = 0
        case catalog = 1
        case bootstrap = 2
        public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }
        public var description: String {
            switch self {
            case .project: "project"
            case .catalog: "catalog"
            case .bootstrap: "bootstrap"
            }
        }
    }

    /// The layer of `row`: a project's rows carry its name; the catalog's rows live in the catalog stack or its support
    /// stacks, or are objects publish-catalog uploaded (no project); everything else is the bootstrap's.
    static func layer(of row: TrackedResource, catalogStack: String) -> Layer {
        if row.project != nil { return .project }
        if row.stack == catalogStack || (row.kind == .stack && row.physicalId == catalogStack) { return .catalog }
        // The deploy pipelines' artifact stores in other regions (publish-catalog's support stacks) go with the catalog.
        if let stack = row.kind == .stack ? row.physicalId : row.stack, PipelineSupportNames.isSupportStack(stack, of: catalogStack) {
            return .catalog
        }
        if row.kind == .objectPrefix { return .catalog }
        return .bootstrap
    }

    func includes(_ row: TrackedResource, catalogStack: String) -> Bool {
        if !stages.isEmpty && !stages.contains(row.stage) { return false }
        if everything { return true }
        switch Self.layer(of: row, catalogStack: catalogStack) {
        case .project: return row.project.map(projects.contains) ?? false
        case .catalog: return catalog
        case .bootstrap: return bootstrap
        }
    }
}
