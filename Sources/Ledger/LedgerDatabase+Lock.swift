import Foundation
import GRDB

// MARK: - The ledger lock (terraform's state lock: one mutating run at a time, with who/what/since)

extension LedgerDatabase {
    /// First and longest pause between two attempts to take a held lock (doubling in between).
    static let firstLockRetryDelay = Duration.milliseconds(100)
    static let maxLockRetryDelay = Duration.seconds(2)

    /// Starts a run and takes the lock for it, in one write transaction (SQLite `BEGIN IMMEDIATE`).
    ///
    /// When another run holds the lock, tries again with a doubling pause until `timeout` has passed, then
    /// throws `LedgerLockedError`. A holder on this host whose pid no longer exists is stale (a killed run): its
    /// run is marked `interrupted` and the lock is taken over at once, which the new run's message records.
    /// - Parameters:
    ///   - timeout: how long to wait for a held lock; zero fails at the first refusal.
    ///   - isAlive: whether a pid on this host still runs (injected for tests).
    ///   - sleep: the pause between attempts (injected for tests); the deadline is read from the ledger's clock.
    public func acquireLock(
        _ request: LockRequest, timeout: Duration = .zero, isAlive: @escaping @Sendable (Int32) -> Bool = ProcessProbe.isAlive,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) async throws -> LedgerLock {
        let clock = self.clock
        let start = clock()
        let limit = Self.seconds(timeout)
        var delay = Self.firstLockRetryDelay
        while true {
            let attempt = try await writer.write { db in try Self.takeLock(db, request, now: clock(), isAlive: isAlive) }
            switch attempt {
            case .taken(let runId, let takenOver):
                return LedgerLock(runId: runId, takenOver: takenOver, database: self)
            case .held(let holder):
                let waited = clock().timeIntervalSince(start)
                let remaining = limit - waited
                guard remaining > 0 else { throw LedgerLockedError(holder: holder, path: path, waited: .seconds(max(waited, 0))) }
                try Task.checkCancellation()
                try await sleep(min(delay, .seconds(remaining)))
                delay = min(delay * 2, Self.maxLockRetryDelay)
            }
        }
    }

    /// Takes the lock, runs `body`, and ends the run whatever happens: `succeeded` when `body` returns,
    /// `interrupted` on cancellation, `failed` (with the error's one-line description) on any other error.
    public func withLock<T: Sendable>(
        _ request: LockRequest, timeout: Duration = .zero, isAlive: @escaping @Sendable (Int32) -> Bool = ProcessProbe.isAlive,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        _ body: (LedgerLock) async throws -> T
    ) async throws -> T {
        let lock = try await acquireLock(request, timeout: timeout, isAlive: isAlive, sleep: sleep)
        do {
            let value = try await body(lock)
            try await lock.release(outcome: .succeeded)
            return value
        } catch {
            // Cancelled (Ctrl-C) shows as a CancellationError, or as whatever error the work ended with on the way out.
            let interrupted = error is CancellationError || Task.isCancelled
            let outcome: RunOutcome = interrupted ? .interrupted : .failed
            let message = interrupted ? "interrupted (SIGINT/SIGTERM or cancelled); a re-run resumes" : String(describing: error)
            // Detached: a cancelled task's database access would itself be cancelled, and the lock must be released.
            // The body's error matters more than a failure to record it; the next start marks the run interrupted.
            _ = await Task.detached { try? await lock.release(outcome: outcome, message: message) }.value
            throw error
        }
    }

    /// Removes the lock (`mlopsctl ledger unlock`) and marks the holder's run `interrupted`.
    /// - Parameter onlyRun: remove it only if run `onlyRun` still holds it (the one the user confirmed), so a
    ///   lock that changed hands meanwhile is left alone; nil removes it whoever holds it.
    /// - Returns: who held it and was removed, or nil when it was free (or held by another run than `onlyRun`).
    @discardableResult
    public func forceUnlock(onlyRun: Int64? = nil) async throws -> LockHolder? {
        try await writer.write { db -> LockHolder? in
            guard let holder = try LockHolder.fetchOne(db), onlyRun == nil || holder.runId == onlyRun else { return nil }
            try holder.delete(db)
            try Run.filter(id: holder.runId).filter(Run.Columns.outcome == RunOutcome.running).updateAll(
                db, Run.Columns.outcome.set(to: RunOutcome.interrupted),
                Run.Columns.message.set(to: "lock cleared by `mlopsctl ledger unlock` while running"))
            return holder
        }
    }

    /// Ends run `runId` and drops its lock, in one transaction. Only the first end counts; the lock row goes
    /// only if it is still this run's.
    func endRun(_ runId: Int64, outcome: RunOutcome, message: String?) async throws {
        let now = clock()
        try await writer.write { db in
            if var run = try Run.fetchOne(db, id: runId), run.endedAt == nil {
                run.outcome = outcome
                run.endedAt = now
                // A message written earlier (a takeover, a forced unlock) is kept; the end's message follows it.
                let notes = [run.message, message].compactMap { $0 }
                run.message = notes.isEmpty ? nil : notes.joined(separator: "; ")
                try run.update(db)
            }
            try LockHolder.filter(LockHolder.Columns.runId == runId).deleteAll(db)
        }
    }

    enum LockAttempt {
        case taken(runId: Int64, takenOver: LockHolder?)
        case held(LockHolder)
    }

    static func takeLock(_ db: Database, _ request: LockRequest, now: Date, isAlive: (Int32) -> Bool) throws -> LockAttempt {
        var takenOver: LockHolder?
        if let holder = try LockHolder.fetchOne(db) {
            // Only a holder on this host can be checked; elsewhere a pid means nothing here.
            guard holder.host == request.host, !isAlive(holder.pid) else { return .held(holder) }
            try markInterruptedRuns(db, host: request.host, isAlive: isAlive)
            try holder.delete(db)
            takenOver = holder
        }
        try markInterruptedRuns(db, host: request.host, isAlive: isAlive)
        var run = Run(
            command: request.command, arguments: request.arguments, operatorArn: request.operatorArn, host: request.host, pid: request.pid,
            startedAt: now,
            message: takenOver.map {
                "took over the stale lock of run \($0.runId) (\($0.who), pid \($0.pid) no longer running, `mlopsctl \($0.command)`)"
            })
        try run.insert(db)
        guard let runId = run.id else { throw LedgerError.noSuchRun(id: 0) }
        try LockHolder(runId: runId, command: request.command, who: request.who, pid: request.pid, host: request.host, since: now).insert(db)
        return .taken(runId: runId, takenOver: takenOver)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
