import AWSConfig
import AWSWire
import Credentials
import Foundation
import SigV4
import TestSupport
import Testing

@testable import AWSServices

/// Sessions whose credentials need STS or the SSO portal: the scripted transport records every call,
/// so the tests see which endpoint each step reached and which keys signed it.
@Suite struct AWSSessionChainTests {
    let clock = FakeClock()

    func make(_ profile: String?, config: SharedConfig, environment: [String: String] = [:], transport: ScriptedTransport) throws
        -> AWSSession
    {
        try AWSSession.make(
            profile: profile, environment: EnvironmentVariables(environment), config: config, transport: transport,
            logger: TestClients.quietLogger, mfaPrompt: FixedMFACode(code: "654321"), clock: clock.clock)
    }

    static let twoStepChain = try! SharedConfig.parse(
        configFile: """
            [profile governance]
            region = us-east-1

            [profile hop]
            role_arn = arn:aws:iam::222222222222:role/Hop
            source_profile = governance
            region = eu-central-1
            endpoint_url = http://127.0.0.1:5055
            external_id = hop-ext

            [profile target]
            role_arn = arn:aws:iam::333333333333:role/Target
            source_profile = hop
            region = us-west-2
            role_session_name = deploy
            mfa_serial = arn:aws:iam::111111111111:mfa/alice
            services = target-endpoints

            [services target-endpoints]
            sts =
              endpoint_url = http://127.0.0.1:6000
            """,
        credentialsFile: """
            [governance]
            aws_access_key_id = AKIAGOVERNANCE
            aws_secret_access_key = governance-secret
            """)

    @Test func aTwoStepChainCallsEachStepsSTSWithThePreviousStepsKeys() async throws {
        let transport = FakeSTS.transport()
        let session = try make("target", config: Self.twoStepChain, transport: transport)

        let identity = try await session.sts.getCallerIdentity()

        #expect(identity.account == "123456789012")
        let requests = transport.requests
        try #require(requests.count == 3)
        // Step 1: declared by 'hop' → hop's endpoint and region, signed with the governance keys.
        #expect(requests[0].url.absoluteString == "http://127.0.0.1:5055/")
        #expect(TestClients.form(requests[0])["RoleArn"] == "arn:aws:iam::222222222222:role/Hop")
        #expect(TestClients.form(requests[0])["ExternalId"] == "hop-ext")
        #expect(TestClients.form(requests[0])["SerialNumber"] == nil)
        #expect(TestClients.credentialScope(requests[0])?.accessKeyId == "AKIAGOVERNANCE")
        #expect(TestClients.credentialScope(requests[0])?.region == "eu-central-1")
        #expect(requests[0].headers["X-Amz-Security-Token"] == nil)
        // Step 2: declared by 'target' → its [services] STS endpoint and region, signed with step 1's temporary keys.
        #expect(requests[1].url.absoluteString == "http://127.0.0.1:6000/")
        #expect(TestClients.form(requests[1])["RoleArn"] == "arn:aws:iam::333333333333:role/Target")
        #expect(TestClients.form(requests[1])["RoleSessionName"] == "deploy")
        #expect(TestClients.form(requests[1])["SerialNumber"] == "arn:aws:iam::111111111111:mfa/alice")
        #expect(TestClients.form(requests[1])["TokenCode"] == "654321")
        #expect(TestClients.credentialScope(requests[1])?.accessKeyId == "ASIAHOP")
        #expect(TestClients.credentialScope(requests[1])?.region == "us-west-2")
        #expect(requests[1].headers["X-Amz-Security-Token"] == "token-Hop")
        // The call itself: the session's STS endpoint, signed with the target role's keys.
        #expect(requests[2].url.absoluteString == "http://127.0.0.1:6000/")
        #expect(TestClients.form(requests[2])["Action"] == "GetCallerIdentity")
        #expect(TestClients.credentialScope(requests[2])?.accessKeyId == "ASIATARGET")
        #expect(requests[2].headers["X-Amz-Security-Token"] == "token-Target")
    }

