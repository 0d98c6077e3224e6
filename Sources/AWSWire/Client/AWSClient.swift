import Foundation
import Logging
import SigV4

/// A signed, retrying connection to one AWS service in one region. Cheap to copy; copies share the
/// retry quota. Every moving part is injected: the transport (a fake in unit tests), the clock
/// used for signing dates, the sleeper used for backoff, and the RNG inside the retry strategy.
///
/// Protocol entry points live in extensions: `query(action:parameters:)` (+Query),
/// `json(operation:input:)` (+JSON) and `rest(…)` / `s3(…)` (+REST).
public struct AWSClient: Sendable {
    public let service: ServiceDescriptor
    /// The client's region (the default signing region; global services sign for their own).
    public let region: String
    public let endpoint: ResolvedEndpoint
    public let credentials: any CredentialProvider
    public let transport: any HTTPTransport
    public let retry: StandardRetryStrategy
    /// Each attempt's connect and read limits (`--cli-connect-timeout` / `--cli-read-timeout`), handed to the transport.
    public let timeouts: HTTPTimeouts
    public let clock: @Sendable () -> Date
    public let sleep: @Sendable (Duration) async throws -> Void
    public let logger: Logger

    /// - Parameters:
    ///   - endpointURL: a configured endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, profile…),
    ///     already chosen by AWSConfig's precedence rules; nil for the AWS default.
    ///   - retry: give each client its own strategy (its quota is per client).
    public init(
        service: ServiceDescriptor, region: String, endpointURL: URL? = nil, credentials: any CredentialProvider,
        transport: any HTTPTransport = CurlTransport(), retry: StandardRetryStrategy = StandardRetryStrategy(),
        timeouts: HTTPTimeouts = .awsDefault, clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        logger: Logger = Logger(label: "mlopsctl.aws")
    ) {
        self.service = service
        self.region = region
        self.endpoint = service.endpoint(region: region, configured: endpointURL)
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
        self.timeouts = timeouts
        self.clock = clock
        self.sleep = sleep
        self.logger = logger
    }
}
