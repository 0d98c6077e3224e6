import Foundation
import SigV4
import TestSupport
import Testing

@testable import Credentials

@Suite struct CachedCredentialProviderTests {
    let clock = TestClock()

    @Test func hundredConcurrentCallersShareOneFetch() async throws {
        let base = CountingProvider(delay: .milliseconds(200), lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<100 { group.addTask { try await cache.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(keys.count == 100)
        #expect(Set(keys) == ["AKID-1"])
        #expect(base.fetches.value == 1)
    }

    @Test func nonExpiringCredentialsAreCachedForever() async throws {
        let base = CountingProvider(now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        _ = try await cache.credentials()
        clock.advance(by: 10 * 365 * 86_400)
        #expect(try await cache.credentials().accessKeyId == "AKID-1")
        #expect(base.fetches.value == 1)
    }

    @Test func refreshesOnlyWithinTheWindowBeforeExpiry() async throws {
        let base = CountingProvider(lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        #expect(try await cache.credentials().accessKeyId == "AKID-1")
        clock.advance(by: 3600 - 301)
        #expect(try await cache.credentials().accessKeyId == "AKID-1")
        #expect(base.fetches.value == 1)
        clock.advance(by: 2)  // 299 s left: inside the default 5-minute window
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
        #expect(base.fetches.value == 2)
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
        #expect(base.fetches.value == 2)
    }

    @Test func windowIsConfigurable() async throws {
        let base = CountingProvider(lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, refreshWindow: .seconds(900), now: clock.now)
        _ = try await cache.credentials()
        clock.advance(by: 3600 - 899)
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
    }

    @Test func failuresAreNotCached() async throws {
        let base = CountingProvider(failures: 1, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        await #expect(throws: FakeError.self) { try await cache.credentials() }
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
        #expect(base.fetches.value == 2)
    }

    @Test func concurrentCallersShareAFailureThenRetry() async throws {
        let base = CountingProvider(failures: 1, delay: .milliseconds(150), now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 { group.addTask { (try? await cache.credentials()) == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 50)
        #expect(base.fetches.value == 1)
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
    }

    @Test func failedEarlyRefreshKeepsStillValidCredentials() async throws {
        let base = CountingProvider(lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        _ = try await cache.credentials()
        base.failuresLeft.withLock { $0 = 1 }
        clock.advance(by: 3600 - 60)
        #expect(try await cache.credentials().accessKeyId == "AKID-1")
        #expect(base.fetches.value == 2)
        // The failure is not remembered: the next call tries again.
        #expect(try await cache.credentials().accessKeyId == "AKID-3")
    }

    @Test func failedRefreshAfterExpiryThrows() async throws {
        let base = CountingProvider(lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        _ = try await cache.credentials()
        base.failuresLeft.withLock { $0 = 1 }
        clock.advance(by: 3601)
        await #expect(throws: FakeError.self) { try await cache.credentials() }
    }

    @Test func invalidateForcesAFetch() async throws {
        let base = CountingProvider(now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        _ = try await cache.credentials()
        await cache.invalidate()
        #expect(try await cache.credentials().accessKeyId == "AKID-2")
    }

    @Test func cancellingTheFirstCallerDoesNotCancelTheSharedFetch() async throws {
        let base = CountingProvider(delay: .milliseconds(200), lifetime: 3600, now: clock.now)
        let cache = CachedCredentialProvider(base, now: clock.now)
        let first = Task { try await cache.credentials() }
        try await Task.sleep(for: .milliseconds(50))
        let second = Task { try await cache.credentials() }
        try await Task.sleep(for: .milliseconds(50))  // the second caller has joined the fetch
        first.cancel()
        #expect(try await second.value.accessKeyId == "AKID-1")
        _ = try? await first.value
        #expect(base.fetches.value == 1)
    }

    /// Ctrl-C cancels every caller; a fetch nobody waits for any more is cancelled (a helper is stopped, not awaited).
    @Test func cancellingEveryCallerCancelsTheFetch() async throws {
        let base = SlowProvider()
        let cache = CachedCredentialProvider(base, now: clock.now)
        let start = ContinuousClock.now
        let callers = (0..<3).map { _ in Task { try await cache.credentials() } }
        try await Task.sleep(for: .milliseconds(100))
        callers.forEach { $0.cancel() }
        for caller in callers {
            let result = await caller.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
        // The bound leaves minutes of headroom for a loaded machine; the fetch takes ten.
        #expect(ContinuousClock.now - start < .seconds(120), "the 10-minute fetch was waited for")
        #expect(base.sawCancellation.value)
    }

    @Test func descriptionNamesTheWrappedProvider() {
        #expect(CachedCredentialProvider(CountingProvider(now: clock.now)).description == "CachedCredentialProvider(CountingProvider)")
    }
}

/// Waits ten minutes unless cancelled, and notes whether it was.
struct SlowProvider: CredentialProvider {
    let sawCancellation = LockedBox(false)

    func credentials() async throws -> AWSCredentials {
        do {
            try await Task.sleep(for: .seconds(600))
        } catch {
            sawCancellation.withLock { $0 = true }
            throw error
        }
        return AWSCredentials(accessKeyId: "AKID-SLOW", secretAccessKey: "s")
    }

    var description: String { "SlowProvider" }
}
