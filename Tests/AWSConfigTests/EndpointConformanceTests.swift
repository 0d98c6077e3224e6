import Foundation
import Testing
@testable import AWSConfig

/// botocore `configured_endpoint_urls/profile-tests.json`: 39 cases. When the data expects the SDK's own
/// default (`https://<service>.<region>.amazonaws.com`), the resolver must return nil.
@Suite struct EndpointConformanceTests {
    @Test func allEndpointCases() throws {
        guard let root = try loadConformanceJSON("aws-configured-endpoint-urls/profile-tests.json") as? [String: Any],
            let suites = root["testSuites"] as? [[String: Any]]
        else { return }
        var executed = 0
        for suite in suites {
            let config = sharedConfig(suite)
            let clients = suite["client_configs"] as? [String: [String: Any]] ?? [:]
            let environments = suite["environments"] as? [String: Any] ?? [:]
            for test in suite["endpointUrlTests"] as? [[String: Any]] ?? [] {
                let name = test["name"] as? String ?? "?"
                let profile = config.profile(named: test["profile"] as? String ?? "")
                #expect(profile != nil, "\(name): profile missing from the suite")
                let environment = EnvironmentVariables(stringMap(environments[test["environment"] as? String ?? ""], name))
                let clientData = clients[test["client_config"] as? String ?? ""] ?? [:]
                let client = ClientEndpointConfiguration(
                    endpointURL: clientData["endpoint_url"] as? String,
                    ignoreConfiguredEndpointURLs: clientData["ignore_configured_endpoint_urls"] as? Bool)
                let service = test["service"] as? String ?? ""
                let expected = (test["output"] as? [String: Any])?["endpointUrl"] as? String
                let resolved = try EndpointResolver.resolve(
                    serviceId: service, profile: profile, config: config, environment: environment, client: client)
                let region = RegionResolver.resolve(environment: environment, profile: profile) ?? "us-east-1"
                let actual = resolved?.url.absoluteString ?? "https://\(service).\(region).amazonaws.com"
                #expect(actual == expected, "\(name)")
                executed += 1
            }
        }
        #expect(executed == 39)
    }

    private func sharedConfig(_ suite: [String: Any]) -> SharedConfig {
        let profiles = (suite["profiles"] as? [String: Any] ?? [:]).map { name, values in
            (name, Profile(name: name, values: stringMap(values, "profile \(name)")))
        }
        let services = (suite["services"] as? [String: [String: Any]] ?? [:]).map { name, entries in
            let properties = entries.mapValues { ProfileValue.subProperties(stringMap($0, "services \(name)")) }
            return (name, ConfigSection(name: name, properties: properties))
        }
        return SharedConfig(profiles: Dictionary(uniqueKeysWithValues: profiles), services: Dictionary(uniqueKeysWithValues: services))
    }
}
