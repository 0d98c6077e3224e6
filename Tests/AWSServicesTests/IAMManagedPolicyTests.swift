import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// The managed-policy calls teardown uses: what goes on the wire (checked against botocore's IAM model), how the
/// documented XML answers decode, and how paging and `NoSuchEntity` are handled.
@Suite struct IAMManagedPolicyTests {
    typealias R = IAMResponses
    static let arn = IAMResponses.policyArn

    enum Operation: String, CaseIterable, Sendable {
        case GetPolicy, ListEntitiesForPolicy, DetachRolePolicy, DetachUserPolicy, DetachGroupPolicy
        case ListPolicyVersions, DeletePolicyVersion, DeletePolicy

        var reply: ScriptedTransport.Reply {
            switch self {
            case .GetPolicy: .status(200, body: R.getPolicy())
            case .ListEntitiesForPolicy: .status(200, body: R.listEntitiesForPolicy(roles: ["r"]))
            case .ListPolicyVersions: .status(200, body: R.listPolicyVersions([("v1", true)]))
            default: .status(200, body: R.empty(rawValue))
            }
        }

        /// Every optional member the client supports is set.
        func call(_ iam: IAMClient) async throws {
            switch self {
            case .GetPolicy: _ = try await iam.getPolicy(arn: arn)
            case .ListEntitiesForPolicy: _ = try await iam.listEntitiesForPolicy(arn: arn, marker: "m1", maxItems: 10)
            case .DetachRolePolicy: try await iam.detachRolePolicy(roleName: "cfn-exec", policyArn: arn)
            case .DetachUserPolicy: try await iam.detachUserPolicy(userName: "cli", policyArn: arn)
            case .DetachGroupPolicy: try await iam.detachGroupPolicy(groupName: "admins", policyArn: arn)
            case .ListPolicyVersions: _ = try await iam.listPolicyVersions(arn: arn, marker: "m1", maxItems: 10)
            case .DeletePolicyVersion: try await iam.deletePolicyVersion(arn: arn, versionId: "v2")
            case .DeletePolicy: try await iam.deletePolicy(arn: arn)
            }
        }
    }

    @Test func everyOperationIsCovered() {
        #expect(Operation.allCases.count == 8)
    }

    @Test(arguments: Operation.allCases)
    func requestMatchesTheBotocoreModel(_ operation: Operation) async throws {
        guard let checker = BotocoreCheck.checker("iam") else { return }
        #expect(checker.model.operation(operation.rawValue) != nil, "botocore has no \(operation.rawValue)")
        let transport = ScriptedTransport([operation.reply])

        try await operation.call(TestClients.iam(transport))

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(BotocoreCheck.problems(checker, operation.rawValue, request) == [])
        #expect(TestClients.form(request)["Action"] == operation.rawValue)
    }

    @Test func theCheckerCatchesAMissingRequiredMember() throws {
        guard let checker = BotocoreCheck.checker("iam") else { return }
        let client = TestClients.client(.iam, transport: ScriptedTransport([]))
        var parameters = QueryParameters()
        parameters.set("PolicyArn", Self.arn)

        let problems = BotocoreCheck.problems(checker, "DetachRolePolicy", try client.queryRequest(action: "DetachRolePolicy", parameters: parameters))

        #expect(problems.contains { $0.contains("required member 'RoleName' is missing") })
    }

    @Test func getPolicyDecodesTheDocumentedAnswer() async throws {
        let transport = ScriptedTransport([.status(200, body: R.getPolicy(defaultVersion: "v3", attachments: 2))])

        let policy = try #require(try await TestClients.iam(transport).getPolicy(arn: Self.arn))

        #expect(policy.policyName == "mlopsctl-hnb659fds-cfn-exec-dev")
        #expect(policy.arn == Self.arn)
        #expect(policy.policyId == "ANPAJ2UCCR6DPCEXAMPLE")
        #expect(policy.path == "/")
        #expect(policy.defaultVersionId == "v3")
        #expect(policy.attachmentCount == 2)
        #expect(policy.description == "What CloudFormation may do in dev")
        #expect(policy.createDate == Date(timeIntervalSince1970: 1_795_912_740))
        #expect(TestClients.form(transport.requests.first) == ["Action": "GetPolicy", "Version": "2010-05-08", "PolicyArn": Self.arn])
    }

    @Test func aPolicyThatDoesNotExistIsNil() async throws {
        let transport = ScriptedTransport([
            .status(404, body: R.error(code: "NoSuchEntity", message: "Policy \(Self.arn) does not exist or is not attachable."))
        ])

        #expect(try await TestClients.iam(transport).getPolicy(arn: Self.arn) == nil)
    }

