import AWSWire
import Foundation
import SigV4

/// AWS Security Token Service (query protocol, API 2011-06-15): the three calls credentials and
/// identity checks need.
public struct STSClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.sts`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// GetCallerIdentity: the account and ARN the client's credentials act as.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let operation = "GetCallerIdentity"
        let root = try await client.query(action: operation)
        let reader = ResponseReader(client, operation: operation, queryRoot: root)
        let result = try reader.result(root)
        return CallerIdentity(
            account: try reader.text(result, "Account"), arn: try reader.text(result, "Arn"), userId: try reader.text(result, "UserId"))
    }

    /// AssumeRole, signed with the client's credentials. The result carries `expiration` and the
    /// role's account id (from the assumed-role ARN).
    public func assumeRole(_ request: AssumeRoleRequest) async throws -> AWSCredentials {
        let operation = "AssumeRole"
        var parameters = QueryParameters()
        // Model order, as botocore serialises it.
        parameters.set("RoleArn", request.roleArn)
        parameters.set("RoleSessionName", request.roleSessionName)
        parameters.set("DurationSeconds", request.durationSeconds)
        parameters.set("ExternalId", request.externalId)
        parameters.set("SerialNumber", request.serialNumber)
        parameters.set("TokenCode", request.tokenCode)
        let root = try await client.query(action: operation, parameters: parameters)
        return try Self.credentials(from: root, reader: ResponseReader(client, operation: operation, queryRoot: root))
    }

    /// AssumeRoleWithWebIdentity. Unsigned: the web identity token is the authentication, so the
    /// client's credential provider is never asked.
    public func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest) async throws -> AWSCredentials {
        let operation = "AssumeRoleWithWebIdentity"
        var parameters = QueryParameters()
        parameters.set("RoleArn", request.roleArn)
        parameters.set("RoleSessionName", request.roleSessionName)
        parameters.set("WebIdentityToken", request.webIdentityToken)
        parameters.set("DurationSeconds", request.durationSeconds)
        let root = try await client.query(action: operation, parameters: parameters, unsigned: true)
        return try Self.credentials(from: root, reader: ResponseReader(client, operation: operation, queryRoot: root))
    }

    /// `<…Result><Credentials>` plus the account of `<AssumedRoleUser><Arn>`.
    static func credentials(from root: XMLElementNode, reader: ResponseReader) throws -> AWSCredentials {
        let result = try reader.result(root)
        let credentials = try reader.element(result, "Credentials")
        let arn = result.child(path: "AssumedRoleUser", "Arn")?.text
        return AWSCredentials(
            accessKeyId: try reader.text(credentials, "AccessKeyId"), secretAccessKey: try reader.text(credentials, "SecretAccessKey"),
            sessionToken: try reader.text(credentials, "SessionToken"), expiration: try reader.date(credentials, "Expiration"),
            accountId: arn.flatMap(Self.accountId(fromARN:)))
    }

    /// `arn:aws:sts::222222222222:assumed-role/R/s` → `222222222222`.
    static func accountId(fromARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else { return nil }
        return String(parts[4])
    }
}
