import AWSConfig
import Foundation

extension StandardRetryStrategy {
    /// A strategy for the resolved `retry_mode` / `max_attempts`. Every mode runs standard-mode
    /// semantics for now (adaptive's client-side rate limiter is not implemented); `legacy` too,
    /// because its 5-attempt, quota-less behaviour is what the SDKs are moving away from.
    public init(
        settings: RetrySettings, quota: RetryQuota = RetryQuota(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.init(maxAttempts: settings.maxAttempts, quota: quota, random: random)
    }
}
