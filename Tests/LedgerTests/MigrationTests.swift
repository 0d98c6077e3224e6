import Foundation
import GRDB
@testable import Ledger
import Testing

@Suite struct MigrationTests {
    static let firstMigration = "v1-runs-resources-events-lock"

    @Test func migrateUpToTheFirstMigrationCreatesEveryTable() throws {
        // Given an empty database
        let queue = try DatabaseQueue()
        // When only the first migration runs
        try LedgerDatabase.migrator.migrate(queue, upTo: Self.firstMigration)
        // Then the four tables exist and the migration is recorded
        let (tables, applied, completed) = try queue.read { db in
            (
                try ["run", "resource", "stackEvent", "lock"].filter { try db.tableExists($0) },
                try LedgerDatabase.migrator.appliedMigrations(db),
                try LedgerDatabase.migrator.hasCompletedMigrations(db)
            )
        }
        #expect(tables == ["run", "resource", "stackEvent", "lock"])
        #expect(applied == [Self.firstMigration])
        #expect(completed == (LedgerDatabase.migrator.migrations.last == Self.firstMigration))
    }

    @Test func migrationsAreNamedAndStartWithV1() {
        let ids = LedgerDatabase.migrator.migrations
        #expect(ids.first == Self.firstMigration)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aFreshLedgerIsNotSupersededButAFutureMigrationIs() async throws {
        let ledger = try LedgerDatabase.inMemory()
        #expect(try await ledger.reader.read { db in try LedgerDatabase.migrator.hasBeenSuperseded(db) } == false)
        #expect(try await ledger.appliedMigrations() == LedgerDatabase.migrator.migrations)

        // A migration only a newer mlopsctl knows makes the file superseded for this one.
        let queue = try DatabaseQueue()
        try LedgerDatabase.migrator.migrate(queue)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        #expect(try await queue.read { db in try LedgerDatabase.migrator.hasBeenSuperseded(db) })
    }

    @Test func openingASupersededFileFailsWithANamedError() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try LedgerDatabase.migrator.migrate(queue)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
            try queue.close()
        }
        let error = #expect(throws: LedgerError.self) { try LedgerDatabase.open(path: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v9-from-the-future"]))
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains(path) && text.contains("v9-from-the-future") && text.contains("upgrade"))
        #expect(!text.contains("\n"))
    }

    @Test func foreignKeysAreEnforced() async throws {
        let ledger = try LedgerDatabase.inMemory()
        await #expect(throws: DatabaseError.self) {
            try await ledger.rawWrite(
                "INSERT INTO resource (runId, stage, account, region, kind, ownership, status, createdAt, updatedAt) "
                    + "VALUES (999, 'dev', '1', 'r', 'bucket', 'created', 'planned', '2026-01-01', '2026-01-01')")
        }
    }

    @Test(arguments: [
        "UPDATE resource SET status = 'tainted'",
        "UPDATE resource SET ownership = 'borrowed'",
        "UPDATE run SET outcome = 'maybe'",
        "INSERT INTO lock (id, runId, command, who, pid, host, since) VALUES (2, 1, 'x', 'y', 1, 'h', '2026-01-01')",
    ])
    func checkConstraintsRejectUnknownValues(_ sql: String) async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        try await ledger.plan(Fixture.intent(), runId: lock.runId)
        await #expect(throws: DatabaseError.self) { try await ledger.rawWrite(sql) }
    }

    /// Every column of every table, listed on purpose: a new column must be added here, which is the moment
    /// to ask whether it could ever hold a secret (the export prints them all).
    static let expectedColumns: [String: [String]] = [
        "run": ["id", "command", "arguments", "operatorArn", "host", "pid", "startedAt", "endedAt", "outcome", "message"],
        "resource": [
            "id", "runId", "stage", "account", "region", "kind", "physicalId", "logicalId", "stack", "parentId", "project", "ownership",
            "status", "detail", "createdAt", "updatedAt",
        ],
        "stackEvent": [
            "id", "runId", "stage", "account", "region", "stackName", "eventId", "timestamp", "logicalId", "resourceType", "status", "reason",
        ],
        "lock": ["id", "runId", "command", "who", "pid", "host", "since"],
    ]

    @Test func schemaHasExactlyTheExpectedColumnsAndNoneForSecrets() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let actual = try await ledger.reader.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            return try Dictionary(uniqueKeysWithValues: tables.map { table in (table, try db.columns(in: table).map(\.name)) })
        }
        #expect(actual == Self.expectedColumns)
        let secretish = ["secret", "token", "password", "credential", "key", "session", "signature"]
        for column in actual.values.flatMap({ $0 }) {
            for word in secretish {
                #expect(!column.lowercased().contains(word), "column \(column) looks like it could hold a secret")
            }
        }
    }
}

extension LedgerDatabase {
    /// Raw SQL through the ledger's own connection, for constraint tests only.
    func rawWrite(_ sql: String) async throws {
        try await writer.write { db in try db.execute(sql: sql) }
    }
}
