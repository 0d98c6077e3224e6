import Foundation
import GRDB

/// The values `StackInstanceRecord.status` takes: CloudFormation's StackInstanceStatus, plus `DELETED` for an
/// instance the ledger recorded and ListStackInstances no longer returns.
public enum StackInstanceStatus {
    public static let current = "CURRENT"
    public static let outdated = "OUTDATED"
    public static let inoperable = "INOPERABLE"
    public static let deleted = "DELETED"
}

/// One stack instance (a stack set's stack in one account and region). One row per (stack set, account, region)
/// across runs; an instance that disappears stays as a `DELETED` row.
public struct StackInstanceRecord: Sendable, Codable, Equatable {
    /// The stack set's key, spelled out (`stackSet` gathers it).
    public var adminAccount: String
    public var stackSetRegion: String
    public var stackSetName: String
    /// The member account and region the instance deploys to.
    public var account: String
    public var region: String
    /// `StackInstanceStatus`: CURRENT, OUTDATED, INOPERABLE (stored as CloudFormation says them), or DELETED.
    public var status: String
    /// CloudFormation's StackInstanceStatus.DetailedStatus (PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED, ...);
    /// nil once the instance is DELETED.
    public var detailedStatus: String?
    public var statusReason: String?
    public var organizationalUnitId: String?
    /// The last run that changed the row (a sync that finds it unchanged leaves it alone).
    public var runId: Int64
    public var updatedAt: Date

    public init(
        stackSet: StackSetKey, account: String, region: String, status: String, detailedStatus: String? = nil, statusReason: String? = nil,
        organizationalUnitId: String? = nil, runId: Int64, updatedAt: Date
    ) {
        self.adminAccount = stackSet.adminAccount
        self.stackSetRegion = stackSet.region
        self.stackSetName = stackSet.name
        self.account = account
        self.region = region
        self.status = status
        self.detailedStatus = detailedStatus
        self.statusReason = statusReason
        self.organizationalUnitId = organizationalUnitId
        self.runId = runId
        self.updatedAt = updatedAt
    }

    public var stackSet: StackSetKey { StackSetKey(adminAccount: adminAccount, region: stackSetRegion, name: stackSetName) }

    /// Whether its last operation failed or it cannot be managed: what `failedStackInstances` returns.
    public var isFailed: Bool {
        status != StackInstanceStatus.deleted
            && (status == StackInstanceStatus.inoperable || detailedStatus == "FAILED" || detailedStatus == "CANCELLED")
    }
}

extension StackInstanceRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "stackInstance"

    public enum Columns {
        public static let adminAccount = Column(CodingKeys.adminAccount)
        public static let stackSetRegion = Column(CodingKeys.stackSetRegion)
        public static let stackSetName = Column(CodingKeys.stackSetName)
        public static let account = Column(CodingKeys.account)
        public static let region = Column(CodingKeys.region)
        public static let status = Column(CodingKeys.status)
        public static let runId = Column(CodingKeys.runId)
    }

    /// The instances of stack set `key`, in the primary key's order (account, region).
    static func of(_ key: StackSetKey) -> QueryInterfaceRequest<StackInstanceRecord> {
        filter(Columns.adminAccount == key.adminAccount && Columns.stackSetRegion == key.region && Columns.stackSetName == key.name)
            .order(Columns.account, Columns.region)
    }
}
