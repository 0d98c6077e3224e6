import Foundation
import SigV4

/// Keeps the credentials of `base` in memory until they come close to expiring — the one actor of the codebase
/// (after soto's `ExpiringValue`). Concurrent callers share one in-flight fetch, so a burst of 100 requests at
/// start-up runs one AssumeRole, one SSO call or one `credential_process`. Nothing is written to disk.
///
/// - Credentials without `expiration` are kept for the life of the process.
/// - Within `refreshWindow` of expiry the next caller triggers a refresh (others join it). If that refresh fails
///   while the old credentials are still valid, the old ones are returned; a failure is never remembered, so the
///   following call tries again.
/// - When every caller waiting on a fetch is cancelled (Ctrl-C), the fetch is cancelled too: a `credential_process`
///   helper is then stopped instead of being waited for.
public actor CachedCredentialProvider: CredentialProvider {
    public nonisolated let base: any CredentialProvider
    public nonisolated let refreshWindow: Duration
    private nonisolated let now: @Sendable () -> Date

    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?
    /// The callers waiting on `inFlight` that have not been cancelled, by token.
    private var waiting: Set<Int> = []
    private var nextToken = 0

    public init(_ base: any CredentialProvider, refreshWindow: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !needsRefresh(cached) { return cached }
        // A fetch cancelled because all its callers left is not joined: this caller still wants credentials.
        let task = inFlight.flatMap { $0.isCancelled ? nil : $0 } ?? startFetch()
        let token = nextToken
        nextToken += 1
        waiting.insert(token)
        do {
            let fresh = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                Task { await self.stopWaiting(token, on: task) }
            }
            settle(task, with: fresh)
            return fresh
        } catch {
            settle(task, with: nil)
            // A failed early refresh is not fatal while the current keys still work.
            if let cached, let expiration = cached.expiration, expiration > now() { return cached }
            throw error
        }
    }

    /// Drops the cached value, e.g. after a service rejected it as expired; the next call fetches anew.
    public func invalidate() {
        cached = nil
    }

    /// A cancelled caller leaves; the last one to leave cancels the fetch nobody waits for any more.
    private func stopWaiting(_ token: Int, on task: Task<AWSCredentials, any Error>) {
        guard inFlight == task, waiting.remove(token) != nil, waiting.isEmpty else { return }
        task.cancel()
    }

    private func startFetch() -> Task<AWSCredentials, any Error> {
        // An unstructured task on purpose: the fetch belongs to the cache, not to whichever caller started it,
        // so cancelling that caller does not fail everyone else waiting on the same fetch.
        let task = Task { [base] in try await base.credentials() }
        inFlight = task
        waiting = []
        return task
    }

    /// Called by every waiter after the fetch ends; only the first one for the current task changes state.
    private func settle(_ task: Task<AWSCredentials, any Error>, with value: AWSCredentials?) {
        guard inFlight == task else { return }
        inFlight = nil
        waiting = []
        if let value { cached = value }
    }

    private func needsRefresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.addingTimeInterval(-refreshWindow.timeInterval) <= now()
    }

    public nonisolated var description: String { "CachedCredentialProvider(\(base))" }
}
