import Foundation
import SigV4

extension AWSClient {
    /// Calls a query-protocol action (STS, IAM, CloudFormation) and returns the root element of the
    /// response (`<ActionResponse>`; the payload is its `<ActionResult>` child). `unsigned` sends
    /// it without a signature (STS AssumeRoleWithWebIdentity).
    public func query(action: String, parameters: QueryParameters = QueryParameters(), unsigned: Bool = false) async throws
        -> XMLElementNode
    {
        let request = try queryRequest(action: action, parameters: parameters)
        let response = try await send(operation: action, request: request, signing: signingOptions, unsigned: unsigned)
        do {
            return try XMLElementNode.parse(response.body)
        } catch {
            throw AWSClientError(
                serviceId: service.serviceId, operation: action, kind: .undecodableResponse(reason: String(describing: error)),
                requestId: response.requestIdHeader)
        }
    }

    /// The same, with parameters produced by `QueryEncoder` from an `Encodable` input.
    public func query(action: String, input: some Encodable) async throws -> XMLElementNode {
        try await query(action: action, parameters: QueryEncoder().encode(input))
    }

    /// The unsigned request: `POST /` with a form body `Action=…&Version=…&…`.
    public func queryRequest(action: String, parameters: QueryParameters) throws -> HTTPRequest {
        guard case .query = service.wireProtocol else {
            throw AWSClientError(serviceId: service.serviceId, operation: action, kind: .protocolMismatch(expected: "the query protocol"))
        }
        let body = parameters.formBody(action: action, version: service.apiVersion)
        return HTTPRequest(
            method: "POST", url: endpoint.url.appendingEncoded(path: "/"),
            headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: Data(body.utf8))
    }
}
