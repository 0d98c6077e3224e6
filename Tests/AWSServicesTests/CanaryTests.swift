import AWSConfig
import AWSWire
import Credentials
import Foundation
import Logging
import SigV4
import TestSupport
import Testing

@testable import AWSServices

/// Sessions whose every secret is a canary string, making calls that fail in many ways: no canary
/// may appear in any error description, in the logs (at trace level) or in the session's description.
@Suite struct CanaryTests {
    static let configSecrets = [
        "CANARY-CONFIG-SECRET-KEY-7f3a", "CANARY-CONFIG-SESSION-TOKEN-91bd", "CANARY-SSO-ACCESS-TOKEN-c0de", "CANARY-WEB-IDENTITY-TOKEN-55aa",
    ]
    /// Secrets that arrive in responses (temporary keys, parameter values).
    static let returnedSecrets = ["CANARY-RETURNED-SECRET-e11e", "CANARY-RETURNED-TOKEN-b0b0"]
    static var allCanaries: [String] { configSecrets + returnedSecrets }

    enum Scenario: String, CaseIterable, Sendable {
        case signatureMismatch, ssmUndecodableValue, ssmNotJSON, iamUndecodable, s3ServerError, transportFailure
        case assumeRoleDenied, assumeRoleWithoutExpiration, assumeRoleGarbageExpiration, assumeRoleNotXML, callAfterRoleExpired
        case ssoUnauthorized, ssoUndecodable, webIdentityRejected, webIdentityUndecodable

        var profile: String {
            switch self {
            case .assumeRoleDenied, .assumeRoleWithoutExpiration, .assumeRoleGarbageExpiration, .assumeRoleNotXML, .callAfterRoleExpired:
                "role"
            case .ssoUnauthorized, .ssoUndecodable: "sso"
            case .webIdentityRejected, .webIdentityUndecodable: "webid"
            default: "static"
            }
        }

