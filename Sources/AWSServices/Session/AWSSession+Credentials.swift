import Credentials
import Foundation
import SigV4

extension AWSSession {
    /// The same profile, region, endpoints, transport and retry settings, calling AWS with `credentials`
    /// instead, cached like the profile's own chain.
    public func replacingCredentials(_ credentials: any CredentialProvider) -> AWSSession {
        AWSSession(
            profileName: profileName, profileSource: profileSource, region: region, config: config, environment: environment,
            credentials: CachedCredentialProvider(credentials, now: clock), retrySettings: retrySettings,
            configuredEndpoints: configuredEndpoints, transport: transport,
            logger: logger, clock: clock)
    }

    /// A session acting as `roleArn`, assumed with this session's credentials (STS AssumeRole) and assumed again
    /// whenever the cached credentials come close to expiry: how CDK pipelines act as a stage's deploy role.
    public func assumingRole(_ roleArn: String, sessionName: String) -> AWSSession {
        replacingCredentials(AssumedRoleProvider(base: self, roleArn: roleArn, sessionName: sessionName))
    }
}

/// STS AssumeRole through a base session, on every call (the cache in front of it decides when).
struct AssumedRoleProvider: CredentialProvider {
    let base: AWSSession
    let roleArn: String
    let sessionName: String

    func credentials() async throws -> AWSCredentials {
        try await base.sts.assumeRole(AssumeRoleRequest(roleArn: roleArn, roleSessionName: sessionName))
    }

    var description: String { "AssumedRoleProvider(\(roleArn), session \(sessionName))" }
}
