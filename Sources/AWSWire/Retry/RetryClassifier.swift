import Foundation

/// Why a failed attempt may be retried; the kind sets what the retry costs.
public enum RetryErrorKind: Sendable, Equatable {
    /// 500/502/503/504, transient error codes, connection failures.
    case transient
    /// A throttling error code (`Throttling`, `SlowDown`…).
    case throttling
    /// A connect or read timeout (costs double).
    case timeout
}

/// Standard-mode classification (aws-anchors §5.4, botocore `retries/standard.py`). Anything not
/// listed, such as 4xx validation and access errors, is final.
public enum RetryClassifier {
    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    public static let transientErrorCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
        // STS special case: the identity provider could not be reached.
        "IDPCommunicationError",
    ]

    public static let throttlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// The retry kind of `error`, or nil when it must not be retried.
    public static func classify(_ error: any Error) -> RetryErrorKind? {
        switch error {
        case let error as AWSServiceError:
            if throttlingErrorCodes.contains(error.code) { return .throttling }
            if transientErrorCodes.contains(error.code) || transientStatusCodes.contains(error.statusCode) { return .transient }
            return nil
        case let error as TransportError:
            switch error.kind {
            case .timeout: return .timeout
            case .connectionFailed: return .transient
            case .other: return nil
            }
        default:
            return nil
        }
    }
}