        /// What the "server" answers: STS role calls first, then the operation itself.
        func reply(_ request: HTTPRequest) throws -> HTTPResponse {
            let secret = CanaryTests.returnedSecrets[0]
            let token = CanaryTests.returnedSecrets[1]
            let assumed = AWSResponses.assumeRole(accessKeyId: "ASIACANARYROLE", secret: secret, token: token)
            switch self {
            case .signatureMismatch:
                return HTTPResponse(
                    statusCode: 403,
                    body: AWSResponses.queryError(
                        code: "SignatureDoesNotMatch",
                        message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."))
            case .ssmUndecodableValue:
                return HTTPResponse(statusCode: 200, body: #"{"Parameter":{"Name":"/x","Type":"SecureString","Value":"\#(secret)","Version":"three"}}"#)
            case .ssmNotJSON:
                return HTTPResponse(statusCode: 200, body: "Value=\(secret)")
            case .iamUndecodable:
                return HTTPResponse(statusCode: 200, body: "<GetRoleResponse><GetRoleResult><Role><RoleName>\(secret)</RoleName></Role></GetRoleResult></GetRoleResponse>")
            case .s3ServerError:
                return HTTPResponse(statusCode: 500, body: "<!doctype html><title>500 Internal Server Error</title><p>NotImplementedError")
            case .transportFailure:
                throw TransportError(kind: .connectionFailed, host: request.hostAndPort, detail: "Connection refused")
            case .assumeRoleDenied:
                return HTTPResponse(statusCode: 403, body: AWSResponses.queryError(code: "AccessDenied", message: "not authorized to perform: sts:AssumeRole"))
            case .assumeRoleWithoutExpiration:
                return HTTPResponse(statusCode: 200, body: assumed.replacingOccurrences(of: "<Expiration>", with: "<Expired>").replacingOccurrences(of: "</Expiration>", with: "</Expired>"))
            case .assumeRoleGarbageExpiration:
                return HTTPResponse(statusCode: 200, body: AWSResponses.assumeRole(secret: secret, token: token, expiration: secret))
            case .assumeRoleNotXML:
                return HTTPResponse(statusCode: 200, body: "<AssumeRoleResponse><SecretAccessKey>\(secret)</Secret")
            case .callAfterRoleExpired:
                if TestClients.form(request)["Action"] == "AssumeRole" { return HTTPResponse(statusCode: 200, body: assumed) }
                return HTTPResponse(statusCode: 403, body: AWSResponses.queryError(code: "ExpiredToken", message: "The security token included in the request is expired"))
            case .ssoUnauthorized:
                return HTTPResponse(
                    statusCode: 401, headers: ["x-amzn-ErrorType": "UnauthorizedException"], body: #"{"message":"Session token not found or invalid"}"#)
            case .ssoUndecodable:
                return HTTPResponse(
                    statusCode: 200, body: AWSResponses.roleCredentials(secret: secret, token: token, expirationMillis: "\"\(secret)\""))
            case .webIdentityRejected:
                return HTTPResponse(
                    statusCode: 400, body: AWSResponses.queryError(code: "InvalidIdentityToken", message: "Couldn't retrieve verification key from your identity provider"))
            case .webIdentityUndecodable:
                return HTTPResponse(statusCode: 200, body: AWSResponses.assumeRoleWithWebIdentity(secret: secret, expiration: token))
            }
        }

        func call(_ session: AWSSession) async throws {
            switch self {
            case .ssmUndecodableValue, .ssmNotJSON: _ = try await session.ssm.getParameter(name: "/x")
            case .iamUndecodable: _ = try await session.iam.getRole(name: "r")
            case .s3ServerError: _ = try await session.s3.listBuckets()
            default: _ = try await session.sts.getCallerIdentity()
            }
        }
    }

    struct Fixture {
        let directory: TemporaryDirectory
        let config: SharedConfig
        let environment: EnvironmentVariables

        init() throws {
            directory = try TemporaryDirectory()
            let tokenFile = try directory.write(CanaryTests.configSecrets[3] + "\n", to: "web-identity-token")
            let sso = SingleSignOn(
                profile: "sso", sessionName: "corp", startURL: "https://corp.awsapps.com/start", region: "eu-west-1", accountId: "111122223333",
                roleName: "Admin")
            try directory.write(
                #"{"startUrl":"https://corp.awsapps.com/start","region":"eu-west-1","accessToken":"\#(CanaryTests.configSecrets[2])","expiresAt":"2026-11-30T00:00:00Z"}"#,
                to: ".aws/sso/cache/\(sso.tokenCacheFileName)")
            config = try SharedConfig.parse(
                configFile: """
                    [profile static]
                    region = eu-west-1
                    [profile role]
                    role_arn = arn:aws:iam::222222222222:role/Admin
                    source_profile = static
                    region = eu-west-1
                    [profile sso]
                    sso_session = corp
                    sso_account_id = 111122223333
                    sso_role_name = Admin
                    region = eu-west-1
                    [sso-session corp]
                    sso_start_url = https://corp.awsapps.com/start
                    sso_region = eu-west-1
                    [profile webid]
                    role_arn = arn:aws:iam::222222222222:role/CI
                    web_identity_token_file = \(tokenFile.path)
                    region = eu-west-1
                    """,
                credentialsFile: """
                    [static]
                    aws_access_key_id = AKIACANARYTEST
                    aws_secret_access_key = \(CanaryTests.configSecrets[0])
                    aws_session_token = \(CanaryTests.configSecrets[1])
                    """)
            // One attempt: retries would only repeat the same failures.
            environment = EnvironmentVariables(["HOME": directory.url.path, "AWS_MAX_ATTEMPTS": "1"])
        }
    }

    @Test(arguments: Scenario.allCases)
    func noCanaryInErrorsLogsOrDescriptions(_ scenario: Scenario) async throws {
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let (logger, logs) = CapturingLogHandler.logger()
        let transport = ScriptedTransport { request, _ in try scenario.reply(request) }
        let session = try AWSSession.make(
            profile: scenario.profile, environment: fixture.environment, config: fixture.config, transport: transport, logger: logger,
            clock: FakeClock().clock)

        var thrown: (any Error)?
        do { try await scenario.call(session) } catch { thrown = error }

        let error = try #require(thrown, "scenario \(scenario) was expected to fail")
        let texts = [String(describing: error), String(reflecting: error), String(describing: session)] + logs.all
        for canary in Self.allCanaries {
            #expect(!texts.contains { $0.contains(canary) }, "\(canary) leaked in \(scenario): \(texts)")
        }
        #expect(!String(describing: error).contains("\n"))
        #expect(!transport.requests.isEmpty)
        #expect(!logs.all.isEmpty)  // logging was on, so the absence of canaries means something
    }

    @Test func theCanariesReallyReachedTheWire() async throws {
        // Guards the test above: the secrets are in play (signed with, sent, received), just never printed.
        let fixture = try Fixture()
        defer { fixture.directory.remove() }
        let transport = ScriptedTransport { request, _ in try Scenario.callAfterRoleExpired.reply(request) }
        let session = try AWSSession.make(
            profile: "role", environment: fixture.environment, config: fixture.config, transport: transport,
            logger: TestClients.quietLogger, clock: FakeClock().clock)

        await #expect(throws: AWSServiceError.self) { _ = try await session.sts.getCallerIdentity() }

        #expect(transport.requests.first?.headers["X-Amz-Security-Token"] == Self.configSecrets[1])
        #expect(transport.requests.last?.headers["X-Amz-Security-Token"] == Self.returnedSecrets[1])
        #expect(try await session.credentials.credentials().secretAccessKey == Self.returnedSecrets[0])
    }
}
