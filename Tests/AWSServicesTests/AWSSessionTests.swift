import AWSConfig
import AWSWire
import Credentials
import Foundation
import SigV4
import TestSupport
import Testing

@testable import AWSServices

@Suite struct AWSSessionTests {
    static let config = try! SharedConfig.parse(
        configFile: """
            [default]
            region = us-west-2

            [profile staging]
            region = eu-west-1
            max_attempts = 5

            [profile no-region]
            aws_access_key_id = AKIANOREGION
            aws_secret_access_key = no-region-secret

            [profile emulated]
            region = eu-west-1
            endpoint_url = http://127.0.0.1:5055
            services = emulated-services

            [services emulated-services]
            ssm =
              endpoint_url = http://127.0.0.1:7000

            [profile env-role]
            role_arn = arn:aws:iam::444444444444:role/FromEnv
            credential_source = Environment
            region = eu-north-1

            [profile only-region]
            region = sa-east-1
            """,
        credentialsFile: """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [staging]
            aws_access_key_id = AKIASTAGING
            aws_secret_access_key = staging-secret

            [emulated]
            aws_access_key_id = AKIAEMULATED
            aws_secret_access_key = emulated-secret
            """)
    let clock = FakeClock()

    func make(
        _ profile: String? = nil, region: String? = nil, environment: [String: String] = [:], config: SharedConfig = AWSSessionTests.config,
        transport: ScriptedTransport = FakeSTS.transport()
    ) throws -> AWSSession {
        try AWSSession.make(
            profile: profile, region: region, environment: EnvironmentVariables(environment), config: config, transport: transport,
            logger: TestClients.quietLogger, mfaPrompt: FixedMFACode(), clock: clock.clock)
    }

    // MARK: - Profile selection

    @Test(arguments: [
        (nil, [:], "default", "AKIADEFAULT"),
        (nil, ["AWS_PROFILE": "staging"], "staging", "AKIASTAGING"),
        (nil, ["AWS_DEFAULT_PROFILE": "staging"], "staging", "AKIASTAGING"),
        ("emulated", ["AWS_PROFILE": "staging"], "emulated", "AKIAEMULATED"),
    ] as [(String?, [String: String], String, String)])
    func theProfileIsExplicitThenAWSProfileThenDefault(_ explicit: String?, _ environment: [String: String], _ name: String, _ key: String)
        async throws
    {
        let session = try make(explicit, environment: environment)

        #expect(session.profileName == name)
        #expect(try await session.credentials.credentials().accessKeyId == key)
        #expect(session.credentials is CachedCredentialProvider)
    }

    @Test func anUnknownExplicitProfileIsAnErrorWithSuggestions() throws {
        let error = #expect(throws: ProfileResolutionError.self) { try make("stagng") }

        #expect(error?.description.contains("profile 'stagng' does not exist; did you mean 'staging'?") == true)
    }

    @Test func anUnknownAWSProfileIsAnErrorEvenWithEnvironmentKeys() throws {
        let error = #expect(throws: ProfileResolutionError.self) {
            try make(environment: ["AWS_PROFILE": "prod", "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"])
        }

