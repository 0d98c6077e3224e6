import Foundation

/// Why a retryable failure was given up, carried on the final `AWSServiceError` / `TransportError` so its message names
/// the condition and the attempts made (callers still dispatch on the error's code and kind).
public struct RetriesExhausted: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// `max_attempts` were all spent.
        case maxAttempts
        /// The client's retry quota could not pay for another attempt (the service has been failing for a while).
        case quota
    }

    public var attempts: Int
    public var maxAttempts: Int
    public var reason: Reason

    public init(attempts: Int, maxAttempts: Int, reason: Reason) {
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .maxAttempts:
            return "retryable; gave up after \(attempts) of \(attempts) attempts (max_attempts / AWS_MAX_ATTEMPTS raises the limit)"
        case .quota:
            return "retryable; gave up after \(attempts) of \(maxAttempts) attempts because the client's retry quota is spent"
        }
    }
}
