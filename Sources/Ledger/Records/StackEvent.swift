import Foundation
import GRDB

/// One CloudFormation stack event seen while a run watched a stack. `eventId` is CloudFormation's EventId,
/// so recording the same page twice keeps one row.
public struct StackEvent: Sendable, Codable, Equatable {
    public var id: Int64?
    public var runId: Int64
    public var stage: String
    public var account: String
    public var region: String
    public var stackName: String
    public var eventId: String
    public var timestamp: Date
    public var logicalId: String
    public var resourceType: String
    /// The ResourceStatus, e.g. `CREATE_FAILED`.
    public var status: String
    /// The ResourceStatusReason, when CloudFormation gave one.
    public var reason: String?

    public init(
        id: Int64? = nil, runId: Int64, stage: String, account: String, region: String, stackName: String, eventId: String,
        timestamp: Date, logicalId: String, resourceType: String, status: String, reason: String? = nil
    ) {
        self.id = id
        self.runId = runId
        self.stage = stage
        self.account = account
        self.region = region
        self.stackName = stackName
        self.eventId = eventId
        self.timestamp = timestamp
        self.logicalId = logicalId
        self.resourceType = resourceType
        self.status = status
        self.reason = reason
    }
}

extension StackEvent: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "stackEvent"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runId = Column(CodingKeys.runId)
        public static let eventId = Column(CodingKeys.eventId)
        public static let timestamp = Column(CodingKeys.timestamp)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
