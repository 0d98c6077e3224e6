import AWSConfig
import Foundation
import SigV4

/// Chooses the credential source the way the SDKs' default chain does, without reading any file itself:
///
/// 1. A profile given explicitly (`--profile`) is used as is, skipping environment keys (botocore does the same).
/// 2. Otherwise `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` when `AWS_ACCESS_KEY_ID` is set.
/// 3. Otherwise the `AWS_PROFILE`/`default` profile's chain, when it provides credentials.
/// 4. Otherwise `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` (smithy-rs order: env, profile, web identity env).
public struct DefaultCredentialChain: Sendable {
    public var builder: CredentialChainBuilder

    public init(builder: CredentialChainBuilder) {
        self.builder = builder
    }

    /// - Parameters:
    ///   - profile: the selected profile name (explicit flag, `AWS_PROFILE`, or `default`).
    ///   - isExplicit: true when the user passed the profile on the command line.
    ///   - profileChain: resolves the profile's chain; nil when that profile does not exist or holds no credential
    ///     settings. Called only when needed, so environment keys work without any config file.
    public func provider(
        profile: String, isExplicit: Bool, profileChain: () throws -> ProfileChain?
    ) throws -> any CredentialProvider {
        if isExplicit {
            guard let chain = try profileChain() else { throw CredentialError.profileNotFound(profile) }
            return try builder.provider(for: chain)
        }
        if EnvironmentCredentialProvider.hasKeys(in: builder.environment) {
            return EnvironmentCredentialProvider(environment: builder.environment)
        }
        if let chain = try profileChain() {
            return try builder.provider(for: chain)
        }
        if let webIdentity = try WebIdentityCredentialProvider.fromEnvironment(
            builder.environment, profile: profile, roleAssumer: builder.roleAssumer, now: builder.now)
        {
            return builder.cached(
                TimeLimitedCredentialProvider(
                    base: webIdentity, limit: builder.credentialProcessTimeout, profile: profile,
                    what: "AssumeRoleWithWebIdentity (AWS_WEB_IDENTITY_TOKEN_FILE) for \(webIdentity.identity.roleArn)"))
        }
        throw CredentialError.noCredentials(profile: profile)
    }
}
