import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4

/// What every client of one session shares: the transport, retry settings, logger and clock.
/// Each client still gets its own retry strategy, because the retry quota is per client.
struct ClientSettings: Sendable {
    var transport: any HTTPTransport
    var retrySettings: RetrySettings
    var logger: Logger
    var clock: @Sendable () -> Date

    func client(_ service: ServiceDescriptor, region: String, endpointURL: URL?, credentials: any CredentialProvider) -> AWSClient {
        AWSClient(
            service: service, region: region, endpointURL: endpointURL, credentials: credentials, transport: transport,
            retry: StandardRetryStrategy(settings: retrySettings), clock: clock, logger: logger)
    }
}
