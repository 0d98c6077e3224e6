import Foundation
import GRDB

/// mlopsctl's local record of everything it creates in AWS, so that teardown deletes exactly what it owns.
///
/// Owns the one `DatabaseQueue` of its file for this process (GRDB's "connect to a file only once") and keeps
/// the schema migrated. Every write method is one transaction; reads never see a half-done write.
public struct LedgerDatabase: Sendable {
    /// The single connection. Exposed read-only for tests and diagnostics; writes go through the methods.
    let writer: DatabaseQueue
    /// The file, or nil in memory. Shown in lock errors so the user knows which ledger is held.
    public let path: String?
    /// The time source for every timestamp the ledger writes.
    let clock: @Sendable () -> Date

    /// Wraps an open queue and runs every pending migration.
    /// - Throws: `LedgerError.newerSchema` when the file was written by a newer mlopsctl.
    public init(_ writer: DatabaseQueue, path: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.writer = writer
        self.path = path
        self.clock = clock
        try Self.migrate(writer, path: path)
        let host = ProcessProbe.hostName()
        try writer.write { db in try Self.markInterruptedRuns(db, host: host, isAlive: ProcessProbe.isAlive) }
    }

    /// A private in-memory ledger, for tests.
    public static func inMemory(clock: @escaping @Sendable () -> Date = { Date() }) throws -> LedgerDatabase {
        try LedgerDatabase(DatabaseQueue(configuration: makeConfiguration()), clock: clock)
    }

    /// A read-only view, for queries the methods do not cover (tests, diagnostics).
    public var reader: any DatabaseReader { writer }

    /// Shared by files and memory: foreign keys on, WAL for files, and a short busy wait so two processes
    /// writing at the same moment queue up instead of failing (every transaction here is short).
    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Marks `interrupted` the runs that say `running` but cannot be: those that hold no lock (a live run always
    /// does: both rows are written in one transaction and removed in one), and the lock holder's when it ran on
    /// `host` under a pid that no longer exists (SIGKILL, power loss). The stale lock row itself stays until a
    /// new run takes it over (`acquireLock`), which records the takeover.
    static func markInterruptedRuns(_ db: Database, host: String, isAlive: (Int32) -> Bool) throws {
        let holder = try LockHolder.fetchOne(db)
        var stale = Run.filter(Run.Columns.outcome == RunOutcome.running)
        if let holder {
            if holder.host == host, !isAlive(holder.pid) {
                try Run.filter(id: holder.runId).filter(Run.Columns.outcome == RunOutcome.running).updateAll(
                    db, Run.Columns.outcome.set(to: RunOutcome.interrupted),
                    Run.Columns.message.set(to: "process \(holder.pid) on \(holder.host) died holding the ledger lock"))
            }
            stale = stale.filter(Run.Columns.id != holder.runId)
        }
        try stale.updateAll(
            db, Run.Columns.outcome.set(to: RunOutcome.interrupted),
            Run.Columns.message.set(to: "ended without releasing the ledger lock (killed or crashed)"))
    }
}
