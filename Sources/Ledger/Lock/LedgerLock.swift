/// Proof that this process holds the ledger lock for run `runId`. Release it exactly once, when the run ends
/// (`LedgerDatabase.withLock` does that for you, on success and on error).
public struct LedgerLock: Sendable {
    /// The run created with the lock; pass it to `plan`, `record(events:)` and friends.
    public let runId: Int64
    /// The dead holder whose stale lock was taken over, if any (also noted in the run's message).
    public let takenOver: LockHolder?
    let database: LedgerDatabase

    /// Ends the run with `outcome` (appending `message` to its message) and releases the lock, in one
    /// transaction. Releasing twice, or after someone ran `mlopsctl ledger unlock`, is harmless.
    public func release(outcome: RunOutcome = .succeeded, message: String? = nil) async throws {
        try await database.endRun(runId, outcome: outcome, message: message)
    }
}
