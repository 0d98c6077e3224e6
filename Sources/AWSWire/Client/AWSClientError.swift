import Foundation

/// A call that reached the service but could not be completed on our side.
public struct AWSClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A 2xx response whose body could not be decoded into the expected shape.
        case undecodableResponse(reason: String)
        /// The operation was called through the wrong protocol entry point (a programming error).
        case protocolMismatch(expected: String)
    }

    public var serviceId: String
    public var operation: String
    public var kind: Kind
    public var requestId: String?

    public init(serviceId: String, operation: String, kind: Kind, requestId: String? = nil) {
        self.serviceId = serviceId
        self.operation = operation
        self.kind = kind
        self.requestId = requestId
    }

    public var description: String {
        var text: String
        switch kind {
        case .undecodableResponse(let reason):
            text = "\(serviceId) \(operation): could not read the response (\(AWSServiceError.oneLine(reason))); "
                + "the endpoint may not be this service or may not implement the operation"
        case .protocolMismatch(let expected):
            text = "\(serviceId) \(operation): this service is not called through \(expected); use the client's matching method"
        }
        if let requestId { text += " [request id \(requestId)]" }
        return text
    }
}
