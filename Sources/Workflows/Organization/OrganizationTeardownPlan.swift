import Ledger
import Topology

/// What `teardown --bootstrap --org` would delete, from the ledger alone: the stack sets it recorded (and their
/// instances) and the staging buckets their bootstrap left in member accounts.
public struct OrganizationTeardownPlan: Sendable, Codable, Equatable {
    public struct StackSetEntry: Sendable, Codable, Equatable {
        public let stage: String
        public let name: String
        public let adminAccount: String
        public let region: String
        public let instances: Int
    }

    public struct RetainedEntry: Sendable, Codable, Equatable {
        public let id: Int64
        public let stage: String
        public let account: String
        public let region: String
        public let kind: String
        public let physicalId: String
        public let stackSet: String
    }

    public var stackSets: [StackSetEntry]
    public var retained: [RetainedEntry]

    public var isEmpty: Bool { stackSets.isEmpty && retained.isEmpty }
    /// Nothing recorded (no ledger yet).
    public static let empty = OrganizationTeardownPlan(stackSets: [], retained: [])
    /// The stage roles whose member accounts lose something.
    public var stages: Set<String> { Set(stackSets.map(\.stage) + retained.map(\.stage)) }

    /// The ledger's live stack sets of `stages` (all when empty), deployment order reversed per role (bootstrap before
    /// its execution policy), and their members' retained resources.
    static func read(_ ledger: LedgerDatabase, stages: Set<String>) async throws -> OrganizationTeardownPlan {
        let summaries = try await ledger.stackSetSummaries()
        let sets = try await ledger.stackSets().filter { $0.status != "deleted" && (stages.isEmpty || stages.contains($0.stage)) }
        var entries: [StackSetEntry] = []
        for set in sets {
            let live = summaries.first { $0.key == set.key }.map { $0.total - $0.deleted } ?? 0
            entries.append(StackSetEntry(stage: set.stage, name: set.name, adminAccount: set.adminAccount, region: set.region, instances: live))
        }
        entries.sort { lhs, rhs in
            (Stage(rawValue: lhs.stage) ?? .prod, lhs.name.hasSuffix("-bootstrap") ? 0 : 1) < (Stage(rawValue: rhs.stage) ?? .prod, rhs.name.hasSuffix("-bootstrap") ? 0 : 1)
        }
        // Buckets outlive their stack set: a run interrupted after deleting the stack sets still finds them.
        let everRecorded = try await ledger.stackSets(includeDeleted: true).filter { stages.isEmpty || stages.contains($0.stage) }
        let names = Set(everRecorded.map(\.name))
        var retained: [RetainedEntry] = []
        for stage in Set(everRecorded.map(\.stage)).sorted() {
            for row in try await ledger.resources(filter: ResourceFilter(stage: stage, kind: .bucket))
            where row.status != .deleted && row.ownership == .created && names.contains(row.stack ?? "") {
                retained.append(RetainedEntry(
                    id: row.id!, stage: row.stage, account: row.account, region: row.region, kind: row.kind.rawValue, physicalId: row.physicalId ?? "",
                    stackSet: row.stack ?? ""))
            }
        }
        retained.sort { ($0.stage, $0.account, $0.region) < ($1.stage, $1.account, $1.region) }
        return OrganizationTeardownPlan(stackSets: entries, retained: retained)
    }
}
