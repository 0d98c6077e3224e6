import AWSConfig
import Foundation

public typealias RetryMode = RetrySettings.Mode

extension StandardRetryStrategy {
    /// A strategy for the resolved `retry_mode` / `max_attempts`, sharing `quota` and (adaptive) `rateLimiter` with
    /// every other client of the same service and region in the session.
    public init(
        settings: RetrySettings, quota: RetryQuota = RetryQuota(), rateLimiter: AdaptiveRateLimiter? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.init(maxAttempts: settings.maxAttempts, quota: quota, random: random)
        mode = settings.mode
        if settings.mode == .adaptive { self.rateLimiter = rateLimiter ?? AdaptiveRateLimiter() }
    }

    /// Whether `error` is a throttling answer (what adaptive mode slows down for).
    public static func isThrottling(_ error: (any Error)?) -> Bool {
        error.map { RetryClassifier.classify($0) == .throttling } ?? false
    }
}
