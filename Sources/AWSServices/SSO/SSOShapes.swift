import AWSWire
import Foundation

extension ServiceDescriptor {
    /// The IAM Identity Center portal (botocore service `sso`, REST-JSON, API 2019-06-10), at
    /// `https://portal.sso.{region}.amazonaws.com`. Its one call mlopsctl makes is unsigned, so the
    /// signing name only matters for completeness.
    public static let ssoPortal = ServiceDescriptor(
        serviceId: "SSO", signingName: "awsssoportal", endpointPrefix: "portal.sso", apiVersion: "2019-06-10", wireProtocol: .restJSON)
}

/// `{"roleCredentials": {"accessKeyId", "secretAccessKey", "sessionToken", "expiration"}}`;
/// `expiration` is epoch **milliseconds**.
struct GetRoleCredentialsOutput: Decodable {
    struct RoleCredentials: Decodable {
        var accessKeyId: String
        var secretAccessKey: String
        var sessionToken: String?
        var expiration: Double
    }
    var roleCredentials: RoleCredentials
}
