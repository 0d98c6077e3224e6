import Foundation
import GRDB
@testable import Ledger
import Testing

/// The tags mlopsctl deployed each stack with (migration v4): what refresh compares a live stack's tags to.
@Suite struct StackIntentTests {
    @Test func theLastDeploymentsTagsAreKeptPerStackRow() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let stack = try await ledger.plan(Fixture.intent(.stack, "CDKToolkit"), runId: lock.runId)
        let other = try await ledger.plan(Fixture.intent(.stack, "mlops-project-demo-p1"), runId: lock.runId)
        #expect(try await ledger.stackIntentTags().isEmpty)

        try await ledger.recordStackIntent(resourceId: stack.id!, tags: ["team": "ml", "cost": "42"], runId: lock.runId)
        try await ledger.recordStackIntent(resourceId: other.id!, tags: [:], runId: lock.runId)
        try await ledger.recordStackIntent(resourceId: stack.id!, tags: ["team": "platform"], runId: lock.runId)
        let tags = try await ledger.stackIntentTags()
        #expect(tags == [stack.id!: ["team": "platform"], other.id!: [:]])
        try await lock.release(outcome: .succeeded)
    }

    @Test func anIntentNeedsItsResourceRow() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        await #expect(throws: (any Error).self) { try await ledger.recordStackIntent(resourceId: 999, tags: [:], runId: lock.runId) }
        try await lock.release(outcome: .succeeded)
    }

    @Test func theMigrationIsTheLastAndAddsOneTable() async throws {
        #expect(LedgerDatabase.migrator.migrations.last == "v4-stack-intent")
        let ledger = try LedgerDatabase.inMemory()
        let columns = try await ledger.reader.read { db in try db.columns(in: "stackIntent").map(\.name) }
        #expect(columns == ["resourceId", "tags", "runId", "recordedAt"])
    }
}
