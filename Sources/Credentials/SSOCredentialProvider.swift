import AWSConfig
import Foundation
import SigV4

/// IAM Identity Center (`sso_session` or legacy `sso_start_url` profiles): reads the token the AWS CLI cached at
/// `aws sso login` and trades it for role credentials through the portal. mlopsctl never runs the device flow
/// itself; a missing or expired token produces an error naming the exact `aws sso login` command.
public struct SSOCredentialProvider: CredentialProvider {
    public let sso: SingleSignOn
    public let fetcher: any SSORoleCredentialsFetching
    public let cacheDirectory: URL
    public let now: @Sendable () -> Date

    public init(
        sso: SingleSignOn, fetcher: any SSORoleCredentialsFetching, cacheDirectory: URL,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sso = sso
        self.fetcher = fetcher
        self.cacheDirectory = cacheDirectory
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        guard let accountId = sso.accountId, !accountId.isEmpty else {
            throw CredentialError.ssoSettingMissing("sso_account_id", profile: sso.profile)
        }
        guard let roleName = sso.roleName, !roleName.isEmpty else {
            throw CredentialError.ssoSettingMissing("sso_role_name", profile: sso.profile)
        }
        let token = try SSOToken.load(for: sso, cacheDirectory: cacheDirectory, now: now())
        var credentials: AWSCredentials
        do {
            // The portal lives in the session's `sso_region`, which the profile chain already carries.
            credentials = try await fetcher.roleCredentials(
                accessToken: token.accessToken, accountId: accountId, roleName: roleName, region: sso.region)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw CredentialError.ssoRoleCredentialsFailed(sso, accountId: accountId, roleName: roleName, underlying: error)
        }
        if credentials.accountId == nil { credentials.accountId = accountId }
        return credentials
    }

    public var description: String {
        "SSOCredentialProvider(profile '\(sso.profile)', account \(sso.accountId ?? "?"), role \(sso.roleName ?? "?"))"
    }
}
