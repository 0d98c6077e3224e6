import Foundation

/// Sends one HTTP request. The client layers signing, retries and error parsing on top, so a
/// transport only moves bytes; tests replace it with a scripted fake.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response. Throws `TransportError` when no response
    /// arrived (timeout, connection failure); an HTTP error status is a normal response.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}
