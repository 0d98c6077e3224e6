import AWSConfig
import Foundation
import SigV4

/// Turns a resolved `ProfileChain` into a provider: the base source (cached when it yields temporary credentials),
/// then one cached `AssumeRoleCredentialProvider` per role, each using the previous link as its source.
/// Pure wiring: nothing is fetched until `credentials()` is called on the result.
public struct CredentialChainBuilder: Sendable {
    public var environment: EnvironmentVariables
    public var roleAssumer: any RoleAssuming
    public var ssoFetcher: any SSORoleCredentialsFetching
    public var mfaPrompt: any MFACodePrompt
    public var ssoCacheDirectory: URL
    /// The bound of every credential source that waits on something outside mlopsctl (`CredentialTimeLimit`):
    /// `credential_process`, SSO role credentials, web identity.
    public var credentialProcessTimeout: Duration
    public var refreshWindow: Duration
    public var now: @Sendable () -> Date

    public init(
        environment: EnvironmentVariables, roleAssumer: any RoleAssuming, ssoFetcher: any SSORoleCredentialsFetching,
        mfaPrompt: any MFACodePrompt = TerminalMFACodePrompt(), ssoCacheDirectory: URL? = nil,
        credentialProcessTimeout: Duration = CredentialTimeLimit.defaultLimit, refreshWindow: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.roleAssumer = roleAssumer
        self.ssoFetcher = ssoFetcher
        self.mfaPrompt = mfaPrompt
        self.ssoCacheDirectory = ssoCacheDirectory ?? SSOToken.defaultCacheDirectory(environment: environment)
        self.credentialProcessTimeout = credentialProcessTimeout
        self.refreshWindow = refreshWindow
        self.now = now
    }

    /// The provider for `chain`. Throws only for configurations mlopsctl cannot serve at all
    /// (`credential_source = Ec2InstanceMetadata | EcsContainer` or an unknown source name).
    public func provider(for chain: ProfileChain) throws -> any CredentialProvider {
        var current = try baseProvider(chain.base)
        for step in chain.roles {
            let assume = AssumeRoleCredentialProvider(
                source: current, step: step, roleAssumer: roleAssumer, mfaPrompt: mfaPrompt, now: now)
            current = cached(assume)
        }
        return current
    }

    func baseProvider(_ base: BaseCredentialSource) throws -> any CredentialProvider {
        switch base {
        case .accessKey(let keys):
            return StaticCredentialProvider(keys)
        case .namedSource(let name, let profile):
            // Exact spelling, as botocore compares it. IMDS and ECS need HTTP endpoints mlopsctl does not implement.
            guard name == "Environment" else { throw CredentialError.unsupportedCredentialSource(name, profile: profile) }
            return EnvironmentCredentialProvider(environment: environment, profile: profile)
        case .webIdentity(let identity):
            let provider = WebIdentityCredentialProvider(identity: identity, roleAssumer: roleAssumer, now: now)
            return cached(
                TimeLimitedCredentialProvider(
                    base: provider, limit: credentialProcessTimeout, profile: identity.profile,
                    what: "AssumeRoleWithWebIdentity for \(identity.roleArn)"))
        case .sso(let sso):
            let provider = SSOCredentialProvider(sso: sso, fetcher: ssoFetcher, cacheDirectory: ssoCacheDirectory, now: now)
            return cached(
                TimeLimitedCredentialProvider(
                    base: provider, limit: credentialProcessTimeout, profile: sso.profile, what: "IAM Identity Center (SSO) GetRoleCredentials"))
        case .credentialProcess(let command, let profile):
            return cached(CredentialProcessProvider(command: command, profile: profile, timeout: credentialProcessTimeout))
        }
    }

    func cached(_ provider: any CredentialProvider) -> CachedCredentialProvider {
        CachedCredentialProvider(provider, refreshWindow: refreshWindow, now: now)
    }
}
