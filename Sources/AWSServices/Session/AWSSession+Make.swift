import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging

extension AWSSession {
    /// Resolves everything that needs no network, throwing configuration errors that name the profile:
    ///
    /// 1. the profile: `profile` > `AWS_PROFILE` > `AWS_DEFAULT_PROFILE` > `default`; a named profile that
    ///    does not exist is an error (with close names), a missing `default` is not;
    /// 2. the credential chain (`DefaultCredentialChain`): without an explicit profile, `AWS_ACCESS_KEY_ID`
    ///    wins as in botocore; an explicit profile only reads environment keys through `credential_source = Environment`;
    ///    role steps call STS through `STSRoleAssumer`, SSO profiles the portal through `SSOPortalFetcher`;
    /// 3. the region: `region` > `AWS_REGION` > `AWS_DEFAULT_REGION` > the profile's `region`;
    /// 4. `retry_mode` / `max_attempts` and every configured endpoint URL (validated now so clients cannot fail later).
    ///
    /// - Parameters:
    ///   - config: the shared config; nil reads `~/.aws/config` and `~/.aws/credentials` per `environment`.
    ///   - credentialTimeout: the bound of `credential_process`, SSO and web identity (`CredentialTimeLimit`).
    public static func make(
        profile explicitProfile: String?, region explicitRegion: String? = nil, environment: EnvironmentVariables = .current,
        config: SharedConfig? = nil, transport: any HTTPTransport = CurlTransport(), logger: Logger = Logger(label: "mlopsctl.aws"),
        mfaPrompt: any MFACodePrompt = TerminalMFACodePrompt(), credentialTimeout: Duration = CredentialTimeLimit.defaultLimit,
        clock: @escaping @Sendable () -> Date = { Date() }, timeouts: HTTPTimeouts = .awsDefault
    ) throws -> AWSSession {
        let config = try config ?? SharedConfigFiles.load(environment: environment)
        let selection = ProfileSelection.select(explicit: explicitProfile, environment: environment)
        let name = selection.name
        let profile = config.profile(named: name)
        if profile == nil, selection.source != .defaultProfile {
            // A profile someone asked for must exist; the resolver's error suggests close names.
            _ = try ProfileChainResolver.resolve(profile: name, in: config)
        }

        let region = RegionResolver.resolve(explicit: explicitRegion, environment: environment, profile: profile)
        let retrySettings = try RetrySettings.resolve(environment: environment, profile: profile)
        try validateConfiguredEndpoints(profile: profile, config: config, environment: environment)
        var endpoints: [String: ConfiguredEndpoint] = [:]
        for service in ServiceDescriptor.known {
            endpoints[service.serviceId] = try EndpointResolver.resolve(
                serviceId: service.serviceId, profile: profile, config: config, environment: environment)
        }
        let settings = ClientSettings(transport: transport, retrySettings: retrySettings, logger: logger, clock: clock, timeouts: timeouts)

        let ssoEndpoint = try EndpointResolver.resolve(
            serviceId: ServiceDescriptor.ssoPortal.serviceId, profile: profile, config: config, environment: environment)
        // The profile's own role and SSO steps are labelled apart from the verb's calls (`--record-requests`).
        let chainTransport = transport.acting(as: RequestLabels.profileChainPrincipal)
        let builder = CredentialChainBuilder(
            environment: environment,
            roleAssumer: STSRoleAssumer(
                config: config, environment: environment, fallbackRegion: region, transport: chainTransport, retrySettings: retrySettings, timeouts: timeouts,
                logger: logger, clock: clock),
            ssoFetcher: SSOPortalFetcher(
                endpointURL: ssoEndpoint?.url, transport: chainTransport, retrySettings: retrySettings, timeouts: timeouts, logger: logger, clock: clock),
            mfaPrompt: mfaPrompt, credentialProcessTimeout: credentialTimeout, now: clock)
        let isExplicit = selection.source == .explicit
        let provider = try DefaultCredentialChain(builder: builder).provider(profile: name, isExplicit: isExplicit) {
            try profileChain(name, config: config, isExplicit: isExplicit)
        }
        let cached = provider as? CachedCredentialProvider ?? CachedCredentialProvider(provider, now: clock)

        guard let region else { throw AWSSessionError.missingRegion(profile: name, profileExists: profile != nil) }
        return AWSSession(
            profileName: name, profileSource: selection.source, region: region, config: config, environment: environment,
            credentials: cached, retrySettings: settings.retrySettings, timeouts: timeouts, retryStates: settings.retryStates, configuredEndpoints: endpoints, transport: transport, logger: logger,
            clock: clock)
    }

    /// The chain of `name`, or nil when the default chain should look further (the profile does not
    /// exist, or was not chosen explicitly and holds no credentials, e.g. only `region`).
    static func profileChain(_ name: String, config: SharedConfig, isExplicit: Bool) throws -> ProfileChain? {
        guard config.profile(named: name) != nil else { return nil }
        do {
            return try ProfileChainResolver.resolve(profile: name, in: config)
        } catch let error as ProfileResolutionError where !isExplicit && error.profile == name && error.via.isEmpty && error.reason == .noCredentials {
            return nil
        }
    }

    /// Resolves every configured endpoint source once, so that invalid URLs and flags fail here, naming
    /// the setting, instead of silently falling back to AWS later. Each source is reached by some service id:
    /// a fresh id reaches the flags, `AWS_ENDPOINT_URL` and `endpoint_url`; each `AWS_ENDPOINT_URL_<X>`
    /// and each key of the profile's `[services]` section reaches its own entry.
    static func validateConfiguredEndpoints(profile: Profile?, config: SharedConfig, environment: EnvironmentVariables) throws {
        let prefix = "AWS_ENDPOINT_URL_"
        var serviceIds = ["mlopsctl-no-such-service"]
        serviceIds += environment.values.keys.filter { $0.hasPrefix(prefix) && $0.count > prefix.count }.map {
            String($0.dropFirst(prefix.count)).lowercased()
        }
        if let section = profile?["services"], let services = config.services[section] {
            serviceIds += services.properties.keys
        }
        for serviceId in serviceIds.sorted() {
            _ = try EndpointResolver.resolve(serviceId: serviceId, profile: profile, config: config, environment: environment)
        }
    }
}
