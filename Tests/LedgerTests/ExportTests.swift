import Foundation
import Ledger
import TestSupport
import Testing

@Suite struct ExportTests {
    static func event(_ id: String, runId: Int64, at seconds: TimeInterval, status: String = "CREATE_COMPLETE") -> StackEvent {
        StackEvent(
            runId: runId, stage: "dev", account: "222222222222", region: "us-east-1", stackName: "mlops-bootstrap", eventId: id,
            timestamp: Date(timeIntervalSince1970: 1_795_910_400 + seconds), logicalId: "Bucket", resourceType: "AWS::S3::Bucket",
            status: status, reason: status.hasSuffix("FAILED") ? "Access Denied" : nil)
    }

    @Test func eventsAreStoredOncePerEventIdInTimeOrder() async throws {
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        // Two overlapping pages, newest first as DescribeStackEvents returns them.
        #expect(try await ledger.record(events: [Self.event("e2", runId: lock.runId, at: 2), Self.event("e1", runId: lock.runId, at: 1)]) == 2)
        #expect(try await ledger.record(events: [Self.event("e3", runId: lock.runId, at: 3), Self.event("e2", runId: lock.runId, at: 2)]) == 1)
        #expect(try await ledger.events(runId: lock.runId).map(\.eventId) == ["e1", "e2", "e3"])
    }

    @Test func exportHoldsRunsWithTheirEventsResourcesStackSetsMigrationsAndTheLock() async throws {
        // Given two runs, the second still holding the lock
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let first = try await Fixture.startRun(ledger)
        let bucket = try await ledger.plan(Fixture.intent(), runId: first.runId)
        try await ledger.settle(try #require(bucket.id), status: .present)
        try await ledger.record(events: [Self.event("e1", runId: first.runId, at: 1)])
        let key = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-dev")
        try await ledger.recordStackSet(key, stage: "dev", stackSetId: nil, permissionModel: "SERVICE_MANAGED", status: "active", runId: first.runId)
        try await ledger.syncStackInstances(
            key, observed: ["333333333333", "222222222222"].map { StackInstanceObservation(account: $0, region: "us-east-1", status: "CURRENT") },
            runId: first.runId)
        try await first.release(outcome: .failed, message: "stack mlops-bootstrap: CREATE_FAILED")
        clock.advance(by: 10)
        let second = try await Fixture.startRun(ledger, "teardown")
        try await ledger.record(events: [Self.event("e2", runId: second.runId, at: 20, status: "DELETE_FAILED")])

        // When exported
        let export = try await ledger.export()

        // Then everything is there, grouped by run
        #expect(export.migrations == LedgerDatabase.migrator.migrations)
        #expect(export.runs.map(\.run.id) == [first.runId, second.runId])
        #expect(export.runs.map(\.run.outcome) == [.failed, .running])
        #expect(export.runs[0].run.message == "stack mlops-bootstrap: CREATE_FAILED")
        #expect(export.runs[0].run.endedAt == clock.now.addingTimeInterval(-10))
        #expect(export.runs.map { $0.events.map(\.eventId) } == [["e1"], ["e2"]])
        #expect(export.resources.map(\.physicalId) == ["acme-artifacts"])
        #expect(export.lock?.runId == second.runId && export.lock?.command == "teardown")
        #expect(export.stackSets.map(\.key) == [key])
        #expect(export.stackInstances.map(\.account) == ["222222222222", "333333333333"])

        // And it survives a JSON round trip (what `mlopsctl ledger export` prints)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(LedgerExport.self, from: encoder.encode(export)) == export)
    }

    /// The export's objects carry exactly the schema's columns: nothing is added on the way out, so the
    /// schema test (no column that could hold a secret) covers the export too.
    @Test func exportedObjectsHaveExactlyTheSchemaColumns() async throws {
        // Every optional field set, because JSON leaves out nil ones.
        let ledger = try LedgerDatabase.inMemory()
        let lock = try await Fixture.startRun(ledger)
        try await ledger.setOperator(runId: lock.runId, arn: "arn:aws:iam::111111111111:user/alice")
        let bucket = try await ledger.plan(Fixture.intent(logicalId: "Bucket", stack: "s", project: "p"), runId: lock.runId)
        var prefix = Fixture.intent(.objectPrefix, "acme-artifacts/seed/", logicalId: "Seed", stack: "s", project: "p")
        prefix.parentId = bucket.id
        try await ledger.settle(try #require(try await ledger.plan(prefix, runId: lock.runId).id), status: .retained, detail: "kept")
        try await ledger.record(events: [Self.event("e1", runId: lock.runId, at: 1, status: "CREATE_FAILED")])
        let key = StackSetKey(adminAccount: "111111111111", region: "us-east-1", name: "mlops-bootstrap-dev")
        try await ledger.recordStackSet(
            key, stage: "dev", stackSetId: "mlops-bootstrap-dev:1", permissionModel: "SERVICE_MANAGED", status: "active", runId: lock.runId)
        try await ledger.syncStackInstances(
            key,
            observed: [
                StackInstanceObservation(
                    account: "222222222222", region: "us-east-1", status: "OUTDATED", detailedStatus: "FAILED", statusReason: "denied",
                    organizationalUnitId: "ou-ab12-devteams")
            ],
            runId: lock.runId)
        try await lock.release(outcome: .failed, message: "boom")
        _ = try await Fixture.startRun(ledger, "teardown")

        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try await ledger.export())) as? [String: Any]
        let object = try #require(json)
        #expect(Set(object.keys) == ["migrations", "runs", "resources", "stackSets", "stackInstances", "lock"])
        let runEntry = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(Set(runEntry.keys) == ["run", "events"])
        let checks: [(String, [String: Any]?)] = [
            ("run", runEntry["run"] as? [String: Any]),
            ("stackEvent", (runEntry["events"] as? [[String: Any]])?.first),
            ("resource", (object["resources"] as? [[String: Any]])?.last),
            ("lock", object["lock"] as? [String: Any]),
            ("stackSet", (object["stackSets"] as? [[String: Any]])?.first),
            ("stackInstance", (object["stackInstances"] as? [[String: Any]])?.first),
        ]
        for (table, exported) in checks {
            let keys = try #require(exported, "no exported \(table)").keys
            #expect(Set(keys) == Set(MigrationTests.expectedColumns[table] ?? []), "\(table)")
        }
    }
}
