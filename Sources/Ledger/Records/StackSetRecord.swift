import Foundation
import GRDB

/// The values `StackSetRecord.status` takes: mlopsctl's own life cycle of a stack set, not CloudFormation's.
public enum StackSetStatus {
    public static let active = "active"
    /// DeleteStackSet was (or is about to be) called; its instances may still be going.
    public static let deleting = "deleting"
    /// Gone from AWS. The row stays as history.
    public static let deleted = "deleted"
    public static let all: Set<String> = [active, deleting, deleted]
}

/// One stack set mlopsctl created in the management (or delegated-administrator) account. One row per
/// (adminAccount, region, name) across runs.
public struct StackSetRecord: Sendable, Codable, Equatable {
    public var adminAccount: String
    public var region: String
    public var name: String
    /// The stage role its instances play: dev, preprod or prod.
    public var stage: String
    /// CloudFormation's StackSetId (`name:uuid`), once CreateStackSet returned it.
    public var stackSetId: String?
    /// `SERVICE_MANAGED` or `SELF_MANAGED`.
    public var permissionModel: String
    /// `StackSetStatus`: active, deleting or deleted.
    public var status: String
    /// The last run that recorded it.
    public var runId: Int64
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        adminAccount: String, region: String, name: String, stage: String, stackSetId: String?, permissionModel: String, status: String,
        runId: Int64, createdAt: Date, updatedAt: Date
    ) {
        self.adminAccount = adminAccount
        self.region = region
        self.name = name
        self.stage = stage
        self.stackSetId = stackSetId
        self.permissionModel = permissionModel
        self.status = status
        self.runId = runId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var key: StackSetKey { StackSetKey(adminAccount: adminAccount, region: region, name: name) }
}

extension StackSetRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "stackSet"

    public enum Columns {
        public static let adminAccount = Column(CodingKeys.adminAccount)
        public static let region = Column(CodingKeys.region)
        public static let name = Column(CodingKeys.name)
        public static let stage = Column(CodingKeys.stage)
        public static let status = Column(CodingKeys.status)
    }

    /// The rows of `key` (at most one: it is the primary key).
    static func matching(_ key: StackSetKey) -> QueryInterfaceRequest<StackSetRecord> {
        filter(Columns.adminAccount == key.adminAccount && Columns.region == key.region && Columns.name == key.name)
    }
}
