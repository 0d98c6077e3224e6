import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct SSOPortalClientTests {
    @Test func getRoleCredentialsIsAnUnsignedGETWithTheBearerHeader() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.roleCredentials())])

        let credentials = try await TestClients.sso(transport).getRoleCredentials(
            accessToken: "sso-access-token", accountId: "111122223333", roleName: "Data Scientist")

        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(
            request.url.absoluteString
                == "https://portal.sso.eu-west-1.amazonaws.com/federation/credentials?role_name=Data%20Scientist&account_id=111122223333")
        #expect(request.headers == ["x-amz-sso_bearer_token": "sso-access-token"])
        #expect(credentials.accessKeyId == "ASIAEXAMPLESSO")
        #expect(credentials.secretAccessKey == "sso-secret/EXAMPLE")
        #expect(credentials.sessionToken == "sso-session-token")
        #expect(credentials.accountId == "111122223333")
    }

    @Test func expirationIsEpochMilliseconds() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.roleCredentials(expirationMillis: "1795914000123"))])

        let credentials = try await TestClients.sso(transport).getRoleCredentials(accessToken: "t", accountId: "1", roleName: "r")

        let expiration = try #require(credentials.expiration)
        #expect(abs(expiration.timeIntervalSince1970 - 1_795_914_000.123) < 0.000_1)
    }

    @Test func aConfiguredEndpointReplacesThePortalHost() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.roleCredentials())])

        _ = try await TestClients.sso(transport, endpoint: URL(string: "http://127.0.0.1:5055")!)
            .getRoleCredentials(accessToken: "t", accountId: "111122223333", roleName: "Admin")

        #expect(
            transport.requests.first?.url.absoluteString == "http://127.0.0.1:5055/federation/credentials?role_name=Admin&account_id=111122223333")
    }

    @Test func unauthorizedIsThrownWithItsCode() async throws {
        let transport = ScriptedTransport([
            .status(
                401, body: #"{"message":"Session token not found or invalid"}"#,
                headers: ["x-amzn-ErrorType": "UnauthorizedException:http://internal.amazon.com/coral/com.amazon.switchboard.portal/"])
        ])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.sso(transport).getRoleCredentials(accessToken: "t", accountId: "1", roleName: "r")
        }

        #expect(error?.code == "UnauthorizedException")
        #expect(error?.statusCode == 401)
    }

    @Test(arguments: [
        (#"{"roleCredentials":{"accessKeyId":"A","secretAccessKey":"S","sessionToken":"T","expiration":"soon"}}"#, "'roleCredentials.expiration' is not a Double"),
        (#"{"roleCredentials":{"secretAccessKey":"S","expiration":1}}"#, "no 'roleCredentials.accessKeyId' field"),
        (#"{"roleCredentials":{"accessKeyId":"","secretAccessKey":"S","expiration":1}}"#, "'roleCredentials' has an empty access key"),
        ("{}", "no 'roleCredentials' field"),
    ])
    func malformedCredentialsAreUndecodable(_ body: String, _ reason: String) async throws {
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) {
            _ = try await TestClients.sso(transport).getRoleCredentials(accessToken: "t", accountId: "1", roleName: "r")
        }

        #expect(error?.kind == .undecodableResponse(reason: reason))
    }
}