        #expect(error?.profile == "prod")
    }

    @Test func aMissingDefaultProfileIsFineWithEnvironmentKeysAndRegion() async throws {
        let session = try make(
            environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_REGION": "ca-central-1"],
            config: SharedConfig())

        #expect(session.profileName == "default")
        #expect(session.region == "ca-central-1")
        #expect(try await session.credentials.credentials().accessKeyId == "AKIAENV")
    }

    @Test func noCredentialsAnywhereNamesTheProfileAndTheFix() throws {
        let error = #expect(throws: CredentialError.self) { try make(environment: ["AWS_PROFILE": "only-region"]) }

        #expect(error?.kind == .noCredentials)
        #expect(error?.description.contains("profile 'only-region'") == true)
    }

    @Test func anExplicitProfileWithoutCredentialsSaysWhatToAdd() throws {
        let error = #expect(throws: ProfileResolutionError.self) { try make("only-region") }

        #expect(error?.reason == .noCredentials)
        #expect(error?.description.hasPrefix("profile 'only-region' contains no credentials") == true)
    }

    // MARK: - Environment credentials (botocore semantics)

    @Test func environmentKeysWinWhenNoProfileIsExplicit() async throws {
        let session = try make(
            environment: ["AWS_PROFILE": "staging", "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token"])

        let credentials = try await session.credentials.credentials()

        #expect(session.profileName == "staging")
        #expect(credentials.accessKeyId == "AKIAENV")
        #expect(credentials.sessionToken == "env-token")
    }

    @Test func anExplicitProfileIgnoresEnvironmentKeys() async throws {
        let session = try make("staging", environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret"])

        #expect(try await session.credentials.credentials().accessKeyId == "AKIASTAGING")
    }

    @Test func anExplicitProfileReachesEnvironmentKeysOnlyThroughCredentialSource() async throws {
        let transport = FakeSTS.transport()
        let session = try make(
            "env-role", environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret"], transport: transport)

        let credentials = try await session.credentials.credentials()

        #expect(credentials.accessKeyId == "ASIAFROMENV")
        #expect(TestClients.credentialScope(transport.requests.first)?.accessKeyId == "AKIAENV")
        #expect(TestClients.credentialScope(transport.requests.first)?.region == "eu-north-1")
    }

    // MARK: - Region

    @Test(arguments: [
        ("ap-south-1", ["AWS_REGION": "eu-west-3", "AWS_DEFAULT_REGION": "eu-west-2"], "ap-south-1"),
        (nil, ["AWS_REGION": "eu-west-3", "AWS_DEFAULT_REGION": "eu-west-2"], "eu-west-3"),
        (nil, ["AWS_DEFAULT_REGION": "eu-west-2"], "eu-west-2"),
        (nil, [:], "eu-west-1"),
    ] as [(String?, [String: String], String)])
    func regionIsExplicitThenAWSRegionThenAWSDefaultRegionThenProfile(_ explicit: String?, _ environment: [String: String], _ expected: String)
        throws
    {
        let session = try make("staging", region: explicit, environment: environment)

        #expect(session.region == expected)
        #expect(session.client(.ssm).region == expected)
        #expect(session.endpoint(for: .ssm).url.absoluteString == "https://ssm.\(expected).amazonaws.com")
    }

    @Test func aMissingRegionNamesTheProfileAndTheFix() throws {
        let error = #expect(throws: AWSSessionError.self) { try make("no-region") }

        #expect(error?.kind == .missingRegion)
        #expect(
            error?.description
                == "profile 'no-region' has no region; add `region = <region>` to [profile no-region] in ~/.aws/config, or export AWS_REGION")
    }

    // MARK: - Endpoints and retries

    @Test func endpointsComeFromTheProfileServicesSectionAndVariables() throws {
        let session = try make("emulated", environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:6000"])

        #expect(session.endpoint(for: .sts) == ResolvedEndpoint(url: URL(string: "http://127.0.0.1:5055")!, signingRegion: "eu-west-1", isConfigured: true))
        #expect(session.endpoint(for: .iam).url.absoluteString == "http://127.0.0.1:5055")
        #expect(session.endpoint(for: .ssm).url.absoluteString == "http://127.0.0.1:7000")
        #expect(session.endpoint(for: .s3).url.absoluteString == "http://127.0.0.1:6000")
        #expect(session.configuredEndpoint(serviceId: "S3")?.source == .environment(variable: "AWS_ENDPOINT_URL_S3"))
    }

    @Test func withoutConfiguredEndpointsTheAWSDefaultsApply() throws {
        let session = try make("staging")

        #expect(session.endpoint(for: .sts) == ResolvedEndpoint(url: URL(string: "https://sts.eu-west-1.amazonaws.com")!, signingRegion: "eu-west-1", isConfigured: false))
        #expect(session.endpoint(for: .iam) == ResolvedEndpoint(url: URL(string: "https://iam.amazonaws.com")!, signingRegion: "us-east-1", isConfigured: false))
    }

    @Test(arguments: [
        (["AWS_ENDPOINT_URL_SSM": "localhost:4566"], "AWS_ENDPOINT_URL_SSM"),
        (["AWS_ENDPOINT_URL": "ftp://x"], "AWS_ENDPOINT_URL"),
        (["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "maybe"], "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
    ])
    func invalidEndpointSettingsFailAtMakeNamingTheSetting(_ environment: [String: String], _ setting: String) throws {
        let error = #expect(throws: ConfigurationValueError.self) { try make("staging", environment: environment) }

        #expect(error?.description.contains(setting) == true)
    }

    @Test func anInvalidServicesSectionEndpointFailsAtMake() throws {
        let config = try SharedConfig.parse(
            configFile: "[default]\nregion = eu-west-1\nservices = s\n[services s]\nsts =\n  endpoint_url = nope\n",
            credentialsFile: "[default]\naws_access_key_id = A\naws_secret_access_key = B\n")

        let error = #expect(throws: ConfigurationValueError.self) { try make(config: config) }

        #expect(error?.description.contains("sts.endpoint_url") == true)
    }

    @Test func retrySettingsComeFromTheProfileAndClientsOfOneServiceAndRegionShareTheQuota() throws {
        let session = try make("staging")

        #expect(session.retrySettings.maxAttempts == 5)
        #expect(session.client(.s3).retry.maxAttempts == 5)
        // Clients are made per call; the quota must outlive them, as an SDK client's does.
        #expect(session.client(.s3).retry.quota === session.client(.s3).retry.quota)
        #expect(session.client(.s3).retry.quota !== session.client(.sts).retry.quota)
        #expect(session.client(.s3).retry.quota !== session.inRegion("ap-south-1").client(.s3).retry.quota)
        #expect(session.client(.s3).retry.rateLimiter == nil)
    }

    @Test func adaptiveModeFromTheEnvironmentGivesEveryClientOfAServiceTheSessionsOneRateLimiter() throws {
        let session = try make("staging", environment: ["AWS_RETRY_MODE": "adaptive", "AWS_MAX_ATTEMPTS": "7"])

        let first = session.client(.cloudFormation).retry
        #expect(first.mode == .adaptive && first.maxAttempts == 7)
        #expect(first.rateLimiter != nil && first.rateLimiter === session.cloudFormation.client.retry.rateLimiter)
        #expect(session.client(.s3).retry.rateLimiter !== first.rateLimiter)
        #expect(session.assumingRole("arn:aws:iam::222222222222:role/r", sessionName: "s").client(.cloudFormation).retry.maxAttempts == 7)
    }

    @Test func serviceClientsUseTheSessionsEndpointCredentialsAndPathStyle() async throws {
        let transport = ScriptedTransport([.status(200, headers: ["ETag": "\"e\""]), .status(200, body: AWSResponses.callerIdentity())])
        let session = try make("emulated", transport: transport)

        _ = try await session.s3.putObject(bucket: "mlops-artifacts", key: "runs/run 1/out.json", body: Data("{}".utf8))
        _ = try await session.sts.getCallerIdentity()

        #expect(transport.requests.map(\.url.absoluteString) == ["http://127.0.0.1:5055/mlops-artifacts/runs/run%201/out.json", "http://127.0.0.1:5055/"])
        #expect(transport.requests.map { TestClients.credentialScope($0)?.accessKeyId } == ["AKIAEMULATED", "AKIAEMULATED"])
        #expect(transport.requests.map { TestClients.credentialScope($0)?.region } == ["eu-west-1", "eu-west-1"])
        #expect(session.iam.client.service == .iam)
        #expect(session.ssm.client.endpoint.url.absoluteString == "http://127.0.0.1:7000")
    }
}

/// Answers every MFA prompt with the same code.
struct FixedMFACode: MFACodePrompt {
    var code = "123456"
    func code(forSerial serial: String, profile: String) async throws -> String { code }
}
