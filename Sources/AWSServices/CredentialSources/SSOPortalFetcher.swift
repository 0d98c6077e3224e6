import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4

/// The SSO portal side of IAM Identity Center profiles (`SSORoleCredentialsFetching` for the
/// Credentials layer): one unsigned GetRoleCredentials call in the `sso_region` the provider passes.
public struct SSOPortalFetcher: SSORoleCredentialsFetching {
    /// A configured endpoint for service id `SSO` (replaces `https://portal.sso.{region}.amazonaws.com`).
    public let endpointURL: URL?
    let settings: ClientSettings

    public init(
        endpointURL: URL? = nil, transport: any HTTPTransport, retrySettings: RetrySettings = RetrySettings(), timeouts: HTTPTimeouts = .awsDefault,
        logger: Logger = Logger(label: "mlopsctl.aws"), clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpointURL = endpointURL
        self.settings = ClientSettings(transport: transport, retrySettings: retrySettings, logger: logger, clock: clock, timeouts: timeouts)
    }

    /// The portal client for `region`.
    public func portalClient(region: String) -> SSOPortalClient {
        SSOPortalClient(
            client: settings.client(
                .ssoPortal, region: region, endpointURL: endpointURL, credentials: UnsignedOnlyCredentialProvider(purpose: "SSO portal")))
    }

    public func roleCredentials(accessToken: String, accountId: String, roleName: String, region: String) async throws -> AWSCredentials {
        // SSOCredentialProvider wraps failures with the profile, account and role, so errors pass through.
        try await portalClient(region: region).getRoleCredentials(accessToken: accessToken, accountId: accountId, roleName: roleName)
    }
}
