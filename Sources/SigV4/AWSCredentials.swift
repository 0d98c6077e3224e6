import Foundation

/// An access key pair, optionally temporary. The secret parts never appear in `description`,
/// `debugDescription` or string interpolation: the type is printed as the access key id only.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// The account the keys belong to, when the source said so (`aws_account_id`, SSO, STS).
    public var accountId: String?

    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil,
        accountId: String? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.accountId = accountId
    }

    public var description: String { "AWSCredentials(accessKeyId: \(accessKeyId), secret: <redacted>)" }
    public var debugDescription: String { description }
}
