import AWSWire
import Foundation
import TestSupport
import Testing

/// Operations modelled `authtype: none` (STS AssumeRoleWithWebIdentity, the SSO portal) go out
/// without a signature and without asking the credential provider for anything.
@Suite struct UnsignedRequestTests {
    @Test func unsignedQueryCarriesNoSignatureAndNeverFetchesCredentials() async throws {
        let transport = ScriptedTransport([.status(200, body: QueryProtocolTests.callerIdentity)])
        let credentials = FixedCredentialProvider()
        let client = AWSClient(
            service: .sts, region: "eu-west-1", credentials: credentials, transport: transport, clock: FakeClock().clock)

        _ = try await client.query(action: "AssumeRoleWithWebIdentity", unsigned: true)

        let request = try #require(transport.requests.first)
        #expect(request.headers["Authorization"] == nil)
        #expect(request.headers["X-Amz-Date"] == nil)
        #expect(request.headers["X-Amz-Security-Token"] == nil)
        #expect(Fixture.body(request).hasPrefix("Action=AssumeRoleWithWebIdentity&Version=2011-06-15"))
        #expect(credentials.callCount == 0)
    }

    @Test func unsignedRESTKeepsTheCallersHeadersAndQuery() async throws {
        let transport = ScriptedTransport([.status(200, body: "{}")])
        let credentials = FixedCredentialProvider()
        let client = AWSClient(
            service: .sageMakerRuntime, region: "eu-west-1", credentials: credentials, transport: transport, clock: FakeClock().clock)

        _ = try await client.rest(
            operation: "Probe", method: "GET", path: "/federation/credentials", query: [("role_name", "Admin")],
            headers: ["x-amz-sso_bearer_token": "token"], unsigned: true)

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://runtime.sagemaker.eu-west-1.amazonaws.com/federation/credentials?role_name=Admin")
        #expect(request.headers == ["x-amz-sso_bearer_token": "token"])
        #expect(credentials.callCount == 0)
    }

    @Test func signedIsStillTheDefault() async throws {
        let transport = ScriptedTransport([.status(200, body: QueryProtocolTests.callerIdentity)])
        let credentials = FixedCredentialProvider()
        let client = AWSClient(service: .sts, region: "eu-west-1", credentials: credentials, transport: transport, clock: FakeClock().clock)

        _ = try await client.query(action: "GetCallerIdentity")

        #expect(transport.requests.first?.headers["Authorization"]?.hasPrefix("AWS4-HMAC-SHA256 ") == true)
        #expect(credentials.callCount == 1)
    }
}
