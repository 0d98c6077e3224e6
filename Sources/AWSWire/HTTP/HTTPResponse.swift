import Foundation

/// A complete HTTP response (bodies are small for every API this tool calls, so they are buffered).
public struct HTTPResponse: Sendable, Equatable {
    public var statusCode: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// Convenience for tests and fakes: a UTF-8 body.
    public init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: String) {
        self.init(statusCode: statusCode, headers: headers, body: Data(body.utf8))
    }

    public var isSuccess: Bool { (200..<300).contains(statusCode) }

    /// The request id from whichever header the service uses.
    public var requestIdHeader: String? {
        headers["x-amzn-RequestId"] ?? headers["x-amz-request-id"]
    }
}
