import Foundation
import Ledger
import TestSupport
import Testing

/// plan before the AWS call, settle after it; one row per real resource across runs.
@Suite struct ResourceLifecycleTests {
    @Test func planWritesAPlannedRowThenSettleRecordsTheOutcome() async throws {
        // Given a run
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let lock = try await Fixture.startRun(ledger)
        // When it plans a bucket
        let planned = try await ledger.plan(Fixture.intent(stack: "mlops-bootstrap", project: "churn"), runId: lock.runId)
        // Then the row is stored as planned, before any AWS call
        let id = try #require(planned.id)
        #expect(try await ledger.resource(id: id) == planned)
        #expect(planned.status == .planned && planned.ownership == .created && planned.runId == lock.runId)
        #expect(planned.createdAt == clock.now && planned.updatedAt == clock.now)

        // When the call succeeds later
        clock.advance(by: 5)
        let settled = try await ledger.settle(id, status: .present)
        // Then only status and updatedAt moved
        #expect(settled.status == .present)
        #expect(settled.updatedAt == clock.now && settled.createdAt == planned.createdAt)
        #expect(try await ledger.resource(id: id) == settled)
    }

    @Test func aFailedCallKeepsItsDetailAndASuccessClearsIt() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let id = try #require(try await ledger.plan(Fixture.intent(), runId: lock.runId).id)
        #expect(try await ledger.settle(id, status: .failed, detail: "AccessDenied").detail == "AccessDenied")
        #expect(try await ledger.plan(Fixture.intent(), runId: lock.runId).detail == nil)
        #expect(try await ledger.settle(id, status: .present).detail == nil)
    }

    @Test func theSameResourceIsOneRowAcrossRuns() async throws {
        // Given a bucket created by a first run
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let first = try await Fixture.startRun(ledger)
        let created = try await ledger.plan(Fixture.intent(), runId: first.runId)
        try await ledger.settle(try #require(created.id), status: .present)
        try await first.release()

        // When a second run plans the same (account, region, kind, physicalId), even as "adopted"
        clock.advance(by: 60)
        let second = try await Fixture.startRun(ledger, "bootstrap")
        let again = try await ledger.plan(Fixture.intent(ownership: .adopted), runId: second.runId)

        // Then it is the same row, now touched by the second run, still owned as created
        #expect(again.id == created.id)
        #expect(again.runId == second.runId && again.status == .planned && again.ownership == .created)
        #expect(again.createdAt == created.createdAt && again.updatedAt == clock.now)
        #expect(try await ledger.resources().count == 1)
        #expect(try await ledger.resources(touchedBy: first.runId).isEmpty)
        #expect(try await ledger.resources(touchedBy: second.runId).map(\.id) == [created.id])
    }

    @Test(arguments: [
        ("222222222222", "us-east-1", ResourceKind.ssmParameter, "acme-artifacts"),  // other kind
        ("333333333333", "us-east-1", ResourceKind.bucket, "acme-artifacts"),  // other account
        ("222222222222", "eu-west-1", ResourceKind.bucket, "acme-artifacts"),  // other region
        ("222222222222", "us-east-1", ResourceKind.bucket, "acme-artifacts-2"),  // other physical id
    ])
    func anyDifferenceInTheKeyIsAnotherRow(account: String, region: String, kind: ResourceKind, physicalId: String) async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let first = try await ledger.plan(Fixture.intent(), runId: lock.runId)
        let second = try await ledger.plan(Fixture.intent(kind, physicalId, account: account, region: region), runId: lock.runId)
        #expect(first.id != second.id)
        #expect(try await ledger.resources().count == 2)
    }

    @Test func anAWSAssignedIdIsFilledInBySettleAndARetryReusesTheRow() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        // A key whose id AWS assigns: planned without one; the first attempt fails before AWS answered.
        let intent = Fixture.intent(.kmsKey, nil, logicalId: "ArtifactKey")
        let first = try await ledger.plan(intent, runId: lock.runId)
        try await ledger.settle(try #require(first.id), status: .failed, detail: "throttled")
        // The retry is the same row; success fills in the id.
        let retry = try await ledger.plan(intent, runId: lock.runId)
        #expect(retry.id == first.id)
        let settled = try await ledger.settle(try #require(retry.id), status: .present, physicalId: "key-1234")
        #expect(settled.physicalId == "key-1234")
        // Once it has an id, a plan by id finds it.
        #expect(try await ledger.plan(Fixture.intent(.kmsKey, "key-1234"), runId: lock.runId).id == first.id)
        #expect(try await ledger.resources().count == 1)
    }

    @Test func settlingToAPhysicalIdAnotherRowTracksFails() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let existing = try await ledger.plan(Fixture.intent(.kmsKey, "key-1"), runId: lock.runId)
        let pending = try await ledger.plan(Fixture.intent(.kmsKey, nil, logicalId: "Other"), runId: lock.runId)
        let error = await #expect(throws: LedgerError.self) {
            try await ledger.settle(try #require(pending.id), status: .present, physicalId: "key-1")
        }
        #expect(error == .duplicateResource(id: pending.id!, existingId: existing.id!, kind: .kmsKey, physicalId: "key-1"))
    }

    @Test func aDeletedResourceThatIsPlannedAgainStartsANewLifeWithTheNewOwnership() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let id = try #require(try await ledger.plan(Fixture.intent(), runId: lock.runId).id)
        try await ledger.settle(id, status: .deleting)
        try await ledger.settle(id, status: .deleted)
        let adopted = try await ledger.plan(Fixture.intent(ownership: .adopted), runId: lock.runId)
        #expect(adopted.id == id && adopted.ownership == .adopted && adopted.status == .planned)
    }

    @Test func parentsAreLinkedAndMustExist() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        let bucket = try await ledger.plan(Fixture.intent(), runId: lock.runId)
        var prefix = Fixture.intent(.objectPrefix, "acme-artifacts/seed/")
        prefix.parentId = bucket.id
        #expect(try await ledger.plan(prefix, runId: lock.runId).parentId == bucket.id)
        var orphan = Fixture.intent(.objectPrefix, "acme-artifacts/other/")
        orphan.parentId = 9_999
        await #expect(throws: (any Error).self) { try await ledger.plan(orphan, runId: lock.runId) }
    }

    @Test func unknownRunsAndResourcesAreNamedErrors() async throws {
        let ledger = try LedgerDatabase.inMemory()
        await #expect(throws: LedgerError.noSuchRun(id: 77)) { try await ledger.plan(Fixture.intent(), runId: 77) }
        await #expect(throws: LedgerError.noSuchResource(id: 5)) { try await ledger.settle(5, status: .present) }
        await #expect(throws: LedgerError.noSuchRun(id: 3)) { try await ledger.setOperator(runId: 3, arn: "arn:aws:iam::1:user/x") }
        #expect(String(describing: LedgerError.noSuchResource(id: 5)).contains("5"))
    }

    @Test func operatorArnIsRecordedOnTheRun() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        try await ledger.setOperator(runId: lock.runId, arn: "arn:aws:sts::111111111111:assumed-role/Admin/alice")
        #expect(try await ledger.run(id: lock.runId)?.operatorArn == "arn:aws:sts::111111111111:assumed-role/Admin/alice")
    }
}
