import AWSWire
import Foundation

extension AWSClient {
    /// Calls a JSON 1.1 operation and decodes its output through `ResponseReader`, so a body that does
    /// not match names the failing field instead of quoting the body (which can hold secrets).
    func jsonCall<Output: Decodable>(_ operation: String, _ input: some Encodable, as output: Output.Type = Output.self) async throws
        -> Output
    {
        let response = try await send(operation: operation, request: try jsonRequest(operation: operation, input: input), signing: signingOptions)
        return try ResponseReader(self, operation: operation, requestId: response.requestIdHeader).json(Output.self, from: response.body)
    }
}
