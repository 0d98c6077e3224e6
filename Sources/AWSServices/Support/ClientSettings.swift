import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4

/// What every client of one session shares: the transport, retry settings, logger and clock.
/// Clients of the same service and region share one retry quota and rate limiter (`RetryStates`).
struct ClientSettings: Sendable {
    var transport: any HTTPTransport
    var retrySettings: RetrySettings
    var logger: Logger
    var clock: @Sendable () -> Date
    /// `--cli-connect-timeout` / `--cli-read-timeout`.
    var timeouts: HTTPTimeouts = .awsDefault
    /// Retry quota and rate limiter per service and region, shared by the session's clients.
    var retryStates = RetryStates()

    func client(_ service: ServiceDescriptor, region: String, endpointURL: URL?, credentials: any CredentialProvider) -> AWSClient {
        AWSClient(
            service: service, region: region, endpointURL: endpointURL, credentials: credentials, transport: transport,
            retry: retryStrategy(service, region: region), timeouts: timeouts, clock: clock, logger: logger)
    }

    /// `retry_mode` / `max_attempts` with the quota (and adaptive rate limiter) shared by this service and region.
    func retryStrategy(_ service: ServiceDescriptor, region: String) -> StandardRetryStrategy {
        let shared = retryStates.shared(serviceId: service.serviceId, region: region)
        return StandardRetryStrategy(settings: retrySettings, quota: shared.quota, rateLimiter: shared.rateLimiter)
    }
}
