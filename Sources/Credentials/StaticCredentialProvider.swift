import AWSConfig
import Foundation
import SigV4

/// Fixed keys: a profile's `aws_access_key_id`/`aws_secret_access_key`, or keys handed over by a caller.
public struct StaticCredentialProvider: CredentialProvider {
    public let credentialsValue: AWSCredentials
    /// Where the keys came from, for `description` (never the keys themselves).
    public let origin: CredentialOrigin?

    public init(_ credentials: AWSCredentials, origin: CredentialOrigin? = nil) {
        self.credentialsValue = credentials
        self.origin = origin
    }

    /// Keys written in a profile.
    public init(_ keys: StaticKeys) {
        self.init(
            AWSCredentials(
                accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken,
                accountId: keys.accountId),
            origin: .profile(keys.profile))
    }

    public func credentials() async throws -> AWSCredentials { credentialsValue }

    public var description: String {
        origin.map { "StaticCredentialProvider(\($0))" } ?? "StaticCredentialProvider"
    }
}
