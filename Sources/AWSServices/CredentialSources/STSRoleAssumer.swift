import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4

/// The STS side of role chaining (`RoleAssuming` for the Credentials layer). Each call goes to STS
/// as configured for the profile that declared the role: that profile's `region` (else the
/// session's region, else us-east-1) and its configured STS endpoint (`AWS_ENDPOINT_URL_STS`,
/// `[services]`, `endpoint_url`…). Failures are wrapped in `RoleAssumptionError`, naming the profile and role.
public struct STSRoleAssumer: RoleAssuming {
    public let config: SharedConfig
    public let environment: EnvironmentVariables
    /// The session's region, used when the role's profile has none.
    public let fallbackRegion: String?
    let settings: ClientSettings

    public init(
        config: SharedConfig, environment: EnvironmentVariables, fallbackRegion: String?, transport: any HTTPTransport,
        retrySettings: RetrySettings = RetrySettings(), timeouts: HTTPTimeouts = .awsDefault, logger: Logger = Logger(label: "mlopsctl.aws"),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.config = config
        self.environment = environment
        self.fallbackRegion = fallbackRegion
        self.settings = ClientSettings(transport: transport, retrySettings: retrySettings, logger: logger, clock: clock, timeouts: timeouts)
    }

    /// The region STS is called in for a role declared by `profile`.
    public func region(forProfile profile: String) -> String {
        if let region = config.profile(named: profile)?["region"], !region.isEmpty { return region }
        return fallbackRegion ?? "us-east-1"
    }

    /// The STS client for a role declared by `profile`, signing with `credentials`.
    public func stsClient(forProfile profile: String, credentials: any CredentialProvider) throws -> STSClient {
        let configured = try EndpointResolver.resolve(
            serviceId: ServiceDescriptor.sts.serviceId, profile: config.profile(named: profile), config: config, environment: environment)
        return STSClient(
            client: settings.client(.sts, region: region(forProfile: profile), endpointURL: configured?.url, credentials: credentials))
    }

    public func assumeRole(_ step: RoleAssumption, sessionName: String, mfaCode: String?, using source: AWSCredentials) async throws
        -> AWSCredentials
    {
        let request = AssumeRoleRequest(
            roleArn: step.roleArn, roleSessionName: sessionName, externalId: step.externalId, durationSeconds: step.durationSeconds,
            serialNumber: mfaCode == nil ? nil : step.mfaSerial, tokenCode: mfaCode)
        return try await wrapping(profile: step.profile, operation: "AssumeRole", roleArn: step.roleArn) {
            try await stsClient(forProfile: step.profile, credentials: StaticCredentialProvider(source)).assumeRole(request)
        }
    }

    public func assumeRoleWithWebIdentity(_ identity: WebIdentity, sessionName: String, token: String) async throws -> AWSCredentials {
        let request = AssumeRoleWithWebIdentityRequest(roleArn: identity.roleArn, roleSessionName: sessionName, webIdentityToken: token)
        return try await wrapping(profile: identity.profile, operation: "AssumeRoleWithWebIdentity", roleArn: identity.roleArn) {
            let unsigned = UnsignedOnlyCredentialProvider(purpose: "STS web identity")
            return try await stsClient(forProfile: identity.profile, credentials: unsigned).assumeRoleWithWebIdentity(request)
        }
    }

    private func wrapping(profile: String, operation: String, roleArn: String, _ body: () async throws -> AWSCredentials) async throws
        -> AWSCredentials
    {
        do {
            return try await body()
        } catch let error as CancellationError {
            throw error
        } catch {
            throw RoleAssumptionError(profile: profile, operation: operation, roleArn: roleArn, underlying: error)
        }
    }
}
