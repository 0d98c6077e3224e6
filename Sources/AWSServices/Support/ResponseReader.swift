import AWSWire
import Foundation

/// Reads the fields of one decoded response. A missing or malformed field becomes an
/// `AWSClientError.undecodableResponse` that names the element, never its value: STS, SSO and SSM
/// responses carry secrets, and error text must not.
struct ResponseReader {
    let serviceId: String
    let operation: String
    var requestId: String?

    init(_ client: AWSClient, operation: String, requestId: String? = nil) {
        self.serviceId = client.service.serviceId
        self.operation = operation
        self.requestId = requestId
    }

    /// A reader for a query-protocol response: takes the request id from `<ResponseMetadata>`.
    init(_ client: AWSClient, operation: String, queryRoot root: XMLElementNode) {
        self.init(client, operation: operation, requestId: root.child(path: "ResponseMetadata", "RequestId")?.text)
    }

    func failure(_ reason: String) -> AWSClientError {
        AWSClientError(serviceId: serviceId, operation: operation, kind: .undecodableResponse(reason: reason), requestId: requestId)
    }

    /// The `<ActionResult>` element of a query response.
    func result(_ root: XMLElementNode) throws -> XMLElementNode {
        guard let result = root.child("\(operation)Result") else { throw failure("no <\(operation)Result> element") }
        return result
    }

    func element(_ node: XMLElementNode, _ path: String...) throws -> XMLElementNode {
        guard let found = node.child(path: path) else { throw failure("no <\(path.joined(separator: "><"))> element") }
        return found
    }

    /// The text at `path`, which must be present and non-empty. Surrounding whitespace is dropped
    /// (pretty-printed responses wrap long tokens in newlines; no AWS identifier or key has any).
    func text(_ node: XMLElementNode, _ path: String...) throws -> String {
        guard let text = Self.trimmed(node, path) else { throw failure("no <\(path.joined(separator: "><"))> element") }
        return text
    }

    /// A timestamp at `path`, in any form `AWSTimestamp` reads.
    func date(_ node: XMLElementNode, _ path: String...) throws -> Date {
        guard let text = Self.trimmed(node, path) else { throw failure("no <\(path.joined(separator: "><"))> element") }
        guard let date = AWSTimestamp.parse(text) else { throw failure("<\(path.joined(separator: "><"))> is not a timestamp") }
        return date
    }

    /// An optional integer at `path`; present but not a number is an error.
    func optionalInt(_ node: XMLElementNode, _ path: String...) throws -> Int? {
        guard let text = Self.trimmed(node, path) else { return nil }
        guard let value = Int(text) else { throw failure("<\(path.joined(separator: "><"))> is not a whole number") }
        return value
    }

    /// The optional text at `path`, trimmed; nil when absent or blank.
    static func trimmed(_ node: XMLElementNode, _ path: [String]) -> String? {
        guard let text = node.child(path: path)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// Decodes a JSON body, replacing the decoder's own error text (which can quote the body) with the
    /// coding path of the field that failed.
    func json<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        do {
            return try AWSJSON.decode(type, from: body)
        } catch let error as DecodingError {
            throw failure(Self.summary(error))
        } catch {
            throw failure("the body is not JSON")
        }
    }

    static func summary(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "the body" : "'\(keys)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "no '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)' field"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type)"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "the body is not JSON" : "\(path(context)) is malformed"
        @unknown default: return "the body does not match the expected shape"
        }
    }
}
