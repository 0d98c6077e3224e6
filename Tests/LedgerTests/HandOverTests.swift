import Foundation
import GRDB
@testable import Ledger
import Testing

/// `ledger forget`: a resource handed over keeps its row, marked with who and why, and takes what goes with it.
@Suite struct HandOverTests {
    /// A stack holding a bucket, a key with an alias, and a bucket of no stack, all present.
    static func seeded() async throws -> (LedgerDatabase, runId: Int64, ids: [String: Int64]) {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        var ids: [String: Int64] = [:]
        for (name, intent) in [
            ("stack", Fixture.intent(.stack, "mlops-project-demo-p1")),
            ("stackBucket", Fixture.intent(.bucket, "demo-artifacts", stack: "mlops-project-demo-p1")),
            ("otherBucket", Fixture.intent(.bucket, "loose-bucket")),
            ("key", Fixture.intent(.kmsKey, "key-1")),
        ] {
            let row = try await ledger.plan(intent, runId: lock.runId)
            ids[name] = try await ledger.settle(row.id!, status: .present).id
        }
        try await lock.release(outcome: .succeeded)
        return (ledger, lock.runId, ids)
    }

    @Test func aStackIsHandedOverWithTheResourcesItHolds() async throws {
        let (ledger, _, ids) = try await Self.seeded()
        let forget = try await Fixture.startRun(ledger, "ledger forget")
        let rows = try await ledger.handOver(ids["stack"]!, runId: forget.runId, who: "alice@build-host", reason: "the data team runs it now")
        #expect(rows.map(\.id) == [ids["stack"], ids["stackBucket"]])
        #expect(rows.allSatisfy { $0.status == .handedOver && $0.runId == forget.runId })
        #expect(rows.allSatisfy { $0.detail?.hasPrefix("handed over by alice@build-host on ") == true && $0.detail?.hasSuffix(": the data team runs it now") == true })
        // The rest is untouched, and every row is still there.
        #expect(try await ledger.resource(id: ids["otherBucket"]!)?.status == .present)
        #expect(try await ledger.resources().count == 4)
    }

    @Test func aResourceInsideAManagedStackIsRefusedNamingTheStack() async throws {
        let (ledger, _, ids) = try await Self.seeded()
        let forget = try await Fixture.startRun(ledger, "ledger forget")
        await #expect(throws: HandOverRefusal.insideManagedStack(id: ids["stackBucket"]!, stack: "mlops-project-demo-p1", stackId: ids["stack"]!)) {
            try await ledger.handOver(ids["stackBucket"]!, runId: forget.runId, who: "alice@h", reason: "r")
        }
        #expect(try await ledger.resource(id: ids["stackBucket"]!)?.status == .present)
    }

    @Test(arguments: [ResourceStatus.deleted, .deleting, .handedOver, .deletedOutOfBand])
    func aResourceNoLongerManagedIsRefused(_ status: ResourceStatus) async throws {
        let (ledger, _, ids) = try await Self.seeded()
        try await ledger.settle(ids["otherBucket"]!, status: status)
        let forget = try await Fixture.startRun(ledger, "ledger forget")
        await #expect(throws: HandOverRefusal.notManaged(id: ids["otherBucket"]!, status: status)) {
            try await ledger.handOver(ids["otherBucket"]!, runId: forget.runId, who: "alice@h", reason: "r")
        }
    }

    @Test func anUnknownIdNamesTheFix() async throws {
        let (ledger, _, _) = try await Self.seeded()
        let forget = try await Fixture.startRun(ledger, "ledger forget")
        await #expect(throws: LedgerError.noSuchResource(id: 999)) {
            try await ledger.handOver(999, runId: forget.runId, who: "alice@h", reason: "r")
        }
    }

    /// A ledger written before the new statuses existed takes the migration and keeps its rows and ids.
    @Test func aLedgerAtTheStackSetMigrationTakesTheNewStatusesKeepingItsRows() async throws {
        let queue = try DatabaseQueue(configuration: LedgerDatabase.makeConfiguration())
        try LedgerDatabase.migrator.migrate(queue, upTo: "v2-stack-sets-and-instances")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO run (id, command, arguments, host, pid, startedAt, endedAt, outcome) \
                VALUES (1, 'bootstrap', '[]', 'h', 1, '2026-12-01 10:00:00.000', '2026-12-01 10:05:00.000', 'succeeded');
                INSERT INTO resource (id, runId, stage, account, region, kind, physicalId, ownership, status, createdAt, updatedAt) \
                VALUES (7, 1, 'dev', '222222222222', 'us-east-1', 'stack', 'CDKToolkit', 'created', 'present', \
                '2026-12-01 10:01:00.000', '2026-12-01 10:01:00.000');
                INSERT INTO resource (id, runId, stage, account, region, kind, physicalId, parentId, ownership, status, createdAt, updatedAt) \
                VALUES (9, 1, 'dev', '222222222222', 'us-east-1', 'objectPrefix', 'cdk/', 7, 'created', 'retained', \
                '2026-12-01 10:01:00.000', '2026-12-01 10:01:00.000');
                """)
        }
        let ledger = try LedgerDatabase(queue)
        #expect(try await ledger.appliedMigrations() == LedgerDatabase.migrator.migrations)
        #expect(try await ledger.resources().compactMap(\.id).sorted() == [7, 9])
        #expect(try await ledger.resource(id: 9)?.parentId == 7)
        try await ledger.settle(7, status: .deletedOutOfBand)
        #expect(try await ledger.resource(id: 7)?.status == .deletedOutOfBand)
        // The unique index is back: a second row tracking the same stack is refused.
        await #expect(throws: (any Error).self) {
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO resource (runId, stage, account, region, kind, physicalId, ownership, status, createdAt, updatedAt) \
                    VALUES (1, 'dev', '222222222222', 'us-east-1', 'stack', 'CDKToolkit', 'created', 'present', \
                    '2026-12-01 10:01:00.000', '2026-12-01 10:01:00.000')
                    """)
            }
        }
        // An unknown status is still refused.
        await #expect(throws: (any Error).self) {
            try await queue.write { db in try db.execute(sql: "UPDATE resource SET status = 'gone' WHERE id = 7") }
        }
    }
}
