import AWSWire
import Foundation
import SigV4

/// The IAM Identity Center portal's GetRoleCredentials: trades the access token the AWS CLI cached
/// at `aws sso login` for a role's temporary credentials. The request is unsigned; the token travels
/// in the `x-amz-sso_bearer_token` header.
public struct SSOPortalClient: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.ssoPortal` in the `sso_region`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// GET /federation/credentials?role_name=…&account_id=…
    public func getRoleCredentials(accessToken: String, accountId: String, roleName: String) async throws -> AWSCredentials {
        let operation = "GetRoleCredentials"
        var headers = HTTPHeaders()
        headers.set("x-amz-sso_bearer_token", accessToken)
        let response = try await client.rest(
            operation: operation, method: "GET", path: "/federation/credentials",
            query: [("role_name", roleName), ("account_id", accountId)], headers: headers, unsigned: true)
        let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
        let credentials = try reader.json(GetRoleCredentialsOutput.self, from: response.body).roleCredentials
        guard !credentials.accessKeyId.isEmpty, !credentials.secretAccessKey.isEmpty else {
            throw reader.failure("'roleCredentials' has an empty access key")
        }
        return AWSCredentials(
            accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken,
            expiration: Date(timeIntervalSince1970: credentials.expiration / 1000), accountId: accountId)
    }
}
