import AWSConfig
import AWSWire
import Foundation
import Logging
import TestSupport
import Testing

/// `retry_mode` legacy and adaptive, the debug line per retry, and the message when retries run out.
@Suite struct RetryModesTests {
    static let throttling = ScriptedTransport.Reply.status(
        400, body: "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
    static let ok = ScriptedTransport.Reply.status(200, body: "<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>")

    @Test func eachRetryIsOneDebugLineAndExhaustedRetriesNameTheConditionAndTheAttempts() async throws {
        let (logger, store) = CapturingLogHandler.logger()
        let transport = ScriptedTransport([Self.throttling, Self.throttling, Self.throttling])
        let client = Fixture.client(.sts, transport: transport, retry: StandardRetryStrategy(random: { 0.5 }), logger: logger)

        let error = await #expect(throws: AWSServiceError.self) { _ = try await client.query(action: "GetCallerIdentity", parameters: QueryParameters()) }

        let retries = store.all.filter { $0.contains("retry STS GetCallerIdentity") }
        #expect(retries.count == 2)
        #expect(retries.first?.contains("attempt 2/3 after Throttling (HTTP 400), waiting 0.500 s") == true, "\(retries)")
        #expect(retries.last?.contains("attempt 3/3 after Throttling (HTTP 400), waiting 1.000 s") == true, "\(retries)")
        #expect(error?.code == "Throttling")
        #expect(error?.retriesExhausted == RetriesExhausted(attempts: 3, maxAttempts: 3, reason: .maxAttempts))
        #expect(error?.description.contains("Throttling (HTTP 400)") == true)
        #expect(error?.description.contains("gave up after 3 of 3 attempts") == true)
    }

    @Test func aSingleAttemptFailureIsNotCalledExhausted() async throws {
        let transport = ScriptedTransport([Self.throttling])
        let client = Fixture.client(.sts, transport: transport, retry: StandardRetryStrategy(maxAttempts: 1))

        let error = await #expect(throws: AWSServiceError.self) { _ = try await client.query(action: "GetCallerIdentity", parameters: QueryParameters()) }

        #expect(error?.retriesExhausted == nil)
    }

    @Test func legacyModeHasFiveAttemptsNoQuotaAndAnUncappedBackoff() throws {
        let settings = try RetrySettings.resolve(environment: EnvironmentVariables(["AWS_RETRY_MODE": "legacy"]), profile: nil)
        #expect(settings.maxAttempts == 5)
        let explicit = try RetrySettings.resolve(
            environment: EnvironmentVariables(["AWS_RETRY_MODE": "legacy", "AWS_MAX_ATTEMPTS": "2"]), profile: nil)
        #expect(explicit.maxAttempts == 2)

        let legacy = StandardRetryStrategy(settings: settings, quota: RetryQuota(initialTokens: 0), random: { 1 })
        #expect(legacy.backoff(retry: 7) == .seconds(64))
        var attempt = StandardRetryStrategy.Attempt()
        let failure = AWSServiceError(serviceId: "STS", operation: "X", statusCode: 503, code: "ServiceUnavailable")
        for expected in 2...5 {
            #expect(legacy.decide(after: failure, attempt: &attempt) != .quotaExceeded)
            #expect(attempt.number == expected)
        }
        #expect(legacy.decide(after: failure, attempt: &attempt) == .maxAttemptsExceeded)
        #expect(StandardRetryStrategy(settings: RetrySettings(), random: { 1 }).backoff(retry: 7) == .seconds(20))
    }

    @Test func adaptiveModeGivesTheStrategyARateLimiterAndOthersNone() {
        #expect(StandardRetryStrategy(settings: RetrySettings(mode: .adaptive)).rateLimiter != nil)
        #expect(StandardRetryStrategy(settings: RetrySettings(mode: .standard)).rateLimiter == nil)
        #expect(StandardRetryStrategy(settings: RetrySettings(mode: .legacy)).rateLimiter == nil)
    }
}

/// The adaptive limiter's CUBIC behaviour on a manual clock (botocore `retries/adaptive.py`, `throttling.py`).
@Suite struct AdaptiveRateLimiterTests {
    final class Time: @unchecked Sendable {
        var seconds = 100.0
    }

    /// 20 answers a second for `seconds`, ending at the time's current value.
    static func steady(_ limiter: AdaptiveRateLimiter, _ time: Time, seconds: Double) {
        for _ in 0..<Int(seconds * 20) {
            time.seconds += 0.05
            limiter.record(throttled: false)
        }
    }

    @Test func offUntilTheFirstThrottlingAnswer() {
        let time = Time()
        let limiter = AdaptiveRateLimiter(now: { time.seconds })
        Self.steady(limiter, time, seconds: 3)
        #expect(!limiter.isEnabled)
        #expect((0..<50).allSatisfy { _ in limiter.delayBeforeSending() == .zero })
    }

    @Test func throttlingCutsTheRateTo70PercentOfWhatWasSentThenItGrowsBackAlongTheCubic() {
        let time = Time()
        let limiter = AdaptiveRateLimiter(now: { time.seconds })
        Self.steady(limiter, time, seconds: 5)
        time.seconds += 0.5  // into the next half-second bucket, so the measured rate is current
        limiter.record(throttled: true)

        #expect(limiter.isEnabled)
        let afterThrottle = limiter.sendRate
        #expect(afterThrottle > 12 && afterThrottle < 15, "about 0.7 × the ~20/s measured: \(afterThrottle)")

        // Requests sent at once drain the bucket (it holds at most `rate` tokens); then each waits about 1/rate.
        let delays = (0..<20).map { _ in limiter.delayBeforeSending() }
        let firstWait = delays.firstIndex { $0 > .zero }
        #expect(firstWait != nil && firstWait! <= 15, "\(delays)")
        #expect(delays.last! <= .milliseconds(Int64(20 * 1000 / afterThrottle)))

        // Sending on at the old pace, the rate climbs back past the cut once the cubic's zero point (k ≈ 3.3 s) passes.
        Self.steady(limiter, time, seconds: 4)
        #expect(limiter.sendRate > afterThrottle)
    }

    @Test func repeatedThrottlingKeepsCuttingTheRate() {
        let time = Time()
        let limiter = AdaptiveRateLimiter(now: { time.seconds })
        Self.steady(limiter, time, seconds: 5)
        var rates: [Double] = []
        for _ in 0..<4 {
            time.seconds += 0.5
            limiter.record(throttled: true)
            rates.append(limiter.sendRate)
        }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 }, "\(rates)")
        #expect(rates.last! >= 0)
    }
}
