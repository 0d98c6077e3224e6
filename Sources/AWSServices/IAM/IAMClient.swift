import AWSWire
import Foundation

/// AWS Identity and Access Management (query protocol, API 2010-05-08, one global endpoint per partition).
public struct IAMClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.iam`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// The response root of `operation`, or nil when IAM answers `NoSuchEntity` (HTTP 404); other errors are thrown.
    func queryUnlessMissing(_ operation: String, _ parameters: QueryParameters) async throws -> XMLElementNode? {
        do {
            return try await client.query(action: operation, parameters: parameters)
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return nil
        }
    }

    /// GetRole. Returns nil when the role does not exist (`NoSuchEntity`, HTTP 404), so callers can
    /// create it; every other error is thrown.
    public func getRole(name: String) async throws -> IAMRole? {
        let operation = "GetRole"
        var parameters = QueryParameters()
        parameters.set("RoleName", name)
        guard let root = try await queryUnlessMissing(operation, parameters) else { return nil }
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let role = try reader.element(try reader.result(root), "Role")
        return IAMRole(
            roleName: try reader.text(role, "RoleName"), roleId: try reader.text(role, "RoleId"), arn: try reader.text(role, "Arn"),
            path: ResponseReader.trimmed(role, ["Path"]) ?? "/",
            assumeRolePolicyDocument: ResponseReader.trimmed(role, ["AssumeRolePolicyDocument"]).map(Self.decodePolicyDocument),
            createDate: try reader.date(role, "CreateDate"), maxSessionDuration: try reader.optionalInt(role, "MaxSessionDuration"),
            description: ResponseReader.trimmed(role, ["Description"]))
    }

    /// IAM returns policy documents percent-encoded (`%7B%22Version%22…`); decoded like botocore's
    /// `unquote` (`+` stays a plus). Text that is not valid percent-encoding is returned unchanged.
    static func decodePolicyDocument(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
