import Foundation

/// What to do after a failed attempt (the outcomes of the SDK retry test suites).
public enum RetryDecision: Sendable, Equatable {
    /// Wait `delay`, then send again.
    case retry(delay: Duration)
    /// The error is final (validation, access denied, …).
    case notRetryable
    /// Retryable, but the attempt budget is spent.
    case maxAttemptsExceeded
    /// Retryable, but the client's retry quota cannot pay for another attempt.
    case quotaExceeded
}
