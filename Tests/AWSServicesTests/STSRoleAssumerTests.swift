import AWSConfig
import AWSWire
import Credentials
import Foundation
import SigV4
import TestSupport
import Testing

@testable import AWSServices

@Suite struct STSRoleAssumerTests {
    static let config = try! SharedConfig.parse(
        configFile: """
            [profile dev-admin]
            role_arn = arn:aws:iam::222222222222:role/Admin
            source_profile = governance
            region = eu-central-1
            endpoint_url = http://127.0.0.1:5055

            [profile no-region]
            role_arn = arn:aws:iam::333333333333:role/Reader
            source_profile = governance

            [profile bad-endpoint]
            endpoint_url = not a url
            """,
        credentialsFile: "")
    static let source = AWSCredentials(accessKeyId: "AKIAGOVERNANCE", secretAccessKey: "gov-secret", sessionToken: "gov-token")
    let clock = FakeClock()

    func assumer(_ transport: ScriptedTransport, environment: [String: String] = [:], fallbackRegion: String? = "ap-southeast-2") -> STSRoleAssumer {
        STSRoleAssumer(
            config: Self.config, environment: EnvironmentVariables(environment), fallbackRegion: fallbackRegion, transport: transport,
            logger: TestClients.quietLogger, clock: clock.clock)
    }

