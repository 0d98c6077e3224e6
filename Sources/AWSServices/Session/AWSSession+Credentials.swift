import AWSWire
import Credentials
import Foundation
import SigV4

extension AWSSession {
    /// The same profile, region, endpoints, transport and retry settings, calling AWS with `credentials`
    /// instead, cached like the profile's own chain.
    public func replacingCredentials(_ credentials: any CredentialProvider) -> AWSSession {
        replacing(credentials, transport: transport)
    }

    /// A session acting as `roleArn`, assumed with this session's credentials (STS AssumeRole) and assumed again
    /// whenever the cached credentials come close to expiry: how CDK pipelines act as a stage's deploy role.
    /// Its requests are labelled with the role's ARN (`--record-requests`); AssumeRole itself is the base session's.
    public func assumingRole(_ roleArn: String, sessionName: String) -> AWSSession {
        replacing(AssumedRoleProvider(base: self, roleArn: roleArn, sessionName: sessionName), transport: transport.acting(as: roleArn))
    }

    private func replacing(_ credentials: any CredentialProvider, transport: any HTTPTransport) -> AWSSession {
        AWSSession(
            profileName: profileName, profileSource: profileSource, region: region, config: config, environment: environment,
            credentials: CachedCredentialProvider(credentials, now: clock), retrySettings: retrySettings, timeouts: timeouts, retryStates: retryStates,
            configuredEndpoints: configuredEndpoints, transport: transport, logger: logger, clock: clock)
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
