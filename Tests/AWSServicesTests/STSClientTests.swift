import AWSWire
import Foundation
import SigV4
import TestSupport
import Testing

@testable import AWSServices

@Suite struct STSClientTests {
    @Test func getCallerIdentityDecodesTheDocumentedResponse() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.callerIdentity())])

        let identity = try await TestClients.sts(transport).getCallerIdentity()

        #expect(identity == CallerIdentity(account: "123456789012", arn: "arn:aws:iam::123456789012:user/Alice", userId: "AIDACKCEVSQ6C2EXAMPLE"))
        #expect(TestClients.body(transport.requests.first) == "Action=GetCallerIdentity&Version=2011-06-15")
    }

    @Test func assumeRoleSendsEveryParameterAndReturnsExpiringCredentials() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.assumeRole())])
        let request = AssumeRoleRequest(
            roleArn: "arn:aws:iam::123456789012:role/demo", roleSessionName: "TestAR", externalId: "ext-123", durationSeconds: 1800,
            serialNumber: "arn:aws:iam::111111111111:mfa/alice", tokenCode: "123456")

        let credentials = try await TestClients.sts(transport).assumeRole(request)

        let form = TestClients.form(transport.requests.first)
        #expect(form == [
            "Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::123456789012:role/demo", "RoleSessionName": "TestAR",
            "ExternalId": "ext-123", "DurationSeconds": "1800", "SerialNumber": "arn:aws:iam::111111111111:mfa/alice", "TokenCode": "123456",
        ])
        #expect(credentials.accessKeyId == "ASIAIOSFODNN7EXAMPLE")
        #expect(credentials.secretAccessKey == "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")
        // The documented token is wrapped over lines; the credential must not carry that whitespace.
        #expect(credentials.sessionToken?.hasPrefix("AQoDYXdzEPT//////////wEXAMPLE") == true)
        #expect(credentials.sessionToken?.contains(where: \.isWhitespace) == false)
        #expect(credentials.accountId == "123456789012")
    }

    @Test(arguments: [
        ("2026-11-29T01:00:00.679501Z", 1_795_914_000.679501),  // moto: microseconds
        ("2026-11-29T01:00:00Z", 1_795_914_000.0),  // AWS
        ("2026-11-29T01:00:00.000Z", 1_795_914_000.0),
    ])
    func expirationKeepsSubSecondPrecision(_ text: String, _ epoch: Double) async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.assumeRole(expiration: text))])

        let credentials = try await TestClients.sts(transport).assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::1:role/r", roleSessionName: "s"))

        let expiration = try #require(credentials.expiration)
        #expect(abs(expiration.timeIntervalSince1970 - epoch) < 0.000_01)
    }

    @Test func optionalAssumeRoleParametersAreLeftOut() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.assumeRole())])

        _ = try await TestClients.sts(transport).assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::123456789012:role/demo", roleSessionName: "s"))

        #expect(
            TestClients.body(transport.requests.first)
                == "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=s")
    }

    @Test func assumeRoleWithWebIdentityIsUnsigned() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.assumeRoleWithWebIdentity())])
        let request = AssumeRoleWithWebIdentityRequest(
            roleArn: "arn:aws:iam::123456789012:role/FederatedWebIdentityRole", roleSessionName: "app1", webIdentityToken: "eyJhbGciOi.token",
            durationSeconds: 900)

        let credentials = try await TestClients.sts(transport).assumeRoleWithWebIdentity(request)

        let sent = try #require(transport.requests.first)
        #expect(sent.headers["Authorization"] == nil)
        #expect(sent.headers["X-Amz-Date"] == nil)
        #expect(TestClients.form(sent)["WebIdentityToken"] == "eyJhbGciOi.token")
        #expect(TestClients.form(sent)["DurationSeconds"] == "900")
        #expect(credentials.accessKeyId == "ASgeIAIOSFODNN7EXAMPLE")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_795_914_023))
        #expect(!String(describing: request).contains("eyJhbGciOi.token"))
    }

    @Test func accessDeniedIsThrownAsTheServiceError() async throws {
        let transport = ScriptedTransport([
            .status(403, body: AWSResponses.queryError(code: "AccessDenied", message: "User: arn:aws:iam::111111111111:user/cli is not authorized to perform: sts:AssumeRole"))
        ])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.sts(transport).assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::1:role/r", roleSessionName: "s"))
        }

        #expect(error?.code == "AccessDenied")
        #expect(error?.statusCode == 403)
        #expect(transport.requests.count == 1)  // not retried
    }

    @Test(arguments: [
        ("<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>", "no <Credentials> element"),
        (
            "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>",
            "no <Expiration> element"
        ),
        (
            "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>tomorrow</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
            "<Expiration> is not a timestamp"
        ),
        ("<ListAllMyBucketsResult/>", "no <AssumeRoleResult> element"),
    ])
    func incompleteResponsesNameTheMissingElement(_ body: String, _ reason: String) async throws {
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await TestClients.sts(transport).assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::1:role/r", roleSessionName: "s"))
        }

        #expect(error?.kind == .undecodableResponse(reason: reason))
        #expect(error?.description.contains("STS AssumeRole") == true)
    }

    @Test(arguments: [
        ("arn:aws:sts::222222222222:assumed-role/R/s", "222222222222"), ("arn:aws-cn:sts::333333333333:assumed-role/R/s", "333333333333"),
        ("not-an-arn", nil), ("arn:aws:sts::12:assumed-role/R/s", nil),
    ])
    func accountIdComesFromTheAssumedRoleARN(_ arn: String, _ account: String?) {
        #expect(STSClient.accountId(fromARN: arn) == account)
    }
}
