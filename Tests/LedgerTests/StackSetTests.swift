import Foundation
import GRDB
@testable import Ledger
import TestSupport
import Testing

@Suite struct StackSetTests {
    static let dev = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-dev")
    static let prod = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-prod")

    static func seen(
        _ account: String, _ status: String = StackInstanceStatus.current, detailed: String? = "SUCCEEDED", reason: String? = nil,
        region: String = "us-east-1", ou: String? = "ou-ab12-devteams"
    ) -> StackInstanceObservation {
        StackInstanceObservation(
            account: account, region: region, status: status, detailedStatus: detailed, statusReason: reason, organizationalUnitId: ou)
    }

    /// A ledger with a run holding the lock and `keys` recorded as active stack sets.
    static func ledger(_ keys: [StackSetKey] = [dev], clock: FakeClock = FakeClock()) async throws -> (LedgerDatabase, LedgerLock) {
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let lock = try await Fixture.startRun(ledger)
        for key in keys {
            try await ledger.recordStackSet(
                key, stage: String(key.name.split(separator: "-").last!), stackSetId: "\(key.name):0001", permissionModel: "SERVICE_MANAGED",
                status: StackSetStatus.active, runId: lock.runId)
        }
        return (ledger, lock)
    }

    /// Records `key` as a service-managed stack set with no stack set id.
    @discardableResult
    static func record(_ ledger: LedgerDatabase, _ key: StackSetKey, stage: String, status: String, runId: Int64) async throws -> StackSetRecord {
        try await ledger.recordStackSet(key, stage: stage, stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: status, runId: runId)
    }

    // MARK: stack sets

    @Test func recordingAStackSetAgainUpdatesItsRowAndKeepsItsCreationTimeAndId() async throws {
        let clock = FakeClock()
        let (ledger, first) = try await Self.ledger(clock: clock)
        let created = try #require(try await ledger.stackSet(Self.dev))
        try await first.release(outcome: .succeeded)
        clock.advance(by: 60)
        let second = try await Fixture.startRun(ledger, "teardown")

        let updated = try await ledger.recordStackSet(
            Self.dev, stage: "dev", stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: StackSetStatus.deleting, runId: second.runId)

        #expect(updated.status == "deleting" && updated.runId == second.runId)
        #expect(updated.stackSetId == "mlops-bootstrap-dev:0001")
        #expect(updated.createdAt == created.createdAt && updated.updatedAt == created.createdAt.addingTimeInterval(60))
        #expect(try await ledger.stackSet(Self.dev) == updated)
        #expect(try await ledger.stackSets().count == 1)
    }

    @Test func deletedStackSetsAreListedOnlyWhenAsked() async throws {
        let (ledger, lock) = try await Self.ledger([Self.prod, Self.dev])
        #expect(try await ledger.stackSets().map(\.stage) == ["dev", "prod"])
        try await ledger.recordStackSet(
            Self.prod, stage: "prod", stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: StackSetStatus.deleted, runId: lock.runId)
        #expect(try await ledger.stackSets().map(\.name) == ["mlops-bootstrap-dev"])
        #expect(try await ledger.stackSets(includeDeleted: true).map(\.name) == ["mlops-bootstrap-dev", "mlops-bootstrap-prod"])
    }

