import Foundation

/// Sends one HTTP request. The client layers signing, retries and error parsing on top, so a
/// transport only moves bytes; tests replace it with a scripted fake.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response. Throws `TransportError` when no response
    /// arrived (timeout, connection failure); an HTTP error status is a normal response.
    func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse

    /// The same transport for requests signed as `principal` (an assumed role's ARN): an `ObservedTransport` labels
    /// its records with it; every other transport is unchanged.
    func acting(as principal: String) -> any HTTPTransport
}

extension HTTPTransport {
    public func acting(as principal: String) -> any HTTPTransport { self }
}
