import Foundation
import GRDB

/// One invocation of a mutating mlopsctl command. Created together with the lock, ended when the lock is released.
public struct Run: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64?
    /// The verb, e.g. `bootstrap`.
    public var command: String
    /// The command-line arguments, stored as JSON text. The caller passes only arguments that are safe to keep
    /// (never a secret).
    public var arguments: [String]
    /// The caller identity (STS GetCallerIdentity ARN) once known.
    public var operatorArn: String?
    public var host: String
    public var pid: Int32
    public var startedAt: Date
    public var endedAt: Date?
    public var outcome: RunOutcome
    /// Why it failed, or what happened on the way (e.g. a stale lock taken over).
    public var message: String?

    public init(
        id: Int64? = nil, command: String, arguments: [String], operatorArn: String? = nil, host: String, pid: Int32,
        startedAt: Date, endedAt: Date? = nil, outcome: RunOutcome = .running, message: String? = nil
    ) {
        self.id = id
        self.command = command
        self.arguments = arguments
        self.operatorArn = operatorArn
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.message = message
    }
}

extension Run: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let command = Column(CodingKeys.command)
        public static let startedAt = Column(CodingKeys.startedAt)
        public static let endedAt = Column(CodingKeys.endedAt)
        public static let outcome = Column(CodingKeys.outcome)
        public static let message = Column(CodingKeys.message)
        public static let operatorArn = Column(CodingKeys.operatorArn)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