    @Test func assumeRoleUsesTheDeclaringProfilesRegionAndEndpoint() async throws {
        let transport = FakeSTS.transport()
        let step = RoleAssumption(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/Admin", externalId: "ext-1", durationSeconds: 900)

        let credentials = try await assumer(transport).assumeRole(step, sessionName: "mlopsctl-1", mfaCode: nil, using: Self.source)

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/")
        let scope = try #require(TestClients.credentialScope(request))
        #expect(scope.accessKeyId == "AKIAGOVERNANCE")
        #expect(scope.region == "eu-central-1")
        #expect(scope.service == "sts")
        #expect(request.headers["X-Amz-Security-Token"] == "gov-token")
        let form = TestClients.form(request)
        #expect(form["RoleSessionName"] == "mlopsctl-1")
        #expect(form["ExternalId"] == "ext-1")
        #expect(form["DurationSeconds"] == "900")
        #expect(form["SerialNumber"] == nil)
        #expect(credentials.accessKeyId == "ASIAADMIN")
        #expect(credentials.accountId == "222222222222")
        #expect(credentials.expiration != nil)
    }

    @Test func mfaSerialAndCodeAreSentTogether() async throws {
        let transport = FakeSTS.transport()
        let step = RoleAssumption(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/Admin", mfaSerial: "arn:aws:iam::111111111111:mfa/alice")

        _ = try await assumer(transport).assumeRole(step, sessionName: "s", mfaCode: "123456", using: Self.source)

        let form = TestClients.form(transport.requests.first)
        #expect(form["SerialNumber"] == "arn:aws:iam::111111111111:mfa/alice")
        #expect(form["TokenCode"] == "123456")
    }

    @Test(arguments: [("ap-southeast-2", "https://sts.ap-southeast-2.amazonaws.com/"), (nil, "https://sts.us-east-1.amazonaws.com/")] as [(String?, String)])
    func aProfileWithoutRegionFallsBackToTheSessionThenUsEast1(_ fallback: String?, _ url: String) async throws {
        let transport = FakeSTS.transport()
        let step = RoleAssumption(profile: "no-region", roleArn: "arn:aws:iam::333333333333:role/Reader")

        _ = try await assumer(transport, fallbackRegion: fallback).assumeRole(step, sessionName: "s", mfaCode: nil, using: Self.source)

        #expect(transport.requests.first?.url.absoluteString == url)
        #expect(TestClients.credentialScope(transport.requests.first)?.region == (fallback ?? "us-east-1"))
    }

    @Test func anSTSEndpointVariableOutranksTheProfile() async throws {
        let transport = FakeSTS.transport()
        let step = RoleAssumption(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/Admin")

        _ = try await assumer(transport, environment: ["AWS_ENDPOINT_URL_STS": "http://localhost:4566"])
            .assumeRole(step, sessionName: "s", mfaCode: nil, using: Self.source)

        #expect(transport.requests.first?.url.absoluteString == "http://localhost:4566/")
    }

    @Test func failuresNameTheProfileAndRoleThenTheAWSError() async throws {
        let transport = ScriptedTransport([
            .status(403, body: AWSResponses.queryError(code: "AccessDenied", message: "User: arn:aws:iam::111111111111:user/cli is not authorized to perform: sts:AssumeRole"))
        ])
        let step = RoleAssumption(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/Admin")

        let error = await #expect(throws: RoleAssumptionError.self) {
            _ = try await assumer(transport).assumeRole(step, sessionName: "s", mfaCode: nil, using: Self.source)
        }

        #expect(
            error?.description
                == "profile 'dev-admin': AssumeRole arn:aws:iam::222222222222:role/Admin failed: AccessDenied (HTTP 403): "
                + "User: arn:aws:iam::111111111111:user/cli is not authorized to perform: sts:AssumeRole [request id 4a2d8e4f-EXAMPLE]")
        #expect(error?.code == "AccessDenied")
    }

    @Test func throughTheCredentialProviderTheMessageStillNamesProfileRoleAndCode() async throws {
        let transport = ScriptedTransport([.status(403, body: AWSResponses.queryError(code: "AccessDenied", message: "not authorized"))])
        let step = RoleAssumption(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/Admin")
        let provider = AssumeRoleCredentialProvider(
            source: StaticCredentialProvider(Self.source), step: step, roleAssumer: assumer(transport), now: clock.clock)

        let error = await #expect(throws: CredentialError.self) { _ = try await provider.credentials() }

        #expect(error?.kind == .roleAssumptionFailed)
        #expect(error?.description.contains("profile 'dev-admin'") == true)
        #expect(error?.description.contains("AssumeRole arn:aws:iam::222222222222:role/Admin failed: AccessDenied (HTTP 403)") == true)
    }

    @Test func anInvalidEndpointInTheDeclaringProfileIsWrappedToo() async throws {
        let transport = ScriptedTransport([])
        let step = RoleAssumption(profile: "bad-endpoint", roleArn: "arn:aws:iam::222222222222:role/Admin")

        let error = await #expect(throws: RoleAssumptionError.self) {
            _ = try await assumer(transport).assumeRole(step, sessionName: "s", mfaCode: nil, using: Self.source)
        }

        #expect(error?.description.hasPrefix("profile 'bad-endpoint': AssumeRole arn:aws:iam::222222222222:role/Admin failed: ") == true)
        #expect(error?.description.contains("endpoint_url") == true)
        #expect(transport.requests.isEmpty)
    }

    @Test func webIdentityIsUnsignedAndUsesItsProfilesEndpoint() async throws {
        let transport = FakeSTS.transport()
        let identity = WebIdentity(profile: "dev-admin", roleArn: "arn:aws:iam::222222222222:role/CI", tokenFile: "/unused")

        let credentials = try await assumer(transport).assumeRoleWithWebIdentity(identity, sessionName: "ci-run", token: "eyJ.token")

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/")
        #expect(request.headers["Authorization"] == nil)
        #expect(TestClients.form(request)["Action"] == "AssumeRoleWithWebIdentity")
        #expect(TestClients.form(request)["WebIdentityToken"] == "eyJ.token")
        #expect(credentials.accessKeyId == "ASIACI")
    }

    @Test func webIdentityFailuresNameTheOperation() async throws {
        let transport = ScriptedTransport([
            .status(400, body: AWSResponses.queryError(code: "InvalidIdentityToken", message: "No OpenIDConnect provider found in your account"))
        ])
        let identity = WebIdentity(profile: "ci", roleArn: "arn:aws:iam::222222222222:role/CI", tokenFile: "/unused")

        let error = await #expect(throws: RoleAssumptionError.self) {
            _ = try await assumer(transport).assumeRoleWithWebIdentity(identity, sessionName: "s", token: "eyJ.secret-token")
        }

        #expect(error?.description.hasPrefix("profile 'ci': AssumeRoleWithWebIdentity arn:aws:iam::222222222222:role/CI failed: InvalidIdentityToken (HTTP 400)") == true)
        #expect(error?.description.contains("eyJ.secret-token") == false)
    }
}

@Suite struct SSOPortalFetcherTests {
    @Test(arguments: [(nil, "https://portal.sso.ap-northeast-1.amazonaws.com"), ("http://127.0.0.1:5055", "http://127.0.0.1:5055")] as [(String?, String)])
    func callsThePortalOfTheGivenRegionOrTheConfiguredEndpoint(_ configured: String?, _ base: String) async throws {
        let transport = FakeSTS.transport()
        let fetcher = SSOPortalFetcher(
            endpointURL: configured.flatMap(URL.init(string:)), transport: transport, logger: TestClients.quietLogger, clock: FakeClock().clock)

        let credentials = try await fetcher.roleCredentials(accessToken: "bearer", accountId: "111122223333", roleName: "Admin", region: "ap-northeast-1")

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "\(base)/federation/credentials?role_name=Admin&account_id=111122223333")
        #expect(request.headers["x-amz-sso_bearer_token"] == "bearer")
        #expect(request.headers["Authorization"] == nil)
        #expect(credentials.accessKeyId == "ASIAEXAMPLESSO")
    }
}
