import Foundation
import SigV4

extension AWSClient {
    /// Calls a JSON 1.x operation and decodes its output.
    public func json<Output: Decodable>(operation: String, input: some Encodable, as output: Output.Type = Output.self) async throws
        -> Output
    {
        let response = try await send(operation: operation, request: jsonRequest(operation: operation, input: input), signing: signingOptions)
        do {
            return try AWSJSON.decode(Output.self, from: response.body)
        } catch {
            throw AWSClientError(
                serviceId: service.serviceId, operation: operation, kind: .undecodableResponse(reason: String(describing: error)),
                requestId: response.requestIdHeader)
        }
    }

    /// Calls an operation that takes no input (body `{}`).
    public func json<Output: Decodable>(operation: String, as output: Output.Type = Output.self) async throws -> Output {
        try await json(operation: operation, input: EmptyInput(), as: output)
    }

    /// Calls an operation whose output is not needed.
    public func json(operation: String, input: some Encodable) async throws {
        _ = try await send(operation: operation, request: jsonRequest(operation: operation, input: input), signing: signingOptions)
    }

    /// The unsigned request: `POST /` with `X-Amz-Target: <prefix>.<operation>` and the JSON body.
    public func jsonRequest(operation: String, input: some Encodable) throws -> HTTPRequest {
        guard case .json(let version, let targetPrefix) = service.wireProtocol else {
            throw AWSClientError(serviceId: service.serviceId, operation: operation, kind: .protocolMismatch(expected: "the JSON protocol"))
        }
        return HTTPRequest(
            method: "POST", url: endpoint.url.appendingEncoded(path: "/"),
            headers: ["Content-Type": "application/x-amz-json-\(version)", "X-Amz-Target": "\(targetPrefix).\(operation)"],
            body: try AWSJSON.encode(input))
    }
}
