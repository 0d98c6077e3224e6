import AWSWire
import Foundation

/// An `HTTPTransport` that never opens a socket: each request is answered by a closure or by the
/// next entry of a script, and every request is recorded for assertions.
public final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// What one scripted exchange produces.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(any Error & Sendable)

        public static func status(_ code: Int, body: String = "", headers: HTTPHeaders = HTTPHeaders()) -> Reply {
            .response(HTTPResponse(statusCode: code, headers: headers, body: body))
        }
    }

    private let lock = NSLock()
    private let handler: @Sendable (HTTPRequest, Int) throws -> HTTPResponse
    private var recorded: [HTTPRequest] = []
    private var recordedTimeouts: [HTTPTimeouts] = []

    /// Answers each request with `handler(request, zeroBasedIndex)`.
    public init(_ handler: @escaping @Sendable (HTTPRequest, Int) throws -> HTTPResponse) {
        self.handler = handler
    }

    /// Answers requests with `replies` in order; a request beyond the script fails the call with
    /// `ScriptExhausted` (so a test notices an unexpected extra request).
    public convenience init(_ replies: [Reply]) {
        self.init { _, index in
            guard index < replies.count else { throw ScriptExhausted(index: index) }
            switch replies[index] {
            case .response(let response): return response
            case .failure(let error): throw error
            }
        }
    }

    public func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        let index = lock.withLock {
            recorded.append(request)
            recordedTimeouts.append(timeouts)
            return recorded.count - 1
        }
        return try handler(request, index)
    }

    /// Every request sent so far, in order (signed, as the wire would see them).
    public var requests: [HTTPRequest] {
        lock.withLock { recorded }
    }

    /// The connect and read limits passed with each request.
    public var timeouts: [HTTPTimeouts] {
        lock.withLock { recordedTimeouts }
    }

    public struct ScriptExhausted: Error, CustomStringConvertible {
        public let index: Int
        public var description: String { "ScriptedTransport: unexpected request #\(index + 1) (script has fewer replies)" }
    }
}
