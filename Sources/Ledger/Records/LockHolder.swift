import Foundation
import GRDB

/// The single row of the `lock` table: which run holds the ledger, and where it runs.
public struct LockHolder: Sendable, Codable, Equatable {
    /// Always 1: the table holds at most one row (a CHECK constraint says so).
    public var id: Int64 = 1
    public var runId: Int64
    public var command: String
    /// `user@host`.
    public var who: String
    public var pid: Int32
    public var host: String
    public var since: Date

    public init(runId: Int64, command: String, who: String, pid: Int32, host: String, since: Date) {
        self.runId = runId
        self.command = command
        self.who = who
        self.pid = pid
        self.host = host
        self.since = since
    }
}

extension LockHolder: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "lock"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let runId = Column(CodingKeys.runId)
    }
}
