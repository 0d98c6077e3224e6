import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct IAMClientTests {
    @Test func getRoleDecodesThePercentEncodedTrustPolicy() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.getRole())])

        let role = try #require(try await TestClients.iam(transport).getRole(name: "GovernanceAdmin"))

        #expect(role.roleName == "GovernanceAdmin")
        #expect(role.arn == "arn:aws:iam::222222222222:role/mlops/GovernanceAdmin")
        #expect(role.roleId == "AROADBQP57FF2AEXAMPLE")
        #expect(role.path == "/mlops/")
        #expect(role.assumeRolePolicyDocument == AWSResponses.decodedTrustPolicy)
        #expect(role.maxSessionDuration == 7200)
        #expect(role.description == "Governance access from the hub account")
        #expect(abs(role.createDate.timeIntervalSince1970 - 1_795_912_740.679501) < 0.000_01)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://iam.amazonaws.com/")
        #expect(TestClients.body(request) == "Action=GetRole&Version=2010-05-08&RoleName=GovernanceAdmin")
    }

    @Test func thePolicyIsParsableJSONOnceDecoded() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.getRole())])

        let role = try #require(try await TestClients.iam(transport).getRole(name: "GovernanceAdmin"))

        let object = try JSONSerialization.jsonObject(with: Data(try #require(role.assumeRolePolicyDocument).utf8)) as? [String: Any]
        let statement = (object?["Statement"] as? [[String: Any]])?.first
        let condition = (statement?["Condition"] as? [String: Any])?["StringEquals"] as? [String: String]
        #expect(condition?["sts:ExternalId"] == "a+b 100%")
    }

    @Test(arguments: [
        // An emulator that sends the JSON as is: nothing to decode.
        (#"{"Version":"2012-10-17"}"#, #"{"Version":"2012-10-17"}"#),
        // `+` is a literal plus, as with Python's unquote.
        ("%7B%22a%22%3A%22x+y%22%7D", #"{"a":"x+y"}"#),
        // Not valid percent-encoding: returned unchanged rather than dropped.
        (#"{"Sid":"100%"}"#, #"{"Sid":"100%"}"#),
    ])
    func policyDecodingMatchesBotocoreUnquote(_ wire: String, _ expected: String) {
        #expect(IAMClient.decodePolicyDocument(wire) == expected)
    }

    @Test func noSuchEntityMeansTheRoleDoesNotExist() async throws {
        let transport = ScriptedTransport([
            .status(404, body: AWSResponses.queryError(code: "NoSuchEntity", message: "The role with name missing-role cannot be found."))
        ])

        let role = try await TestClients.iam(transport).getRole(name: "missing-role")

        #expect(role == nil)
    }

    @Test func otherErrorsAreThrown() async throws {
        let transport = ScriptedTransport([
            .status(403, body: AWSResponses.queryError(code: "AccessDenied", message: "User is not authorized to perform: iam:GetRole"))
        ])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.iam(transport).getRole(name: "r") }

        #expect(error?.code == "AccessDenied")
    }

    @Test func aRoleWithoutCreateDateIsReportedAsUndecodable() async throws {
        let body = "<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName><RoleId>id</RoleId><Arn>arn</Arn></Role></GetRoleResult></GetRoleResponse>"
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.iam(transport).getRole(name: "r") }

        #expect(error?.kind == .undecodableResponse(reason: "no <CreateDate> element"))
    }
}
