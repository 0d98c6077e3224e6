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
public actor CachedCredentialProvider: CredentialProvider {
    public nonisolated let base: any CredentialProvider
    public nonisolated let refreshWindow: Duration
    private nonisolated let now: @Sendable () -> Date

    private var cached: AWSCredentials?
    private var inFlight: Task<AWSCredentials, any Error>?

    public init(_ base: any CredentialProvider, refreshWindow: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !needsRefresh(cached) { return cached }
        let task = inFlight ?? startFetch()
        do {
            let fresh = try await task.value
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

    private func startFetch() -> Task<AWSCredentials, any Error> {
        // An unstructured task on purpose: the fetch belongs to the cache, not to whichever caller started it,
        // so cancelling that caller does not fail everyone else waiting on the same fetch.
        let task = Task { [base] in try await base.credentials() }
        inFlight = task
        return task
    }

    /// Called by every waiter after the fetch ends; only the first one for the current task changes state.
    private func settle(_ task: Task<AWSCredentials, any Error>, with value: AWSCredentials?) {
        guard inFlight == task else { return }
        inFlight = nil
        if let value { cached = value }
    }

    private func needsRefresh(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.addingTimeInterval(-refreshWindow.timeInterval) <= now()
    }

    public nonisolated var description: String { "CachedCredentialProvider(\(base))" }
}
