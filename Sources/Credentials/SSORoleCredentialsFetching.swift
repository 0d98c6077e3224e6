import Foundation
import SigV4

/// The one IAM Identity Center portal call credentials need. Implemented by the AWSServices layer.
public protocol SSORoleCredentialsFetching: Sendable {
    /// SSO portal GetRoleCredentials (GET /federation/credentials, header x-amz-sso_bearer_token).
    func roleCredentials(accessToken: String, accountId: String, roleName: String, region: String) async throws -> AWSCredentials
}
