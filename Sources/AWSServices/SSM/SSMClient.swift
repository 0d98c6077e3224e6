import AWSWire
import Foundation

/// AWS Systems Manager Parameter Store (JSON 1.1, `AmazonSSM` target, API 2014-11-06).
public struct SSMClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.ssm`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// GetParameter. Returns nil when the parameter does not exist (`ParameterNotFound`).
    public func getParameter(name: String, withDecryption: Bool = true) async throws -> SSMParameter? {
        let operation = "GetParameter"
        let response: HTTPResponse
        do {
            response = try await client.send(
                operation: operation, request: try client.jsonRequest(operation: operation, input: GetParameterInput(Name: name, WithDecryption: withDecryption)),
                signing: client.signingOptions)
        } catch let error as AWSServiceError where error.code == "ParameterNotFound" {
            return nil
        }
        let output = try ResponseReader(client, operation: operation, requestId: response.requestIdHeader).json(GetParameterOutput.self, from: response.body)
        let parameter = output.Parameter
        return SSMParameter(
            name: parameter.Name, type: parameter.Type, value: parameter.Value, version: parameter.Version,
            lastModifiedDate: parameter.LastModifiedDate, arn: parameter.ARN, dataType: parameter.DataType)
    }

    /// PutParameter; returns the new version. Without `overwrite`, an existing name fails with
    /// `ParameterAlreadyExists`.
    public func putParameter(name: String, value: String, type: SSMParameterType, overwrite: Bool = false, description: String? = nil)
        async throws -> Int
    {
        let operation = "PutParameter"
        let input = PutParameterInput(Name: name, Description: description, Value: value, Type: type, Overwrite: overwrite)
        let response = try await client.send(
            operation: operation, request: try client.jsonRequest(operation: operation, input: input), signing: client.signingOptions)
        return try ResponseReader(client, operation: operation, requestId: response.requestIdHeader).json(PutParameterOutput.self, from: response.body).Version
    }

    /// DeleteParameter. Returns false when there was nothing to delete (`ParameterNotFound`).
    @discardableResult
    public func deleteParameter(name: String) async throws -> Bool {
        do {
            try await client.json(operation: "DeleteParameter", input: DeleteParameterInput(Name: name))
            return true
        } catch let error as AWSServiceError where error.code == "ParameterNotFound" {
            return false
        }
    }
}
