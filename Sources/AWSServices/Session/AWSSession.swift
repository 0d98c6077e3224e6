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
    public let transport: any HTTPTransport
    public let logger: Logger
    public let clock: @Sendable () -> Date

    /// The profile's section, nil when it does not exist (a `default` that was never written).
    public var profile: Profile? { config.profile(named: profileName) }

    /// The configured endpoint for `serviceId`, if any (`AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
    /// `[services]`, profile `endpoint_url`).
    public func configuredEndpoint(serviceId: String) -> ConfiguredEndpoint? {
        // `make` resolved every configured endpoint source once, so resolution cannot fail here.
        (try? EndpointResolver.resolve(serviceId: serviceId, profile: profile, config: config, environment: environment)) ?? nil
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

    var settings: ClientSettings {
        ClientSettings(transport: transport, retrySettings: retrySettings, logger: logger, clock: clock)
    }
}
