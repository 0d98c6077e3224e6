import AWSConfig
import Foundation
import SigV4

/// Keys from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the optional `AWS_SESSION_TOKEN`
/// (the legacy `AWS_SECURITY_TOKEN` is honoured like botocore does) and `AWS_ACCOUNT_ID`.
/// Used both at the top of the default chain and for `credential_source = Environment`.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public let environment: EnvironmentVariables
    /// The profile whose `credential_source = Environment` selected this provider; nil at the top of the chain.
    public let profile: String?

    public init(environment: EnvironmentVariables, profile: String? = nil) {
        self.environment = environment
        self.profile = profile
    }

    /// True when `AWS_ACCESS_KEY_ID` is set, which is what makes the default chain pick the environment.
    public static func hasKeys(in environment: EnvironmentVariables) -> Bool {
        environment["AWS_ACCESS_KEY_ID"] != nil
    }

    public func credentials() async throws -> AWSCredentials {
        guard let accessKeyId = environment["AWS_ACCESS_KEY_ID"] else {
            throw CredentialError.environmentKeyMissing("AWS_ACCESS_KEY_ID", profile: profile)
        }
        // A key id without its secret is a half-configured shell; failing beats silently using another source.
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            throw CredentialError.environmentKeyMissing("AWS_SECRET_ACCESS_KEY", profile: profile)
        }
        return AWSCredentials(
            accessKeyId: accessKeyId, secretAccessKey: secret,
            sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"],
            accountId: environment["AWS_ACCOUNT_ID"])
    }

    public var description: String {
        profile.map { "EnvironmentCredentialProvider(credential_source of profile '\($0)')" } ?? "EnvironmentCredentialProvider"
    }
}
