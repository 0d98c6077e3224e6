import Foundation
import Testing
@testable import AWSConfig

/// Environment-versus-profile precedence for endpoints, region and retries, and their error messages.
@Suite struct SettingsResolverTests {
    private let text = """
        [profile dev]
        region = eu-west-1
        endpoint_url = http://localhost:5000
        services = local
        retry_mode = adaptive
        max_attempts = 5

        [services local]
        service_catalog =
          endpoint_url = http://localhost:5001
        sts =
          endpoint_url = http://localhost:5002
        """

    private func dev() throws -> (SharedConfig, Profile) {
        let config = try SharedConfig.parse(configFile: text, credentialsFile: "")
        return (config, try #require(config.profile(named: "dev")))
    }

    @Test(arguments: [
        ("Service Catalog", "AWS_ENDPOINT_URL_SERVICE_CATALOG", "service_catalog"),
        ("CloudFormation", "AWS_ENDPOINT_URL_CLOUDFORMATION", "cloudformation"),
        ("SageMaker", "AWS_ENDPOINT_URL_SAGEMAKER", "sagemaker"),
        ("STS", "AWS_ENDPOINT_URL_STS", "sts"),
    ])
    func serviceIdNaming(serviceId: String, variable: String, key: String) {
        #expect(EndpointResolver.environmentVariable(forServiceId: serviceId) == variable)
        #expect(EndpointResolver.servicesKey(forServiceId: serviceId) == key)
    }

    @Test func endpointPrecedenceFromFileToClient() throws {
        let (config, profile) = try dev()
        func resolve(_ env: [String: String], client: String? = nil, service: String = "Service Catalog") throws -> ConfiguredEndpoint? {
            try EndpointResolver.resolve(
                serviceId: service, profile: profile, config: config, environment: EnvironmentVariables(env),
                client: ClientEndpointConfiguration(endpointURL: client))
        }
        #expect(try resolve([:])?.source == .servicesSection(section: "local", serviceKey: "service_catalog"))
        #expect(try resolve([:])?.url.absoluteString == "http://localhost:5001")
        #expect(try resolve([:], service: "IAM")?.source == .profile("dev"))
        #expect(try resolve(["AWS_ENDPOINT_URL": "http://g:1"])?.source == .environment(variable: "AWS_ENDPOINT_URL"))
        let both = ["AWS_ENDPOINT_URL": "http://g:1", "AWS_ENDPOINT_URL_SERVICE_CATALOG": "http://sc:1"]
        #expect(try resolve(both)?.url.absoluteString == "http://sc:1")
        #expect(try resolve(both, client: "https://client.example")?.source == .client)
        #expect(try resolve(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) == nil)
        #expect(try resolve(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"], client: "http://c:2")?.source == .client)
    }

    @Test func noProfileMeansOnlyEnvironmentAndClient() throws {
        let none = try EndpointResolver.resolve(serviceId: "S3", profile: nil, config: SharedConfig(), environment: EnvironmentVariables())
        #expect(none == nil)
        let env = try EndpointResolver.resolve(
            serviceId: "S3", profile: nil, config: SharedConfig(), environment: EnvironmentVariables(["AWS_ENDPOINT_URL_S3": "http://s3:9"]))
        #expect(env?.url.absoluteString == "http://s3:9")
    }

    @Test(arguments: ["localhost:5000", "ftp://host", "http://", "not a url"])
    func invalidEndpointNamesItsSource(value: String) throws {
        let (config, profile) = try dev()
        let error = try #require(throws: ConfigurationValueError.self) {
            try EndpointResolver.resolve(
                serviceId: "STS", profile: profile, config: config, environment: EnvironmentVariables(["AWS_ENDPOINT_URL_STS": value]))
        }
        #expect(error.description == "AWS_ENDPOINT_URL_STS = '\(value)' is invalid; expected an http:// or https:// URL with a host")
    }

    @Test func invalidEndpointInServicesSectionNamesTheSection() throws {
        let config = try SharedConfig.parse(
            configFile: "[default]\nservices = s\n[services s]\ns3 =\n  endpoint_url = s3.local\n", credentialsFile: "")
        let error = try #require(throws: ConfigurationValueError.self) {
            try EndpointResolver.resolve(serviceId: "S3", profile: config.profile(named: "default"), config: config, environment: EnvironmentVariables())
        }
        #expect(error.setting == "[services s] s3.endpoint_url")
    }

    @Test func invalidIgnoreFlagIsAnError() throws {
        let (config, profile) = try dev()
        let error = try #require(throws: ConfigurationValueError.self) {
            try EndpointResolver.resolve(
                serviceId: "STS", profile: profile, config: config, environment: EnvironmentVariables(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "yes"]))
        }
        #expect(error.description.contains("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
    }

    @Test func regionPrecedence() throws {
        let (_, profile) = try dev()
        let both = EnvironmentVariables(["AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "us-east-2"])
        #expect(RegionResolver.resolve(explicit: "ap-south-1", environment: both, profile: profile) == "ap-south-1")
        #expect(RegionResolver.resolve(environment: both, profile: profile) == "us-west-2")
        #expect(RegionResolver.resolve(environment: EnvironmentVariables(["AWS_DEFAULT_REGION": "us-east-2"]), profile: profile) == "us-east-2")
        #expect(RegionResolver.resolve(environment: EnvironmentVariables(), profile: profile) == "eu-west-1")
        #expect(RegionResolver.resolve(environment: EnvironmentVariables(), profile: nil) == nil)
    }

    @Test func retrySettingsPrecedence() throws {
        let (_, profile) = try dev()
        #expect(try RetrySettings.resolve(environment: EnvironmentVariables(), profile: nil) == RetrySettings(mode: .standard, maxAttempts: 3))
        #expect(try RetrySettings.resolve(environment: EnvironmentVariables(), profile: profile) == RetrySettings(mode: .adaptive, maxAttempts: 5))
        let env = EnvironmentVariables(["AWS_RETRY_MODE": "legacy", "AWS_MAX_ATTEMPTS": "7"])
        #expect(try RetrySettings.resolve(environment: env, profile: profile) == RetrySettings(mode: .legacy, maxAttempts: 7))
    }

    @Test(arguments: ["0", "-1", "three", "2.5", ""])
    func badMaxAttemptsInProfileNamesProfileAndKey(value: String) throws {
        let profile = Profile(name: "ci", values: ["max_attempts": value])
        let error = try #require(throws: ConfigurationValueError.self) {
            try RetrySettings.resolve(environment: EnvironmentVariables(), profile: profile)
        }
        #expect(error.description == "profile 'ci' max_attempts = '\(value)' is invalid; expected a whole number greater than 0 (attempts including the first)")
    }

    @Test func badMaxAttemptsInEnvironmentNamesTheVariable() throws {
        let error = try #require(throws: ConfigurationValueError.self) {
            try RetrySettings.resolve(environment: EnvironmentVariables(["AWS_MAX_ATTEMPTS": "0"]), profile: Profile(name: "ci", values: ["max_attempts": "4"]))
        }
        #expect(error.setting == "AWS_MAX_ATTEMPTS")
    }

    @Test func badRetryModeListsAllowedValues() throws {
        let error = try #require(throws: ConfigurationValueError.self) {
            try RetrySettings.resolve(environment: EnvironmentVariables(["AWS_RETRY_MODE": "Standard"]), profile: nil)
        }
        #expect(error.description == "AWS_RETRY_MODE = 'Standard' is invalid; expected one of legacy, standard, adaptive")
    }
}
