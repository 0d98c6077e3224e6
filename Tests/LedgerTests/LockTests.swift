import Foundation
import Ledger
import TestSupport
import Testing

/// The ledger lock: one mutating run at a time, a clear error when held, automatic takeover of a dead holder.
@Suite struct LockTests {
    @Test func acquireStartsARunAndReleaseEndsIt() async throws {
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let lock = try await ledger.acquireLock(Fixture.request(), isAlive: { _ in true })
        #expect(lock.takenOver == nil)
        let holder = try #require(try await ledger.lockHolder())
        #expect(holder == LockHolder(runId: lock.runId, command: "bootstrap", who: "alice@build-host", pid: 4242, host: "build-host", since: clock.now))
        let run = try #require(try await ledger.run(id: lock.runId))
        #expect(run.outcome == .running && run.arguments == ["--topology", "acme.yaml"] && run.endedAt == nil)

        clock.advance(by: 3)
        try await lock.release()
        #expect(try await ledger.lockHolder() == nil)
        let ended = try #require(try await ledger.run(id: lock.runId))
        #expect(ended.outcome == .succeeded && ended.endedAt == clock.now)

        // Releasing again changes nothing.
        clock.advance(by: 3)
        try await lock.release(outcome: .failed, message: "late")
        #expect(try await ledger.run(id: lock.runId) == ended)
    }

    @Test func aSecondAcquirerBacksOffUntilTheTimeoutThenNamesTheHolder() async throws {
        // Given a lock held by a live run
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        let first = try await ledger.acquireLock(Fixture.request("bootstrap"), isAlive: { _ in true })

        // When another run waits at most one second
        let error = await #expect(throws: LedgerLockedError.self) {
            try await ledger.acquireLock(
                Fixture.request("teardown", pid: 5555, who: "bob"), timeout: .seconds(1), isAlive: { _ in true }, sleep: clock.sleeper)
        }

