import AWSConfig
import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// The SageMaker, Service Catalog, KMS and ECR accessors: each client is built for its own service
/// with the session's region, credentials and endpoints.
@Suite struct AWSSessionAccessorTests {
    static let config = try! SharedConfig.parse(
        configFile: """
            [profile staging]
            region = eu-west-1

            [profile emulated]
            region = eu-west-1
            endpoint_url = http://127.0.0.1:5055
            services = emulated-services

            [services emulated-services]
            ecr =
              endpoint_url = http://127.0.0.1:7001
            """,
        credentialsFile: """
            [staging]
            aws_access_key_id = AKIASTAGING
            aws_secret_access_key = staging-secret

            [emulated]
            aws_access_key_id = AKIAEMULATED
            aws_secret_access_key = emulated-secret
            """)

    static func session(_ profile: String, transport: ScriptedTransport = ScriptedTransport([])) throws -> AWSSession {
        try AWSSession.make(
            profile: profile, environment: EnvironmentVariables([:]), config: config, transport: transport, logger: TestClients.quietLogger,
            clock: FakeClock().clock)
    }

    @Test func eachAccessorIsBuiltForItsServiceAtTheAWSDefaultEndpoint() throws {
        let session = try Self.session("staging")

        #expect(session.sageMaker.client.service == .sageMaker)
        #expect(session.serviceCatalog.client.service == .serviceCatalog)
        #expect(session.kms.client.service == .kms)
        #expect(session.ecr.client.service == .ecr)
        #expect(session.sageMaker.client.endpoint.url.absoluteString == "https://api.sagemaker.eu-west-1.amazonaws.com")
        #expect(session.serviceCatalog.client.endpoint.url.absoluteString == "https://servicecatalog.eu-west-1.amazonaws.com")
        #expect(session.kms.client.endpoint.url.absoluteString == "https://kms.eu-west-1.amazonaws.com")
        #expect(session.ecr.client.endpoint.url.absoluteString == "https://api.ecr.eu-west-1.amazonaws.com")
    }

    @Test func organizationsIsGlobalUnlessAnEndpointIsConfigured() throws {
        let staging = try Self.session("staging").organizations.client
        let emulated = try Self.session("emulated").organizations.client

        #expect(staging.service == .organizations)
        #expect(staging.endpoint.url.absoluteString == "https://organizations.us-east-1.amazonaws.com")
        #expect(staging.endpoint.signingRegion == "us-east-1")
        #expect(emulated.endpoint.url.absoluteString == "http://127.0.0.1:5055")
    }

    @Test func accessorsUseConfiguredEndpointsAndSignForTheirService() async throws {
        let transport = ScriptedTransport([
            .status(200, body: #"{"imageIds":[]}"#), .status(400, body: AWSResponses.jsonError("NotFoundException", message: "no key")),
        ])
        let session = try Self.session("emulated", transport: transport)

        #expect(try await session.ecr.listImages(repositoryName: "mlops/churn").isEmpty)
        #expect(try await session.kms.describeKey("alias/x") == nil)

        #expect(transport.requests.map(\.url.absoluteString) == ["http://127.0.0.1:7001/", "http://127.0.0.1:5055/"])
        #expect(transport.requests.map { TestClients.credentialScope($0)?.service } == ["ecr", "kms"])
        #expect(transport.requests.map { TestClients.credentialScope($0)?.accessKeyId } == ["AKIAEMULATED", "AKIAEMULATED"])
    }
}
