import Foundation
import GRDB

/// One AWS resource mlopsctl created or adopted. A resource is one row across runs: the unique key is
/// (account, region, kind, physicalId).
public struct TrackedResource: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64?
    /// The run that created or last touched it.
    public var runId: Int64
    public var stage: String
    public var account: String
    public var region: String
    public var kind: ResourceKind
    /// The AWS name, ARN or id. Nil only while a resource whose id AWS assigns has not been created yet.
    public var physicalId: String?
    /// The CloudFormation logical id, or mlopsctl's own name for it.
    public var logicalId: String?
    /// The owning stack's name, when CloudFormation manages it.
    public var stack: String?
    /// The resource this one lives in (an object prefix in a bucket, an alias of a key).
    public var parentId: Int64?
    public var project: String?
    public var ownership: Ownership
    public var status: ResourceStatus
    /// Short text: why it failed, or why teardown retained it.
    public var detail: String?
    public var createdAt: Date
    public var updatedAt: Date
}

extension TrackedResource: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "resource"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runId = Column(CodingKeys.runId)
        public static let stage = Column(CodingKeys.stage)
        public static let account = Column(CodingKeys.account)
        public static let region = Column(CodingKeys.region)
        public static let kind = Column(CodingKeys.kind)
        public static let physicalId = Column(CodingKeys.physicalId)
        public static let logicalId = Column(CodingKeys.logicalId)
        public static let stack = Column(CodingKeys.stack)
        public static let parentId = Column(CodingKeys.parentId)
        public static let project = Column(CodingKeys.project)
        public static let ownership = Column(CodingKeys.ownership)
        public static let status = Column(CodingKeys.status)
        public static let detail = Column(CodingKeys.detail)
        public static let updatedAt = Column(CodingKeys.updatedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
