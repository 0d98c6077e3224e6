import Foundation

/// An error answered by an AWS service (or an emulator standing in for one), whatever the wire
/// protocol: callers dispatch on `code`, never on the message text.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `"STS"`, `"CloudFormation"`…
    public var serviceId: String
    /// The API operation, e.g. `GetCallerIdentity` (for S3 the logical name such as `HeadObject`).
    public var operation: String
    public var statusCode: Int
    /// The AWS error code (`ValidationError`, `NoSuchEntity`, `SlowDown`…), or for bodiless and
    /// unparseable responses the HTTP reason without spaces (`NotFound`, `InternalServerError`).
    public var code: String
    public var message: String?
    public var requestId: String?
    /// Set when this retryable error was the last of several attempts.
    public var retriesExhausted: RetriesExhausted?

    public init(serviceId: String, operation: String, statusCode: Int, code: String, message: String? = nil, requestId: String? = nil) {
        self.serviceId = serviceId
        self.operation = operation
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    /// `STS GetCallerIdentity: SignatureDoesNotMatch (HTTP 403): <message> [request id …]`, on one line.
    public var description: String {
        var text = "\(serviceId) \(operation): \(code) (HTTP \(statusCode))"
        if let message, !message.isEmpty { text += ": " + Self.oneLine(message) }
        if let requestId, !requestId.isEmpty { text += " [request id \(requestId)]" }
        if let retriesExhausted { text += "; \(retriesExhausted)" }
        return text
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
