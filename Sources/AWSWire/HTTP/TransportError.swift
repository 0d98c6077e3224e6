import Foundation

/// A request that got no HTTP response. The kind matters to retries: a timeout costs the retry
/// quota more than a refused connection (botocore's `_TIMEOUT_EXCEPTIONS`).
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Connect or read timed out.
        case timeout
        /// The host could not be resolved or reached, or the connection dropped.
        case connectionFailed
        /// Anything else (bad URL, TLS, cancelled…); not retried.
        case other
    }

    public var kind: Kind
    /// `host[:port]` the request went to.
    public var host: String
    /// The underlying error's text (never includes request headers or bodies).
    public var detail: String
    /// Set when this retryable error was the last of several attempts.
    public var retriesExhausted: RetriesExhausted?

    public init(kind: Kind, host: String, detail: String) {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    public var description: String {
        let exhausted = retriesExhausted.map { "; \($0)" } ?? ""
        switch kind {
        case .timeout:
            return "request to \(host) timed out (\(detail))\(exhausted); check the endpoint URL and network, or raise the timeout"
        case .connectionFailed:
            return "could not connect to \(host) (\(detail))\(exhausted); check the endpoint URL, DNS and that the service is running"
        case .other:
            return "request to \(host) failed: \(detail)"
        }
    }
}
