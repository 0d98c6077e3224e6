import CFNTemplate
import Ledger

/// What must go before a layer may: projects stand on the bootstrap (their stacks were deployed through its
/// cfn-exec role, which CloudFormation needs again to delete them), SageMaker-launched projects stand on the
/// catalog (each is a provisioned product of its product), and every project's deploy pipeline stands on the catalog's
/// cross-region support stacks (its artifact stores in other regions). Removing the lower layer first would strand them.
public enum TeardownDependencies {
    /// The teardown would remove a layer that live projects outside the scope still need.
    public struct Blocked: Error, CustomStringConvertible, Sendable, Equatable {
        public let layer: TeardownScope.Layer
        public let projects: [String]

        public var description: String {
            let names = projects.joined(separator: ", ")
            let flags = projects.map { "--project \($0)" }.joined(separator: " ")
            return "the \(layer) cannot go while project\(projects.count == 1 ? "" : "s") \(names) still stand\(projects.count == 1 ? "s" : "") "
                + "on it; tear \(projects.count == 1 ? "it" : "them") down first (teardown \(flags)) or add them to this teardown (or use --all)"
        }
    }

    /// Throws `Blocked` when `scope` removes the catalog or the bootstrap while a project it does not remove
    /// still has live rows mlopsctl created (in the stages the scope covers, for the bootstrap).
    public static func check(rows: [TrackedResource], scope: TeardownScope, catalogStack: String) throws {
        guard !scope.everything else { return }
        let standing = rows.filter { row in
            guard let project = row.project, !scope.projects.contains(project) else { return false }
            return row.ownership == .created && TeardownPlan.liveStatuses.contains(row.status)
        }
        if scope.bootstrap {
            let inStages = standing.filter { scope.stages.isEmpty || scope.stages.contains($0.stage) }
            let names = Set(inStages.compactMap(\.project)).sorted()
            if !names.isEmpty { throw Blocked(layer: .bootstrap, projects: names) }
        }
        if scope.catalog {
            // Every project's deploy pipeline keeps its cross-region artifacts in the support stacks, if there are any.
            let hasSupportStacks = rows.contains { row in
                row.kind == .stack && TeardownPlan.liveStatuses.contains(row.status) && scope.includes(row, catalogStack: catalogStack)
                    && PipelineSupportNames.isSupportStack(row.physicalId ?? "", of: catalogStack)
            }
            let blocking = hasSupportStacks ? standing : standing.filter { $0.kind == .provisionedProduct }
            let names = Set(blocking.compactMap(\.project)).sorted()
            if !names.isEmpty { throw Blocked(layer: .catalog, projects: names) }
        }
    }
}
