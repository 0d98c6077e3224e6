import AWSWire
import Foundation

/// Wraps any transport (the real one in integration tests) and counts what goes through it, so a
/// test can assert "this command made N calls, M of them mutating" or "a re-run mutates nothing".
public final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    /// One exchange as seen on the wire.
    public struct Exchange: Sendable {
        public var operation: String
        public var method: String
        public var host: String
        public var path: String
        /// nil when the transport threw.
        public var statusCode: Int?
        public var isMutating: Bool
    }

    private let base: any HTTPTransport
    private let lock = NSLock()
    private var recorded: [Exchange] = []

    public init(wrapping base: any HTTPTransport) {
        self.base = base
    }

    public func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        let operation = Self.operationName(request)
        var exchange = Exchange(
            operation: operation, method: request.method, host: request.hostAndPort, path: request.encodedPath, statusCode: nil,
            isMutating: Self.isMutating(operation: operation, method: request.method))
        do {
            let response = try await base.send(request, timeouts: timeouts)
            exchange.statusCode = response.statusCode
            lock.withLock { recorded.append(exchange) }
            return response
        } catch {
            lock.withLock { recorded.append(exchange) }
            throw error
        }
    }

    public var exchanges: [Exchange] {
        lock.withLock { recorded }
    }

    public var requestCount: Int { exchanges.count }
    public var mutatingRequestCount: Int { exchanges.filter(\.isMutating).count }
    public var mutatingOperations: [String] { exchanges.filter(\.isMutating).map(\.operation) }

    public func reset() {
        lock.withLock { recorded.removeAll() }
    }

    /// `X-Amz-Target` operation (JSON), `Action` (query form body), or `METHOD path` (REST).
    public static func operationName(_ request: HTTPRequest) -> String {
        if let target = request.headers["X-Amz-Target"], let dot = target.lastIndex(of: ".") {
            return String(target[target.index(after: dot)...])
        }
        // Only form bodies carry `Action`; decoding a multi-MiB object body as text would take seconds.
        if request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = String(decoding: request.body, as: UTF8.self)
            for pair in body.split(separator: "&") where pair.hasPrefix("Action=") {
                return String(pair.dropFirst("Action=".count))
            }
        }
        return "\(request.method) \(request.encodedPath)"
    }

    /// Read-only operations are recognised by name (`Get…`, `List…`, `Describe…`, …) or, for REST,
    /// by method (GET/HEAD); everything else counts as mutating.
    public static func isMutating(operation: String, method: String) -> Bool {
        if operation.hasPrefix("\(method) ") { return !(method == "GET" || method == "HEAD") }
        let readPrefixes = ["Get", "List", "Describe", "Head", "Search", "Scan", "BatchGet", "Query", "Lookup", "Validate", "Estimate",
            "Detect", "Select"]
        return !readPrefixes.contains { operation.hasPrefix($0) }
    }
}
