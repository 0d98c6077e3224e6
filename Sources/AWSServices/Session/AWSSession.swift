import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4

/// Everything needed to call AWS as one profile: the composition root of the AWS layers. Built by
/// `make(…)` (no network), then hands out clients that share the profile's region, configured
/// endpoints, cached credential chain, transport, retry settings and logger.
public struct AWSSession: Sendable {
    /// The selected profile (explicit > `AWS_PROFILE` > `AWS_DEFAULT_PROFILE` > `default`).
    public let profileName: String
    /// How the profile was selected; `.explicit` disables environment-variable credentials.
    public let profileSource: ProfileSelection.Source
    public let region: String
    public let config: SharedConfig
    public let environment: EnvironmentVariables
    /// The whole credential chain behind one `CachedCredentialProvider`.
    public let credentials: any CredentialProvider
    public let retrySettings: RetrySettings
    /// Each request attempt's connect and read limits (`--cli-connect-timeout` / `--cli-read-timeout`).
    public let timeouts: HTTPTimeouts
    /// The retry quota and adaptive rate limiter of each service and region, kept across the clients handed out.
    let retryStates: RetryStates
    /// The configured endpoint of each known service id (`ServiceDescriptor.known`), resolved once by `make`.
    let configuredEndpoints: [String: ConfiguredEndpoint]
    public let transport: any HTTPTransport
    public let logger: Logger
    public let clock: @Sendable () -> Date

    /// The profile's section, nil when it does not exist (a `default` that was never written).
    public var profile: Profile? { config.profile(named: profileName) }

    /// The configured endpoint for `serviceId`, if any (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
    /// `[services]`, profile `endpoint_url`).
    public func configuredEndpoint(serviceId: String) -> ConfiguredEndpoint? {
        if let known = configuredEndpoints[serviceId] { return known }
        if ServiceDescriptor.known.contains(where: { $0.serviceId == serviceId }) { return nil }
        // `make` validated every configured endpoint source, so resolution cannot fail here.
        return (try? EndpointResolver.resolve(serviceId: serviceId, profile: profile, config: config, environment: environment)) ?? nil
    }

    /// The same profile, credentials (and their cache), endpoints and settings, acting in `region`: how one stage's
    /// account is reached in another region (a support stack, a copy of model data) without resolving the profile again.
    public func inRegion(_ region: String) -> AWSSession {
        guard region != self.region else { return self }
        return AWSSession(
            profileName: profileName, profileSource: profileSource, region: region, config: config, environment: environment,
            credentials: credentials, retrySettings: retrySettings, timeouts: timeouts, retryStates: retryStates, configuredEndpoints: configuredEndpoints, transport: transport,
            logger: logger, clock: clock)
    }

    /// Where requests for `service` go: the configured endpoint, else the AWS default for the region.
    public func endpoint(for service: ServiceDescriptor) -> ResolvedEndpoint {
        service.endpoint(region: region, configured: configuredEndpoint(serviceId: service.serviceId)?.url)
    }

    /// A client for `service` with this session's region, endpoint, credentials, transport, retry
    /// settings (a fresh retry quota per client) and logger.
    public func client(_ service: ServiceDescriptor) -> AWSClient {
        settings.client(
            service, region: region, endpointURL: configuredEndpoint(serviceId: service.serviceId)?.url, credentials: credentials)
    }

    public var sts: STSClient { STSClient(client: client(.sts)) }
    public var iam: IAMClient { IAMClient(client: client(.iam)) }
    public var s3: S3Client { S3Client(client: client(.s3)) }
    public var ssm: SSMClient { SSMClient(client: client(.ssm)) }
    public var cloudFormation: CloudFormationClient { CloudFormationClient(client: client(.cloudFormation)) }
    public var sageMaker: SageMakerClient { SageMakerClient(client: client(.sageMaker)) }
    public var serviceCatalog: ServiceCatalogClient { ServiceCatalogClient(client: client(.serviceCatalog)) }
    public var kms: KMSClient { KMSClient(client: client(.kms)) }
    public var ecr: ECRClient { ECRClient(client: client(.ecr)) }
    /// Organizations is global: this client reaches us-east-1 (cn-northwest-1 in China) whatever `region` is.
    public var organizations: OrganizationsClient { OrganizationsClient(client: client(.organizations)) }

    var settings: ClientSettings {
        ClientSettings(transport: transport, retrySettings: retrySettings, logger: logger, clock: clock, timeouts: timeouts, retryStates: retryStates)
    }
}
