import AWSConfig
import Foundation

/// The part of an AWS CLI SSO cache file (`~/.aws/sso/cache/<sha1>.json`) that credentials need.
/// `accessToken` is a secret: this type deliberately has no `description` that shows it.
public struct SSOToken: Sendable, Equatable, CustomStringConvertible {
    public var accessToken: String
    public var expiresAt: Date
    public var region: String?
    public var startURL: String?

    public init(accessToken: String, expiresAt: Date, region: String? = nil, startURL: String? = nil) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.region = region
        self.startURL = startURL
    }

    public var description: String { "SSOToken(expiresAt: \(expiresAt.formatted(.iso8601)), accessToken: <redacted>)" }

    /// The directory the AWS CLI writes tokens to: `$HOME/.aws/sso/cache` (then `USERPROFILE`, like the config files).
    public static func defaultCacheDirectory(environment: EnvironmentVariables) -> URL {
        let home = environment["HOME"] ?? environment["USERPROFILE"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".aws/sso/cache", isDirectory: true)
    }

    /// Reads and checks the cached token for `sso`. Throws `CredentialError` naming the login command when the
    /// file is absent, unreadable, malformed or expired at `now`.
    public static func load(for sso: SingleSignOn, cacheDirectory: URL, now: Date) throws -> SSOToken {
        let file = cacheDirectory.appendingPathComponent(sso.tokenCacheFileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw CredentialError.ssoTokenMissing(sso, cacheFile: file)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw CredentialError.ssoTokenInvalid(sso, cacheFile: file, problem: "cannot be read")
        }
        let token = try parse(data, for: sso, cacheFile: file)
        guard token.expiresAt > now else { throw CredentialError.ssoTokenExpired(sso, expiredAt: token.expiresAt) }
        return token
    }

    // Manual JSON walking rather than Decodable: decoding errors can quote file content, and this file holds a secret.
    static func parse(_ data: Data, for sso: SingleSignOn, cacheFile: URL) throws -> SSOToken {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CredentialError.ssoTokenInvalid(sso, cacheFile: cacheFile, problem: "is not a JSON object")
        }
        guard let accessToken = object["accessToken"] as? String, !accessToken.isEmpty else {
            throw CredentialError.ssoTokenInvalid(sso, cacheFile: cacheFile, problem: "has no accessToken")
        }
        guard let expiresText = object["expiresAt"] as? String else {
            throw CredentialError.ssoTokenInvalid(sso, cacheFile: cacheFile, problem: "has no expiresAt")
        }
        guard let expiresAt = Timestamp.parse(expiresText) else {
            throw CredentialError.ssoTokenInvalid(sso, cacheFile: cacheFile, problem: "has an expiresAt that is not an ISO 8601 time")
        }
        return SSOToken(
            accessToken: accessToken, expiresAt: expiresAt, region: object["region"] as? String,
            startURL: object["startUrl"] as? String)
    }
}