    @Test func theChainIsCachedUntilCloseToExpiry() async throws {
        let transport = FakeSTS.transport(expiration: "2026-11-29T01:00:00Z")
        let session = try make("target", config: Self.twoStepChain, transport: transport)

        _ = try await session.credentials.credentials()
        _ = try await session.credentials.credentials()
        #expect(transport.requests.count == 2)

        clock.advance(by: 3600 - 200)  // inside the 5-minute refresh window
        let refreshed = try await session.credentials.credentials()
        #expect(refreshed.accessKeyId == "ASIATARGET")
        #expect(transport.requests.count == 4)
    }

    @Test func aFailedStepNamesItsProfileAndRole() async throws {
        let transport = ScriptedTransport { request, _ in
            if TestClients.form(request)["RoleArn"]?.hasSuffix("/Target") == true {
                return HTTPResponse(
                    statusCode: 403,
                    body: AWSResponses.queryError(code: "AccessDenied", message: "User: arn:aws:sts::222222222222:assumed-role/Hop/x is not authorized"))
            }
            return try FakeSTS.respond(to: request, expiration: "2026-11-29T01:00:00Z")
        }
        let session = try make("target", config: Self.twoStepChain, transport: transport)

        let error = await #expect(throws: CredentialError.self) { _ = try await session.sts.getCallerIdentity() }

        let text = try #require(error?.description)
        #expect(text.hasPrefix("profile 'target': "))
        #expect(text.contains("AssumeRole arn:aws:iam::333333333333:role/Target failed: AccessDenied (HTTP 403)"))
    }

    @Test func webIdentityFromTheEnvironmentIsUnsignedToTheSessionsSTS() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tokenFile = try directory.write("eyJhbGciOiJSUzI1NiJ9.payload.sig\n", to: "token")
        let transport = FakeSTS.transport()
        let session = try make(
            nil, config: SharedConfig(),
            environment: [
                "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path, "AWS_ROLE_ARN": "arn:aws:iam::222222222222:role/GitHubActions",
                "AWS_ROLE_SESSION_NAME": "gha", "AWS_REGION": "eu-west-1",
            ], transport: transport)

        let credentials = try await session.credentials.credentials()

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://sts.eu-west-1.amazonaws.com/")
        #expect(request.headers["Authorization"] == nil)
        #expect(TestClients.form(request)["WebIdentityToken"] == "eyJhbGciOiJSUzI1NiJ9.payload.sig")
        #expect(TestClients.form(request)["RoleSessionName"] == "gha")
        #expect(credentials.accessKeyId == "ASIAGITHUBACTIONS")
    }

    @Test func anSSOProfileTradesTheCachedTokenAtTheConfiguredPortal() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try SharedConfig.parse(
            configFile: """
                [profile sso-dev]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = DataScientist
                region = eu-west-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-central-1
                """,
            credentialsFile: "")
        let sso = SingleSignOn(
            profile: "sso-dev", sessionName: "corp", startURL: "https://corp.awsapps.com/start", region: "eu-central-1",
            accountId: "111122223333", roleName: "DataScientist")
        try directory.write(
            #"{"startUrl":"https://corp.awsapps.com/start","region":"eu-central-1","accessToken":"cached-bearer","expiresAt":"2026-11-29T08:00:00Z"}"#,
            to: ".aws/sso/cache/\(sso.tokenCacheFileName)")
        let transport = FakeSTS.transport()
        let session = try make(
            "sso-dev", config: config, environment: ["HOME": directory.url.path, "AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:5055"],
            transport: transport)

        let credentials = try await session.credentials.credentials()

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/federation/credentials?role_name=DataScientist&account_id=111122223333")
        #expect(request.headers["x-amz-sso_bearer_token"] == "cached-bearer")
        #expect(credentials.accessKeyId == "ASIAEXAMPLESSO")
        #expect(credentials.accountId == "111122223333")
    }
}
