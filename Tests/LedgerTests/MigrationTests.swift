import Foundation
import GRDB
@testable import Ledger
import TestSupport
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

    @Test func theStackSetMigrationFollowsTheFirst() {
        #expect(LedgerDatabase.migrator.migrations.prefix(2) == [Self.firstMigration, "v2-stack-sets-and-instances"])
    }

    @Test func aLedgerAtTheFirstMigrationGainsTheStackSetTablesAndKeepsItsRows() async throws {
        // Given a ledger migrated only up to v1, with a run and a resource
        let queue = try DatabaseQueue(configuration: LedgerDatabase.makeConfiguration())
        try LedgerDatabase.migrator.migrate(queue, upTo: Self.firstMigration)
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO run (id, command, arguments, host, pid, startedAt, endedAt, outcome) \
                VALUES (1, 'bootstrap', '[]', 'h', 1, '2026-12-01 10:00:00.000', '2026-12-01 10:05:00.000', 'succeeded');
                INSERT INTO resource (runId, stage, account, region, kind, physicalId, ownership, status, createdAt, updatedAt) \
                VALUES (1, 'dev', '222222222222', 'us-east-1', 'bucket', 'acme-artifacts', 'created', 'present', \
                '2026-12-01 10:01:00.000', '2026-12-01 10:01:00.000');
                """)
        }
        // When this mlopsctl opens it
        let ledger = try LedgerDatabase(queue)
        // Then every migration is applied, the old rows are intact and the new tables work
        #expect(try await ledger.appliedMigrations() == LedgerDatabase.migrator.migrations)
        #expect(try await ledger.resources().map(\.physicalId) == ["acme-artifacts"])
        let lock = try await Fixture.startRun(ledger)
        let key = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-dev")
        try await ledger.recordStackSet(key, stage: "dev", stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "active", runId: lock.runId)
        let counts = try await ledger.syncStackInstances(
            key, observed: [StackInstanceObservation(account: "222222222222", region: "us-east-1", status: "CURRENT")], runId: lock.runId)
        #expect(counts.inserted == 1)
    }

    /// The ledger release 0.1.0 wrote (the integration tests' fixture) takes the new migrations and keeps its 94 rows.
    @Test func theReleaseFixtureGainsTheStackSetTables() async throws {
        let fixture = ConformanceData.packageRoot.appendingPathComponent("Tests/IntegrationTests/Fixtures/ledger-0.1.0/ledger.sqlite")
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        do {
            let queue = try DatabaseQueue(path: path)
            #expect(try await queue.read { db in try LedgerDatabase.migrator.appliedMigrations(db) } == [Self.firstMigration])
            try queue.close()
        }

        let ledger = try LedgerDatabase.open(path: path)

        #expect(try await ledger.appliedMigrations() == LedgerDatabase.migrator.migrations)
        #expect(try await ledger.resources().count == 94)
        #expect(try await ledger.stackSets(includeDeleted: true).isEmpty)
        #expect(try await ledger.stackSetSummaries().isEmpty)
        let lock = try await Fixture.startRun(ledger)
        let key = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-prod")
        try await ledger.recordStackSet(key, stage: "prod", stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "active", runId: lock.runId)
        try await ledger.syncStackInstances(
            key, observed: [StackInstanceObservation(account: "444444444444", region: "us-east-1", status: "CURRENT")], runId: lock.runId)
        try await lock.release(outcome: .succeeded)
        #expect(try await ledger.stackSetSummaries().map(\.total) == [1])
        #expect(try await ledger.runs().count == 4)
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
        "stackSet": [
            "adminAccount", "region", "name", "stage", "stackSetId", "permissionModel", "status", "runId", "createdAt", "updatedAt",
        ],
        "stackInstance": [
            "adminAccount", "stackSetRegion", "stackSetName", "account", "region", "status", "detailedStatus", "statusReason",
            "organizationalUnitId", "runId", "updatedAt",
        ],
        "stackIntent": ["resourceId", "tags", "templateSha256", "parameters", "runId", "recordedAt"],
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