    @Test func getPolicyThrowsOtherErrors() async throws {
        let transport = ScriptedTransport([.status(403, body: R.error(code: "AccessDenied", message: "not authorized to perform: iam:GetPolicy"))])

        let error = await #expect(throws: AWSServiceError.self) { _ = try await TestClients.iam(transport).getPolicy(arn: Self.arn) }

        #expect(error?.code == "AccessDenied")
    }

    @Test func entitiesAreReadByTypeAndEveryPageIsFollowed() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listEntitiesForPolicy(roles: ["cfn-exec", "deploy"], users: ["cli"], marker: "page+2/=")),
            .status(200, body: R.listEntitiesForPolicy(groups: ["admins"])),
        ])

        let entities = try await TestClients.iam(transport).allEntitiesForPolicy(arn: Self.arn)

        #expect(entities == IAMPolicyEntities(roleNames: ["cfn-exec", "deploy"], userNames: ["cli"], groupNames: ["admins"]))
        #expect(transport.requests.count == 2)
        #expect(TestClients.form(transport.requests.first)["Marker"] == nil)
        #expect(TestClients.form(transport.requests.last)["Marker"] == "page+2/=")
    }

    @Test func anAttachedNowhereListIsEmpty() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listEntitiesForPolicy())])

        let page = try await TestClients.iam(transport).listEntitiesForPolicy(arn: Self.arn)

        #expect(page.entities.isEmpty)
        #expect(page.marker == nil)
    }

    @Test func versionsAreReadAcrossPagesWithTheDefaultMarked() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.listPolicyVersions([("v3", true), ("v2", false)], marker: "m")),
            .status(200, body: R.listPolicyVersions([("v1", false)])),
        ])

        let versions = try await TestClients.iam(transport).allPolicyVersions(arn: Self.arn)

        #expect(versions.map(\.versionId) == ["v3", "v2", "v1"])
        #expect(versions.map(\.isDefaultVersion) == [true, false, false])
        #expect(versions.first?.createDate == Date(timeIntervalSince1970: 1_795_912_740))
        #expect(TestClients.form(transport.requests.last)["Marker"] == "m")
    }

    @Test func aMarkerRepeatedForeverIsAnErrorNotALoop() async throws {
        let page = ScriptedTransport.Reply.status(200, body: R.listPolicyVersions([("v1", true)], marker: "same"))
        let transport = ScriptedTransport([page, page, page])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.iam(transport).allPolicyVersions(arn: Self.arn) }

        #expect(error?.kind == .undecodableResponse(reason: "IAM returned the same <Marker> twice"))
        #expect(transport.requests.count == 2)
    }

    @Test func aTruncatedPageWithoutMarkerIsUndecodable() async throws {
        let body = R.listPolicyVersions([("v1", true)]).replacingOccurrences(of: "<IsTruncated>false", with: "<IsTruncated>true")
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.iam(transport).listPolicyVersions(arn: Self.arn) }

        #expect(error?.kind == .undecodableResponse(reason: "no <Marker> element"))
    }

    @Test func detachingSendsTheEntityAndThePolicy() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.empty("DetachRolePolicy")), .status(200, body: R.empty("DetachUserPolicy")),
            .status(200, body: R.empty("DetachGroupPolicy")),
        ])
        let iam = TestClients.iam(transport)

        try await iam.detachRolePolicy(roleName: "cfn-exec", policyArn: Self.arn)
        try await iam.detachUserPolicy(userName: "cli", policyArn: Self.arn)
        try await iam.detachGroupPolicy(groupName: "admins", policyArn: Self.arn)

        let forms = transport.requests.map { TestClients.form($0) }
        #expect(forms.map { $0["Action"] } == ["DetachRolePolicy", "DetachUserPolicy", "DetachGroupPolicy"])
        #expect(forms.map { $0["RoleName"] ?? $0["UserName"] ?? $0["GroupName"] } == ["cfn-exec", "cli", "admins"])
        #expect(forms.allSatisfy { $0["PolicyArn"] == Self.arn })
    }

    @Test func deletingAPolicyStillAttachedIsADeleteConflict() async throws {
        let transport = ScriptedTransport([
            .status(409, body: R.error(code: "DeleteConflict", message: "Cannot delete a policy attached to entities."))
        ])

        let error = await #expect(throws: AWSServiceError.self) { try await TestClients.iam(transport).deletePolicy(arn: Self.arn) }

        #expect(error?.code == "DeleteConflict")
        #expect(TestClients.form(transport.requests.first) == ["Action": "DeletePolicy", "Version": "2010-05-08", "PolicyArn": Self.arn])
    }
}
