import Foundation
import GRDB
@testable import Ledger
import Testing

/// What mlopsctl deployed each stack with (migration v4): tags, template digest, parameters,: what refresh compares a live stack's tags to.
@Suite struct StackIntentTests {
    @Test func theLastDeploymentIsKeptPerStackRow() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let stack = try await ledger.plan(Fixture.intent(.stack, "CDKToolkit"), runId: lock.runId)
        let other = try await ledger.plan(Fixture.intent(.stack, "mlops-project-demo-p1"), runId: lock.runId)
        #expect(try await ledger.stackIntents().isEmpty)

        let first = StackIntent(tags: ["team": "ml", "cost": "42"], templateSha256: "aa", parameters: ["Qualifier": "hnb659fds"])
        try await ledger.recordStackIntent(resourceId: stack.id!, first, runId: lock.runId)
        try await ledger.recordStackIntent(resourceId: other.id!, StackIntent(tags: [:]), runId: lock.runId)
        let second = StackIntent(tags: ["team": "platform"], templateSha256: "bb", parameters: [:])
        try await ledger.recordStackIntent(resourceId: stack.id!, second, runId: lock.runId)
        #expect(try await ledger.stackIntents() == [stack.id!: second, other.id!: StackIntent(tags: [:])])
        try await lock.release(outcome: .succeeded)
    }

    @Test func anIntentNeedsItsResourceRow() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        await #expect(throws: (any Error).self) { try await ledger.recordStackIntent(resourceId: 999, StackIntent(tags: [:]), runId: lock.runId) }
        try await lock.release(outcome: .succeeded)
    }

    @Test func theMigrationIsTheLastAndAddsOneTable() async throws {
        #expect(LedgerDatabase.migrator.migrations.last == "v4-stack-intent")
        let ledger = try LedgerDatabase.inMemory()
        let columns = try await ledger.reader.read { db in try db.columns(in: "stackIntent").map(\.name) }
        #expect(columns == ["resourceId", "tags", "templateSha256", "parameters", "runId", "recordedAt"])
    }
}
