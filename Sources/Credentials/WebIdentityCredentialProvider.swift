import AWSConfig
import Foundation
import SigV4

/// `web_identity_token_file` + `role_arn` (EKS IRSA, GitHub OIDC…): reads the token file on every fetch, because
/// the platform rotates it, then calls STS AssumeRoleWithWebIdentity. Wrap it in `CachedCredentialProvider`.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public let identity: WebIdentity
    public let origin: CredentialOrigin
    public let roleAssumer: any RoleAssuming
    public let now: @Sendable () -> Date

    /// The profile form.
    public init(identity: WebIdentity, roleAssumer: any RoleAssuming, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(identity: identity, origin: .profile(identity.profile), roleAssumer: roleAssumer, now: now)
    }

    init(identity: WebIdentity, origin: CredentialOrigin, roleAssumer: any RoleAssuming, now: @escaping @Sendable () -> Date) {
        self.identity = identity
        self.origin = origin
        self.roleAssumer = roleAssumer
        self.now = now
    }

    /// The environment form: `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` [+ `AWS_ROLE_SESSION_NAME`].
    /// Returns nil when `AWS_WEB_IDENTITY_TOKEN_FILE` is unset; throws when it is set without `AWS_ROLE_ARN`.
    /// `profile` is only recorded in the `WebIdentity` value (the STS call uses that profile's region/endpoint).
    public static func fromEnvironment(
        _ environment: EnvironmentVariables, profile: String = "default", roleAssumer: any RoleAssuming,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> WebIdentityCredentialProvider? {
        guard let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] else { return nil }
        guard let roleArn = environment["AWS_ROLE_ARN"] else { throw CredentialError.webIdentityRoleMissing() }
        let identity = WebIdentity(
            profile: profile, roleArn: roleArn, tokenFile: tokenFile, sessionName: environment["AWS_ROLE_SESSION_NAME"])
        return WebIdentityCredentialProvider(identity: identity, origin: .environment, roleAssumer: roleAssumer, now: now)
    }

    public func credentials() async throws -> AWSCredentials {
        let token = try readToken()
        let sessionName = RoleSessionName.make(configured: identity.sessionName, now: now())
        do {
            return try await roleAssumer.assumeRoleWithWebIdentity(identity, sessionName: sessionName, token: token)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw CredentialError.webIdentityAssumptionFailed(origin, roleArn: identity.roleArn, underlying: error)
        }
    }

    private func readToken() throws -> String {
        // Used as written, like botocore: no `~` expansion (that would read HOME behind the caller's back).
        guard let data = FileManager.default.contents(atPath: identity.tokenFile) else {
            throw CredentialError.webIdentityTokenUnreadable(origin, file: identity.tokenFile, empty: false)
        }
        // JWTs contain no whitespace; a trailing newline from `echo > file` must not reach STS.
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw CredentialError.webIdentityTokenUnreadable(origin, file: identity.tokenFile, empty: true)
        }
        return token
    }

    public var description: String {
        "WebIdentityCredentialProvider(\(origin), role \(identity.roleArn))"
    }
}
