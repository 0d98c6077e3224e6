import Foundation

/// The SDKs' "standard" retry mode as shipped by default (botocore `retries/standard.py`,
/// smithy-kotlin without `useNewRetries`):
/// - at most `maxAttempts` attempts in all (the first one included);
/// - before retry `n` (n = 1, 2, …) wait `random() * min(2^(n-1), maxBackoff)` seconds (full jitter);
/// - each retry takes 5 tokens from the shared `RetryQuota` (10 after a timeout) and is refused
///   when the bucket cannot pay; a first-try success returns 1 token, a success after retries
///   returns what the last retry took.
///
/// `legacy` (botocore's `_retry.json`: no quota, delay `random() * 2^(n-1)` without cap, 5 attempts by default) and
/// `adaptive` (standard plus `AdaptiveRateLimiter`) are variations of it, chosen by `mode`.
///
/// Copies share the quota (and the rate limiter), so give each client one strategy value.
public struct StandardRetryStrategy: Sendable {
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1
    public static let defaultMaxAttempts = 3
    public static let defaultMaxBackoff: Duration = .seconds(20)

    public var maxAttempts: Int
    public var maxBackoff: Duration
    public let quota: RetryQuota
    /// `standard` unless built from settings; decides the backoff and whether the quota applies.
    public var mode: RetryMode = .standard
    /// Set in adaptive mode: paces attempts after throttling.
    public var rateLimiter: AdaptiveRateLimiter?
    /// Uniform in [0, 1); injected so delays are testable.
    public var random: @Sendable () -> Double

    /// `maxAttempts` comes from `max_attempts` / `AWS_MAX_ATTEMPTS` (values below 1 are treated as 1).
    public init(
        maxAttempts: Int = StandardRetryStrategy.defaultMaxAttempts, maxBackoff: Duration = StandardRetryStrategy.defaultMaxBackoff,
        quota: RetryQuota = RetryQuota(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.quota = quota
        self.random = random
    }

    /// The retry state of one logical request.
    public struct Attempt: Sendable, Equatable {
        /// 1 for the first attempt.
        public internal(set) var number = 1
        /// Tokens taken for the retry now in flight, refunded on success.
        public internal(set) var lastCost: Int?

        public init() {}
    }

    /// Call after a successful response to refill the quota.
    public func recordSuccess(_ attempt: Attempt) {
        guard mode != .legacy else { return }
        quota.release(attempt.lastCost ?? Self.noRetryIncrement)
    }

    /// Call after a failed attempt; on `.retry` the attempt is advanced and its cost recorded.
    public func decide(after error: any Error, attempt: inout Attempt) -> RetryDecision {
        guard let kind = RetryClassifier.classify(error) else { return .notRetryable }
        guard attempt.number < maxAttempts else { return .maxAttemptsExceeded }
        let cost = mode == .legacy ? 0 : kind == .timeout ? Self.timeoutRetryCost : Self.retryCost
        guard mode == .legacy || quota.acquire(cost) else { return .quotaExceeded }
        let delay = backoff(retry: attempt.number)
        attempt.number += 1
        attempt.lastCost = cost
        return .retry(delay: delay)
    }

    /// The wait before retry `retry` (1-based): full jitter over the capped exponential.
    public func backoff(retry: Int) -> Duration {
        let cap = Double(maxBackoff.components.seconds) + Double(maxBackoff.components.attoseconds) / 1e18
        let exponential = pow(2.0, Double(max(0, retry - 1)))
        return .seconds(random() * (mode == .legacy ? exponential : min(exponential, cap)))
    }
}
