import Foundation

/// Client-level endpoint settings (a `--endpoint-url` flag or code), which outrank everything else.
public struct ClientEndpointConfiguration: Sendable, Equatable {
    public var endpointURL: String?
    /// When set, decides `ignore_configured_endpoint_urls` instead of the environment and profile.
    public var ignoreConfiguredEndpointURLs: Bool?

    public init(endpointURL: String? = nil, ignoreConfiguredEndpointURLs: Bool? = nil) {
        self.endpointURL = endpointURL
        self.ignoreConfiguredEndpointURLs = ignoreConfiguredEndpointURLs
    }
}

/// An endpoint URL chosen by configuration, with where it came from (for `--debug` output and errors).
public struct ConfiguredEndpoint: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case client
        case environment(variable: String)
        case servicesSection(section: String, serviceKey: String)
        case profile(String)
    }

    public var url: URL
    public var source: Source

    public init(url: URL, source: Source) {
        self.url = url
        self.source = source
    }
}

/// Configured endpoint URLs ("service-specific endpoints" in the SDK reference guide). Precedence:
/// client > `AWS_ENDPOINT_URL_<SERVICE>` > `AWS_ENDPOINT_URL` > `[services]` section > profile `endpoint_url`;
/// `ignore_configured_endpoint_urls` drops everything but the client value. nil means "use the SDK default".
public enum EndpointResolver {
    /// `Service Catalog` → `AWS_ENDPOINT_URL_SERVICE_CATALOG`.
    public static func environmentVariable(forServiceId serviceId: String) -> String {
        "AWS_ENDPOINT_URL_" + servicesKey(forServiceId: serviceId).uppercased()
    }

    /// `Service Catalog` → `service_catalog`, the key inside a `[services NAME]` section.
    public static func servicesKey(forServiceId serviceId: String) -> String {
        serviceId.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// - Parameters:
    ///   - serviceId: the SDK service id, e.g. `STS`, `S3`, `CloudFormation`, `Service Catalog`.
    ///   - profile: the selected profile, or nil when it does not exist.
    public static func resolve(
        serviceId: String, profile: Profile?, config: SharedConfig, environment: EnvironmentVariables,
        client: ClientEndpointConfiguration = ClientEndpointConfiguration()
    ) throws -> ConfiguredEndpoint? {
        if let url = client.endpointURL {
            return try endpoint(url, source: .client, setting: "the client endpoint URL")
        }
        if try ignoresConfiguredEndpoints(profile: profile, environment: environment, client: client) { return nil }
        for variable in [environmentVariable(forServiceId: serviceId), "AWS_ENDPOINT_URL"] {
            if let url = environment[variable] {
                return try endpoint(url, source: .environment(variable: variable), setting: variable)
            }
        }
        guard let profile else { return nil }
        let key = servicesKey(forServiceId: serviceId)
        if let section = profile["services"], let url = config.services[section]?.subProperties(key)?["endpoint_url"] {
            // botocore ignores a `services` reference to a missing section, so do we.
            return try endpoint(
                url, source: .servicesSection(section: section, serviceKey: key), setting: "[services \(section)] \(key).endpoint_url")
        }
        if let url = profile["endpoint_url"] {
            return try endpoint(url, source: .profile(profile.name), setting: ConfigurationValueError.profileKey(profile, "endpoint_url"))
        }
        return nil
    }

    private static func ignoresConfiguredEndpoints(
        profile: Profile?, environment: EnvironmentVariables, client: ClientEndpointConfiguration
    ) throws -> Bool {
        if let ignore = client.ignoreConfiguredEndpointURLs { return ignore }
        let variable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"
        if let text = environment[variable] { return try ConfigurationValueError.parseBool(text, setting: variable) }
        if let profile, let text = profile["ignore_configured_endpoint_urls"] {
            return try ConfigurationValueError.parseBool(
                text, setting: ConfigurationValueError.profileKey(profile, "ignore_configured_endpoint_urls"))
        }
        return false
    }

    /// Accepts `http(s)://host[:port][/path]`.
    static func endpoint(_ text: String, source: ConfiguredEndpoint.Source, setting: String) throws -> ConfiguredEndpoint {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw ConfigurationValueError(setting: setting, value: text, expected: "an http:// or https:// URL with a host")
        }
        if let port = url.port, !(1...65535).contains(port) {
            throw ConfigurationValueError(setting: setting, value: text, expected: "an http:// or https:// URL with a port from 1 to 65535")
        }
        return ConfiguredEndpoint(url: url, source: source)
    }
}
