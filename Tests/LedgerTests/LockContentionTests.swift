import Foundation
@testable import Ledger
import Testing

/// Two connections on one file, as two mlopsctl processes would have, with the real clock and sleep.
@Suite struct LockContentionTests {
    @Test func twoConnectionsOnOneFileContendForTheLock() async throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("ledger.sqlite").path
        let first = try LedgerDatabase.open(path: path)
        let second = try LedgerDatabase.open(path: path)
        let me = LockRequest.current(command: "bootstrap", arguments: [], environment: ["USER": "alice"])

        // The first takes the lock; the second gives up after a short real wait, naming the first
        let held = try await first.acquireLock(me)
        let started = ContinuousClock.now
        let error = await #expect(throws: LedgerLockedError.self) { try await second.acquireLock(me, timeout: .milliseconds(300)) }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(error?.holder.runId == held.runId)
        #expect(error?.path == path)

        // While the second waits, the first releases: the second gets in
        let waiter = Task { try await second.acquireLock(me, timeout: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(250))
        try await held.release()
        let next = try await waiter.value
        #expect(next.runId != held.runId)
        #expect(try await first.lockHolder()?.runId == next.runId)
        try await next.release()

        // Both connections see the same history
        #expect(try await first.runs().map(\.outcome) == [.succeeded, .succeeded])
        #expect(try await second.runs() == (try await first.runs()))
    }

    @Test func reopeningMarksRunsThatCannotBeRunningAsInterrupted() async throws {
        let root = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("ledger.sqlite").path
        let host = ProcessProbe.hostName()
        let killedRun: Int64
        let orphanRun: Int64
        do {
            let ledger = try LedgerDatabase.open(path: path)
            // A run whose row lost its lock (a crash between writes of an older version, or a hand edit)
            orphanRun = try await ledger.acquireLock(Fixture.request(), isAlive: { _ in true }).runId
            try await ledger.writer.write { db in try db.execute(sql: "DELETE FROM lock") }
            // A run on this host that was SIGKILLed while holding the lock (its pid no longer exists)
            killedRun = try await ledger.acquireLock(LockRequest(command: "bootstrap", arguments: [], who: "x@\(host)", host: host, pid: .max)).runId
        }
        let reopened = try LedgerDatabase.open(path: path)
        #expect(try await reopened.run(id: orphanRun)?.outcome == .interrupted)
        #expect(try await reopened.run(id: killedRun)?.outcome == .interrupted)
        // The stale lock row stays until a new run takes it over, which says so
        #expect(try await reopened.lockHolder()?.runId == killedRun)
        let next = try await reopened.acquireLock(.current(command: "teardown", arguments: [], environment: [:]))
        #expect(next.takenOver?.runId == killedRun)
        #expect(try await reopened.run(id: next.runId)?.message?.contains("run \(killedRun)") == true)
    }
}