    @Test func anUnknownStatusOrRunIsRefusedAndWritesNothing() async throws {
        let (ledger, lock) = try await Self.ledger([])
        await #expect(throws: LedgerError.unknownStackSetStatus("ACTIVE")) {
            try await Self.record(ledger, Self.dev, stage: "dev", status: "ACTIVE", runId: lock.runId)
        }
        await #expect(throws: LedgerError.noSuchRun(id: 999)) {
            try await Self.record(ledger, Self.dev, stage: "dev", status: "active", runId: 999)
        }
        #expect(try await ledger.stackSets(includeDeleted: true).isEmpty)
        #expect(!LedgerError.unknownStackSetStatus("ACTIVE").description.contains("\n"))
    }

    @Test func theSameNameInAnotherRegionOrAdminAccountIsAnotherStackSet() async throws {
        let other = [
            StackSetKey(adminAccount: "111111111111", region: "eu-west-1", name: "mlops-bootstrap-dev"),
            StackSetKey(adminAccount: "999999999999", region: "us-east-1", name: "mlops-bootstrap-dev"),
        ]
        let (ledger, _) = try await Self.ledger([Self.dev] + other)
        #expect(Set(try await ledger.stackSets().map(\.key)) == Set([Self.dev] + other))
    }

    @Test(arguments: [
        "INSERT INTO stackSet (adminAccount, region, name, stage, permissionModel, status, runId, createdAt, updatedAt) "
            + "VALUES ('111111111111', 'us-east-1', 'mlops-bootstrap-dev', 'dev', 'SELF_MANAGED', 'active', 1, '2026-01-01', '2026-01-01')",
        "INSERT INTO stackInstance (adminAccount, stackSetRegion, stackSetName, account, region, status, runId, updatedAt) "
            + "VALUES ('111111111111', 'us-east-1', 'mlops-bootstrap-dev', '222222222222', 'us-east-1', 'CURRENT', 1, '2026-01-01')",
        // An instance of a stack set the ledger does not have.
        "INSERT INTO stackInstance (adminAccount, stackSetRegion, stackSetName, account, region, status, runId, updatedAt) "
            + "VALUES ('111111111111', 'us-east-1', 'nope', '333333333333', 'us-east-1', 'CURRENT', 1, '2026-01-01')",
        "UPDATE stackSet SET status = 'ACTIVE'",
    ])
    func keysAreUniqueAndInstancesBelongToARecordedStackSet(_ sql: String) async throws {
        let (ledger, lock) = try await Self.ledger()
        try await ledger.syncStackInstances(Self.dev, observed: [Self.seen("222222222222")], runId: lock.runId)
        await #expect(throws: DatabaseError.self) { try await ledger.rawWrite(sql) }
    }

    // MARK: sync

    @Test func syncInsertsChangesDeletesAndBringsBackInstances() async throws {
        let clock = FakeClock()
        let (ledger, first) = try await Self.ledger(clock: clock)
        let accounts = ["444444444444", "222222222222", "333333333333"]

        // New instances are inserted, listed by account
        var counts = try await ledger.syncStackInstances(Self.dev, observed: accounts.map { Self.seen($0) }, runId: first.runId)
        #expect(counts == StackInstanceSyncCounts(inserted: 3))
        #expect(try await ledger.stackInstances(Self.dev).map(\.account) == accounts.sorted())

        // The same observation again changes nothing, not even the run that last touched the rows
        try await first.release(outcome: .succeeded)
        clock.advance(by: 10)
        let second = try await Fixture.startRun(ledger, "status")
        counts = try await ledger.syncStackInstances(Self.dev, observed: accounts.map { Self.seen($0) }, runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(unchanged: 3))
        #expect(try await ledger.stackInstances(Self.dev).allSatisfy { $0.runId == first.runId })

        // A status change updates that row only
        let failing = Self.seen(
            "333333333333", StackInstanceStatus.outdated, detailed: "FAILED", reason: "ResourceLogicalId:StagingBucket, already exists")
        counts = try await ledger.syncStackInstances(
            Self.dev, observed: [Self.seen("222222222222"), failing, Self.seen("444444444444")], runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(changed: 1, unchanged: 2))
        var rows = try await ledger.stackInstances(Self.dev)
        #expect(rows[1].status == "OUTDATED" && rows[1].detailedStatus == "FAILED" && rows[1].statusReason == failing.statusReason)
        #expect(rows[1].runId == second.runId && rows[1].updatedAt == clock.now)
        #expect(rows[0].runId == first.runId)

        // Instances not observed any more become DELETED (their detailed status and reason cleared)
        counts = try await ledger.syncStackInstances(Self.dev, observed: [Self.seen("444444444444")], runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(deleted: 2, unchanged: 1))
        rows = try await ledger.stackInstances(Self.dev)
        #expect(rows.map(\.status) == ["DELETED", "DELETED", "CURRENT"])
        #expect(rows[1].detailedStatus == nil && rows[1].statusReason == nil && rows[1].organizationalUnitId == "ou-ab12-devteams")
        // and stay DELETED, counted once
        counts = try await ledger.syncStackInstances(Self.dev, observed: [Self.seen("444444444444")], runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(unchanged: 1))

        // One that comes back is live again, counted as inserted, in the same row
        counts = try await ledger.syncStackInstances(
            Self.dev, observed: [Self.seen("444444444444"), Self.seen("333333333333", detailed: "RUNNING")], runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(inserted: 1, unchanged: 1))
        rows = try await ledger.stackInstances(Self.dev)
        #expect(rows.count == 3)
        #expect(rows.map(\.status) == ["DELETED", "CURRENT", "CURRENT"] && rows[1].detailedStatus == "RUNNING")

        // Nothing observed: every live instance is DELETED
        counts = try await ledger.syncStackInstances(Self.dev, observed: [], runId: second.runId)
        #expect(counts == StackInstanceSyncCounts(deleted: 2))
        #expect(try await ledger.stackInstances(Self.dev).allSatisfy { $0.status == "DELETED" })
    }

    @Test func syncTouchesOnlyItsOwnStackSetAndKeepsRegionsApart() async throws {
        let (ledger, lock) = try await Self.ledger([Self.dev, Self.prod])
        try await ledger.syncStackInstances(Self.prod, observed: [Self.seen("444444444444")], runId: lock.runId)
        let counts = try await ledger.syncStackInstances(
            Self.dev, observed: [Self.seen("222222222222"), Self.seen("222222222222", region: "eu-west-1")], runId: lock.runId)
        #expect(counts == StackInstanceSyncCounts(inserted: 2))
        #expect(try await ledger.stackInstances(Self.dev).map(\.region) == ["eu-west-1", "us-east-1"])
        try await ledger.syncStackInstances(Self.dev, observed: [], runId: lock.runId)
        #expect(try await ledger.stackInstances(Self.prod).map(\.status) == ["CURRENT"])
    }

    @Test func anInstanceObservedTwiceKeepsTheLastObservation() async throws {
        let (ledger, lock) = try await Self.ledger()
        let counts = try await ledger.syncStackInstances(
            Self.dev, observed: [Self.seen("222222222222", detailed: "RUNNING"), Self.seen("222222222222")], runId: lock.runId)
        #expect(counts == StackInstanceSyncCounts(inserted: 1))
        #expect(try await ledger.stackInstances(Self.dev).map(\.detailedStatus) == ["SUCCEEDED"])
    }

    @Test func syncingAnUnrecordedStackSetOrRunFailsAndWritesNothing() async throws {
        let (ledger, lock) = try await Self.ledger()
        await #expect(throws: LedgerError.noSuchStackSet(Self.prod)) {
            try await ledger.syncStackInstances(Self.prod, observed: [Self.seen("444444444444")], runId: lock.runId)
        }
        await #expect(throws: LedgerError.noSuchRun(id: 999)) {
            try await ledger.syncStackInstances(Self.dev, observed: [Self.seen("222222222222")], runId: 999)
        }
        #expect(try await ledger.export().stackInstances.isEmpty)
        #expect(LedgerError.noSuchStackSet(Self.prod).description.contains("mlops-bootstrap-prod (111111111111 us-east-1)"))
    }

    @Test func instancesCanBeNarrowedByStatus() async throws {
        let (ledger, lock) = try await Self.ledger()
        try await ledger.syncStackInstances(
            Self.dev,
            observed: [Self.seen("222222222222"), Self.seen("333333333333", StackInstanceStatus.outdated), Self.seen("555555555555")],
            runId: lock.runId)
        try await ledger.syncStackInstances(
            Self.dev, observed: [Self.seen("222222222222"), Self.seen("333333333333", StackInstanceStatus.outdated)], runId: lock.runId)
        #expect(try await ledger.stackInstances(Self.dev, statuses: ["OUTDATED", "DELETED"]).map(\.account) == ["333333333333", "555555555555"])
        #expect(try await ledger.stackInstances(Self.dev, statuses: ["CURRENT"]).map(\.account) == ["222222222222"])
        #expect(try await ledger.stackInstances(Self.dev, statuses: []).isEmpty)
    }

    // MARK: summaries and failures

    @Test func summariesCountEachStackSetsInstancesByStatus() async throws {
        let (ledger, lock) = try await Self.ledger([Self.dev, Self.prod])
        let empty = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-preprod")
        try await Self.record(ledger, empty, stage: "preprod", status: "active", runId: lock.runId)
        let reason = "Account 200000000003 should have 'AWSCloudFormationStackSetExecutionRole' role with trust relationship"
        let observed = [
            Self.seen("200000000001"), Self.seen("200000000002"),
            Self.seen("200000000003", StackInstanceStatus.outdated, detailed: "FAILED", reason: reason),
            Self.seen("200000000004", StackInstanceStatus.outdated, detailed: "PENDING"),
            Self.seen("200000000005", StackInstanceStatus.inoperable, detailed: "INOPERABLE"),
            Self.seen("200000000006", StackInstanceStatus.current, detailed: "CANCELLED"),
            Self.seen("200000000007"),
        ]
        try await ledger.syncStackInstances(Self.dev, observed: observed, runId: lock.runId)
        // The last one disappears: deleted, neither failed nor in the total
        try await ledger.syncStackInstances(Self.dev, observed: Array(observed.dropLast()), runId: lock.runId)
        try await ledger.syncStackInstances(Self.prod, observed: [Self.seen("400000000001")], runId: lock.runId)

        let summaries = try await ledger.stackSetSummaries()

        #expect(summaries == [
            StackSetSummary(key: Self.dev, stage: "dev", status: "active", total: 6, current: 3, outdated: 2, failed: 3, deleted: 1),
            StackSetSummary(key: empty, stage: "preprod", status: "active", total: 0, current: 0, outdated: 0, failed: 0, deleted: 0),
            StackSetSummary(key: Self.prod, stage: "prod", status: "active", total: 1, current: 1, outdated: 0, failed: 0, deleted: 0),
        ])

        // A deleted stack set is summarised only when asked
        try await Self.record(ledger, empty, stage: "preprod", status: "deleted", runId: lock.runId)
        #expect(try await ledger.stackSetSummaries().map(\.stage) == ["dev", "prod"])
        #expect(try await ledger.stackSetSummaries(includeDeleted: true).map(\.stage) == ["dev", "preprod", "prod"])

        // The failed ones, by account, at most `limit`
        let failed = try await ledger.failedStackInstances(Self.dev, limit: nil)
        #expect(failed.map(\.account) == ["200000000003", "200000000005", "200000000006"])
        #expect(failed.allSatisfy { $0.isFailed })
        #expect(failed[0].statusReason?.contains("AWSCloudFormationStackSetExecutionRole") == true)
        #expect(try await ledger.failedStackInstances(Self.dev, limit: 2).map(\.account) == ["200000000003", "200000000005"])
        #expect(try await ledger.failedStackInstances(Self.prod, limit: nil).isEmpty)
        #expect(try await ledger.stackInstances(Self.dev).filter(\.isFailed).map(\.account) == failed.map(\.account))
    }

    @Test func aFailedInstanceThatDisappearsIsNoLongerFailed() async throws {
        let (ledger, lock) = try await Self.ledger()
        let inoperable = Self.seen("222222222222", StackInstanceStatus.inoperable, detailed: "FAILED")
        try await ledger.syncStackInstances(Self.dev, observed: [inoperable], runId: lock.runId)
        #expect(try await ledger.failedStackInstances(Self.dev, limit: nil).count == 1)
        try await ledger.syncStackInstances(Self.dev, observed: [], runId: lock.runId)
        #expect(try await ledger.failedStackInstances(Self.dev, limit: nil).isEmpty)
        #expect(try await ledger.stackSetSummaries().first?.failed == 0)
    }
}