        // Then it slept with a doubling pause, never past the deadline, and failed naming the holder
        let sleeps = clock.sleeps
        #expect(Array(sleeps.prefix(3)) == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(sleeps.count == 4)
        let total = sleeps.reduce(Duration.zero, +)
        #expect(total >= .milliseconds(999) && total <= .milliseconds(1001))
        let failure = try #require(error)
        #expect(failure.holder.runId == first.runId)
        let text = String(describing: failure)
        for part in ["alice@build-host", "pid 4242", "mlopsctl bootstrap", "2026-11-29T00:00:00Z", "mlopsctl ledger unlock", "run \(first.runId)"] {
            #expect(text.contains(part), "missing '\(part)' in: \(text)")
        }
        #expect(!text.contains("\n"))
        // And no run was started for the loser
        #expect(try await ledger.runs().count == 1)
    }

    @Test func aZeroTimeoutFailsAtOnceAndPausesAreCapped() async throws {
        let clock = FakeClock()
        let ledger = try LedgerDatabase.inMemory(clock: clock.clock)
        _ = try await ledger.acquireLock(Fixture.request(), isAlive: { _ in true })
        await #expect(throws: LedgerLockedError.self) {
            try await ledger.acquireLock(Fixture.request(pid: 1), isAlive: { _ in true }, sleep: clock.sleeper)
        }
        #expect(clock.sleeps.isEmpty)
        await #expect(throws: LedgerLockedError.self) {
            try await ledger.acquireLock(Fixture.request(pid: 1), timeout: .seconds(20), isAlive: { _ in true }, sleep: clock.sleeper)
        }
        #expect(clock.sleeps.max() == .seconds(2))
        #expect(clock.sleeps.reduce(Duration.zero, +) >= .seconds(19))
    }

    @Test func aDeadHolderOnThisHostIsTakenOverAndItsRunMarkedInterrupted() async throws {
        // Given a lock whose holder (pid 31337 on this host) has died
        let ledger = try LedgerDatabase.inMemory()
        let dead = try await ledger.acquireLock(Fixture.request(pid: 31337), isAlive: { _ in true })
        // When another run asks, with no patience at all
        let next = try await ledger.acquireLock(Fixture.request("teardown", pid: 5555), isAlive: { $0 != 31337 })
        // Then it got the lock, and both runs say what happened
        #expect(next.takenOver?.runId == dead.runId)
        #expect(try await ledger.lockHolder()?.runId == next.runId)
        let old = try #require(try await ledger.run(id: dead.runId))
        #expect(old.outcome == .interrupted)
        #expect(old.message?.contains("31337") == true)
        let new = try #require(try await ledger.run(id: next.runId))
        #expect(new.outcome == .running)
        #expect(new.message?.contains("took over the stale lock of run \(dead.runId)") == true)
    }

    @Test func aRealPidThatDoesNotExistIsStale() async throws {
        // Int32.max is above any Linux pid_max, so kill(pid, 0) answers ESRCH.
        let ledger = try LedgerDatabase.inMemory()
        let host = ProcessProbe.hostName()
        let dead = try await ledger.acquireLock(LockRequest(command: "bootstrap", arguments: [], who: "x@\(host)", host: host, pid: .max))
        let next = try await ledger.acquireLock(.current(command: "bootstrap", arguments: [], environment: ["USER": "carol"]))
        #expect(next.takenOver?.runId == dead.runId)
        #expect(try await ledger.lockHolder()?.who == "carol@\(host)")
        #expect(try await ledger.lockHolder()?.pid == getpid())
    }

    @Test func aHolderOnAnotherHostIsNeverTakenOver() async throws {
        let ledger = try LedgerDatabase.inMemory()
        _ = try await ledger.acquireLock(Fixture.request(pid: 31337, host: "other-host"), isAlive: { _ in false })
        await #expect(throws: LedgerLockedError.self) {
            try await ledger.acquireLock(Fixture.request(pid: 5555), isAlive: { _ in false })
        }
    }

    @Test func withLockEndsTheRunOnSuccessFailureAndCancellation() async throws {
        struct Boom: Error, CustomStringConvertible { var description: String { "stack mlops-bootstrap failed: CREATE_FAILED" } }
        let ledger = try LedgerDatabase.inMemory()
        let value = try await ledger.withLock(Fixture.request(), isAlive: { _ in true }) { lock in lock.runId }
        await #expect(throws: Boom.self) {
            try await ledger.withLock(Fixture.request(), isAlive: { _ in true }) { _ in throw Boom() }
        }
        await #expect(throws: CancellationError.self) {
            try await ledger.withLock(Fixture.request(), isAlive: { _ in true }) { _ in throw CancellationError() }
        }
        let runs = try await ledger.runs()
        #expect(runs.map(\.id) == [value, value + 1, value + 2])
        #expect(runs.map(\.outcome) == [.succeeded, .failed, .interrupted])
        #expect(runs[1].message == "stack mlops-bootstrap failed: CREATE_FAILED")
        #expect(runs.allSatisfy { $0.endedAt != nil })
        #expect(try await ledger.lockHolder() == nil)
    }

    @Test func forceUnlockReturnsTheHolderAndALateReleaseStillRecordsTheOutcome() async throws {
        let ledger = try LedgerDatabase.inMemory()
        #expect(try await ledger.forceUnlock() == nil)
        let lock = try await ledger.acquireLock(Fixture.request(), isAlive: { _ in true })
        #expect(try await ledger.forceUnlock(onlyRun: lock.runId + 1) == nil)
        #expect(try await ledger.lockHolder()?.runId == lock.runId)
        let holder = try await ledger.forceUnlock(onlyRun: lock.runId)
        #expect(holder?.runId == lock.runId && holder?.who == "alice@build-host")
        #expect(try await ledger.lockHolder() == nil)
        #expect(try await ledger.run(id: lock.runId)?.outcome == .interrupted)
        // Someone else takes the lock; the old run finishing must not release it.
        let other = try await ledger.acquireLock(Fixture.request("teardown", pid: 5555), isAlive: { _ in true })
        try await lock.release(outcome: .succeeded, message: "done")
        #expect(try await ledger.lockHolder()?.runId == other.runId)
        let run = try #require(try await ledger.run(id: lock.runId))
        #expect(run.outcome == .succeeded && run.message?.hasSuffix("done") == true)
    }

    @Test func processProbeKnowsThisProcessAndAMissingOne() {
        #expect(ProcessProbe.isAlive(getpid()))
        #expect(!ProcessProbe.isAlive(.max))
        #expect(!ProcessProbe.isAlive(0))
        #expect(!ProcessProbe.hostName().isEmpty)
    }
}
